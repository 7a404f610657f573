/* The final assessment. Each attempt shows the questions drawn for it from the bank; answers are kept as a draft
   and nothing about correctness shows until the learner submits the whole attempt; then the score, pass or fail
   against the pass mark, each question right or wrong with where it is taught, and (by the course's setting) the
   right options and feedback. A retake draws afresh and shows the options in a new order. Attempts are listed. */
(function () {
  "use strict";

  var Course = window.Course || {};
  var store = Course.store;
  var marking = Course.marking;
  if (!store) return;
  var final = store.finalQuiz();

  function examForm() {
    var form = document.querySelector("[data-course-exam]");
    return form && final && form.dataset.courseExam === final.src ? form : null;
  }

  /* Every question of the bank in the form. */
  function questions(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
  }

  /* The questions of this attempt, in the order shown. */
  function shown(form) {
    return questions(form).filter(function (question) { return !question.hidden; });
  }

  function inputs(question) {
    return Array.prototype.slice.call(question.querySelectorAll("input"));
  }

  function chosen(question) {
    return inputs(question).filter(function (input) { return input.checked; }).map(function (input) {
      return input.value;
    });
  }

  function isRight(question) {
    return marking.isRight(final.quiz.key, question.dataset.question, chosen(question));
  }

  function rightValues(question) {
    return marking.rightValues(final.quiz.key, question.dataset.question, inputs(question).map(function (input) {
      return input.value;
    }).sort());
  }

  function attemptNumber() {
    var attempts = store.state.attempts.length;
    return store.state.exam.submitted ? attempts - 1 : attempts;
  }

  /* The questions of this attempt, in the order drawn, kept with it so that a reload shows the same ones; a new
     attempt draws afresh, those the last attempt did not show first. */
  function drawnIds() {
    var exam = store.state.exam;
    if (marking.attemptQuestions(final.quiz, { questions: exam.drawn }).length) return exam.drawn;
    var attempts = store.state.attempts;
    var last = attempts.length ? marking.attemptQuestions(final.quiz, attempts[attempts.length - 1]) : [];
    exam.drawn = marking.draw(final.quiz, last, "draw:" + Math.random());
    store.save();
    return exam.drawn;
  }

  /* The attempt's questions, in the form in drawn order and numbered; the bank's others hidden. */
  function arrange(form) {
    var drawn = drawnIds();
    var submit = form.querySelector(".course-exam__submit");
    questions(form).forEach(function (question) {
      question.hidden = drawn.indexOf(question.dataset.question) === -1;
    });
    drawn.forEach(function (id, index) {
      var question = questions(form).filter(function (q) { return q.dataset.question === id; })[0];
      form.insertBefore(question, submit);
      question.querySelector("[data-question-number]").textContent = "Question " + (index + 1) + " of " +
        drawn.length + ".";
    });
    var attempt = Math.max(0, attemptNumber());
    questions(form).forEach(function (question) {
      if (question.hasAttribute("data-keep-order")) return;
      var box = question.querySelector(".course-exam__options");
      if (!box.dataset.built) box.dataset.built = inputs(question).map(function (input) { return input.value; }).join(",");
      marking.optionOrder(box.dataset.built.split(","), question.dataset.question, attempt).forEach(function (value) {
        box.appendChild(box.querySelector('input[value="' + value + '"]').closest(".course-exam__option"));
      });
    });
  }

  function restore(form) {
    var answers = store.state.exam.answers;
    questions(form).forEach(function (question) {
      var saved = marking.has(answers, question.dataset.question) ? answers[question.dataset.question] : [];
      inputs(question).forEach(function (input) {
        input.checked = saved.indexOf(input.value) !== -1;
      });
    });
  }

  function unanswered(form) {
    return shown(form).filter(function (question) { return chosen(question).length === 0; });
  }

  function showCount(form) {
    var line = form.querySelector("[data-course-unanswered]");
    var missing = unanswered(form).length;
    var total = shown(form).length;
    line.textContent = store.state.exam.submitted ? "" :
      "You have answered " + (total - missing) + " of " + total + " questions.";
  }

  /* What a finished attempt shows. Always: each question right or wrong, and where it is taught. The right
     options, their feedback and the explanations too when the course's setting says so: by default only after a
     pass, so that a failed attempt sends the learner back to the teaching rather than to the answers. */
  function fullReview() {
    var review = final.quiz.review;
    var attempts = store.state.attempts;
    var passed = attempts.length > 0 && store.markAttempt(attempts[attempts.length - 1]).passed;
    return review === "always" || (review === "after-pass" && passed);
  }

  function showMarked(form, marked) {
    var full = marked && fullReview();
    form.classList.toggle("course-exam--marked", marked);
    form.querySelector(".course-exam__submit button").hidden = marked;
    shown(form).forEach(function (question) {
      var right = isRight(question);
      var reviews = window.CourseFinalReview || {};
      var review = marking.has(reviews, question.dataset.question) ? reviews[question.dataset.question] : { feedback: {} };
      var rightOnes = full ? rightValues(question) : [];
      question.dataset.result = marked ? (right ? "correct" : "incorrect") : "";
      inputs(question).forEach(function (input) {
        input.disabled = marked;
        var isRightOne = rightOnes.indexOf(input.value) !== -1;
        var option = input.closest(".course-exam__option");
        option.classList.toggle("correct", full && isRightOne);
        option.classList.toggle("wrong", full && input.checked && !isRightOne);
        var feedback = option.querySelector(".course-exam__feedback");
        if (feedback) feedback.remove();
        if (full && (input.checked || isRightOne) && review.feedback[input.value]) {
          feedback = document.createElement("div");
          feedback.className = "course-exam__feedback";
          feedback.innerHTML = review.feedback[input.value]; /* the build's HTML: author text escaped there */
          option.appendChild(feedback);
        }
        var label = option.querySelector("label");
        var note = label.querySelector(".course-exam__mark");
        if (note) note.remove();
        if (full && (input.checked || isRightOne)) {
          note = document.createElement("span");
          note.className = "course-exam__mark";
          note.textContent = isRightOne ?
            (input.checked ? " (your answer: correct)" : " (correct answer)") : " (your answer: not correct)";
          label.appendChild(note);
        }
      });
      question.querySelector(".course-exam__review").hidden = !marked;
      var source = review.source ? "<p>" + review.source + "</p>" : "";
      question.querySelector("[data-review]").innerHTML = !marked ? "" : full ? review.explanation + source : source;
      question.querySelector("[data-verdict]").textContent = right ? "\u2713 Correct" : "\u2717 Not correct";
    });
    showCount(form);
  }

  function submit(form) {
    var missing = unanswered(form);
    if (missing.length) {
      var numbers = missing.map(function (question) { return shown(form).indexOf(question) + 1; });
      var message = missing.length + (missing.length === 1 ? " question is" : " questions are") +
        " not answered yet (question" + (missing.length === 1 ? " " : "s ") + numbers.join(", ") +
        "). Answer every question, then submit the assessment.";
      form.querySelector("[data-course-unanswered]").textContent = message;
      inputs(missing[0])[0].focus();
      return;
    }
    var attempt = { date: new Date().toISOString(), questions: drawnIds(), answers: Object.create(null),
      edition: window.Course.state.editionOf(store.manifest.edition) };
    shown(form).forEach(function (question) { attempt.answers[question.dataset.question] = chosen(question); });
    var marks = store.markAttempt(attempt);
    store.state.attempts.push(attempt);
    store.state.exam.submitted = true;
    store.state.quizzes[final.src] = { version: final.quiz.version, answered: marks.total, correct: marks.correct };
    store.save();
    showMarked(form, true);
    var result = document.querySelector("[data-course-result]");
    if (result) result.focus();
    store.announce(resultSentence(marks), true);
  }

  function retake(form) {
    store.state.exam = store.emptyExam();
    delete store.state.quizzes[final.src];
    store.save();
    arrange(form);
    restore(form);
    showMarked(form, false);
    inputs(shown(form)[0])[0].focus();
    store.announce(final.quiz.total < Object.keys(final.quiz.key.answers).length ?
      "A new attempt has started, with questions drawn afresh. The answers are cleared." :
      "A new attempt has started. The answers are cleared and the options are in a new order.");
  }

  function bind(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = "true";
    form.addEventListener("change", function () {
      if (store.state.exam.submitted) return;
      shown(form).forEach(function (question) {
        store.state.exam.answers[question.dataset.question] = chosen(question);
      });
      store.save();
      showCount(form);
    });
    /* Enter on an option must not submit the whole assessment by accident: only the button does. */
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input")) event.preventDefault();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!store.state.exam.submitted) submit(form);
    });
  }

  function resultSentence(attempt) {
    return "You scored " + store.percent(attempt.correct, attempt.total) + "% (" + attempt.correct + " of " +
      attempt.total + " correct). The pass mark is " + final.quiz.passMark + "%. " +
      (attempt.passed ? "You passed." : "You did not pass this time.");
  }

  function renderResult() {
    var widget = document.querySelector("[data-course-assessment]");
    if (!widget || !final) return;
    var result = widget.querySelector("[data-course-result]");
    var retakeButton = widget.querySelector('[data-action="retake"]');
    var attempts = store.state.attempts;
    var latest = attempts.length ? store.markAttempt(attempts[attempts.length - 1]) : null;
    result.innerHTML = "";
    var paragraph = document.createElement("p");
    if (store.state.exam.submitted && latest) {
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
      retakeButton.hidden = false;
    } else {
      delete result.dataset.outcome;
      paragraph.textContent = "Answer all " + final.quiz.total + " questions, then submit the assessment to see " +
        "your score. The pass mark is " + final.quiz.passMark + "%.";
      retakeButton.hidden = true;
    }
    result.appendChild(paragraph);
    if (!retakeButton.dataset.bound) {
      retakeButton.dataset.bound = "true";
      retakeButton.addEventListener("click", function () {
        var form = examForm();
        if (form) retake(form);
      });
    }
  }

  function renderAttempts() {
    var attempts = store.state.attempts.map(store.markAttempt);
    document.querySelectorAll("[data-course-attempts]").forEach(function (container) {
      container.innerHTML = ""; /* after "Reset my progress" too */
      if (!attempts.length) return;
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

  function setUp() {
    var form = examForm();
    if (form && store.state.exam.version !== final.quiz.version) {
      store.state.exam = store.emptyExam(); /* the questions changed: answers given to the old ones do not fit */
      store.save();
    }
    if (form) {
      bind(form);
      arrange(form);
      restore(form);
      showMarked(form, store.state.exam.submitted);
    }
    renderAttempts();
    renderResult();
  }

  store.onChange(["attempts", "exam"], function () {
    renderAttempts();
    renderResult();
  });
  store.onEveryPage(setUp);
})();
