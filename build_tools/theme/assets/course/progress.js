/* Course progress: counts from every quiz page, shown on every page, beside each module in the navigation, on
   the "Your progress" page, and in the home page's "Continue" link, which leads on from where the learner is. */
(function () {
  "use strict";

  var Course = window.Course || {};
  var store = Course.store;
  if (!store) return;
  var manifest = store.manifest;

  /* The quiz on this page, by the marker the build puts beside it (robust to instant navigation timing). */
  function currentQuizSrc() {
    var marker = document.querySelector("[data-course-quiz]");
    return marker && manifest.quizzes[marker.dataset.courseQuiz] ? marker.dataset.courseQuiz : null;
  }

  Course.quiz.onProgress(function (answered, correct) {
    var src = currentQuizSrc();
    if (!src) return;
    store.state.quizzes[src] = { version: manifest.quizzes[src].version, answered: answered, correct: correct };
    store.save();
  });

  function recordVisit() {
    var url = store.currentUrl();
    if (!url) return;
    var module = manifest.modules.filter(function (m) { return m.url === url; })[0];
    var assessment = manifest.pages.assessment === url;
    if (module) store.state.visited[url] = true;
    if (module || assessment) {
      store.state.lastPage = { url: url, title: module ? module.title : pageHeading() || url };
    }
    store.save();
  }

  function pageHeading() {
    var heading = document.querySelector("article h1");
    if (!heading) return "";
    var copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach(function (link) { link.remove(); });
    return copy.textContent.trim();
  }

  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  function renderLine(progress) {
    var line = document.querySelector("[data-course-progress-line]");
    if (!line) return;
    line.hidden = false;
    line.innerHTML = "";
    if (!store.persistent) {
      var warning = document.createElement("p");
      warning.className = "course-storage-warning";
      warning.innerHTML = "<strong>Your progress will not be kept.</strong> ";
      warning.appendChild(document.createTextNode(
        "This browser is not letting the course save anything (for example in private browsing), so your answers " +
        "last only until you close or reload the page."));
      line.appendChild(warning);
    }
    var text = document.createElement("p");
    text.className = "course-progress-line__text";
    text.appendChild(document.createTextNode("Your progress: " + progress.completed + " of " +
      progress.modules.length + " modules completed, " + progress.answered + " of " + progress.questions +
      " questions answered. "));
    if (manifest.pages.progress) {
      var link = document.createElement("a");
      link.href = store.siteUrl(manifest.pages.progress).href;
      link.textContent = "View your progress";
      text.appendChild(link);
    }
    line.appendChild(text);
  }

  function renderNav(progress) {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href]");
    progress.modules.forEach(function (module) {
      var path = store.siteUrl(module.url).pathname;
      links.forEach(function (link) {
        if (new URL(link.href, location.href).pathname !== path) return;
        var badge = link.querySelector(".course-nav-status");
        if (module.status === "not-started") {
          if (badge) badge.remove();
          return;
        }
        if (!badge) {
          badge = document.createElement("span");
          badge.className = "course-nav-status";
          link.appendChild(badge);
        }
        badge.dataset.status = module.status;
        var label = module.status === "completed" ? "\u2713 Done" :
          module.total ? module.answered + "/" + module.total : "Started";
        var spoken = module.status === "completed" ? "completed" :
          module.total ? module.answered + " of " + module.total + " questions answered" : "started";
        badge.innerHTML = "";
        var shown = document.createElement("span");
        shown.setAttribute("aria-hidden", "true");
        shown.textContent = label;
        var hidden = document.createElement("span");
        hidden.className = "course-visually-hidden";
        hidden.textContent = " (" + spoken + ")";
        badge.appendChild(shown);
        badge.appendChild(hidden);
      });
    });
  }

  /* Where "Continue" leads: the certificate once the assessment is passed; the last page studied while it is
     unfinished; once it is finished, the next unfinished module, or the final assessment when none is left (or,
     in a course without one, the last page studied again). */
  function continueTarget(progress) {
    var last = store.state.lastPage;
    if (store.bestPass() && manifest.pages.certificate) {
      return { url: manifest.pages.certificate, text: "You passed the final assessment: get your certificate" };
    }
    if (!last) return null;
    var at = progress.modules.map(function (m) { return m.url; }).indexOf(last.url);
    if (at >= 0 && progress.modules[at].status === "completed") {
      var unfinished = progress.modules.slice(at + 1).concat(progress.modules.slice(0, at)).filter(function (m) {
        return m.status !== "completed";
      })[0];
      if (unfinished) return { url: unfinished.url, text: "Continue with the next module: " + unfinished.title };
      if (manifest.pages.assessment) {
        return { url: manifest.pages.assessment, text: "You have finished every module: take the final assessment" };
      }
    }
    return { url: last.url, text: "Continue where you left off: " + last.title };
  }

  function renderContinue(progress) {
    var widget = document.querySelector("[data-course-continue]");
    var target = widget && continueTarget(progress);
    if (!target) return;
    var link = widget.querySelector("a");
    link.href = store.siteUrl(target.url).href;
    setText(link, target.text);
  }

  var STATUS_TEXT = { "not-started": "Not started", started: "Started", completed: "Completed \u2713" };

  function renderProgressPage(progress) {
    var widget = document.querySelector("[data-course-progress]");
    if (!widget) return;
    setText(widget.querySelector("[data-course-progress-summary]"),
      "You have completed " + progress.completed + " of " + progress.modules.length + " modules (" +
      store.percent(progress.completed, progress.modules.length) + "%) and answered " + progress.answered + " of " +
      progress.questions + " questions, " + progress.correct + " of them correctly.");
    progress.modules.forEach(function (module) {
      var row = widget.querySelector('[data-course-module="' + module.url + '"]');
      if (!row) return;
      row.dataset.status = module.status;
      setText(row.querySelector('[data-cell="status"]'), STATUS_TEXT[module.status]);
      setText(row.querySelector('[data-cell="answered"]'), module.answered + " of " + module.total);
      setText(row.querySelector('[data-cell="correct"]'), String(module.correct));
    });
  }

  function bindReset() {
    var widget = document.querySelector("[data-course-reset]");
    if (!widget || widget.dataset.bound) return;
    widget.dataset.bound = "true";
    var ask = widget.querySelector('[data-action="ask-reset"]');
    var confirmation = widget.querySelector(".course-reset__confirm");
    ask.addEventListener("click", function () {
      confirmation.hidden = false;
      ask.hidden = true;
      confirmation.querySelector('[data-action="cancel-reset"]').focus();
    });
    widget.querySelector('[data-action="cancel-reset"]').addEventListener("click", function () {
      confirmation.hidden = true;
      ask.hidden = false;
      ask.focus();
    });
    widget.querySelector('[data-action="confirm-reset"]').addEventListener("click", function () {
      store.reset();
      confirmation.hidden = true;
      ask.hidden = false;
      ask.focus();
      store.announce("Your progress for this course has been cleared.");
    });
  }

  /* "Save my progress to a file" and "Restore from a file", on the progress page. */
  function bindProgressFile() {
    var widget = document.querySelector("[data-course-progress-file]");
    if (!widget || widget.dataset.bound) return;
    widget.dataset.bound = "true";
    var text = Course.text;
    var message = widget.querySelector("[data-course-progress-file-message]");
    function say(sentence, problem) {
      message.textContent = sentence;
      message.classList.toggle("course-progress-file__message--problem", !!problem);
    }
    widget.querySelector('[data-action="save-progress-file"]').addEventListener("click", function () {
      var name = manifest.slug + "-progress-" + new Date().toISOString().slice(0, 10) + ".json";
      Course.files.download(name, "application/json", JSON.stringify(store.progressFile(), null, 1));
      say(text("progress-file-saved", { file: name }));
    });
    var input = widget.querySelector("[data-course-progress-file-input]");
    input.addEventListener("change", function () {
      if (!input.files || !input.files[0]) return;
      Course.files.readText(input.files[0], function (content) {
        input.value = "";
        var checked = Course.progressFile.check(manifest, content);
        if (!checked.file) {
          say(text("progress-file-" + checked.problem, { course: checked.course }), true);
          return;
        }
        var restored = store.restoreProgress(checked.file);
        restored.date = store.longDate(restored.saved);
        say(text("progress-file-restored", restored));
      });
    });
  }

  function render() {
    var progress = store.progress();
    renderLine(progress);
    renderNav(progress);
    renderContinue(progress);
    renderProgressPage(progress);
  }

  store.onChange(["quizzes", "visited", "lastPage", "attempts", "persistent"], render);
  store.onEveryPage(function () {
    recordVisit();
    bindReset();
    bindProgressFile();
    render();
  });
})();
