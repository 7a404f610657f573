/* The final assessment: score, pass or fail against the quiz file's pass mark, dated attempts, a fresh retake.
   Also announces every quiz answer's feedback to screen readers, which mkdocs-quiz does not. */
(function () {
  "use strict";

  var store = window.CourseStore;
  if (!store) return;
  var final = store.finalQuiz();

  function isFinalPage() {
    var marker = document.querySelector("[data-course-quiz]");
    return !!(final && marker && marker.dataset.courseQuiz === final.src);
  }

  /* An attempt is recorded when the last question is answered on this page, never when a finished attempt is
     merely shown again after a reload. The count is kept on the page's own marker, so it starts afresh with
     every page (and with every instant navigation). */
  window.addEventListener("quizProgressUpdate", function (event) {
    if (!isFinalPage()) return;
    var marker = document.querySelector("[data-course-quiz]");
    var before = marker.dataset.answered === undefined ? null : Number(marker.dataset.answered);
    var detail = event.detail;
    marker.dataset.answered = String(detail.answered);
    if (before !== null && before < detail.total && detail.answered === detail.total) {
      var passed = store.percent(detail.correct, detail.total) >= final.quiz.passMark;
      store.state.attempts.push({
        date: new Date().toISOString(), correct: detail.correct, total: detail.total, passed: passed,
      });
      store.save();
      store.announce(resultSentence(store.state.attempts[store.state.attempts.length - 1]), true);
    }
    renderResult();
  });

  function resultSentence(attempt) {
    var score = store.percent(attempt.correct, attempt.total);
    return "You scored " + score + "% (" + attempt.correct + " of " + attempt.total + " correct). The pass mark is " +
      final.quiz.passMark + "%. " + (attempt.passed ? "You passed." : "You did not pass this time.");
  }

  function renderResult() {
    var widget = document.querySelector("[data-course-assessment]");
    if (!widget || !final) return;
    var result = widget.querySelector("[data-course-result]");
    var retake = widget.querySelector('[data-action="retake"]');
    var counts = store.quizProgress(final.src);
    var attempts = store.state.attempts;
    var latest = attempts[attempts.length - 1];
    result.innerHTML = "";
    var paragraph = document.createElement("p");
    if (counts.answered === counts.total && latest) {
      result.dataset.outcome = latest.passed ? "pass" : "fail";
      var strong = document.createElement("strong");
      strong.textContent = latest.passed ? "Passed. " : "Not passed. ";
      paragraph.appendChild(strong);
      paragraph.appendChild(document.createTextNode(resultSentence(latest) + " "));
      var next = document.createElement("a");
      if (latest.passed && store.manifest.pages.certificate) {
        next.href = store.siteUrl(store.manifest.pages.certificate).href;
        next.textContent = "Get your certificate";
      } else {
        next.href = store.siteUrl(store.manifest.modules[0].url).href;
        next.textContent = "Review the modules";
      }
      paragraph.appendChild(next);
      retake.hidden = false;
    } else {
      delete result.dataset.outcome;
      paragraph.textContent = "You have answered " + counts.answered + " of " + counts.total + " questions. " +
        "Answer them all to see your score. The pass mark is " + final.quiz.passMark + "%.";
      retake.hidden = counts.answered === 0;
    }
    result.appendChild(paragraph);
    if (!retake.dataset.bound) {
      retake.dataset.bound = "true";
      retake.addEventListener("click", function () {
        store.clearQuizAnswers(final.src);
        store.save();
        location.reload();
      });
    }
  }

  function renderAttempts() {
    var attempts = store.state.attempts;
    document.querySelectorAll("[data-course-attempts]").forEach(function (container) {
      if (!attempts.length) return;
      container.innerHTML = "";
      var table = document.createElement("table");
      table.innerHTML = "<caption>Your final assessment attempts, newest first</caption>" +
        '<thead><tr><th scope="col">Date</th><th scope="col">Score</th><th scope="col">Result</th></tr></thead>';
      var body = document.createElement("tbody");
      attempts.slice().reverse().forEach(function (attempt) {
        var row = body.insertRow();
        row.insertCell().textContent = store.longDate(attempt.date);
        row.insertCell().textContent = store.percent(attempt.correct, attempt.total) + "% (" + attempt.correct +
          " of " + attempt.total + ")";
        row.insertCell().textContent = attempt.passed ? "\u2713 Passed" : "\u2717 Not passed";
      });
      table.appendChild(body);
      container.appendChild(table);
    });
  }

  /* Feedback that mkdocs-quiz only shows, read out through the page's live region too. */
  function announceFeedback(event) {
    var quiz = event.target.closest && event.target.closest(".quiz");
    if (!quiz) return;
    window.setTimeout(function () {
      var feedback = quiz.querySelector(".quiz-feedback:not(.hidden)");
      if (!feedback || !feedback.textContent.trim()) return;
      var right = !!feedback.querySelector(".quiz-feedback-item.correct");
      var parts = Array.prototype.map.call(feedback.querySelectorAll(".quiz-feedback-item-content"), function (item) {
        return item.textContent.replace(/\s+/g, " ").trim();
      });
      store.announce((right ? "Correct. " : "Not quite. ") + parts.join(" "));
    }, 0);
  }

  document.addEventListener("change", announceFeedback);
  document.addEventListener("submit", announceFeedback);

  store.onChange(function () {
    renderAttempts();
    renderResult();
  });
  store.onEveryPage(function () {
    renderAttempts();
    renderResult();
  });
})();
