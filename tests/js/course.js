/* The course's pure browser modules loaded as the pages load them (each adds itself to the global Course), and a
   small made-up course's data in the shape the build writes it, for the unit tests. */
"use strict";

const path = require("node:path");

const ROOT = path.join(__dirname, "..", "..");
const MODULES = [
  "build_tools/theme/assets/course/marking.js",
  "build_tools/theme/assets/course/state.js",
  "build_tools/theme/assets/course/mkdocs-quiz.js",
  "build_tools/theme/assets/course/confidence.js",
  "build_tools/theme/assets/course/progress-file.js",
  "build_tools/outputs/scorm_launch/suspend-data.js",
];

/* A fresh Course namespace with every pure module in it, as a page that loads them in order has. */
function loadCourse() {
  delete globalThis.Course;
  for (const file of MODULES) {
    const full = path.join(ROOT, file);
    delete require.cache[require.resolve(full)];
    require(full);
  }
  return globalThis.Course;
}

const SALT = "s4lt";
const RIGHT = { q1: ["0"], q2: ["1", "2"], q3: ["2"], q4: ["0"] };
const EDITION = { version: "2.1", built: "2026-03-01", lastReviewed: "2026-02-01", nextReview: "2027-02-01" };

/* Modules one and two (two with a quiz of 3 questions), a final assessment of 4 questions in two groups that
   each give one to an attempt, pass mark 50%. */
function manifest(Course) {
  const answers = {};
  for (const id of Object.keys(RIGHT)) answers[id] = Course.marking.answerHash(SALT, id, RIGHT[id]);
  return {
    slug: "test-course",
    title: "Test course",
    storagePrefix: "course:test-course:",
    storage: {
      state: "course:test-course:state", quizVersion: "course:test-course:quiz-version:",
      noteCut: "course:test-course:lms-note-cut", probe: "course:test-course:probe",
      fullNote: "course-full-note:test-course:",
      quizAnswers: "quiz_progress_", kept: ["course:test-course:", "quiz_progress_"],
    },
    formats: { state: 2, suspendData: 2 },
    locale: "en-GB",
    nameMaxLength: 80,
    reflection: [{ key: "learned", label: "What did you learn?" }, { key: "change", label: "What will you change?" }],
    confidence: [{ key: "spotting", label: "Spotting it" }, { key: "referring", label: "Referring back" }],
    modules: [
      { url: "modules/one/", title: "One", quiz: null },
      { url: "modules/two/", title: "Two", quiz: "modules/two.md" },
    ],
    quizzes: {
      "modules/two.md": { url: "modules/two/", version: "v2abcdef", total: 3, final: false, passMark: null },
      "assessment.md": {
        url: "assessment/", version: "vfinal99", total: 2, final: true, passMark: 50,
        key: { salt: SALT, answers: answers },
        bank: { groups: [["q1", "q2"], ["q3", "q4"]], shares: [1, 1] },
        review: "after-pass",
      },
    },
    pages: { progress: "progress/", certificate: "certificate/" },
    edition: EDITION,
  };
}

/* Plain data (null-prototype maps as ordinary objects), for deepStrictEqual. */
function plain(value) {
  return JSON.parse(JSON.stringify(value));
}

module.exports = { loadCourse, manifest, plain, RIGHT, EDITION };
