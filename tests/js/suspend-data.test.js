"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { loadCourse, manifest, plain, RIGHT, EDITION } = require("./course.js");

const Course = loadCourse();
const course = manifest(Course);
const codec = Course.suspendData;

function learnerState() {
  const state = Course.state.empty(course);
  state.visited["modules/two/"] = true;
  state.lastPage = { url: "modules/two/", title: "Two" };
  state.quizzes["modules/two.md"] = { version: "v2abcdef", answered: 2, correct: 1 };
  state.attempts = [
    { date: "2026-01-01T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: RIGHT.q3 } },
    { date: "2026-01-02T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: ["1"] }, edition: EDITION },
    { date: "2026-01-03T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: ["1"], q3: ["1"] }, edition: EDITION },
  ];
  state.exam = { answers: { q1: RIGHT.q1, q3: ["1"] }, drawn: ["q1", "q3"], submitted: true, version: "vfinal99" };
  state.name = "Dr Test";
  state.reflection.learned = "Much";
  state.dismissedBanners = ["news"];
  return state;
}

const ANSWERS = { "modules/two.md": {
  "quiz-0": { answered: true, correct: true, selectedValues: ["1"] },
  "quiz-2": { answered: true, correct: false, selectedValues: ["0", "2"] },
} };

test("suspend_data reads back as the state and the quizzes' answers it was made from", () => {
  const packed = codec.encode(course, { state: learnerState(), answers: ANSWERS });
  assert.strictEqual(packed.noteCut, false);
  assert.deepStrictEqual(JSON.parse(packed.text).q, [[1, "v2abcd", 2, 1, "02y---05n"]]);
  assert.deepStrictEqual(JSON.parse(packed.text).d, [["2.1", "2026-03-01", "2026-02-01", "2027-02-01"]], "each edition once");
  const back = codec.decode(course, packed.text);
  assert.deepStrictEqual(plain(back.state), plain(learnerState()));
  assert.deepStrictEqual(back.answers, ANSWERS);
  assert.deepStrictEqual(plain(Course.state.parse(course, JSON.stringify(back.state))), plain(learnerState()));
});

test("what is not suspend_data this course wrote reads as nothing", () => {
  for (const text of ["", "{", "[]", '{"v":9}', "null"]) assert.strictEqual(codec.decode(course, text), null, text);
});

test("a malformed part is left out and the others still load", () => {
  const back = codec.decode(course, JSON.stringify({ v: 2, m: "11", l: ["javascript:x", "x"], a: ["zz:qq", 5], n: 7 }));
  assert.deepStrictEqual(plain(back.state.visited), { "modules/one/": true, "modules/two/": true });
  assert.strictEqual(back.state.lastPage, null);
  assert.deepStrictEqual(back.state.attempts, []);
  assert.strictEqual(back.state.name, "");
});

test("too long for 4,096 bytes, the note is cut and the latest attempt and the best pass stay", () => {
  const state = learnerState();
  const pass = { date: "2025-12-01T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: RIGHT.q3 } };
  state.attempts = [pass].concat(Array.from({ length: 300 }, (_, n) => ({
    date: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), questions: ["q1", "q3"], answers: { q1: ["1"], q3: ["1"] },
  })));
  state.reflection.learned = "é".repeat(3000);
  const packed = codec.encode(course, { state: state, answers: ANSWERS });
  assert.ok(new TextEncoder().encode(packed.text).length <= codec.LIMIT);
  assert.strictEqual(packed.noteCut, true);
  const back = codec.decode(course, packed.text);
  const marks = back.state.attempts.map((attempt) => Course.state.markAttempt(course, attempt));
  assert.strictEqual(Course.state.bestPass(marks).date, pass.date);
  assert.strictEqual(back.state.attempts[back.state.attempts.length - 1].date, state.attempts[300].date);
  assert.ok(back.state.reflection.learned.length < 3000 && state.reflection.learned.startsWith(back.state.reflection.learned));
});

test("attempts cut to fit take their editions with them: the ones kept keep theirs", () => {
  const state = learnerState();
  const edition = (n) => ({ version: "v" + n, built: "2026-01-01", lastReviewed: "2026-01-01", nextReview: "2027-01-01" });
  const pass = { date: "2025-12-01T10:00:00.000Z", questions: ["q1", "q3"], answers: { q1: RIGHT.q1, q3: RIGHT.q3 },
    edition: edition("pass") };
  state.attempts = [pass].concat(Array.from({ length: 120 }, (_, n) => ({
    date: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), questions: ["q1", "q3"], answers: { q1: ["1"], q3: ["1"] },
    edition: edition(n),
  })));
  state.reflection.learned = "x".repeat(3000);
  const packed = codec.encode(course, { state: state, answers: ANSWERS });
  assert.ok(new TextEncoder().encode(packed.text).length <= codec.LIMIT);
  const kept = JSON.parse(packed.text);
  assert.strictEqual(kept.d.length, kept.a.length, "one edition per attempt kept, none for those cut");
  const back = codec.decode(course, packed.text).state.attempts;
  assert.deepStrictEqual(plain(back[0].edition), pass.edition);
  assert.deepStrictEqual(plain(back[back.length - 1].edition), edition(119));
  assert.ok(back.every((attempt) => attempt.edition), "every attempt kept has its edition");
  assert.strictEqual(codec.decode(course, packed.text.replace(/:0"/, ':"')).state.attempts[0].edition, undefined,
    "an edition index that is not a number is none");
});

test("the quizzes' saved answers lose only their malformed entries", () => {
  const quiz = Course.quiz;
  const text = JSON.stringify({
    "quiz-0": { answered: true, correct: true, selectedValues: ["1"] },
    "quiz-1": { answered: true, correct: "yes", selectedValues: ["1"] },
    "quiz-7": { answered: false },
    other: { answered: false },
  });
  assert.deepStrictEqual(JSON.parse(quiz.soundAnswers(text, 3)), { "quiz-0": { answered: true, correct: true, selectedValues: ["1"] } });
  assert.strictEqual(quiz.soundAnswers("{", 3), null);
  assert.strictEqual(quiz.answersKey(course, "/modules/two/"), "quiz_progress_/modules/two/");
});

test("confidence ratings are a digit per statement, and back; they go last but one when space runs out", () => {
  const state = learnerState();
  state.confidence.before.referring = 3;
  state.confidence.after.spotting = 5;
  state.confidence.after.referring = 4;
  const packed = codec.encode(course, { state: state, answers: ANSWERS });
  assert.deepStrictEqual(JSON.parse(packed.text).c, ["03", "54"]);
  assert.deepStrictEqual(plain(codec.decode(course, packed.text).state.confidence), plain(state.confidence));
  const odd = codec.decode(course, JSON.stringify({ v: 2, c: ["9x", 7] }));
  assert.deepStrictEqual(plain(odd.state.confidence), { before: {}, after: {} });
  state.name = "x".repeat(80);
  state.reflection.learned = "é".repeat(3000);
  state.attempts = Array.from({ length: 300 }, (_, n) => ({
    date: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(), questions: ["q1", "q3"], answers: { q1: ["1"], q3: ["1"] },
  }));
  const full = codec.encode(course, { state: state, answers: ANSWERS });
  assert.ok(new TextEncoder().encode(full.text).length <= codec.LIMIT);
  assert.deepStrictEqual(JSON.parse(full.text).c, ["03", "54"]);
});
