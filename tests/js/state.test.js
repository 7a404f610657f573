"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { loadCourse, manifest, plain, RIGHT, EDITION } = require("./course.js");

const Course = loadCourse();
const course = manifest(Course);
const state = Course.state;

function stored(parts) {
  return JSON.stringify(Object.assign(plain(state.empty(course)), parts));
}

test("a new state has every piece, empty, at the format Python names", () => {
  const fresh = plain(state.empty(course));
  assert.strictEqual(fresh.version, 2);
  assert.deepStrictEqual(fresh.reflection, { learned: "", change: "" });
  assert.deepStrictEqual(fresh.exam, { answers: {}, drawn: [], submitted: false, version: "vfinal99" });
  assert.deepStrictEqual(fresh.attempts, []);
  assert.strictEqual(fresh.lastPage, null);
});

test("text that holds no state reads as none", () => {
  for (const text of [null, "", "{", "[]", "42", JSON.stringify({ version: 99 }), JSON.stringify({ quizzes: {} })]) {
    assert.strictEqual(state.parse(course, text), null, String(text));
  }
});

test("a stored state reads back as it was written", () => {
  const written = plain(state.empty(course));
  written.visited["modules/one/"] = true;
  written.lastPage = { url: "modules/two/", title: "Two" };
  written.quizzes["modules/two.md"] = { version: "v2abcdef", answered: 2, correct: 1 };
  written.attempts = [{ date: "2026-01-02T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: ["0"], q3: ["2"] } }];
  written.exam = { answers: { q1: ["0"], q3: ["2"] }, drawn: ["q1", "q3"], submitted: true, version: "vfinal99" };
  written.name = "Dr Test";
  written.reflection.learned = "A lot";
  written.dismissedBanners = ["news"];
  assert.deepStrictEqual(plain(state.parse(course, JSON.stringify(written))), written);
});

test("each piece of the wrong shape is dropped on its own, the rest kept", () => {
  const read = state.parse(course, stored({
    visited: { "modules/one/": true, "https://elsewhere.example/": true },
    lastPage: { url: "javascript:alert(1)", title: "x" },
    quizzes: { "modules/two.md": { version: "v2abcdef", answered: -1, correct: 0 } },
    attempts: [{ date: "not a date", answers: {} }, { date: "2026-01-02T10:00:00.000Z", answers: { q1: ["0", "<b>", 3] } }],
    name: "x".repeat(200),
    reflection: { learned: 5, change: "kept", extra: "dropped" },
    exam: { submitted: true, answers: "none", drawn: ["q1", 7] },
  }));
  assert.deepStrictEqual(plain(read.visited), { "modules/one/": true });
  assert.strictEqual(read.lastPage, null);
  assert.deepStrictEqual(plain(read.quizzes), {});
  assert.deepStrictEqual(plain(read.attempts), [{ date: "2026-01-02T10:00:00.000Z", answers: { q1: ["0"] } }]);
  assert.strictEqual(read.name.length, 80);
  assert.deepStrictEqual(plain(read.reflection), { learned: "", change: "kept" });
  assert.deepStrictEqual(plain(read.exam), { answers: {}, drawn: ["q1"], submitted: true, version: "vfinal99" });
});

test("an attempt keeps the edition it was made in; one without (or of the wrong shape) is marked as this one's", () => {
  const older = { version: null, built: "2025-06-01", lastReviewed: "2025-05-01", nextReview: "2026-05-01" };
  const read = state.parse(course, stored({ attempts: [
    { date: "2026-01-01T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: RIGHT.q3 }, edition: older },
    { date: "2026-01-02T10:00:00.000Z", answers: {}, edition: { version: "2.1", built: "soon" } },
    { date: "2026-01-03T10:00:00.000Z", answers: {}, edition: Object.assign({}, older, { version: "x".repeat(21) }) },
  ] }));
  assert.deepStrictEqual(plain(read.attempts.map((attempt) => attempt.edition || null)), [older, null, null]);
  const marks = read.attempts.map((attempt) => state.markAttempt(course, attempt));
  assert.deepStrictEqual(plain(marks.map((mark) => mark.edition)), [older, EDITION, EDITION]);
  assert.deepStrictEqual(plain(state.bestPass(marks).edition), older);
});

test("an id such as __proto__ is data like any other", () => {
  const read = state.parse(course, '{"version":2,"exam":{"answers":{"__proto__":["1"],"constructor":["2"]}}}');
  assert.deepStrictEqual(read.exam.answers.__proto__, ["1"]);
  assert.deepStrictEqual(read.exam.answers.constructor, ["2"]);
});

test("version 1 keeps its last attempt only when its answers are still there to mark it from", () => {
  const answers = { q1: ["0"], q3: ["2"] };
  const withAnswers = state.parse(course, JSON.stringify({
    version: 1, attempts: [{ date: "2026-01-01T09:00:00.000Z", score: 10, passed: false },
      { date: "2026-01-02T09:00:00.000Z", score: 100, passed: true }],
    exam: { submitted: true, answers: answers }, name: "Kept",
  }));
  assert.strictEqual(withAnswers.version, 2);
  assert.deepStrictEqual(plain(withAnswers.attempts), [{ date: "2026-01-02T09:00:00.000Z", answers: answers }]);
  assert.strictEqual(withAnswers.name, "Kept");
  const without = state.parse(course, JSON.stringify({
    version: 1, attempts: [{ date: "2026-01-02T09:00:00.000Z", passed: true }], exam: { submitted: false },
  }));
  assert.deepStrictEqual(plain(without.attempts), []);
  assert.strictEqual(without.exam.submitted, false);
});

test("two tabs: what each changed is kept, this tab winning where both changed the same field", () => {
  const base = state.empty(course);
  const ours = state.parse(course, JSON.stringify(base));
  const theirs = state.parse(course, JSON.stringify(base));
  ours.visited["modules/one/"] = true;
  ours.name = "Ours";
  ours.attempts.push({ date: "2026-01-02T10:00:00.000Z", answers: { q1: ["0"] } });
  ours.dismissedBanners.push("a");
  theirs.visited["modules/two/"] = true;
  theirs.name = "Theirs";
  theirs.reflection.change = "from the other tab";
  theirs.attempts.push({ date: "2026-01-01T10:00:00.000Z", answers: { q3: ["2"] } });
  theirs.dismissedBanners.push("b");
  const merged = plain(state.merge(course, base, ours, theirs));
  assert.deepStrictEqual(merged.visited, { "modules/two/": true, "modules/one/": true });
  assert.strictEqual(merged.name, "Ours");
  assert.strictEqual(merged.reflection.change, "from the other tab");
  assert.deepStrictEqual(merged.attempts.map((a) => a.date), ["2026-01-01T10:00:00.000Z", "2026-01-02T10:00:00.000Z"]);
  assert.deepStrictEqual(merged.dismissedBanners.sort(), ["a", "b"]);
});

test("two tabs: an item the other tab removed stays removed, and a reset there is not undone", () => {
  const base = state.parse(course, stored({ dismissedBanners: ["a", "b"] }));
  const ours = state.parse(course, stored({ dismissedBanners: ["a", "b", "c"] }));
  const theirs = state.parse(course, stored({ dismissedBanners: ["b"] }));
  assert.deepStrictEqual(plain(state.merge(course, base, ours, theirs).dismissedBanners), ["b", "c"]);
  const reset = state.empty(course);
  assert.deepStrictEqual(plain(state.merge(course, base, base, reset)), plain(reset));
});

test("changed names the pieces that differ", () => {
  const before = state.empty(course);
  const after = state.parse(course, stored({ name: "New" }));
  assert.deepStrictEqual(state.changed(before, after), ["name"]);
  assert.deepStrictEqual(state.changed(before, state.empty(course)), []);
});

test("a piece added by another script is read, merged by its own rule, and kept apart from the others", () => {
  const Fresh = loadCourse();
  Fresh.state.definePiece("streak", {
    empty: () => ({}),
    read: (saved) => (Fresh.state.isObject(saved.streak) ? { before: Number(saved.streak.before) || 0 } : {}),
    merge: (base, ours, theirs) => ({ before: Math.max(ours.before || 0, (theirs && theirs.before) || 0) }),
  });
  const mine = manifest(Fresh);
  assert.deepStrictEqual(plain(Fresh.state.empty(mine).streak), {});
  const read = Fresh.state.parse(mine, JSON.stringify({ version: 2, streak: { before: "3" }, name: "N" }));
  assert.deepStrictEqual(read.streak, { before: 3 });
  const other = Fresh.state.parse(mine, JSON.stringify({ version: 2, streak: { before: 4 } }));
  assert.deepStrictEqual(Fresh.state.merge(mine, Fresh.state.empty(mine), read, other).streak, { before: 4 });
  assert.throws(() => Fresh.state.definePiece("streak", { empty: () => 0, read: () => 0 }), /already defined/);
  assert.throws(() => Fresh.state.definePiece("version", { empty: () => 0, read: () => 0 }), /already defined/);
  loadCourse();
});

test("progress counts each module from its quiz, or from a visit when it has none", () => {
  const read = state.parse(course, stored({
    visited: { "modules/one/": true },
    quizzes: { "modules/two.md": { version: "v2abcdef", answered: 9, correct: 9 } },
  }));
  const progress = state.progress(course, read);
  assert.deepStrictEqual(progress.modules.map((m) => m.status), ["completed", "completed"]);
  assert.deepStrictEqual([progress.questions, progress.answered, progress.correct], [3, 3, 3]);
  const stale = state.parse(course, stored({ quizzes: { "modules/two.md": { version: "old", answered: 2, correct: 1 } } }));
  assert.deepStrictEqual(state.progress(course, stale).modules.map((m) => m.status), ["not-started", "not-started"]);
});

test("the best pass is worked out from the answers, never from a stored flag", () => {
  const right = { q1: RIGHT.q1, q3: RIGHT.q3 };
  const attempts = [
    { date: "2026-01-01T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: ["1"], q3: ["1"] }, passed: true },
    { date: "2026-01-02T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: ["0"] } },
    { date: "2026-01-03T10:00:00.000Z", questions: ["q1", "q3"], answers: right },
  ];
  const marks = attempts.map((attempt) => state.markAttempt(course, attempt));
  assert.deepStrictEqual(marks.map((m) => [m.correct, m.passed]), [[0, false], [1, true], [2, true]]);
  assert.strictEqual(state.bestPass(marks).date, "2026-01-03T10:00:00.000Z");
  assert.strictEqual(state.bestPass(marks.slice(0, 1)), null);
});
