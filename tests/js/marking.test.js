"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { loadCourse, manifest, RIGHT } = require("./course.js");

const Course = loadCourse();
const marking = Course.marking;
const final = manifest(Course).quizzes["assessment.md"];

test("only exactly the right options are right", () => {
  assert.strictEqual(marking.isRight(final.key, "q2", ["2", "1"]), true);
  assert.strictEqual(marking.isRight(final.key, "q2", ["1"]), false);
  assert.strictEqual(marking.isRight(final.key, "q2", []), false);
  assert.strictEqual(marking.isRight(final.key, "nope", ["0"]), false);
  assert.deepStrictEqual(marking.rightValues(final.key, "q2", ["0", "1", "2", "3"]), RIGHT.q2);
});

test("the pass decision is in whole numbers: 35 of 44 is not 80%", () => {
  assert.strictEqual(marking.passes(35, 44, 80), false);
  assert.strictEqual(marking.passes(36, 45, 80), true);
  assert.strictEqual(marking.passes(0, 0, 0), false);
});

test("a forged or shortened attempt passes nothing", () => {
  const right = { q1: RIGHT.q1, q2: RIGHT.q2, q3: RIGHT.q3, q4: RIGHT.q4 };
  assert.strictEqual(marking.mark(final, { questions: ["q1", "q3"], answers: right }).passed, true);
  assert.strictEqual(marking.mark(final, { questions: ["q1"], answers: right }).passed, false);
  assert.strictEqual(marking.mark(final, { questions: ["q1", "q1"], answers: right }).passed, false);
  assert.strictEqual(marking.mark(final, { questions: ["q1", "q9"], answers: right }).passed, false);
  assert.strictEqual(marking.mark(final, { answers: right }).passed, false, "four questions where an attempt takes two");
});

test("the draw takes each group's share, those the last attempt did not show first", () => {
  for (let n = 0; n < 20; n++) {
    const drawn = marking.draw(final, ["q1", "q3"], "draw:" + n);
    assert.deepStrictEqual(drawn, ["q2", "q4"]);
  }
  const seen = new Set();
  for (let n = 0; n < 40; n++) {
    const drawn = marking.draw(final, [], "draw:" + n);
    assert.strictEqual(drawn.length, 2);
    assert.ok(["q1", "q2"].includes(drawn[0]) && ["q3", "q4"].includes(drawn[1]));
    seen.add(drawn.join());
  }
  assert.strictEqual(seen.size, 4, "every combination comes up");
  assert.deepStrictEqual(marking.draw(final, [], "same"), marking.draw(final, [], "same"));
});

test("without a bank every question is drawn, in the order written", () => {
  const whole = Object.assign({}, final, { total: 4 });
  assert.deepStrictEqual(marking.draw(whole, ["q1"], "x"), ["q1", "q2", "q3", "q4"]);
});

test("a retake shows the options in an order unlike the one before", () => {
  const built = ["0", "1", "2", "3"];
  assert.deepStrictEqual(marking.optionOrder(built, "q1", 0), built);
  for (let attempt = 1; attempt < 10; attempt++) {
    const before = marking.optionOrder(built, "q1", attempt - 1);
    const now = marking.optionOrder(built, "q1", attempt);
    assert.notDeepStrictEqual(now, before);
    assert.deepStrictEqual(now.slice().sort(), built);
    assert.deepStrictEqual(marking.optionOrder(built, "q1", attempt), now, "the same after a reload");
  }
});
