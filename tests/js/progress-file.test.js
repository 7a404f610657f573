"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { loadCourse, manifest, plain, RIGHT } = require("./course.js");

const Course = loadCourse();
const course = manifest(Course);
const state = Course.state;
const files = Course.progressFile;
const NOW = new Date("2026-03-04T09:00:00.000Z");
const PASS = { date: "2026-01-02T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: RIGHT.q3 } };
const FAIL = { date: "2026-01-03T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: ["1"], q3: ["1"] } };

function saved(learner, answers) {
  return JSON.stringify(files.make(course, learner, answers || {}, NOW));
}

test("a file holds the course, its format, the state and only the answered questions of each quiz page", () => {
  const learner = state.empty(course);
  learner.name = "Dr File";
  const file = JSON.parse(saved(learner, { "modules/two.md": {
    "quiz-0": { answered: true, correct: true, selectedValues: ["1"] }, "quiz-1": { answered: false },
    "quiz-9": { answered: true, correct: true, selectedValues: ["1"] },
  } }));
  assert.deepStrictEqual([file.kind, file.format, file.course, file.saved], ["course-progress", 1, "test-course", NOW.toISOString()]);
  assert.strictEqual(file.state.name, "Dr File");
  assert.deepStrictEqual(file.answers, { "modules/two.md": { version: "v2abcdef",
    answers: { "quiz-0": { answered: true, correct: true, selectedValues: ["1"] } } } });
});

test("a file from another course, of a newer format, or that is no progress file is refused, saying why", () => {
  const file = JSON.parse(saved(state.empty(course)));
  assert.ok(files.check(course, JSON.stringify(file)).file);
  assert.deepStrictEqual(files.check(course, JSON.stringify(Object.assign({}, file, { course: "other", title: "Other" }))),
    { problem: "other-course", course: "Other" });
  assert.deepStrictEqual(files.check(course, JSON.stringify(Object.assign({}, file, { format: 2 }))), { problem: "newer" });
  const newerState = Object.assign({}, file, { state: Object.assign({}, file.state, { version: 3 }) });
  assert.deepStrictEqual(files.check(course, JSON.stringify(newerState)), { problem: "newer" });
  const unreadable = [{}, { version: 0 }, { version: "2" }].map((learner) => JSON.stringify(Object.assign({}, file, { state: learner })));
  for (const text of ["", "{", "[]", JSON.stringify({ kind: "course-progress" }), JSON.stringify(Object.assign({}, file, { saved: "x" }))]
    .concat(unreadable)) {
    assert.deepStrictEqual(files.check(course, text), { problem: "not-progress" }, text);
  }
});

test("restoring merges from an empty base: a pass in either is kept, this browser's values stay", () => {
  const theirs = state.empty(course);
  theirs.attempts = [PASS];
  theirs.name = "From the file";
  theirs.reflection.learned = "Filed";
  theirs.reflection.change = "Their change";
  theirs.confidence.before.spotting = 5;
  theirs.exam = { answers: PASS.answers, drawn: PASS.questions, submitted: true, version: "vfinal99" };
  theirs.lastPage = { url: "modules/two/", title: "Two" };
  const ours = state.empty(course);
  ours.attempts = [FAIL];
  ours.name = "Here";
  ours.reflection.change = "My change";
  ours.confidence.before.spotting = 2;
  ours.confidence.after.referring = 4;
  const file = files.check(course, saved(theirs, { "modules/two.md": {
    "quiz-0": { answered: true, correct: true, selectedValues: ["1"] },
    "quiz-1": { answered: true, correct: false, selectedValues: ["0"] },
  } })).file;
  const here = { "modules/two.md": { "quiz-1": { answered: true, correct: true, selectedValues: ["1", "2"] } } };
  const restored = files.restore(course, ours, here, file);
  const merged = plain(restored.state);
  assert.deepStrictEqual(merged.attempts.map((a) => a.date), [PASS.date, FAIL.date]);
  assert.strictEqual(merged.name, "Here");
  assert.deepStrictEqual(merged.reflection, { learned: "Filed", change: "My change" });
  assert.deepStrictEqual(merged.confidence, { before: { spotting: 2 }, after: { referring: 4 } });
  assert.strictEqual(merged.exam.submitted, true);
  assert.deepStrictEqual(merged.lastPage, theirs.lastPage);
  assert.deepStrictEqual(restored.answers["modules/two.md"]["quiz-1"], here["modules/two.md"]["quiz-1"]);
  assert.deepStrictEqual(merged.quizzes["modules/two.md"], { version: "v2abcdef", answered: 2, correct: 2 });
  assert.deepStrictEqual(restored.held, { attempts: 1, passes: 1, quizzes: 1, ratings: 1, parts: 2, saved: NOW.toISOString() });
});

test("answers saved for a quiz page that has changed since are not restored", () => {
  const file = JSON.parse(saved(state.empty(course), { "modules/two.md": {
    "quiz-0": { answered: true, correct: true, selectedValues: ["1"] } } }));
  file.answers["modules/two.md"].version = "vold0000";
  const restored = files.restore(course, state.empty(course), {}, files.check(course, JSON.stringify(file)).file);
  assert.deepStrictEqual(restored.answers, {});
  assert.strictEqual(restored.held.quizzes, 0);
});
