/* Answering a self-assessment question (mkdocs-quiz's runtime) deliberately and audibly: choosing an option
   never submits it; its Submit button or Enter does. The feedback is read out, and its label shown in full. */
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

  /* mkdocs-quiz stops the submit event from bubbling, so listen while it travels down. */
  document.addEventListener("submit", function (event) {
    var quiz = event.target.closest && event.target.closest(".quiz");
    if (!quiz) return;
    window.setTimeout(function () {
      var feedback = quiz.querySelector(".quiz-feedback:not(.hidden)");
      if (!feedback || !feedback.textContent.trim()) return;
      feedback.querySelectorAll(".quiz-feedback-badge[title]").forEach(function (badge) {
        badge.textContent = badge.getAttribute("title");
      });
      if (!store) return;
      var right = !!feedback.querySelector(".quiz-feedback-item.correct");
      var parts = Array.prototype.map.call(feedback.querySelectorAll(".quiz-feedback-item-content"), function (item) {
        return item.textContent.replace(/\s+/g, " ").trim();
      });
      store.announce((right ? "Correct. " : "Not quite. ") + parts.join(" "));
    }, 0);
  }, true);

  /* Answers restored from an earlier visit show their feedback labels in full too. */
  function showFullLabels() {
    document.querySelectorAll(".quiz-feedback-badge[title]").forEach(function (badge) {
      badge.textContent = badge.getAttribute("title");
    });
  }

  if (store) store.onEveryPage(function () { window.setTimeout(showFullLabels, 0); });
})();
