/* The final assessment. Answers are kept as a draft and nothing about correctness shows until the learner
   submits the whole assessment; then the score, pass or fail against the pass mark, and every question's
   feedback. A retake clears the answers and shows the options in a new order. Dated attempts are listed. */
(function () {
  "use strict";

  var store = window.CourseStore;
  var marking = window.CourseMarking;
  if (!store) return;
  var final = store.finalQuiz();

  function examForm() {
    var form = document.querySelector("[data-course-exam]");
    return form && final && form.dataset.courseExam === final.src ? form : null;
  }

  function questions(form) {
    return Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
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

  /* A small seeded generator, so an attempt's order is the same after a reload and differs between attempts. */
  function seededRandom(text) {
    var seed = 2166136261;
    for (var i = 0; i < text.length; i++) seed = Math.imul(seed ^ text.charCodeAt(i), 16777619);
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffled(values, id, attempt) {
    var order = values.slice();
    var random = seededRandom(id + ":" + attempt);
    for (var i = order.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /* Attempt 0 keeps the build's (already shuffled) order; each retake gets an order unlike the one before it. */
  function orderFor(built, id, attempt) {
    if (attempt === 0) return built;
    var previous = attempt === 1 ? built : shuffled(built, id, attempt - 1);
    var order = shuffled(built, id, attempt);
    if (order.join() === previous.join()) order = order.slice(1).concat(order.slice(0, 1));
    return order;
  }

  function attemptNumber() {
    var attempts = store.state.attempts.length;
    return store.state.exam.submitted ? attempts - 1 : attempts;
  }

  function arrange(form) {
    var attempt = Math.max(0, attemptNumber());
    questions(form).forEach(function (question) {
      if (question.hasAttribute("data-keep-order")) return;
      var box = question.querySelector(".course-exam__options");
      if (!box.dataset.built) box.dataset.built = inputs(question).map(function (input) { return input.value; }).join(",");
      orderFor(box.dataset.built.split(","), question.dataset.question, attempt).forEach(function (value) {
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
    return questions(form).filter(function (question) { return chosen(question).length === 0; });
  }

  function showCount(form) {
    var line = form.querySelector("[data-course-unanswered]");
    var missing = unanswered(form).length;
    var total = questions(form).length;
    line.textContent = store.state.exam.submitted ? "" :
      "You have answered " + (total - missing) + " of " + total + " questions.";
  }

  function showMarked(form, marked) {
    form.classList.toggle("course-exam--marked", marked);
    form.querySelector(".course-exam__submit button").hidden = marked;
    questions(form).forEach(function (question) {
      var right = isRight(question);
      var reviews = window.CourseFinalReview || {};
      var review = marking.has(reviews, question.dataset.question) ? reviews[question.dataset.question] : { feedback: {} };
      var rightOnes = marked ? rightValues(question) : [];
      question.dataset.result = marked ? (right ? "correct" : "incorrect") : "";
      inputs(question).forEach(function (input) {
        input.disabled = marked;
        var option = input.closest(".course-exam__option");
        option.classList.toggle("correct", marked && rightOnes.indexOf(input.value) !== -1);
        option.classList.toggle("wrong", marked && input.checked && !rightOnes.indexOf(input.value) !== -1);
        var feedback = option.querySelector(".course-exam__feedback");
        if (feedback) feedback.remove();
        if (marked && (input.checked || rightOnes.indexOf(input.value) !== -1) && review.feedback[input.value]) {
          feedback = document.createElement("div");
          feedback.className = "course-exam__feedback";
          feedback.innerHTML = review.feedback[input.value]; /* the build's HTML: author text escaped there */
          option.appendChild(feedback);
        }
        var label = option.querySelector("label");
        var note = label.querySelector(".course-exam__mark");
        if (note) note.remove();
        if (marked && (input.checked || rightOnes.indexOf(input.value) !== -1)) {
          note = document.createElement("span");
          note.className = "course-exam__mark";
          note.textContent = rightOnes.indexOf(input.value) !== -1 ?
            (input.checked ? " (your answer: correct)" : " (correct answer)") : " (your answer: not correct)";
          label.appendChild(note);
        }
      });
      question.querySelector(".course-exam__review").hidden = !marked;
      question.querySelector("[data-review]").innerHTML = marked ? review.explanation + (review.source ?
        "<p>" + review.source + "</p>" : "") : "";
      question.querySelector("[data-verdict]").textContent = right ? "\u2713 Correct" : "\u2717 Not correct";
    });
    showCount(form);
  }

  function submit(form) {
    var missing = unanswered(form);
    if (missing.length) {
      var numbers = missing.map(function (question) { return questions(form).indexOf(question) + 1; });
      var message = missing.length + (missing.length === 1 ? " question is" : " questions are") +
        " not answered yet (question" + (missing.length === 1 ? " " : "s ") + numbers.join(", ") +
        "). Answer every question, then submit the assessment.";
      form.querySelector("[data-course-unanswered]").textContent = message;
      inputs(missing[0])[0].focus();
      return;
    }
    var attempt = { date: new Date().toISOString(), answers: Object.create(null) };
    questions(form).forEach(function (question) { attempt.answers[question.dataset.question] = chosen(question); });
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
    restore(form);
    arrange(form);
    showMarked(form, false);
    inputs(questions(form)[0])[0].focus();
    store.announce("A new attempt has started. The answers are cleared and the options are in a new order.");
  }

  function bind(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = "true";
    form.addEventListener("change", function () {
      if (store.state.exam.submitted) return;
      questions(form).forEach(function (question) {
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
      restore(form);
      arrange(form);
      showMarked(form, store.state.exam.submitted);
    }
    renderAttempts();
    renderResult();
  }

  store.onChange(function () {
    renderAttempts();
    renderResult();
  });
  store.onEveryPage(setUp);
})();
