/* Course.marking: the final assessment's pure logic. Drawing an attempt's questions from the bank, marking an
   attempt from the learner's answers against a key the page holds only as salted hashes, and the pass decision.
   No page or storage of its own: the course pages, the SCORM launch page and Node's test runner all load it. The
   hash is the same as the build's (build_tools/answer_key.py), and works alike over http:, https: and file:,
   where the browser's own digest functions are not always offered. */
(function (root) {
  "use strict";

  var Course = root.Course = root.Course || {};

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

  /* The values in an order that depends only on id and attempt (a Fisher-Yates shuffle). */
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

  /* The order of a question's options in an attempt: attempt 0 keeps the build's (already shuffled) order; each
     retake gets an order unlike the one before it. */
  function optionOrder(built, id, attempt) {
    if (attempt === 0) return built;
    var previous = attempt === 1 ? built : shuffled(built, id, attempt - 1);
    var order = shuffled(built, id, attempt);
    if (order.join() === previous.join()) order = order.slice(1).concat(order.slice(0, 1));
    return order;
  }

  /* The questions of a new attempt, in the order drawn. From each group of the bank (the questions a module
     teaches) the attempt takes its share, those the last attempt (`last`, its question ids) did not show first,
     in an order `seed` decides; without a bank, every question in the order written. */
  function draw(quiz, last, seed) {
    var known = Object.keys(quiz.key.answers);
    if (quiz.total === known.length) return known;
    var drawn = [];
    quiz.bank.groups.forEach(function (group, index) {
      var groupSeed = seed + ":" + index; /* each group shuffled on its own */
      var unseen = shuffled(group.filter(function (id) { return last.indexOf(id) === -1; }), groupSeed, 1);
      var seen = shuffled(group.filter(function (id) { return last.indexOf(id) !== -1; }), groupSeed, 2);
      drawn = drawn.concat(unseen.concat(seen).slice(0, quiz.bank.shares[index]));
    });
    return drawn;
  }

  var api = {
    answerHash: answerHash, isRight: isRight, rightValues: rightValues, passes: passes,
    attemptQuestions: attemptQuestions, mark: mark, shuffled: shuffled, optionOrder: optionOrder, draw: draw,
    has: has,
  };
  Course.marking = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
