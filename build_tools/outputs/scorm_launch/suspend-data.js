/* Course.suspendData: the learner state as SCORM 1.2's cmi.suspend_data, compact and cut to fit 4,096 characters,
   and back. Pure functions of the course data (the manifest) and plain values, in the shape Course.state defines;
   the quizzes' answers in the shape Course.quiz reads and writes. The SCORM launch page and Node's test runner
   load it.

   A JSON object with short keys, every part optional:
     v  the format (manifest.formats.suspendData; 1 is read alike)
     m  modules visited, one "0" or "1" per module in course order
     l  the last page: a module's index, or [url, title]
     q  quizzes: [index of its page among the sorted quiz pages, first 6 characters of its version, answered,
        correct, answers], the answers 3 characters per question in page order: "---" not answered, else the
        chosen options as a 2-digit hex bitmask and "y" (right) or "n" (wrong)
     e  the final assessment: [version (6), submitted 1/0, 2-digit hex bitmask per question in page order, the
        questions drawn for the attempt as 2-digit hex positions in page order]
     a  attempts, each "date (milliseconds, base 36):answers:edition", the answers a 2-digit hex bitmask per
        question in page order (each attempt is marked from them, never from a stored result; the questions it
        was drawn are those answered, as an attempt is submitted only once every question is answered), the
        edition the index in d of the edition it was made in (absent for an attempt kept without one)
     d  the editions the attempts kept were made in, each once: [version, built, last reviewed, next review]
     n  the name for the certificate
     b  dismissed banners
     r  the reflective note's parts, in course order
     c  confidence ratings: [before, after], each a digit 1-5 per statement in course order, "0" not rated
   What is cut when it is too long, first to last: dismissed banners, attempts other than the latest and the
   best pass (oldest first), the reflective note (the longest parts first, from their end), an unsubmitted
   assessment's answers, the last page, the quiz answers (their counts stay), the name, the modules visited,
   the confidence ratings (a character each, at most 10 statements a moment).
   What remains (the latest attempt and the best pass, with the editions they were made in, and the quiz counts)
   always fits. */
