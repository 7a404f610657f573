/* Learner state for one course, kept only in this browser: versioned, namespaced, and safe when storage is
   blocked (private browsing), full or corrupt. Other scripts use window.CourseStore. */
(function () {
  "use strict";

  var STATE_VERSION = 2; /* 2: attempts keep their answers, and are marked from them each time */
  var manifest = window.CourseData; /* the course's data, from the file every page loads first */
  if (!manifest) return;
  var marking = window.CourseMarking;
  var stateKey = manifest.storagePrefix + "state";
  /* Set by the SCORM launch page while the learning system holds only the start of the reflective note. */
  var noteCutKey = manifest.storagePrefix + "lms-note-cut";
  var memory = {};
  var listeners = [];
  holdInFileShell();
  var backend = openStorage();
  var persistent = backend !== null;

  /* The offline copy opened from disk. Some browsers (Firefox, by default) give every file a storage of its own,
     so the copy's pages run inside one holder page whose storage keeps the progress of them all (see
     outputs/offline_shell/shell.js). A page opened on its own goes into the holder. Inside it, a page takes what the
     holder keeps from its own address (so it is there before anything runs, mkdocs-quiz included), hands back
     every change it stores, and passes what it holds on to the next page of the copy it links to. */
  function holdInFileShell() {
    var shell = manifest.fileShell;
    if (location.protocol !== "file:" || !shell) return;
    var root = window.__md_scope || new URL(".", document.baseURI);
    var path = location.pathname.indexOf(root.pathname) === 0 ?
      location.pathname.slice(root.pathname.length) + location.hash : "";
    if (window.parent === window) {
      location.replace(new URL(shell.page, root).href + "#" + encodeURIComponent(path));
      return;
    }
    var handed = new URLSearchParams(location.search).get(shell.param);
    var held = null;
    try {
      held = JSON.parse(handed);
    } catch (error) {
      held = null;
    }
    window.parent.postMessage({ type: "course-page", path: path, title: document.title, held: isObject(held) }, "*");
    if (!isObject(held)) return; /* the holder shows this page again, with what it keeps */
    history.replaceState(history.state, "", location.pathname + location.hash);
    var own;
    try {
      own = window.localStorage;
      own.getItem(stateKey);
    } catch (error) {
      return; /* storage blocked: the page runs for this visit only, and says so */
    }
    var kept = function (key) {
      return typeof key === "string" && (key.indexOf(manifest.storagePrefix) === 0 || key.indexOf("quiz_progress_") === 0);
    };
    var proto = Storage.prototype;
    var setItem = proto.setItem;
    var removeItem = proto.removeItem;
    for (var i = own.length - 1; i >= 0; i--) {
      if (kept(own.key(i)) && !marking.has(held, own.key(i))) removeItem.call(own, own.key(i));
    }
    Object.keys(held).forEach(function (key) {
      if (kept(key) && typeof held[key] === "string") setItem.call(own, key, held[key]);
    });
    function handBack(key, value) {
      if (!kept(key)) return;
      if (value === null) delete held[key];
      else held[key] = value;
      window.parent.postMessage({ type: "course-storage", key: key, value: value }, "*");
    }
    proto.setItem = function (key, value) {
      setItem.call(this, key, value);
      if (this === own) handBack(String(key), String(value));
    };
    proto.removeItem = function (key) {
      removeItem.call(this, key);
      if (this === own) handBack(String(key), null);
    };
    /* A link to another page of the copy carries what this page holds; a link to another website opens in a
       new tab, outside the holder. */
    document.addEventListener("click", function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      if (!link) return;
      if (/^https?:$/.test(link.protocol)) {
        link.target = "_blank";
        link.rel = "noopener";
      } else if (link.protocol === "file:" && link.pathname.indexOf(root.pathname) === 0 &&
                 /\.html$/.test(link.pathname) && link.pathname !== location.pathname) {
        var target = new URL(link.href);
        target.searchParams.set(shell.param, JSON.stringify(held));
        link.href = target.href;
      }
    }, true);
  }

  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = manifest.storagePrefix + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function read(key) {
    if (backend) {
      try {
        return backend.getItem(key);
      } catch (error) {
        persistent = false;
      }
    }
    return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null;
  }

  function write(key, value) {
    memory[key] = value;
    if (!backend) return;
    try {
      backend.setItem(key, value);
    } catch (error) {
      persistent = false; /* full or blocked: keep it for this visit only */
    }
  }

  function remove(key) {
    delete memory[key];
    if (!backend) return;
    try {
      backend.removeItem(key);
    } catch (error) {
      persistent = false;
    }
  }

  /* Maps keyed by what authors and learners name (question ids, page URLs): no prototype, so an id such as
     "constructor" or "__proto__" is data like any other. */
  function dict() {
    return Object.create(null);
  }

  function emptyState() {
    return {
      version: STATE_VERSION,
      quizzes: dict(),
      visited: dict(),
      lastPage: null,
      attempts: [],
      name: "",
      reflection: emptyReflection(),
      dismissedBanners: [],
      exam: emptyExam(),
      confidence: emptyConfidence(),
    };
  }

  function emptyReflection() {
    var parts = dict();
    manifest.reflection.forEach(function (part) { parts[part.key] = ""; });
    return parts;
  }

  /* The final assessment in progress: the answers given so far (by question id, option values as written), and
     whether they have been submitted (then the page shows them marked). */
  function emptyExam() {
    var final = finalQuiz();
    return { answers: dict(), drawn: [], submitted: false, version: final ? final.quiz.version : "" };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isCount(value) {
    return typeof value === "number" && value >= 0 && Math.floor(value) === value;
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

  function ids(list) {
    return Array.isArray(list) ? list.filter(function (id) { return typeof id === "string"; }) : [];
  }

  function coursePage(url) {
    return marking.coursePage(manifest, url);
  }

  /* The state as stored, checked part by part: whatever is unreadable or of the wrong shape is dropped on its
     own, and the rest kept. A state of version 1 keeps everything but its attempts, which held only a score and
     a pass flag: the last of them is kept only when its answers are still there to mark it from. */
  function parseState(text) {
    var state = emptyState();
    var saved;
    try {
      saved = JSON.parse(text || "null");
    } catch (error) {
      return state;
    }
    if (!isObject(saved) || (saved.version !== STATE_VERSION && saved.version !== 1)) return state;
    if (isObject(saved.quizzes)) {
      Object.keys(saved.quizzes).forEach(function (src) {
        var entry = saved.quizzes[src];
        if (isObject(entry) && typeof entry.version === "string" && isCount(entry.answered) && isCount(entry.correct)) {
          state.quizzes[src] = { version: entry.version, answered: entry.answered, correct: entry.correct };
        }
      });
    }
    if (isObject(saved.visited)) {
      Object.keys(saved.visited).forEach(function (url) {
        if (coursePage(url)) state.visited[url] = true;
      });
    }
    if (isObject(saved.lastPage)) {
      var page = coursePage(saved.lastPage.url);
      if (page) state.lastPage = { url: page.url, title: page.title || String(saved.lastPage.title || "") };
    }
    if (Array.isArray(saved.dismissedBanners)) {
      state.dismissedBanners = saved.dismissedBanners.filter(function (id) { return typeof id === "string"; });
    }
    if (isObject(saved.exam)) {
      state.exam.answers = answerMap(saved.exam.answers);
      state.exam.drawn = ids(saved.exam.drawn);
      if (typeof saved.exam.version === "string") state.exam.version = saved.exam.version;
    }
    if (Array.isArray(saved.attempts)) {
      var attempts = saved.attempts;
      if (saved.version === 1) {
        var last = attempts[attempts.length - 1];
        attempts = isObject(last) && isObject(saved.exam) && saved.exam.submitted === true ?
          [{ date: last.date, answers: saved.exam.answers }] : [];
      }
      state.attempts = attempts.filter(function (attempt) {
        return isObject(attempt) && typeof attempt.date === "string" && !isNaN(Date.parse(attempt.date)) &&
          isObject(attempt.answers);
      }).map(function (attempt) {
        var kept = { date: attempt.date, answers: answerMap(attempt.answers) };
        if (Array.isArray(attempt.questions)) kept.questions = ids(attempt.questions);
        return kept;
      });
    }
    if (isObject(saved.exam)) state.exam.submitted = saved.exam.submitted === true && state.attempts.length > 0;
    state.confidence = confidenceRatings(saved.confidence);
    if (typeof saved.name === "string") state.name = saved.name.slice(0, manifest.nameMaxLength);
    if (isObject(saved.reflection)) {
      Object.keys(state.reflection).forEach(function (part) {
        if (marking.has(saved.reflection, part) && typeof saved.reflection[part] === "string") {
          state.reflection[part] = saved.reflection[part];
        }
      });
    }
    return state;
  }

  /* ---- Confidence ratings: by moment ("before" the course, "after" it), each statement's rating 1-5 by its
     key; a statement not rated has none. ---- */

  var CONFIDENCE_MOMENTS = ["before", "after"];

  function emptyConfidence() {
    return { before: dict(), after: dict() };
  }

  /* The ratings as stored, checked: only the course's statements, only whole ratings from 1 to 5. */
  function confidenceRatings(saved) {
    var ratings = emptyConfidence();
    CONFIDENCE_MOMENTS.forEach(function (moment) {
      var given = isObject(saved) ? saved[moment] : null;
      manifest.confidence.forEach(function (statement) {
        var rating = isObject(given) && marking.has(given, statement.key) ? given[statement.key] : null;
        if (isRating(rating)) ratings[moment][statement.key] = rating;
      });
    });
    return ratings;
  }

  function isRating(value) {
    return typeof value === "number" && value >= 1 && value <= 5 && Math.floor(value) === value;
  }

  /* ---- Two tabs, one state: every write merges with what is stored at that moment. ----
     `stored` is the state as this tab last read or wrote it. What this tab changed since then wins over what
     another tab changed; what only the other tab changed is kept; lists (attempts, dismissed banners) keep the
     items either side added. */

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function merged(base, ours, theirs) {
    if (same(ours, base)) return theirs;
    if (same(theirs, base)) return ours;
    if (Array.isArray(ours) && Array.isArray(theirs)) {
      var kept = theirs.filter(function (item) { return !contains(base, item) || contains(ours, item); });
      return kept.concat(ours.filter(function (item) { return !contains(theirs, item) && !contains(base, item); }));
    }
    if (isObject(ours) && isObject(theirs)) {
      var result = Object.getPrototypeOf(ours) === null ? dict() : {};
      var keys = Object.keys(theirs).concat(Object.keys(ours).filter(function (k) { return !marking.has(theirs, k); }));
      keys.forEach(function (k) {
        var value = merged(field(base, k), field(ours, k), field(theirs, k));
        if (value !== undefined) result[k] = value;
      });
      return result;
    }
    return ours;
  }

  function field(object, key) {
    return isObject(object) && marking.has(object, key) ? object[key] : undefined;
  }

  function contains(list, item) {
    return Array.isArray(list) && list.some(function (other) { return same(other, item); });
  }

  var stored = read(stateKey);
  var state = parseState(stored);

  /* ---- Progress kept in a file, for a browser that forgets it (a shared computer) or keeps it per file (the
     offline copy opened from disk): the state and mkdocs-quiz's answers of each quiz page, with the course and
     the file's format. Restoring merges the file with this browser's progress as two tabs merge, from an empty
     base: what only one side has is kept, lists (attempts, so every pass) keep the items of both, and where both
     hold a different value (the name, a part of the note, a rating, an answer) this browser's stays. The
     assessment in progress and the last page are taken whole, this browser's unless it has none. ---- */

  var FILE_KIND = "course-progress";
  var FILE_FORMAT = 1;

  function answersKey(src) {
    return "quiz_progress_" + siteUrl(manifest.quizzes[src].url).pathname;
  }

  /* mkdocs-quiz's answered questions of a quiz page, when they fit the page's questions as they are now. */
  function quizAnswers(src) {
    var quiz = manifest.quizzes[src];
    if (read(manifest.storagePrefix + "quiz-version:" + src) !== quiz.version) return {};
    var sound = soundQuizAnswers(read(answersKey(src)), quiz.total);
    return sound === null ? {} : answered(JSON.parse(sound));
  }

  function answered(entries) {
    var kept = {};
    Object.keys(entries).forEach(function (position) {
      if (entries[position].answered === true) kept[position] = entries[position];
    });
    return kept;
  }

  function progressFile() {
    var answers = {};
    Object.keys(manifest.quizzes).forEach(function (src) {
      var given = quizAnswers(src);
      if (Object.keys(given).length) answers[src] = { version: manifest.quizzes[src].version, answers: given };
    });
    return { kind: FILE_KIND, format: FILE_FORMAT, course: manifest.slug, title: manifest.title,
      saved: new Date().toISOString(), state: state, answers: answers };
  }

  /* A file's text checked: { file } when it is this course's progress in a format this copy reads, else
     { problem: "not-progress" | "other-course" | "newer", course } (the other course's title). */
  function checkProgressFile(text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return { problem: "not-progress" };
    }
    if (!isObject(file) || file.kind !== FILE_KIND || typeof file.format !== "number" || !isObject(file.state) ||
        typeof file.course !== "string" || typeof file.saved !== "string" || isNaN(Date.parse(file.saved))) {
      return { problem: "not-progress" };
    }
    if (file.course !== manifest.slug) return { problem: "other-course", course: String(file.title || file.course) };
    if (file.format > FILE_FORMAT || file.state.version > STATE_VERSION) return { problem: "newer" };
    return { file: file };
  }

  /* A checked file merged into this browser's progress; returns what the file held. */
  function restoreProgress(file) {
    var theirs = parseState(JSON.stringify(file.state));
    var ours = state;
    var both = merged(emptyState(), ours, theirs);
    both.exam = same(ours.exam, emptyExam()) ? theirs.exam : ours.exam;
    both.lastPage = ours.lastPage || theirs.lastPage;
    state = parseState(JSON.stringify(both));
    var restoredQuizzes = Object.keys(manifest.quizzes).filter(function (src) {
      return restoreQuizAnswers(src, isObject(file.answers) ? file.answers[src] : null);
    }).length;
    save();
    return {
      attempts: theirs.attempts.length,
      passes: theirs.attempts.map(markAttempt).filter(function (result) { return result.passed; }).length,
      quizzes: restoredQuizzes,
      ratings: CONFIDENCE_MOMENTS.reduce(function (total, moment) {
        return total + Object.keys(theirs.confidence[moment]).length;
      }, 0),
      parts: Object.keys(theirs.reflection).filter(function (part) { return theirs.reflection[part].trim(); }).length,
      saved: file.saved,
    };
  }

  /* One quiz page's answers from the file merged with this browser's, and its counts made from them; says whether
     the file had answers for the page as it is now. */
  function restoreQuizAnswers(src, saved) {
    var quiz = manifest.quizzes[src];
    if (!isObject(saved) || saved.version !== quiz.version) return false;
    var sound = soundQuizAnswers(JSON.stringify(saved.answers), quiz.total);
    var theirs = sound === null ? {} : answered(JSON.parse(sound));
    if (!Object.keys(theirs).length) return false;
    var both = merged({}, quizAnswers(src), theirs);
    write(manifest.storagePrefix + "quiz-version:" + src, quiz.version);
    write(answersKey(src), JSON.stringify(both));
    var entries = Object.keys(both).map(function (position) { return both[position]; });
    state.quizzes[src] = { version: quiz.version, answered: entries.length,
      correct: entries.filter(function (entry) { return entry.correct === true; }).length };
    return true;
  }

  function notify() {
    listeners.forEach(function (listener) {
      listener(state);
    });
  }

  /* This tab's state with what another tab stored since this tab last read or wrote, checked as any read is. */
  function withStored(now) {
    return parseState(JSON.stringify(merged(parseState(stored), state, parseState(now))));
  }

  function save() {
    var now = read(stateKey);
    if (now !== stored) state = withStored(now);
    state.attempts.sort(function (a, b) { return Date.parse(a.date) - Date.parse(b.date); });
    stored = JSON.stringify(state);
    write(stateKey, stored);
    notify();
  }

  /* Another tab wrote: take its changes in at once, so this tab shows them and never writes back a stale copy. */
  window.addEventListener("storage", function (event) {
    if (event.key === noteCutKey) notify();
    if (event.key !== stateKey && event.key !== null) return;
    var now = read(stateKey);
    if (now === stored) return;
    state = withStored(now);
    stored = now;
    notify();
  });

  /* A site URL from the manifest ("modules/x/") as an absolute URL on this site. */
  function siteUrl(url) {
    var root = window.__md_scope || new URL(".", document.baseURI);
    return new URL(url, root);
  }

  function currentUrl() {
    var here = location.pathname;
    var match = null;
    manifest.modules.concat(Object.keys(manifest.quizzes).map(function (src) {
      return manifest.quizzes[src];
    })).forEach(function (page) {
      if (siteUrl(page.url).pathname === here) match = page.url;
    });
    return match;
  }

  function quizProgress(src) {
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

  /* Course-wide progress, from the per-page counts mkdocs-quiz reports. */
  function progress() {
    var modules = manifest.modules.map(function (module) {
      var counts = module.quiz ? quizProgress(module.quiz) : { total: 0, answered: 0, correct: 0 };
      var visited = !!state.visited[module.url];
      var status = "not-started";
      if (counts.total > 0 ? counts.answered === counts.total : visited) status = "completed";
      else if (counts.answered > 0 || visited) status = "started";
      return { url: module.url, title: module.title, status: status, total: counts.total, answered: counts.answered,
        correct: counts.correct };
    });
    function sum(field) {
      return modules.reduce(function (total, module) {
        return total + module[field];
      }, 0);
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

  function finalQuiz() {
    var found = null;
    Object.keys(manifest.quizzes).forEach(function (src) {
      if (manifest.quizzes[src].final) found = { src: src, quiz: manifest.quizzes[src] };
    });
    return found;
  }

  /* An attempt's score and result, worked out from its answers and the key: a stored flag unlocks nothing. */
  function markAttempt(attempt) {
    var final = finalQuiz();
    var result = final ? marking.mark(final.quiz, attempt) : { correct: 0, total: 0, passed: false };
    result.date = attempt.date;
    return result;
  }

  function bestPass() {
    return state.attempts.map(markAttempt).filter(function (result) { return result.passed; }).reduce(
      function (best, result) { return !best || result.correct / result.total > best.correct / best.total ? result : best; },
      null);
  }

  /* Forget everything this course keeps, including mkdocs-quiz's saved answers for its pages. */
  function reset() {
    Object.keys(manifest.quizzes).forEach(function (src) {
      clearQuizAnswers(src);
      remove(manifest.storagePrefix + "quiz-version:" + src);
    });
    state = emptyState();
    remove(stateKey);
    save();
  }

  function clearQuizAnswers(src) {
    remove(answersKey(src));
    delete state.quizzes[src];
  }

  /* mkdocs-quiz keeps answers by page and position: when this page's questions changed, they no longer fit; and
     one malformed entry would stop its every quiz on the page, so each is checked before it reads them. */
  function dropStaleAnswers() {
    var marker = document.querySelector("[data-course-quiz]");
    var src = marker && marker.dataset.courseQuiz;
    var quiz = src && marking.has(manifest.quizzes, src) ? manifest.quizzes[src] : null;
    if (!quiz) return;
    var key = manifest.storagePrefix + "quiz-version:" + src;
    if (read(key) !== quiz.version) {
      clearQuizAnswers(src);
      write(key, quiz.version);
      save();
      return;
    }
    var text = read(answersKey(src));
    if (text === null) return;
    var sound = soundQuizAnswers(text, quiz.total);
    if (sound === null) remove(answersKey(src));
    else if (sound !== text) write(answersKey(src), sound);
  }

  /* mkdocs-quiz's saved answers with every malformed entry dropped (as text), or null when nothing is usable. */
  function soundQuizAnswers(text, total) {
    var saved;
    try {
      saved = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!isObject(saved)) return null;
    var sound = {};
    Object.keys(saved).forEach(function (position) {
      var entry = saved[position];
      var match = /^quiz-(\d+)$/.exec(position);
      if (!match || Number(match[1]) >= total || !isObject(entry) || typeof entry.answered !== "boolean") return;
      if (entry.answered && !(typeof entry.correct === "boolean" && Array.isArray(entry.selectedValues) &&
          entry.selectedValues.length && entry.selectedValues.every(function (v) { return /^[0-9]$/.test(String(v)); }))) {
        return;
      }
      sound[position] = entry;
    });
    return JSON.stringify(sound);
  }

  /* Whole percentages, rounded down, so a score shown is never above the score made (79.5% shows as 79%). */
  function percent(part, whole) {
    return whole > 0 ? Math.floor((part * 100) / whole) : 0;
  }

  function longDate(iso) {
    return new Date(iso).toLocaleDateString(manifest.locale, { day: "numeric", month: "long", year: "numeric" });
  }

  /* Messages for screen readers. Those that arrive together are read as one, "last" ones at the end, so a
     final score follows the feedback on the answer that completed the assessment. */
  var pending = [];

  function announce(message, last) {
    pending.push({ message: message, last: !!last });
    if (pending.length > 1) return;
    window.setTimeout(function () {
      var region = document.getElementById("course-announcer");
      var ordered = pending.filter(function (p) { return !p.last; }).concat(pending.filter(function (p) {
        return p.last;
      }));
      pending = [];
      if (!region) return;
      region.textContent = ordered.map(function (p) { return p.message; }).join(" ");
    }, 50);
  }

  /* How the course reaches the learner, for the privacy wording: "lms" inside a learning system (the SCORM launch
     page around this one says it holds an LMS session), "disk" opened from files, else "web". */
  function delivery() {
    try {
      if (window.parent !== window && window.parent.courseLmsConnected === true) return "lms";
    } catch (error) {
      /* a parent of another origin: not the course's launch page */
    }
    return location.protocol === "file:" ? "disk" : "web";
  }

  /* Run fn on every page, with Material's instant navigation or without it. */
  function onEveryPage(fn) {
    if (window.document$) window.document$.subscribe(fn);
    else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  window.CourseStore = {
    manifest: manifest,
    get state() { return state; },
    get persistent() { return persistent; },
    save: save,
    onChange: function (listener) { listeners.push(listener); },
    siteUrl: siteUrl,
    currentUrl: currentUrl,
    quizProgress: quizProgress,
    progress: progress,
    finalQuiz: finalQuiz,
    markAttempt: markAttempt,
    bestPass: bestPass,
    reset: reset,
    clearQuizAnswers: clearQuizAnswers,
    dropStaleAnswers: dropStaleAnswers,
    emptyExam: emptyExam,
    percent: percent,
    longDate: longDate,
    announce: announce,
    onEveryPage: onEveryPage,
    delivery: delivery,
    noteCut: function () { return read(noteCutKey) === "1"; },
    progressFile: progressFile,
    checkProgressFile: checkProgressFile,
    restoreProgress: restoreProgress,
  };
})();
