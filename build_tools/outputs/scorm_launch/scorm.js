/* The SCORM 1.2 launch page: it holds the one LMS session of a visit while the course runs, unchanged, in the frame
   below it. The LMS's saved progress is written into this browser's storage before the course loads; the course's
   own writes to storage are read back and reported (status, score, where the learner was, and the progress itself
   in cmi.suspend_data). Outside an LMS (no API anywhere) the page only shows the course. */
(function () {
  "use strict";

  var Course = window.Course;
  var schema = Course.state;
  var config = JSON.parse(document.getElementById("scorm-course").textContent);
  var manifest = config.manifest;
  var keys = manifest.storage; /* keys.noteCut is "1" while the LMS holds only the start of the reflective note */
  var sources = Object.keys(manifest.quizzes);
  var storage = openStorage();

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
    if (event.key === null || keys.kept.some(function (prefix) { return event.key.indexOf(prefix) === 0; })) {
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
      var marks = (snapshot.state ? snapshot.state.attempts : []).map(function (attempt) {
        return schema.markAttempt(manifest, attempt);
      });
      var best = schema.bestPass(marks);
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
      if (last) changed = set("cmi.core.lesson_location", last.url.slice(0, 255)) || changed;
      var packed = Course.suspendData.encode(manifest, snapshot);
      changed = set("cmi.suspend_data", packed.text) || changed;
      keepFullNote(snapshot.state, packed.noteCut);
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
    return Course.quiz.answersKey(manifest, pathOf(manifest.quizzes[src].url));
  }

  function versionKey(src) {
    return keys.quizVersion + src;
  }

  /* The learner state and mkdocs-quiz's answers of each quiz page, as they are now. */
  function read() {
    if (!storage) return { state: null, answers: {} };
    var state = schema.parse(manifest, readString(keys.state));
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
    var saved = Course.suspendData.decode(manifest, text);
    if (!saved) return;
    saved.state.reflection = wholeNote(saved.state.reflection);
    write(keys.state, JSON.stringify(saved.state));
    Object.keys(saved.state.quizzes).forEach(function (src) { write(versionKey(src), manifest.quizzes[src].version); });
    Object.keys(saved.answers).forEach(function (src) { write(answersKey(src), JSON.stringify(saved.answers[src])); });
  }

  /* When the note no longer fits suspend_data, the learner's whole note stays in this browser (kept for this
     learner only, beside the course's state) and the course says so on the certificate page; the next launch for
     the same learner takes the whole note back rather than the part the LMS kept. */
  function fullNoteKey() {
    return keys.fullNote + learner;
  }

  function keepFullNote(state, noteCut) {
    if (noteCut) {
      write(fullNoteKey(), JSON.stringify(state.reflection));
      if (readString(keys.noteCut) !== "1") write(keys.noteCut, "1");
    } else if (readString(keys.noteCut) !== null) {
      remove(keys.noteCut);
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
    var found = [];
    try {
      for (var i = 0; i < storage.length; i++) {
        if (storage.key(i).indexOf(manifest.storagePrefix) === 0) found.push(storage.key(i));
      }
      sources.forEach(function (src) { found.push(answersKey(src)); });
      found.forEach(function (key) { storage.removeItem(key); });
      return true;
    } catch (error) {
      return false;
    }
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