(function (root) {
  "use strict";

  var Course = root.Course = root.Course || {};
  var schema = Course.state;
  var quizzes = Course.quiz;
  var isObject = schema.isObject;
  var isCount = schema.isCount;
  var LIMIT = 4096; /* cmi.suspend_data is a CMIString4096; counted in UTF-8 bytes, which are never fewer */
  var MAX_OPTIONS = 8; /* the quiz contract's most options: each answer is a bitmask of option values 0-7 */

  /* What the codec needs to know of the course, worked out once per manifest. */
  function course(manifest) {
    var sources = Object.keys(manifest.quizzes).sort();
    var final = schema.finalQuiz(manifest);
    return {
      manifest: manifest,
      sources: sources,
      final: final,
      /* The final assessment's question ids in page order: its answers are kept by position. */
      examIds: final ? Object.keys(final.quiz.key.answers) : [],
    };
  }

  /* The state and the quizzes' saved answers ({state, answers: {src: saved}}) as suspend_data: {text, noteCut},
     noteCut saying whether the reflective note had to be cut to fit. */
  function encode(manifest, snapshot) {
    var c = course(manifest);
    var state = snapshot.state;
    var packed = { v: manifest.formats.suspendData };
    var visited = manifest.modules.map(function (module) { return state.visited[module.url] ? "1" : "0"; });
    if (visited.indexOf("1") !== -1) packed.m = visited.join("");
    if (state.lastPage) {
      var index = moduleIndex(manifest, state.lastPage.url);
      packed.l = index !== -1 ? index : [state.lastPage.url, String(state.lastPage.title || "")];
    }
    var packedQuizzes = [];
    c.sources.forEach(function (src, index) {
      var entry = state.quizzes[src];
      var quiz = manifest.quizzes[src];
      var tokens = answerTokens(snapshot.answers[src], quiz.total);
      if (!isObject(entry) || entry.version !== quiz.version || !(entry.answered || tokens)) return;
      packedQuizzes.push([index, short(quiz.version), entry.answered, entry.correct, tokens]);
    });
    if (packedQuizzes.length) packed.q = packedQuizzes;
    var exam = state.exam;
    if (c.final && exam.version === c.final.quiz.version && (exam.submitted || Object.keys(exam.answers).length)) {
      packed.e = [short(exam.version), exam.submitted ? 1 : 0, masks(c, exam.answers), positions(c, exam.drawn)];
    }
    var attempts = state.attempts.map(function (attempt) {
      var studied = attempt.edition;
      return { token: (Date.parse(attempt.date) || 0).toString(36) + ":" + masks(c, attempt.answers),
        edition: studied ? [studied.version, studied.built, studied.lastReviewed, studied.nextReview] : null };
    });
    if (attempts.length) setAttempts(packed, attempts);
    if (state.name) packed.n = state.name;
    if (state.dismissedBanners.length) packed.b = state.dismissedBanners;
    var reflection = manifest.reflection.map(function (part) { return state.reflection[part.key] || ""; });
    while (reflection.length && !reflection[reflection.length - 1]) reflection.pop();
    if (reflection.length) packed.r = reflection;
    var ratings = Course.confidence.MOMENTS.map(function (moment) {
      return ratingDigits(manifest, state.confidence[moment]);
    });
    if (ratings.join("")) packed.c = ratings;
    var text = fit(packed, attempts, state.attempts.map(function (attempt) { return schema.markAttempt(manifest, attempt); }));
    return { text: text, noteCut: JSON.stringify(packed.r || []) !== JSON.stringify(reflection) };
  }

  /* A moment's confidence ratings as a digit per statement in course order, "0" where not rated, without the
     trailing zeros; and such digits back into the ratings. */
  function ratingDigits(manifest, ratings) {
    return manifest.confidence.map(function (statement) {
      return Object.prototype.hasOwnProperty.call(ratings, statement.key) ? String(ratings[statement.key]) : "0";
    }).join("").replace(/0+$/, "");
  }

  function readRatings(manifest, digits, ratings) {
    manifest.confidence.forEach(function (statement, at) {
      if (typeof digits === "string" && /^[1-5]$/.test(digits.charAt(at))) {
        ratings[statement.key] = Number(digits.charAt(at));
      }
    });
  }

  /* Answers by question id as a 2-digit hex bitmask per question of the final assessment, in page order. */
  function masks(c, answers) {
    return c.examIds.map(function (id) {
      var mask = bitmask(isObject(answers) && Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null);
      return hex(mask === null ? 0 : mask);
    }).join("");
  }

  /* Question ids as the 2-digit hex positions of the final assessment's questions, and back. */
  function positions(c, ids) {
    return ids.filter(function (id) { return c.examIds.indexOf(id) !== -1; }).map(
      function (id) { return hex(c.examIds.indexOf(id)); }).join("");
  }

  function idsAt(c, text) {
    var found = [];
    for (var at = 0; typeof text === "string" && at + 2 <= text.length; at += 2) {
      var id = c.examIds[parseInt(text.substr(at, 2), 16)];
      if (id) found.push(id);
    }
    return found;
  }

  function answersOf(c, text) {
    var answers = {};
    c.examIds.forEach(function (id, index) {
      var mask = parseInt(text.substr(index * 2, 2), 16);
      if (mask) answers[id] = values(mask);
    });
    return answers;
  }

  function fit(packed, attempts, marks) {
    var steps = [
      function () { delete packed.b; },
      function () { keepAttempts(packed, attempts, marks); },
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

  /* Attempts ({token, edition}) as `a`, each token followed by the index in `d` of its edition: `d` holds each
     edition the attempts kept were made in, once. */
  function setAttempts(packed, attempts) {
    var editions = [];
    packed.a = attempts.map(function (attempt) {
      if (!attempt.edition) return attempt.token;
      var index = editions.map(JSON.stringify).indexOf(JSON.stringify(attempt.edition));
      if (index === -1) index = editions.push(attempt.edition) - 1;
      return attempt.token + ":" + index;
    });
    if (editions.length) packed.d = editions;
    else delete packed.d;
  }

  /* The latest attempt and the best pass always stay (they decide the status and score); then as many of the
     most recent others as fit. */
  function keepAttempts(packed, attempts, marks) {
    if (!packed.a) return;
    var best = marks.indexOf(schema.bestPass(marks));
    var others = [];
    attempts.forEach(function (attempt, index) { if (index !== best && index !== attempts.length - 1) others.push(index); });
    var keep = largest(others.length, function (count) {
      setAttempts(packed, chosen(attempts, others.slice(others.length - count), best));
      return fits(packed);
    });
    setAttempts(packed, chosen(attempts, others.slice(others.length - keep), best));
  }

  function chosen(attempts, indexes, best) {
    return attempts.filter(function (attempt, index) {
      return index === best || index === attempts.length - 1 || indexes.indexOf(index) !== -1;
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
    return quizzes.answerList(saved, total).map(function (answer) {
      var mask = answer ? bitmask(answer.values) : null;
      return mask === null ? "---" : hex(mask) + (answer.correct ? "y" : "n");
    }).join("").replace(/(---)+$/, "");
  }

  function bitmask(chosenValues) {
    if (!Array.isArray(chosenValues) || !chosenValues.length) return null;
    var mask = 0;
    for (var i = 0; i < chosenValues.length; i++) {
      var value = Number(chosenValues[i]);
      if (String(chosenValues[i]) !== String(value) || value % 1 !== 0 || value < 0 || value >= MAX_OPTIONS) return null;
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

  function moduleIndex(manifest, url) {
    for (var i = 0; i < manifest.modules.length; i++) if (manifest.modules[i].url === url) return i;
    return -1;
  }

  /* Each part on its own: a malformed one is left out, the others still load. */
  function piece(read) {
    try {
      read();
    } catch (error) {
      /* this part of suspend_data is malformed: the course starts without it */
    }
  }

  /* suspend_data back into {state, answers} (the quizzes' saved answers by quiz page), or null when it holds
     nothing this course can read; anything unreadable in it is left out. */
  function decode(manifest, text) {
    var c = course(manifest);
    var packed;
    try {
      packed = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!isObject(packed) || (packed.v !== manifest.formats.suspendData && packed.v !== 1)) return null;
    var state = schema.empty(manifest);
    var answers = {};
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
      } else if (Array.isArray(packed.l) && schema.coursePage(manifest, packed.l[0]) && typeof packed.l[1] === "string") {
        state.lastPage = { url: packed.l[0], title: packed.l[1] };
      }
    });
    piece(function () {
      (Array.isArray(packed.q) ? packed.q : []).forEach(function (entry) {
        var src = Array.isArray(entry) && isCount(entry[0]) ? c.sources[entry[0]] : null;
        if (!src || entry[1] !== short(manifest.quizzes[src].version) || !isCount(entry[2]) || !isCount(entry[3])) return;
        state.quizzes[src] = { version: manifest.quizzes[src].version, answered: entry[2], correct: entry[3] };
        var tokens = typeof entry[4] === "string" ? entry[4] : "";
        var list = [];
        for (var position = 0; position * 3 < tokens.length; position++) {
          var token = tokens.substr(position * 3, 3);
          var mask = parseInt(token.slice(0, 2), 16);
          list.push(/^[0-9a-f]{2}[yn]$/.test(token) && mask ? { values: values(mask), correct: token.charAt(2) === "y" } : null);
        }
        var saved = quizzes.savedAnswers(list);
        if (Object.keys(saved).length) answers[src] = saved;
      });
    });
    piece(function () {
      (Array.isArray(packed.a) && c.final ? packed.a : []).forEach(function (token) {
        var parts = String(token).split(":");
        var date = new Date(parseInt(parts[0], 36));
        if (parts.length < 2 || parts.length > 3 || isNaN(date.getTime()) || !/^([0-9a-f]{2})*$/.test(parts[1])) return;
        var given = answersOf(c, parts[1]);
        var attempt = { date: date.toISOString(), questions: Object.keys(given), answers: given };
        var studied = parts.length === 3 && /^[0-9]+$/.test(parts[2]) && Array.isArray(packed.d) ?
          packed.d[Number(parts[2])] : null;
        var edition = Array.isArray(studied) ? schema.editionOf({ version: studied[0], built: studied[1],
          lastReviewed: studied[2], nextReview: studied[3] }) : null;
        if (edition) attempt.edition = edition;
        state.attempts.push(attempt);
      });
    });
    piece(function () {
      var exam = packed.e;
      if (c.final && Array.isArray(exam) && exam[0] === short(state.exam.version) && typeof exam[2] === "string") {
        state.exam.answers = answersOf(c, exam[2]);
        state.exam.drawn = idsAt(c, exam[3]);
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
    piece(function () {
      Course.confidence.MOMENTS.forEach(function (moment, index) {
        readRatings(manifest, Array.isArray(packed.c) ? packed.c[index] : "", state.confidence[moment]);
      });
    });
    piece(function () {
      manifest.reflection.forEach(function (part, index) {
        var text = Array.isArray(packed.r) ? packed.r[index] : "";
        state.reflection[part.key] = typeof text === "string" ? text : "";
      });
    });
    return { state: state, answers: answers };
  }

  var api = { encode: encode, decode: decode, LIMIT: LIMIT };
  Course.suspendData = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
