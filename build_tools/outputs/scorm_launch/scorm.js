/* The SCORM 1.2 launch page: it holds the one LMS session of a visit while the course runs, unchanged, in the frame
   below it. The LMS's saved progress is written into this browser's storage before the course loads; the course's
   own writes to storage are read back and reported (status, score, where the learner was, and the progress itself
   in cmi.suspend_data). Outside an LMS (no API anywhere) the page only shows the course. */
(function () {
  "use strict";

  var STATE_VERSION = 2; /* the shape of the learner state store.js keeps: this file writes that shape */
  var FORMAT = 2; /* the shape of cmi.suspend_data below; 1 kept attempts as a score and a pass flag */
  var LIMIT = 4096; /* cmi.suspend_data is a CMIString4096; counted in UTF-8 bytes, which are never fewer */
  var MAX_OPTIONS = 8; /* the quiz contract's most options: each answer is a bitmask of option values 0-7 */
  var CONFIDENCE_MOMENTS = ["before", "after"]; /* the learner's ratings at the start, and before the certificate */

  var config = JSON.parse(document.getElementById("scorm-course").textContent);
  var manifest = config.manifest;
  var prefix = manifest.storagePrefix;
  var stateKey = prefix + "state";
  var noteCutKey = prefix + "lms-note-cut"; /* "1" while the LMS holds only the start of the reflective note */
  var sources = Object.keys(manifest.quizzes).sort();
  var finalSource = sources.filter(function (src) { return manifest.quizzes[src].final; })[0] || null;
  var finalQuiz = finalSource ? manifest.quizzes[finalSource] : null;
  /* The final assessment's question ids in page order: its answers are kept by position in suspend_data. */
  var examIds = finalQuiz ? Object.keys(finalQuiz.key.answers) : [];
  var storage = openStorage();
  var noteCut = false; /* whether the last suspend_data had to cut the reflective note */

  document.addEventListener("DOMContentLoaded", watchFrame);

  var api = findApi();
  if (!api) return;
  if (!isTrue(call("LMSInitialize"))) {
    /* In an LMS that would not start the session, another learner's progress may still be in this browser (a
       shared computer): the course starts empty, and says why nothing is saved. */
    forgetLocal();
    problem("Your learning system did not start this session" + lmsError() + ", so your progress will not be " +
      "saved to it. Close the course and open it again; if this keeps happening, tell your learning system's " +
      "administrators.");
    return;
  }
  window.courseLmsConnected = true; /* the course's pages say their data goes to the LMS */

  var started = Date.now();
  var finished = false;
  var sent = {};
  var mode = get("cmi.core.lesson_mode");
  var reporting = mode !== "browse" && mode !== "review";
  var lmsStatus = get("cmi.core.lesson_status");
  var passedBefore = lmsStatus === "passed"; /* once passed, always passed */
  var learner = get("cmi.core.student_id");
  var pending = null;
  var uncommitted = false; /* values sent since the last commit */

  restore(get("cmi.suspend_data"));
  /* Set from the start and kept current, so an LMS that ends the session early still has them. */
  set("cmi.core.exit", "suspend"); /* the learner may come back: the LMS keeps suspend_data for them */
  report();
  /* Every change the course stores is sent at once; the commit that makes the LMS save it follows shortly. */
  window.addEventListener("storage", function (event) {
    if (event.key === null || event.key.indexOf(prefix) === 0 || event.key.indexOf("quiz_progress_") === 0) {
      if (send()) later();
    }
  });
  window.setInterval(report, 5000);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") report();
  });
  window.addEventListener("beforeunload", report);
  window.addEventListener("pagehide", finish);

  /* ---- The LMS: found by the standard search through parent windows, then the opener's. ---- */

  function findApi() {
    var found = climb(window);
    if (!found) {
      try {
        if (window.top.opener) found = climb(window.top.opener);
      } catch (error) {
        found = null; /* an opener of another origin */
      }
    }
    return found;
  }

  function climb(win) {
    for (var hops = 0; win && hops <= 500; hops++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
      } catch (error) {
        /* a window of another origin: look further up */
      }
      var parent = null;
      try {
        parent = win.parent;
      } catch (error) {
        return null;
      }
      if (!parent || parent === win) return null;
      win = parent;
    }
    return null;
  }

  /* LMSInitialize, LMSCommit or LMSFinish; an LMS that throws is an LMS that said no. */
  function call(name) {
    try {
      return api[name]("");
    } catch (error) {
      return "false";
    }
  }

  function isTrue(result) {
    return result === true || String(result) === "true";
  }

  function get(element) {
    try {
      var value = api.LMSGetValue(element);
      return value === null || value === undefined ? "" : String(value);
    } catch (error) {
      return "";
    }
  }

  /* Sends a value only when it changed; says whether it did. A value the LMS refuses is said to the learner. */
  function set(element, value) {
    if (sent[element] === value) return false;
    sent[element] = value;
    var accepted = false;
    try {
      accepted = isTrue(api.LMSSetValue(element, value));
    } catch (error) {
      accepted = false;
    }
    if (!accepted) {
      problem("Your learning system did not accept part of your progress (" + element + lmsError() + "). The " +
        "course goes on, and this browser keeps your progress; tell your learning system's administrators if " +
        "this message comes back.");
    }
    return true;
  }

  /* The LMS's own words for its last error, as " (error N: words)", or nothing. */
  function lmsError() {
    try {
      var code = String(api.LMSGetLastError());
      if (!code || code === "0") return "";
      return ": error " + code + (api.LMSGetErrorString ? ", " + api.LMSGetErrorString(code) : "");
    } catch (error) {
      return "";
    }
  }

  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(report, 500);
  }

  /* Everything the course now holds, sent to the LMS (not yet committed); says whether anything changed. */
  function send() {
    if (finished) return false;
    var snapshot = read();
    var changed = false;
    set("cmi.core.session_time", timespan(Date.now() - started)); /* kept current; committed with the rest */
    if (reporting) {
      var marks = (snapshot.state ? snapshot.state.attempts : []).map(mark);
      var best = bestPass(marks);
      if (best) passedBefore = true;
      var status = passedBefore ? "passed" : marks.length ? "failed" : null;
      if (!status && ["completed", "failed"].indexOf(lmsStatus) === -1) status = "incomplete";
      if (status) changed = set("cmi.core.lesson_status", status) || changed;
      /* Once passed, the score is the best passing one: a later attempt for practice never lowers it. */
      var scored = best || (passedBefore ? null : marks[marks.length - 1]);
      if (scored) {
        changed = set("cmi.core.score.min", "0") || changed;
        changed = set("cmi.core.score.max", "100") || changed;
        changed = set("cmi.core.score.raw", String(Math.floor((scored.correct * 100) / scored.total))) || changed;
      }
    }
    /* No state to read (storage blocked or full): what the LMS holds stays as it is. */
    if (snapshot.state) {
      var last = snapshot.state.lastPage;
      if (isObject(last) && window.CourseMarking.coursePage(manifest, last.url)) {
        changed = set("cmi.core.lesson_location", last.url.slice(0, 255)) || changed;
      }
      changed = set("cmi.suspend_data", encode(snapshot)) || changed;
      keepFullNote(snapshot.state);
    }
    uncommitted = uncommitted || changed;
    return changed;
  }

  /* Everything sent, and committed if anything is not yet. */
  function report() {
    if (finished) return;
    send();
    if (!uncommitted) return;
    uncommitted = !isTrue(call("LMSCommit"));
    if (uncommitted) {
      problem("Your learning system did not save your latest progress" + lmsError() + ". This browser keeps it; " +
        "the course tries again as you go on.");
    }
  }

  function mark(attempt) {
    return window.CourseMarking.mark(finalQuiz, attempt);
  }

  /* The passing result with the best score, or null. */
  function bestPass(marks) {
    return marks.reduce(function (best, result) {
      return result.passed && (!best || result.correct > best.correct) ? result : best;
    }, null);
  }

  function finish() {
    if (finished) return;
    send();
    call("LMSCommit");
    finished = true;
    call("LMSFinish");
  }

  /* A message to the learner, over the course, in words: what went wrong with the learning system. */
  function problem(text) {
    function show() {
      var box = document.getElementById("lms-problem");
      if (!box) return;
      box.querySelector("[data-lms-problem-text]").textContent = text;
      box.hidden = false;
      box.querySelector("[data-lms-problem-close]").onclick = function () { box.hidden = true; };
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }

  function timespan(ms) {
    var seconds = Math.floor(ms / 1000);
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(hours) + ":" + two(Math.floor(seconds / 60) % 60) + ":" + two(seconds % 60);
  }

  /* ---- Browser storage: what the course keeps, read and written as the course itself does. ---- */

  function openStorage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null;
    }
  }

  function readJson(key) {
    try {
      var value = JSON.parse(storage.getItem(key));
      return value !== null && typeof value === "object" && !Array.isArray(value) ? value : null;
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      storage.setItem(key, value);
    } catch (error) {
      /* full or blocked: the course starts without this part */
    }
  }

  function pathOf(url) {
    return new URL(url, document.baseURI).pathname;
  }

  function answersKey(src) {
    return "quiz_progress_" + pathOf(manifest.quizzes[src].url);
  }

  function versionKey(src) {
    return prefix + "quiz-version:" + src;
  }

  /* The learner state and mkdocs-quiz's answers of each quiz page, as they are now. */
  function read() {
    if (!storage) return { state: null, answers: {} };
    var state = readJson(stateKey);
    if (state && (state.version !== STATE_VERSION || !Array.isArray(state.attempts))) state = null;
    if (state) {
      state.attempts = finalQuiz ? state.attempts.filter(function (attempt) {
        return isObject(attempt) && typeof attempt.date === "string" && isObject(attempt.answers);
      }) : [];
    }
    var answers = {};
    sources.forEach(function (src) {
      var saved = readJson(answersKey(src));
      if (saved && readString(versionKey(src)) === manifest.quizzes[src].version) answers[src] = saved;
    });
    return { state: state, answers: answers };
  }

  function remove(key) {
    try {
      storage.removeItem(key);
    } catch (error) {
      /* blocked: nothing was kept either */
    }
  }

  function readString(key) {
    try {
      return storage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  /* The LMS holds this learner's progress: what this browser kept for the course (perhaps another learner's, on a
     shared computer) gives way to it. */
  function restore(text) {
    if (!forgetLocal()) return;
    var saved = decode(text);
    if (!saved) return;
    saved.state.reflection = wholeNote(saved.state.reflection);
    write(stateKey, JSON.stringify(saved.state));
    Object.keys(saved.state.quizzes).forEach(function (src) { write(versionKey(src), manifest.quizzes[src].version); });
    Object.keys(saved.answers).forEach(function (src) { write(answersKey(src), JSON.stringify(saved.answers[src])); });
  }

  /* When the note no longer fits suspend_data, the learner's whole note stays in this browser (kept for this
     learner only, beside the course's state) and the course says so on the certificate page; the next launch for
     the same learner takes the whole note back rather than the part the LMS kept. */
  function fullNoteKey() {
    return "course-full-note:" + manifest.slug + ":" + learner;
  }

  function keepFullNote(state) {
    if (noteCut) {
      write(fullNoteKey(), JSON.stringify(state.reflection));
      if (readString(noteCutKey) !== "1") write(noteCutKey, "1");
    } else if (readString(noteCutKey) !== null) {
      remove(noteCutKey);
      remove(fullNoteKey());
    }
  }

  /* The note the LMS kept, or this learner's whole note where the LMS kept the start of it. */
  function wholeNote(kept) {
    var whole = readJson(fullNoteKey());
    if (!whole) return kept;
    var longer = {};
    Object.keys(kept).forEach(function (key) {
      var full = typeof whole[key] === "string" ? whole[key] : "";
      longer[key] = full.length > kept[key].length && full.indexOf(kept[key]) === 0 ? full : kept[key];
    });
    return longer;
  }

  /* Everything this browser keeps for the course, removed; says whether storage could be used at all. */
  function forgetLocal() {
    if (!storage) return false;
    var keys = [];
    try {
      for (var i = 0; i < storage.length; i++) {
        if (storage.key(i).indexOf(prefix) === 0) keys.push(storage.key(i));
      }
      sources.forEach(function (src) { keys.push(answersKey(src)); });
      keys.forEach(function (key) { storage.removeItem(key); });
      return true;
    } catch (error) {
      return false;
    }
  }

  /* ---- cmi.suspend_data: the learner state, compact, and cut to fit 4,096 characters. ----
     A JSON object with short keys, every part optional:
       v  the format (1)
       m  modules visited, one "0" or "1" per module in course order
       l  the last page: a module's index, or [url, title]
       q  quizzes: [index of its page among the sorted quiz pages, first 6 characters of its version, answered,
          correct, answers], the answers 3 characters per question in page order: "---" not answered, else the
          chosen options as a 2-digit hex bitmask and "y" (right) or "n" (wrong)
       e  the final assessment: [version (6), submitted 1/0, 2-digit hex bitmask per question in page order, the
          questions drawn for the attempt as 2-digit hex positions in page order]
       a  attempts, each "date (milliseconds, base 36):answers", the answers a 2-digit hex bitmask per question
          in page order (each attempt is marked from them, never from a stored result; the questions it was
          drawn are those answered, as an attempt is submitted only once every question is answered)
       n  the name for the certificate
       b  dismissed banners
       r  the reflective note's parts, in course order
       c  confidence ratings: [before, after], each a digit 1-5 per statement in course order, "0" not rated
     What is cut when it is too long, first to last: dismissed banners, attempts other than the latest and the
     best pass (oldest first), the reflective note (the longest parts first, from their end), an unsubmitted
     assessment's answers, the last page, the quiz answers (their counts stay), the name, the modules visited,
     the confidence ratings (a character each, at most 10 statements a moment).
     What remains (the latest attempt and the best pass, the quiz counts) always fits. */

  function encode(snapshot) {
    var state = snapshot.state;
    var packed = { v: FORMAT };
    var visited = manifest.modules.map(function (module) {
      return isObject(state.visited) && state.visited[module.url] ? "1" : "0";
    });
    if (visited.indexOf("1") !== -1) packed.m = visited.join("");
    if (isObject(state.lastPage) && typeof state.lastPage.url === "string") {
      var index = moduleIndex(state.lastPage.url);
      packed.l = index !== -1 ? index : [state.lastPage.url, String(state.lastPage.title || "")];
    }
    var quizzes = [];
    sources.forEach(function (src, index) {
      var entry = isObject(state.quizzes) ? state.quizzes[src] : null;
      var quiz = manifest.quizzes[src];
      var tokens = answerTokens(snapshot.answers[src], quiz.total);
      if (!isObject(entry) || entry.version !== quiz.version || !(entry.answered || tokens)) return;
      quizzes.push([index, short(quiz.version), entry.answered, entry.correct, tokens]);
    });
    if (quizzes.length) packed.q = quizzes;
    var exam = state.exam;
    if (finalSource && isObject(exam) && exam.version === manifest.quizzes[finalSource].version &&
        (exam.submitted || Object.keys(exam.answers || {}).length)) {
      packed.e = [short(exam.version), exam.submitted ? 1 : 0, masks(exam.answers), positions(exam.drawn)];
    }
    if (state.attempts.length) packed.a = state.attempts.map(function (attempt) {
      return (Date.parse(attempt.date) || 0).toString(36) + ":" + masks(attempt.answers);
    });
    if (typeof state.name === "string" && state.name) packed.n = state.name;
    if (Array.isArray(state.dismissedBanners) && state.dismissedBanners.length) packed.b = state.dismissedBanners;
    var reflection = manifest.reflection.map(function (part) {
      var text = isObject(state.reflection) ? state.reflection[part.key] : "";
      return typeof text === "string" ? text : "";
    });
    while (reflection.length && !reflection[reflection.length - 1]) reflection.pop();
    if (reflection.length) packed.r = reflection;
    var ratings = CONFIDENCE_MOMENTS.map(function (moment) {
      return ratingDigits(isObject(state.confidence) ? state.confidence[moment] : null);
    });
    if (ratings.join("")) packed.c = ratings;
    var text = fit(packed, state.attempts);
    noteCut = JSON.stringify(packed.r || []) !== JSON.stringify(reflection);
    return text;
  }

  /* ---- Confidence ratings in suspend_data: a digit per statement, and back. ---- */

  function ratingDigits(ratings) {
    return manifest.confidence.map(function (statement) {
      var rating = isObject(ratings) && Object.prototype.hasOwnProperty.call(ratings, statement.key) ?
        ratings[statement.key] : 0;
      return /^[1-5]$/.test(String(rating)) ? String(rating) : "0";
    }).join("").replace(/0+$/, "");
  }

  function ratingsOf(packed) {
    var confidence = { before: {}, after: {} };
    CONFIDENCE_MOMENTS.forEach(function (moment, index) {
      var digits = Array.isArray(packed) && typeof packed[index] === "string" ? packed[index] : "";
      manifest.confidence.forEach(function (statement, at) {
        if (/^[1-5]$/.test(digits.charAt(at))) confidence[moment][statement.key] = Number(digits.charAt(at));
      });
    });
    return confidence;
  }

  /* Answers by question id as a 2-digit hex bitmask per question of the final assessment, in page order. */
  function masks(answers) {
    return examIds.map(function (id) {
      var mask = bitmask(isObject(answers) && Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null);
      return hex(mask === null ? 0 : mask);
    }).join("");
  }

  function piece(read) {
    try {
      read();
    } catch (error) {
      /* this part of suspend_data is malformed: the course starts without it */
    }
  }

  /* Question ids as the 2-digit hex positions of the final assessment's questions, and back. */
  function positions(ids) {
    return (Array.isArray(ids) ? ids : []).filter(function (id) { return examIds.indexOf(id) !== -1; }).map(
      function (id) { return hex(examIds.indexOf(id)); }).join("");
  }

  function idsAt(text) {
    var found = [];
    for (var at = 0; typeof text === "string" && at + 2 <= text.length; at += 2) {
      var id = examIds[parseInt(text.substr(at, 2), 16)];
      if (id) found.push(id);
    }
    return found;
  }

  function answersOf(text) {
    var answers = {};
    examIds.forEach(function (id, index) {
      var mask = parseInt(text.substr(index * 2, 2), 16);
      if (mask) answers[id] = values(mask);
    });
    return answers;
  }

  function fit(packed, attempts) {
    var steps = [
      function () { delete packed.b; },
      function () { keepAttempts(packed, attempts); },
      function () { cutReflection(packed); },
      function () { if (packed.e && !packed.e[1]) delete packed.e; },
      function () { delete packed.l; },
      function () { (packed.q || []).forEach(function (quiz) { quiz[4] = ""; }); },
      function () { delete packed.n; },
      function () { delete packed.m; },
      function () { delete packed.c; },
      function () { delete packed.e; delete packed.r; },
    ];
    for (var i = 0; !fits(packed) && i < steps.length; i++) steps[i]();
    return JSON.stringify(packed);
  }

  function fits(packed) {
    return size(JSON.stringify(packed)) <= LIMIT;
  }

  function size(text) {
    return new TextEncoder().encode(text).length;
  }

  /* The latest attempt and the best pass always stay (they decide the status and score); then as many of the
     most recent others as fit. */
  function keepAttempts(packed, attempts) {
    if (!packed.a) return;
    var marks = attempts.map(mark);
    var best = marks.indexOf(bestPass(marks));
    var tokens = packed.a;
    var others = [];
    tokens.forEach(function (token, index) { if (index !== best && index !== tokens.length - 1) others.push(index); });
    var keep = largest(others.length, function (count) {
      packed.a = chosen(tokens, others.slice(others.length - count), best);
      return fits(packed);
    });
    packed.a = chosen(tokens, others.slice(others.length - keep), best);
  }

  function chosen(tokens, indexes, best) {
    return tokens.filter(function (token, index) {
      return index === best || index === tokens.length - 1 || indexes.indexOf(index) !== -1;
    });
  }

  /* Every part of the note longer than some length is cut to it: short parts stay whole. */
  function cutReflection(packed) {
    if (!packed.r) return;
    var parts = packed.r;
    var longest = Math.max.apply(null, parts.map(function (part) { return part.length; }));
    var cap = largest(longest, function (length) {
      packed.r = parts.map(function (part) { return cut(part, length); });
      return fits(packed);
    });
    packed.r = parts.map(function (part) { return cut(part, cap); });
  }

  function cut(text, length) {
    if (text.length <= length) return text;
    var end = length;
    var code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1; /* never half a character */
    return text.slice(0, end);
  }

  /* The largest n in 0..most for which ok(n) holds, ok being true up to some n and false after it. */
  function largest(most, ok) {
    var low = 0;
    var high = most;
    while (low < high) {
      var middle = Math.ceil((low + high) / 2);
      if (ok(middle)) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  function answerTokens(saved, total) {
    if (!saved) return "";
    var tokens = "";
    for (var position = 0; position < total; position++) {
      var entry = saved["quiz-" + position];
      var mask = isObject(entry) && entry.answered === true ? bitmask(entry.selectedValues) : null;
      tokens += mask === null ? "---" : hex(mask) + (entry.correct === true ? "y" : "n");
    }
    return tokens.replace(/(---)+$/, "");
  }

  function bitmask(values) {
    if (!Array.isArray(values) || !values.length) return null;
    var mask = 0;
    for (var i = 0; i < values.length; i++) {
      var value = Number(values[i]);
      if (String(values[i]) !== String(value) || value % 1 !== 0 || value < 0 || value >= MAX_OPTIONS) return null;
      mask |= 1 << value;
    }
    return mask;
  }

  function values(mask) {
    var found = [];
    for (var value = 0; value < MAX_OPTIONS; value++) if (mask & (1 << value)) found.push(String(value));
    return found;
  }

  function hex(mask) {
    return (mask < 16 ? "0" : "") + mask.toString(16);
  }

  function short(version) {
    return String(version).slice(0, 6);
  }

  function moduleIndex(url) {
    for (var i = 0; i < manifest.modules.length; i++) if (manifest.modules[i].url === url) return i;
    return -1;
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && value >= 0 && Math.floor(value) === value;
  }

  /* suspend_data back into the learner state and mkdocs-quiz's answers; anything unreadable is left out. */
  function decode(text) {
    var packed;
    try {
      packed = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!isObject(packed) || (packed.v !== FORMAT && packed.v !== 1)) return null;
    var state = {
      version: STATE_VERSION, quizzes: {}, visited: {}, lastPage: null, attempts: [], name: "", reflection: {},
      dismissedBanners: [], confidence: ratingsOf(null),
      exam: { answers: {}, drawn: [], submitted: false, version: finalSource ? manifest.quizzes[finalSource].version : "" },
    };
    var answers = {};
    /* Each part on its own: a malformed one is left out, the others still load. */
    piece(function () {
      if (typeof packed.m === "string") {
        manifest.modules.forEach(function (module, index) {
          if (packed.m.charAt(index) === "1") state.visited[module.url] = true;
        });
      }
    });
    piece(function () {
      if (typeof packed.l === "number" && manifest.modules[packed.l]) {
        state.lastPage = { url: manifest.modules[packed.l].url, title: manifest.modules[packed.l].title };
      } else if (Array.isArray(packed.l) && window.CourseMarking.coursePage(manifest, packed.l[0]) &&
                 typeof packed.l[1] === "string") {
        state.lastPage = { url: packed.l[0], title: packed.l[1] };
      }
    });
    piece(function () {
      (Array.isArray(packed.q) ? packed.q : []).forEach(function (entry) {
        var src = Array.isArray(entry) && isCount(entry[0]) ? sources[entry[0]] : null;
        if (!src || entry[1] !== short(manifest.quizzes[src].version) || !isCount(entry[2]) || !isCount(entry[3])) return;
        state.quizzes[src] = { version: manifest.quizzes[src].version, answered: entry[2], correct: entry[3] };
        var tokens = typeof entry[4] === "string" ? entry[4] : "";
        var saved = {};
        for (var position = 0; position * 3 < tokens.length; position++) {
          var token = tokens.substr(position * 3, 3);
          var mask = parseInt(token.slice(0, 2), 16);
          if (!/^[0-9a-f]{2}[yn]$/.test(token) || !mask) continue;
          saved["quiz-" + position] = { answered: true, correct: token.charAt(2) === "y", selectedValues: values(mask) };
        }
        if (Object.keys(saved).length) answers[src] = saved;
      });
    });
    piece(function () {
      (Array.isArray(packed.a) && finalQuiz ? packed.a : []).forEach(function (token) {
        var parts = String(token).split(":");
        var date = new Date(parseInt(parts[0], 36));
        if (parts.length !== 2 || isNaN(date.getTime()) || !/^([0-9a-f]{2})*$/.test(parts[1])) return;
        var given = answersOf(parts[1]);
        state.attempts.push({ date: date.toISOString(), questions: Object.keys(given), answers: given });
      });
    });
    piece(function () {
      var exam = packed.e;
      if (finalSource && Array.isArray(exam) && exam[0] === short(state.exam.version) && typeof exam[2] === "string") {
        state.exam.answers = answersOf(exam[2]);
        state.exam.drawn = idsAt(exam[3]);
        state.exam.submitted = exam[1] === 1 && state.attempts.length > 0;
      }
    });
    piece(function () {
      if (typeof packed.n === "string") state.name = packed.n.slice(0, manifest.nameMaxLength);
    });
    piece(function () {
      if (Array.isArray(packed.b)) {
        state.dismissedBanners = packed.b.filter(function (id) { return typeof id === "string"; });
      }
    });
    piece(function () { state.confidence = ratingsOf(packed.c); });
    piece(function () {
      manifest.reflection.forEach(function (part, index) {
        var text = Array.isArray(packed.r) ? packed.r[index] : "";
        state.reflection[part.key] = typeof text === "string" ? text : "";
      });
    });
    return { state: state, answers: answers };
  }

  /* ---- The frame: the launch page takes its title, and links to other sites open in a new tab (many refuse to
     be shown inside another page). ---- */

  function watchFrame() {
    var frame = document.getElementById("course-frame");
    var adopted = null;
    if (!frame) return;
    function adopt() {
      var doc = null;
      try {
        doc = frame.contentDocument;
      } catch (error) {
        return; /* opened from disk each file is its own origin: the course works, the title stays */
      }
      if (!doc || doc === adopted || !doc.documentElement || doc.URL === "about:blank") return;
      adopted = doc;
      if (doc.title) document.title = doc.title;
      doc.addEventListener("click", function (event) {
        var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
        if (!link || link.target) return;
        var url = new URL(link.href, doc.baseURI);
        if (/^https?:$/.test(url.protocol) && url.origin !== window.location.origin) {
          link.target = "_blank";
          link.rel = "noopener";
        }
      });
    }
    frame.addEventListener("load", adopt);
    adopt();
  }
})();
