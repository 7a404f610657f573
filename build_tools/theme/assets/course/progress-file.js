/* Course.progressFile: the learner's progress kept in a file, for a browser that forgets it (a shared computer) or
   keeps it per file (the offline copy opened from disk): the state and mkdocs-quiz's answers of each quiz page,
   with the course and the file's format. Pure functions of the course data and plain values; the store reads and
   writes the browser's side, and Node's test runner loads this file as it is.

   Restoring merges the file with this browser's progress as two tabs merge (Course.state.merge), from an empty
   base: what only one side has is kept, lists (attempts, so every pass) keep the items of both, and where both
   hold a different value (the name, a part of the note, a rating, an answer) this browser's stays. The
   assessment in progress and the last page are taken whole, this browser's unless it has none. */
(function (root) {
  "use strict";

  var Course = root.Course = root.Course || {};
  var schema = Course.state;
  var quizzes = Course.quiz;
  var KIND = "course-progress";
  var FORMAT = 1;

  /* A quiz page's saved answers (parsed), only those answered, when they fit the page's questions as they are
     now (`total` of them); {} when nothing does. */
  function answered(saved, total) {
    var sound = quizzes.soundAnswers(JSON.stringify(saved), total);
    var entries = sound === null ? {} : JSON.parse(sound);
    var kept = {};
    Object.keys(entries).forEach(function (position) {
      if (entries[position].answered === true) kept[position] = entries[position];
    });
    return kept;
  }

  /* The file: `answers` holds each quiz page's saved answers (parsed) by source, as this browser has them. */
  function make(manifest, state, answers, now) {
    var pages = {};
    Object.keys(manifest.quizzes).forEach(function (src) {
      var given = answered(answers[src], manifest.quizzes[src].total);
      if (Object.keys(given).length) pages[src] = { version: manifest.quizzes[src].version, answers: given };
    });
    return { kind: KIND, format: FORMAT, course: manifest.slug, title: manifest.title, saved: now.toISOString(),
      state: state, answers: pages };
  }

  /* A file's text checked: { file } when it is this course's progress in a format this copy reads, else
     { problem: "not-progress" | "other-course" | "newer", course } (the other course's title); a file whose
     learner state this copy cannot read (no version it knows) is not progress. */
  function check(manifest, text) {
    var file;
    try {
      file = JSON.parse(text);
    } catch (error) {
      return { problem: "not-progress" };
    }
    if (!schema.isObject(file) || file.kind !== KIND || typeof file.format !== "number" ||
        !schema.isObject(file.state) || typeof file.course !== "string" || typeof file.saved !== "string" ||
        isNaN(Date.parse(file.saved))) {
      return { problem: "not-progress" };
    }
    if (file.course !== manifest.slug) return { problem: "other-course", course: String(file.title || file.course) };
    if (file.format > FORMAT || file.state.version > manifest.formats.state) return { problem: "newer" };
    if (!schema.parse(manifest, JSON.stringify(file.state))) return { problem: "not-progress" };
    return { file: file };
  }

  /* A checked file merged with this browser's state (`ours`) and quiz answers (`answers`, parsed, by source):
     { state, answers } (the pages whose answers changed, each merged whole, this browser's answer staying where
     both answered) and `held`, what the file held, for the message saying so. */
  function restore(manifest, ours, answers, file) {
    var theirs = schema.parse(manifest, JSON.stringify(file.state));
    var both = schema.merge(manifest, schema.empty(manifest), ours, theirs);
    both.exam = JSON.stringify(ours.exam) === JSON.stringify(schema.emptyExam(manifest)) ? theirs.exam : ours.exam;
    both.lastPage = ours.lastPage || theirs.lastPage;
    var pages = schema.isObject(file.answers) ? file.answers : {};
    var restored = {};
    Object.keys(manifest.quizzes).forEach(function (src) {
      var quiz = manifest.quizzes[src];
      var saved = pages[src];
      var given = schema.isObject(saved) && saved.version === quiz.version ? answered(saved.answers, quiz.total) : {};
      if (!Object.keys(given).length) return;
      restored[src] = Object.assign({}, given, answered(answers[src], quiz.total));
      var entries = Object.keys(restored[src]).map(function (position) { return restored[src][position]; });
      both.quizzes[src] = { version: quiz.version, answered: entries.length,
        correct: entries.filter(function (entry) { return entry.correct === true; }).length };
    });
    var held = {
      attempts: theirs.attempts.length,
      passes: theirs.attempts.filter(function (attempt) { return schema.markAttempt(manifest, attempt).passed; }).length,
      quizzes: Object.keys(restored).length,
      ratings: Course.confidence.count(theirs.confidence),
      parts: Object.keys(theirs.reflection).filter(function (part) { return theirs.reflection[part].trim(); }).length,
      saved: file.saved,
    };
    return { state: schema.parse(manifest, JSON.stringify(both)), answers: restored, held: held };
  }

  var api = { make: make, check: check, restore: restore };
  Course.progressFile = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
