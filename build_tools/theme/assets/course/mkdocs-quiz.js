/* Course.quiz: the only browser code that knows mkdocs-quiz, the package that runs the self-assessment questions:
   its markup, the event it sends when a page's answers change, and the format of the answers it keeps in the
   browser (under the key prefix the course data names). Everything else asks this file.

   On course pages it also makes answering deliberate and audible: choosing an option never submits it; its Submit
   button or Enter does. The feedback is read out, its labels are shown in full, each chosen option is marked right
   or wrong, and a part-right "select all" answer says how much of it was right. */
(function (root) {
  "use strict";

  var Course = root.Course = root.Course || {};
  var PROGRESS_EVENT = "quizProgressUpdate";
  var ENTRY = /^quiz-(\d+)$/; /* each question's answer, by its position on the page */

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* ---- Storage: mkdocs-quiz keeps a page's answers as JSON under its prefix and the page's path. ---- */

  function answersKey(manifest, path) {
    return manifest.storage.quizAnswers + path;
  }

  /* A page's saved answers (as text) with every malformed entry dropped, or null when nothing is usable: one
     malformed entry would stop every quiz on the page. `total` is how many questions the page has. */
  function soundAnswers(text, total) {
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
      var match = ENTRY.exec(position);
      if (!match || Number(match[1]) >= total || !isObject(entry) || typeof entry.answered !== "boolean") return;
      if (entry.answered && !(typeof entry.correct === "boolean" && Array.isArray(entry.selectedValues) &&
          entry.selectedValues.length && entry.selectedValues.every(function (v) { return /^[0-9]$/.test(String(v)); }))) {
        return;
      }
      sound[position] = entry;
    });
    return JSON.stringify(sound);
  }

  /* A page's saved answers (parsed) as a list by position: null where not answered, else {values, correct}. */
  function answerList(saved, total) {
    var list = [];
    for (var position = 0; position < total; position++) {
      var entry = isObject(saved) ? saved["quiz-" + position] : null;
      list.push(isObject(entry) && entry.answered === true && Array.isArray(entry.selectedValues) ?
        { values: entry.selectedValues.map(String), correct: entry.correct === true } : null);
    }
    return list;
  }

  /* The stored form of such a list. */
  function savedAnswers(list) {
    var saved = {};
    list.forEach(function (answer, position) {
      if (answer) saved["quiz-" + position] = { answered: true, correct: answer.correct, selectedValues: answer.values };
    });
    return saved;
  }

  /* fn(answered, correct) whenever the quizzes of the page shown report their counts. */
  function onProgress(fn) {
    root.addEventListener(PROGRESS_EVENT, function (event) { fn(event.detail.answered, event.detail.correct); });
  }

  /* ---- Markup. ---- */

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* What mkdocs-quiz wrote as feedback, made plain; returns what a screen reader should hear, or "". */
  function explain(quiz) {
    var feedback = quiz.querySelector(".quiz-feedback:not(.hidden)");
    if (!feedback || !feedback.textContent.trim()) return "";
    var options = Array.prototype.slice.call(quiz.querySelectorAll('input[name="answer"]'));
    var rightOption = {};
    options.forEach(function (input) {
      var label = quiz.querySelector('label[for="' + input.id + '"]');
      if (label) rightOption[label.textContent.trim()] = input.hasAttribute("data-correct");
    });
    feedback.querySelectorAll(".quiz-feedback-badge[title]").forEach(function (badge) {
      var title = badge.getAttribute("title");
      badge.textContent = title;
      var item = badge.closest(".quiz-feedback-item");
      if (item && title in rightOption) {
        item.classList.toggle("correct", rightOption[title]);
        item.classList.toggle("incorrect", !rightOption[title]);
      }
    });
    var correct = options.filter(function (input) { return input.hasAttribute("data-correct"); });
    var chosenRight = correct.filter(function (input) { return input.checked; }).length;
    var chosenWrong = options.filter(function (input) {
      return input.checked && !input.hasAttribute("data-correct");
    }).length;
    var right = chosenRight === correct.length && chosenWrong === 0;
    var tally = "";
    if (!right && options.length && options[0].type === "checkbox") {
      tally = "Not quite: you chose " + chosenRight + " of the " + plural(correct.length, "correct answer",
        "correct answers") + (chosenWrong ? " and " + plural(chosenWrong, "answer that is", "answers that are") +
        " not correct" : "") + ". All the correct answers are now marked.";
      var line = feedback.querySelector(".course-quiz-tally");
      if (!line) {
        line = document.createElement("p");
        line.className = "course-quiz-tally";
        feedback.insertBefore(line, feedback.firstChild);
      }
      if (line.textContent !== tally) line.textContent = tally;
    }
    var parts = Array.prototype.map.call(feedback.querySelectorAll(".quiz-feedback-item"), function (item) {
      var badge = item.querySelector(".quiz-feedback-badge");
      var content = item.querySelector(".quiz-feedback-item-content") || item;
      var words = content.textContent.replace(/\s+/g, " ").trim();
      return badge ? badge.textContent.trim() + ": " + words : words;
    });
    return (tally || (right ? "Correct." : "Not quite.")) + " " + parts.join(" ");
  }

  /* Answers restored from an earlier visit are explained the same way, whenever mkdocs-quiz writes them: after
     instant navigation its runtime runs again, later than this page's start. */
  function watch(quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback || quiz.dataset.courseExplained) return;
    quiz.dataset.courseExplained = "true";
    new MutationObserver(function () { explain(quiz); }).observe(feedback, { childList: true });
    explain(quiz);
  }

  /* The quizzes of the page shown, explained as they are answered; run on every page. */
  function enhance() {
    document.querySelectorAll(".quiz").forEach(watch);
  }

  /* Enter on an option submits it, and the feedback is read out; course pages only (they load the course data). */
  function listen() {
    document.addEventListener("keydown", function (event) {
      var input = event.target;
      if (event.key !== "Enter" || !input.matches || !input.matches('.quiz input[name="answer"]')) return;
      event.preventDefault();
      var button = input.form && input.form.querySelector('button[type="submit"]');
      if (button && !button.disabled) input.form.requestSubmit(button);
    });
    /* mkdocs-quiz stops the submit event from bubbling, so listen while it travels down. */
    document.addEventListener("submit", function (event) {
      var quiz = event.target.closest && event.target.closest(".quiz");
      if (!quiz) return;
      root.setTimeout(function () {
        var heard = explain(quiz);
        if (heard && Course.store) Course.store.announce(heard);
      }, 0);
    }, true);
  }

  if (root.document && root.CourseData) listen();

  var api = {
    answersKey: answersKey, soundAnswers: soundAnswers, answerList: answerList, savedAnswers: savedAnswers,
    onProgress: onProgress, enhance: enhance,
  };
  Course.quiz = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
