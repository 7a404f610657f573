/* Course.confidence: the learner's confidence ratings as a piece of the learner state, and each statement's
   ratings with the change, as the certificate and the reflective note show them. Pure: the course's pages and
   the SCORM launch page load it after state.js (before the store), and Node's test runner loads it as it is.

   The piece: by moment ("before" the course, "after" it), each of the course's statements' rating 1-5 by its key
   (manifest.confidence); a statement not rated has none. Two tabs merge by the contract's default rule: each
   rating changed on one side is kept, and a statement both rated differently keeps this tab's rating. */
(function (root) {
  "use strict";

  var Course = root.Course = root.Course || {};
  var schema = Course.state;
  var MOMENTS = ["before", "after"];

  function isRating(value) {
    return typeof value === "number" && value >= 1 && value <= 5 && Math.floor(value) === value;
  }

  function empty() {
    var ratings = {};
    MOMENTS.forEach(function (moment) { ratings[moment] = schema.dict(); });
    return ratings;
  }

  /* The ratings as stored, checked: only the course's statements, only whole ratings from 1 to 5. */
  function read(saved, manifest) {
    var ratings = empty();
    MOMENTS.forEach(function (moment) {
      var given = schema.isObject(saved.confidence) ? saved.confidence[moment] : null;
      manifest.confidence.forEach(function (statement) {
        var rating = schema.isObject(given) && Course.marking.has(given, statement.key) ? given[statement.key] : null;
        if (isRating(rating)) ratings[moment][statement.key] = rating;
      });
    });
    return ratings;
  }

  schema.definePiece("confidence", { empty: empty, read: read });

  /* How many ratings the state holds, of both moments. */
  function count(ratings) {
    return MOMENTS.reduce(function (total, moment) { return total + Object.keys(ratings[moment]).length; }, 0);
  }

  /* "+2", "no change", "\u22121" (a minus sign, read as "minus"). */
  function change(before, after, text) {
    if (before === after) return text("confidence-same");
    return (after > before ? "+" : "\u2212") + Math.abs(after - before);
  }

  /* Each statement with its ratings ({key, label, text}): "before 2, after 4, +2", or "before not rated,
     after 4"; `text` is Course.text. */
  function lines(manifest, ratings, text) {
    function shown(rating) {
      return rating ? String(rating) : text("confidence-not-rated");
    }
    return manifest.confidence.map(function (statement) {
      var before = ratings.before[statement.key];
      var after = ratings.after[statement.key];
      var values = { before: shown(before), after: shown(after) };
      if (before && after) values.change = change(before, after, text);
      return { key: statement.key, label: statement.label,
        text: text(before && after ? "confidence-change" : "confidence-ratings", values) };
    });
  }

  var api = { MOMENTS: MOMENTS, isRating: isRating, count: count, lines: lines };
  Course.confidence = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})(typeof window !== "undefined" ? window : globalThis);
