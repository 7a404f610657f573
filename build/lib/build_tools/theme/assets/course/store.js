/* Learner state for one course, kept only in this browser: versioned, namespaced, and safe when storage is
   blocked (private browsing), full or corrupt. Other scripts use window.CourseStore. */
(function () {
  "use strict";

  var STATE_VERSION = 1;
  var manifest = window.CourseData; /* the course's data, from the file every page loads first */
  if (!manifest) return;
  var stateKey = manifest.storagePrefix + "state";
  var memory = {};
  var listeners = [];
  var backend = openStorage();
  var persistent = backend !== null;

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

  function emptyState() {
    return {
      version: STATE_VERSION,
      quizzes: {},
      visited: {},
      lastPage: null,
      attempts: [],
      name: "",
      reflection: emptyReflection(),
      dismissedBanners: [],
      exam: emptyExam(),
    };
  }

  function emptyReflection() {
    var parts = {};
    manifest.reflection.forEach(function (part) { parts[part.key] = ""; });
    return parts;
  }

  /* The final assessment in progress: the answers given so far (by question id, option values as written), and
     whether they have been submitted (then the page shows them marked). */
  function emptyExam() {
    var final = finalQuiz();
    return { answers: {}, submitted: false, version: final ? final.quiz.version : "" };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* Anything unreadable, from an older version, or of the wrong shape starts afresh rather than breaking. */
  function loadState() {
    var state = emptyState();
    var saved;
    try {
      saved = JSON.parse(read(stateKey) || "null");
    } catch (error) {
      return state;
    }
    if (!isObject(saved) || saved.version !== STATE_VERSION) return state;
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
        state.visited[url] = true;
      });
    }
    if (isObject(saved.lastPage) && typeof saved.lastPage.url === "string" && typeof saved.lastPage.title === "string") {
      state.lastPage = { url: saved.lastPage.url, title: saved.lastPage.title };
    }
    if (Array.isArray(saved.attempts)) {
      state.attempts = saved.attempts.filter(function (attempt) {
        return isObject(attempt) && typeof attempt.date === "string" && isCount(attempt.correct) &&
          isCount(attempt.total) && attempt.total > 0 && typeof attempt.passed === "boolean";
      }).map(function (attempt) {
        return { date: attempt.date, correct: attempt.correct, total: attempt.total, passed: attempt.passed };
      });
    }
    if (Array.isArray(saved.dismissedBanners)) {
      state.dismissedBanners = saved.dismissedBanners.filter(function (id) { return typeof id === "string"; });
    }
    if (isObject(saved.exam) && isObject(saved.exam.answers)) {
      Object.keys(saved.exam.answers).forEach(function (id) {
        var values = saved.exam.answers[id];
        if (Array.isArray(values)) {
          state.exam.answers[id] = values.filter(function (value) { return typeof value === "string"; });
        }
      });
      state.exam.submitted = saved.exam.submitted === true && state.attempts.length > 0;
      if (typeof saved.exam.version === "string") state.exam.version = saved.exam.version;
    }
    if (typeof saved.name === "string") state.name = saved.name.slice(0, manifest.nameMaxLength);
    if (isObject(saved.reflection)) {
      Object.keys(state.reflection).forEach(function (part) {
        if (typeof saved.reflection[part] === "string") state.reflection[part] = saved.reflection[part];
      });
    }
    return state;
  }

  function isCount(value) {
    return typeof value === "number" && value >= 0 && Math.floor(value) === value;
  }

  var state = loadState();

  function save() {
    write(stateKey, JSON.stringify(state));
    listeners.forEach(function (listener) {
      listener(state);
    });
  }

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

  function bestPass() {
    return state.attempts.filter(function (attempt) { return attempt.passed; }).reduce(function (best, attempt) {
      return !best || attempt.correct / attempt.total > best.correct / best.total ? attempt : best;
    }, null);
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
    remove("quiz_progress_" + siteUrl(manifest.quizzes[src].url).pathname);
    delete state.quizzes[src];
  }

  /* mkdocs-quiz keeps answers by page and position: when this page's questions changed, they no longer fit. */
  function dropStaleAnswers() {
    var marker = document.querySelector("[data-course-quiz]");
    var quiz = marker && manifest.quizzes[marker.dataset.courseQuiz];
    if (!quiz) return;
    var key = manifest.storagePrefix + "quiz-version:" + marker.dataset.courseQuiz;
    if (read(key) !== quiz.version) {
      clearQuizAnswers(marker.dataset.courseQuiz);
      write(key, quiz.version);
      save();
    }
  }

  /* Whole percentages, rounded down, so a score shown is never above the score made (79.5% shows as 79%). */
  function percent(part, whole) {
    return whole > 0 ? Math.floor((part * 100) / whole) : 0;
  }

  /* The pass decision in whole numbers: no rounding can turn 35 of 44 (79.5%) into a pass at 80%. */
  function passes(correct, total, passMark) {
    return total > 0 && correct * 100 >= passMark * total;
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
    bestPass: bestPass,
    reset: reset,
    clearQuizAnswers: clearQuizAnswers,
    dropStaleAnswers: dropStaleAnswers,
    emptyExam: emptyExam,
    percent: percent,
    passes: passes,
    longDate: longDate,
    announce: announce,
    onEveryPage: onEveryPage,
  };
})();
