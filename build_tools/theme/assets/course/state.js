/* Course.state: the one contract for the learner state, which the course's pages keep in the browser and the
   SCORM launch page reports to a learning system. Pure functions of the course data (the manifest the build
   writes) and plain values: the schema, reading a stored state back (checked part by part, older versions
   migrated), three-way merging of two tabs' changes, and progress and pass computation. Storage and pages are
   store.js's; Node's test runner loads this file as it is.

   The state is made of named pieces. To add one, call Course.state.definePiece(name, rules) before the store
   loads (a script listed after this one and before store.js), with
     empty(manifest)              the piece's value in a new state;
     read(saved, manifest, state) its value from `saved` (the stored object, already migrated to this version),
                                  anything of the wrong shape left out; `state` holds the pieces defined before;
     merge(base, ours, theirs)    optional: the value when this tab (`ours`) and another (`theirs`) both changed
                                  it since `base`; by default what each side changed is kept, this tab winning
                                  where both changed the same field, lists keeping the items either side added.
   A read that throws leaves the piece empty; the merged state is read again, so a merge cannot store a bad one. */
(function (root) {
  "use strict";

  var Course = root.Course = root.Course || {};
  var marking = Course.marking;
  var has = marking.has;
  var pieces = [];

  /* Older stored versions, each made into the next. Version 1 attempts held only a score and a pass flag: the
     last of them is kept only when its answers are still there to mark it from. */
  var migrations = {
    1: function (saved) {
      var attempts = Array.isArray(saved.attempts) ? saved.attempts : [];
      var last = attempts[attempts.length - 1];
      var kept = isObject(last) && isObject(saved.exam) && saved.exam.submitted === true ?
        [{ date: last.date, answers: saved.exam.answers }] : [];
      return Object.assign({}, saved, { version: 2, attempts: kept });
    },
  };

  function definePiece(name, rules) {
    if (name === "version" || pieces.some(function (piece) { return piece.name === name; })) {
      throw new Error("Course.state: a piece named " + name + " is already defined");
    }
    pieces.push({ name: name, empty: rules.empty, read: rules.read, merge: rules.merge || merged });
  }

  /* Maps keyed by what authors and learners name (question ids, page URLs): no prototype, so an id such as
     "constructor" or "__proto__" is data like any other. */
  function dict() {
    return Object.create(null);
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && value >= 0 && Math.floor(value) === value;
  }

  function ids(list) {
    return Array.isArray(list) ? list.filter(function (id) { return typeof id === "string"; }) : [];
  }

  /* Answers by question id, each a list of option values: anything else in it is left out. */
  function answerMap(saved) {
    var answers = dict();
    if (!isObject(saved)) return answers;
    Object.keys(saved).forEach(function (id) {
      var values = saved[id];
      if (Array.isArray(values)) {
        answers[id] = values.filter(function (value) { return typeof value === "string" && /^[0-9]$/.test(value); });
      }
    });
    return answers;
  }

  /* A URL read back from storage or from a learning system, as one of the course's pages ({url, title}; the
     title is known for modules only), or null: a "last page" may lead nowhere else (never to javascript:). */
  function coursePage(manifest, url) {
    if (typeof url !== "string") return null;
    var module = manifest.modules.filter(function (m) { return m.url === url; })[0];
    if (module) return { url: url, title: module.title };
    var known = Object.keys(manifest.pages).map(function (name) { return manifest.pages[name]; })
      .concat(Object.keys(manifest.quizzes).map(function (src) { return manifest.quizzes[src].url; }));
    return known.indexOf(url) !== -1 ? { url: url, title: "" } : null;
  }

  var DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

  /* The edition of the course an attempt was made in ({version, built, lastReviewed, nextReview} as the course
     data gives it, the version null when the course names none), or null when `saved` is not one: a certificate
     shows the edition studied, not the one published when it is looked at. */
  function editionOf(saved) {
    var version = isObject(saved) ? saved.version : undefined;
    if (!(version === null || typeof version === "string" && version.length <= 20)) return null;
    var days = ["built", "lastReviewed", "nextReview"];
    if (!days.every(function (key) { return typeof saved[key] === "string" && DAY.test(saved[key]); })) return null;
    return { version: saved.version, built: saved.built, lastReviewed: saved.lastReviewed, nextReview: saved.nextReview };
  }

  /* The final assessment as {src, quiz}, or null in a course without one. */
  function finalQuiz(manifest) {
    var found = null;
    Object.keys(manifest.quizzes).forEach(function (src) {
      if (manifest.quizzes[src].final) found = { src: src, quiz: manifest.quizzes[src] };
    });
    return found;
  }

  /* The final assessment in progress: the answers given so far (by question id, option values as written), the
     questions drawn, and whether they have been submitted (then the page shows them marked). */
  function emptyExam(manifest) {
    var final = finalQuiz(manifest);
    return { answers: dict(), drawn: [], submitted: false, version: final ? final.quiz.version : "" };
  }

  /* ---- The pieces, in the order they are read (the exam's `submitted` needs the attempts). ---- */

  definePiece("quizzes", {
    empty: dict,
    read: function (saved) {
      var quizzes = dict();
      if (!isObject(saved.quizzes)) return quizzes;
      Object.keys(saved.quizzes).forEach(function (src) {
        var entry = saved.quizzes[src];
        if (isObject(entry) && typeof entry.version === "string" && isCount(entry.answered) && isCount(entry.correct)) {
          quizzes[src] = { version: entry.version, answered: entry.answered, correct: entry.correct };
        }
      });
      return quizzes;
    },
  });

  definePiece("visited", {
    empty: dict,
    read: function (saved, manifest) {
      var visited = dict();
      if (isObject(saved.visited)) {
        Object.keys(saved.visited).forEach(function (url) {
          if (coursePage(manifest, url)) visited[url] = true;
        });
      }
      return visited;
    },
  });

  definePiece("lastPage", {
    empty: function () { return null; },
    read: function (saved, manifest) {
      var page = isObject(saved.lastPage) ? coursePage(manifest, saved.lastPage.url) : null;
      return page ? { url: page.url, title: page.title || String(saved.lastPage.title || "") } : null;
    },
  });

  definePiece("attempts", {
    empty: function () { return []; },
    read: function (saved) {
      return (Array.isArray(saved.attempts) ? saved.attempts : []).filter(function (attempt) {
        return isObject(attempt) && typeof attempt.date === "string" && !isNaN(Date.parse(attempt.date)) &&
          isObject(attempt.answers);
      }).map(function (attempt) {
        var kept = { date: attempt.date, answers: answerMap(attempt.answers) };
        if (Array.isArray(attempt.questions)) kept.questions = ids(attempt.questions);
        var studied = editionOf(attempt.edition);
        if (studied) kept.edition = studied;
        return kept;
      }).sort(function (a, b) { return Date.parse(a.date) - Date.parse(b.date); });
    },
  });

  definePiece("name", {
    empty: function () { return ""; },
    read: function (saved, manifest) {
      return typeof saved.name === "string" ? saved.name.slice(0, manifest.nameMaxLength) : "";
    },
  });

  definePiece("reflection", {
    empty: function (manifest) {
      var parts = dict();
      manifest.reflection.forEach(function (part) { parts[part.key] = ""; });
      return parts;
    },
    read: function (saved, manifest) {
      var parts = dict();
      manifest.reflection.forEach(function (part) {
        var text = isObject(saved.reflection) && has(saved.reflection, part.key) ? saved.reflection[part.key] : "";
        parts[part.key] = typeof text === "string" ? text : "";
      });
      return parts;
    },
  });

  definePiece("dismissedBanners", {
    empty: function () { return []; },
    read: function (saved) { return ids(saved.dismissedBanners); },
  });

  definePiece("exam", {
    empty: emptyExam,
    read: function (saved, manifest, state) {
      var exam = emptyExam(manifest);
      if (!isObject(saved.exam)) return exam;
      exam.answers = answerMap(saved.exam.answers);
      exam.drawn = ids(saved.exam.drawn);
      if (typeof saved.exam.version === "string") exam.version = saved.exam.version;
      exam.submitted = saved.exam.submitted === true && state.attempts.length > 0;
      return exam;
    },
  });

  /* ---- The whole state. ---- */

  function empty(manifest) {
    var state = { version: manifest.formats.state };
    pieces.forEach(function (piece) { state[piece.name] = piece.empty(manifest); });
    return state;
  }

  /* The state from a stored object: migrated to this version, then read piece by piece. */
  function fromObject(manifest, saved) {
    var current = manifest.formats.state;
    while (isObject(saved) && saved.version !== current && has(migrations, saved.version)) {
      saved = migrations[saved.version](saved);
    }
    if (!isObject(saved) || saved.version !== current) return null;
    var state = { version: current };
    pieces.forEach(function (piece) {
      try {
        state[piece.name] = piece.read(saved, manifest, state);
      } catch (error) {
        state[piece.name] = piece.empty(manifest);
      }
    });
    return state;
  }

  /* The state stored as text, or null when the text holds no state this course can read (absent, corrupt, of
     an unknown version). */
  function parse(manifest, text) {
    var saved;
    try {
      saved = JSON.parse(text || "null");
    } catch (error) {
      return null;
    }
    return fromObject(manifest, saved);
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function contains(list, item) {
    return Array.isArray(list) && list.some(function (other) { return same(other, item); });
  }

  function field(object, key) {
    return isObject(object) && has(object, key) ? object[key] : undefined;
  }

  /* The default merge rule: what only one side changed since base is kept, this tab's change winning where both
     changed the same field; lists keep the items either side added and lose those either side removed. */
  function merged(base, ours, theirs) {
    if (same(ours, base)) return theirs;
    if (same(theirs, base)) return ours;
    if (Array.isArray(ours) && Array.isArray(theirs)) {
      var kept = theirs.filter(function (item) { return !contains(base, item) || contains(ours, item); });
      return kept.concat(ours.filter(function (item) { return !contains(theirs, item) && !contains(base, item); }));
    }
    if (isObject(ours) && isObject(theirs)) {
      var result = Object.getPrototypeOf(ours) === null ? dict() : {};
      var keys = Object.keys(theirs).concat(Object.keys(ours).filter(function (k) { return !has(theirs, k); }));
      keys.forEach(function (k) {
        var value = merged(field(base, k), field(ours, k), field(theirs, k));
        if (value !== undefined) result[k] = value;
      });
      return result;
    }
    return ours;
  }

  /* Two tabs, one state: this tab's state (`ours`) with what another stored (`theirs`), both changed from
     `base` (the state as this tab last read or wrote it), piece by piece, then checked as any read is. */
  function merge(manifest, base, ours, theirs) {
    var result = { version: manifest.formats.state };
    pieces.forEach(function (piece) {
      result[piece.name] = piece.merge(field(base, piece.name), ours[piece.name], field(theirs, piece.name));
    });
    return fromObject(manifest, JSON.parse(JSON.stringify(result)));
  }

  /* The names of the pieces that differ between two states. */
  function changed(before, after) {
    return pieces.map(function (piece) { return piece.name; }).filter(function (name) {
      return !same(field(before, name), field(after, name));
    });
  }

  /* ---- Progress and passing, worked out from the state and the course data every time. ---- */

  function quizProgress(manifest, state, src) {
    var quiz = manifest.quizzes[src];
    var saved = state.quizzes[src];
    var answered = 0;
    var correct = 0;
    if (saved && saved.version === quiz.version) {
      answered = Math.min(saved.answered, quiz.total);
      correct = Math.min(saved.correct, answered);
    }
    return { total: quiz.total, answered: answered, correct: correct };
  }

  /* Course-wide progress, from the per-page counts the quizzes report. */
  function progress(manifest, state) {
    var modules = manifest.modules.map(function (module) {
      var counts = module.quiz ? quizProgress(manifest, state, module.quiz) : { total: 0, answered: 0, correct: 0 };
      var visited = !!state.visited[module.url];
      var status = "not-started";
      if (counts.total > 0 ? counts.answered === counts.total : visited) status = "completed";
      else if (counts.answered > 0 || visited) status = "started";
      return { url: module.url, title: module.title, status: status, total: counts.total, answered: counts.answered,
        correct: counts.correct };
    });
    function sum(name) {
      return modules.reduce(function (total, module) { return total + module[name]; }, 0);
    }
    return {
      modules: modules,
      completed: modules.filter(function (m) { return m.status === "completed"; }).length,
      started: modules.filter(function (m) { return m.status !== "not-started"; }).length,
      questions: sum("total"),
      answered: sum("answered"),
      correct: sum("correct"),
    };
  }

  /* An attempt's score and result ({correct, total, passed, date, edition}), worked out from its answers and the
     key: a stored flag unlocks nothing. An attempt kept from before editions were recorded counts as made in this
     one. */
  function markAttempt(manifest, attempt) {
    var final = finalQuiz(manifest);
    var result = final ? marking.mark(final.quiz, attempt) : { correct: 0, total: 0, passed: false };
    result.date = attempt.date;
    result.edition = attempt.edition || editionOf(manifest.edition);
    return result;
  }

  /* Of marked attempts, the first passing one with the best score, or null. */
  function bestPass(marks) {
    return marks.reduce(function (best, result) {
      return result.passed && (!best || result.correct / result.total > best.correct / best.total) ? result : best;
    }, null);
  }

  var api = {
    definePiece: definePiece, empty: empty, parse: parse, merge: merge, changed: changed, emptyExam: emptyExam,
    finalQuiz: finalQuiz, coursePage: coursePage, quizProgress: quizProgress, progress: progress,
    markAttempt: markAttempt, bestPass: bestPass, editionOf: editionOf, dict: dict, isObject: isObject, isCount: isCount,
  };
  Course.state = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
