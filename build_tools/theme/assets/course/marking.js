/* Marking the final assessment from the learner's answers, against a key the page holds only as salted hashes,
   and telling the course's own pages from any other URL. Plain functions with no page or storage of their own:
   the course pages and the SCORM launch page both use them (window.CourseMarking). The hash is the same as the build's (build_tools/answer_key.py), and works alike over
   http:, https: and file:, where the browser's own digest functions are not always offered. */
(function () {
  "use strict";

  /* FNV-1a, 32 bits, over UTF-16 code units, as eight hex digits. */
  function fnv1a(text) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("0000000" + hash.toString(16)).slice(-8);
  }

  function answerHash(salt, id, values) {
    return fnv1a(salt + "|" + id + "|" + values.map(String).sort().join(","));
  }

  function has(map, key) {
    return map !== null && typeof map === "object" && Object.prototype.hasOwnProperty.call(map, key);
  }

  /* Whether the chosen option values (strings, as the inputs hold them) are exactly the right ones. */
  function isRight(key, id, values) {
    return has(key.answers, id) && Array.isArray(values) && values.length > 0 &&
      key.answers[id] === answerHash(key.salt, id, values);
  }

  /* The right option values of a question with the given option values: found by trying every choice, which is
     cheap (eight options make 255) and keeps the key itself out of the page. */
  function rightValues(key, id, optionValues) {
    for (var mask = 1; mask < 1 << optionValues.length; mask++) {
      var values = optionValues.filter(function (value, index) { return mask & (1 << index); });
      if (isRight(key, id, values)) return values;
    }
    return [];
  }

  /* The pass decision in whole numbers: no rounding can turn 35 of 44 (79.5%) into a pass at 80%. */
  function passes(correct, total, passMark) {
    return total > 0 && correct * 100 >= passMark * total;
  }

  /* The questions an attempt was marked on: those it was drawn, when they are as many as an attempt takes and
     all in the key (else none, so a forged or shortened attempt passes nothing); without a bank, every one. */
  function attemptQuestions(quiz, attempt) {
    var ids = Array.isArray(attempt.questions) ? attempt.questions : Object.keys(quiz.key.answers);
    var unique = ids.filter(function (id, index) {
      return typeof id === "string" && has(quiz.key.answers, id) && ids.indexOf(id) === index;
    });
    return unique.length === quiz.total && unique.length === ids.length ? unique : [];
  }

  /* An attempt's result ({correct, total, passed}), worked out from its answers every time, never read from a
     stored flag. `quiz` is the final assessment as the course data gives it (key, pass mark, questions an attempt
     takes). */
  function mark(quiz, attempt) {
    var ids = attemptQuestions(quiz, attempt);
    var correct = ids.filter(function (id) {
      return has(attempt.answers, id) && isRight(quiz.key, id, attempt.answers[id]);
    }).length;
    return { correct: correct, total: quiz.total, passed: ids.length > 0 && passes(correct, quiz.total, quiz.passMark) };
  }

  /* A URL read back from storage or from a learning system, as one of the course's pages ({url, title}; the
     title is known for modules only), or null: a "last page" may lead nowhere else (never to javascript:). */
  function coursePage(manifest, url) {
    if (typeof url !== "string") return null;
    var module = manifest.modules.filter(function (m) { return m.url === url; })[0];
    if (module) return { url: url, title: module.title };
    var known = Object.keys(manifest.pages).map(function (name) { return manifest.pages[name]; })
      .concat(Object.keys(manifest.quizzes).map(function (src) { return manifest.quizzes[src].url; }));
    return known.indexOf(url) !== -1 ? { url: url, title: "" } : null;
  }

  window.CourseMarking = {
    coursePage: coursePage, attemptQuestions: attemptQuestions, answerHash: answerHash, isRight: isRight, rightValues: rightValues, mark: mark, passes: passes,
    has: has };
})();
