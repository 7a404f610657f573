/* Answering a self-assessment question (mkdocs-quiz's runtime) deliberately and audibly: choosing an option
   never submits it; its Submit button or Enter does. The feedback is read out, its labels are shown in full, each
   chosen option is marked right or wrong, and a part-right "select all" answer says how much of it was right. */
(function () {
  "use strict";

  var store = window.CourseStore;

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key !== "Enter" || !input.matches || !input.matches('.quiz input[name="answer"]')) return;
    event.preventDefault();
    var button = input.form && input.form.querySelector('button[type="submit"]');
    if (button && !button.disabled) input.form.requestSubmit(button);
  });

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

  /* mkdocs-quiz stops the submit event from bubbling, so listen while it travels down. */
  document.addEventListener("submit", function (event) {
    var quiz = event.target.closest && event.target.closest(".quiz");
    if (!quiz) return;
    window.setTimeout(function () {
      var heard = explain(quiz);
      if (heard && store) store.announce(heard);
    }, 0);
  }, true);

  /* Answers restored from an earlier visit are explained the same way, whenever mkdocs-quiz writes them: after
     instant navigation its runtime runs again, later than this page's start. */
  function watch(quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback || quiz.dataset.courseExplained) return;
    quiz.dataset.courseExplained = "true";
    new MutationObserver(function () { explain(quiz); }).observe(feedback, { childList: true });
    explain(quiz);
  }

  if (store) {
    store.onEveryPage(function () {
      document.querySelectorAll(".quiz").forEach(watch);
    });
  }
})();
