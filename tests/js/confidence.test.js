"use strict";

const test = require("node:test");
const assert = require("node:assert");
const { loadCourse, manifest, plain } = require("./course.js");

const Course = loadCourse();
const course = manifest(Course);
const state = Course.state;

function text(key, values) {
  return key + (values ? " " + JSON.stringify(values) : "");
}

test("a new state holds no ratings, before or after", () => {
  assert.deepStrictEqual(plain(state.empty(course).confidence), { before: {}, after: {} });
});

test("only the course's statements and whole ratings from 1 to 5 are read back", () => {
  const read = state.parse(course, JSON.stringify(Object.assign(plain(state.empty(course)), {
    confidence: { before: { spotting: 2, referring: 6, unknown: 3 }, after: { spotting: 4.5, referring: "5" }, during: {} },
  })));
  assert.deepStrictEqual(plain(read.confidence), { before: { spotting: 2 }, after: {} });
  const wrong = state.parse(course, JSON.stringify(Object.assign(plain(state.empty(course)), { confidence: [3] })));
  assert.deepStrictEqual(plain(wrong.confidence), { before: {}, after: {} });
});

test("two tabs: each rating changed on one side is kept, this tab's where both rated a statement", () => {
  const base = state.empty(course);
  const ours = state.empty(course);
  ours.confidence.before.spotting = 2;
  ours.confidence.after.referring = 3;
  const theirs = state.empty(course);
  theirs.confidence.before.spotting = 5;
  theirs.confidence.before.referring = 1;
  assert.deepStrictEqual(plain(state.merge(course, base, ours, theirs).confidence),
    { before: { spotting: 2, referring: 1 }, after: { referring: 3 } });
});

test("each statement's line gives both ratings and the change, or says which was not rated", () => {
  const ratings = { before: { spotting: 2, referring: 4 }, after: { spotting: 4, referring: 3 } };
  assert.deepStrictEqual(Course.confidence.lines(course, ratings, text).map((line) => line.text), [
    'confidence-change {"before":"2","after":"4","change":"+2"}',
    'confidence-change {"before":"4","after":"3","change":"\u22121"}',
  ]);
  const same = Course.confidence.lines(course, { before: { spotting: 3 }, after: { spotting: 3, referring: 5 } }, text);
  assert.strictEqual(same[0].text, 'confidence-change {"before":"3","after":"3","change":"confidence-same"}');
  assert.strictEqual(same[1].text, 'confidence-ratings {"before":"confidence-not-rated","after":"5"}');
  assert.strictEqual(Course.confidence.count({ before: { spotting: 3 }, after: { spotting: 3, referring: 5 } }), 3);
});
