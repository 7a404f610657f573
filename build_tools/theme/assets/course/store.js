/* Course.store: the learner state of one course, kept only in this browser, in the shape Course.state defines; safe
   when storage is blocked (private browsing), full or corrupt. It saves, merges what another tab saved, and tells
   each listener when a piece of the state it listens to has changed. */
(function () {
  "use strict";

  var Course = window.Course = window.Course || {};
  var manifest = window.CourseData; /* the course's data, from the file every page loads first */
  if (!manifest) return;
  var schema = Course.state;
  var quizzes = Course.quiz;
  var has = Course.marking.has;
  var keys = manifest.storage;
  var memory = {};
  var listeners = [];
  holdInFileShell();
  var backend = openStorage();
  var persistent = backend !== null;

  /* Whether a key is one this course keeps (its own, or the quizzes' answers on its pages). */
  function kept(key) {
    return typeof key === "string" && keys.kept.some(function (prefix) { return key.indexOf(prefix) === 0; });
  }

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
    window.parent.postMessage({ type: "course-page", path: path, title: document.title, held: schema.isObject(held) }, "*");
    if (!schema.isObject(held)) return; /* the holder shows this page again, with what it keeps */
    history.replaceState(history.state, "", location.pathname + location.hash);
    var own;
    try {
      own = window.localStorage;
      own.getItem(keys.state);
    } catch (error) {
      return; /* storage blocked: the page runs for this visit only, and says so */
    }
    var proto = Storage.prototype;
    var setItem = proto.setItem;
    var removeItem = proto.removeItem;
    for (var i = own.length - 1; i >= 0; i--) {
      if (kept(own.key(i)) && !has(held, own.key(i))) removeItem.call(own, own.key(i));
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
      var probe = keys.probe;
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

  function parsed(text) {
    return schema.parse(manifest, text) || schema.empty(manifest);
  }

  var stored = read(keys.state); /* the state as this tab last read or wrote it */
  var state = parsed(stored);
  /* The state as listeners were last told it: a copy, since pages change the state in place before they save. */
  var shown = snapshot();

  function snapshot() {
    return JSON.parse(JSON.stringify(state));
  }

  /* Tells each listener whose pieces changed since they were last told ("persistent" and "noteCut" name the
     storage's condition and the learning system's note, which are not pieces of the state). */
  function notify(also) {
    var changed = schema.changed(shown, state).concat(also || []);
    shown = snapshot();
    if (!changed.length) return;
    listeners.forEach(function (listener) {
      if (!listener.pieces || listener.pieces.some(function (name) { return changed.indexOf(name) !== -1; })) {
        listener.fn(state);
      }
    });
  }

  /* This tab's state with what another tab stored since this tab last read or wrote. */
  function withStored(now) {
    return schema.merge(manifest, parsed(stored), state, parsed(now));
  }

  function save() {
    var now = read(keys.state);
    var wasPersistent = persistent;
    if (now !== stored) state = withStored(now);
    stored = JSON.stringify(state);
    write(keys.state, stored);
    notify(persistent === wasPersistent ? [] : ["persistent"]);
  }

  /* Another tab wrote: take its changes in at once, so this tab shows them and never writes back a stale copy. */
  window.addEventListener("storage", function (event) {
    if (event.key === keys.noteCut) notify(["noteCut"]);
    if (event.key !== keys.state && event.key !== null) return;
    var now = read(keys.state);
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

  function quizAnswersKey(src) {
    return quizzes.answersKey(manifest, siteUrl(manifest.quizzes[src].url).pathname);
  }

  function markAttempt(attempt) {
    return schema.markAttempt(manifest, attempt);
  }

  /* Forget everything this course keeps, including the quizzes' saved answers for its pages. */
  function reset() {
    Object.keys(manifest.quizzes).forEach(function (src) {
      clearQuizAnswers(src);
      remove(keys.quizVersion + src);
    });
    state = schema.empty(manifest);
    remove(keys.state);
    save();
  }

  function clearQuizAnswers(src) {
    remove(quizAnswersKey(src));
    delete state.quizzes[src];
  }

  /* A quiz page's saved answers (parsed), when they were given to its questions as they are now; else {}. */
  function savedQuizAnswers(src) {
    if (read(keys.quizVersion + src) !== manifest.quizzes[src].version) return {};
    var sound = quizzes.soundAnswers(read(quizAnswersKey(src)), manifest.quizzes[src].total);
    return sound === null ? {} : JSON.parse(sound);
  }

  function allQuizAnswers() {
    var answers = {};
    Object.keys(manifest.quizzes).forEach(function (src) { answers[src] = savedQuizAnswers(src); });
    return answers;
  }

  /* This browser's progress as a progress file (Course.progressFile). */
  function progressFile() {
    return Course.progressFile.make(manifest, state, allQuizAnswers(), new Date());
  }

  /* A checked progress file merged into this browser's progress; returns what the file held. */
  function restoreProgress(file) {
    var restored = Course.progressFile.restore(manifest, state, allQuizAnswers(), file);
    Object.keys(restored.answers).forEach(function (src) {
      write(keys.quizVersion + src, manifest.quizzes[src].version);
      write(quizAnswersKey(src), JSON.stringify(restored.answers[src]));
    });
    state = restored.state;
    save();
    return restored.held;
  }

  /* The quizzes keep answers by page and position: when this page's questions changed, they no longer fit; and a
     malformed entry is dropped before the quizzes read them. */
  function dropStaleAnswers() {
    var marker = document.querySelector("[data-course-quiz]");
    var src = marker && marker.dataset.courseQuiz;
    var quiz = src && has(manifest.quizzes, src) ? manifest.quizzes[src] : null;
    if (!quiz) return;
    if (read(keys.quizVersion + src) !== quiz.version) {
      clearQuizAnswers(src);
      write(keys.quizVersion + src, quiz.version);
      save();
      return;
    }
    var answersKey = quizAnswersKey(src);
    var text = read(answersKey);
    if (text === null) return;
    var sound = quizzes.soundAnswers(text, quiz.total);
    if (sound === null) remove(answersKey);
    else if (sound !== text) write(answersKey, sound);
  }

  /* Whole percentages, rounded down, so a score shown is never above the score made (79.5% shows as 79%). */
  function percent(part, whole) {
    return whole > 0 ? Math.floor((part * 100) / whole) : 0;
  }

  /* One formatter for the page: toLocaleDateString makes a new one on every call, some 20 ms each. */
  var longDates = null;

  function longDate(iso) {
    longDates = longDates || new Intl.DateTimeFormat(manifest.locale, { day: "numeric", month: "long", year: "numeric" });
    return longDates.format(new Date(iso));
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

  Course.store = {
    manifest: manifest,
    get state() { return state; },
    get persistent() { return persistent; },
    save: save,
    /* fn(state) after a save or another tab's write changed one of the named pieces (all when none are named). */
    onChange: function (pieces, fn) {
      listeners.push(typeof pieces === "function" ? { pieces: null, fn: pieces } : { pieces: pieces, fn: fn });
    },
    siteUrl: siteUrl,
    currentUrl: currentUrl,
    quizProgress: function (src) { return schema.quizProgress(manifest, state, src); },
    progress: function () { return schema.progress(manifest, state); },
    finalQuiz: function () { return schema.finalQuiz(manifest); },
    markAttempt: markAttempt,
    bestPass: function () { return schema.bestPass(state.attempts.map(markAttempt)); },
    reset: reset,
    clearQuizAnswers: clearQuizAnswers,
    dropStaleAnswers: dropStaleAnswers,
    emptyExam: function () { return schema.emptyExam(manifest); },
    percent: percent,
    longDate: longDate,
    announce: announce,
    onEveryPage: onEveryPage,
    delivery: delivery,
    noteCut: function () { return read(keys.noteCut) === "1"; },
    progressFile: progressFile,
    restoreProgress: restoreProgress,
  };
})();
