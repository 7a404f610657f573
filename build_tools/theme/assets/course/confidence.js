/* Confidence before and after: the confidence widgets' radio groups, kept in the learner state, and each
   statement's ratings with the change, as the certificate and the reflective note show them. */
(function () {
  "use strict";

  var store = window.CourseStore;
  if (!store) return;
  var text = window.CourseText;

  function shown(rating) {
    return rating ? String(rating) : text("confidence-not-rated");
  }

  /* "+2", "no change", "\u22121" (a minus sign, read as "minus"). */
  function change(before, after) {
    if (before === after) return text("confidence-same");
    return (after > before ? "+" : "\u2212") + Math.abs(after - before);
  }

  /* Each statement with its ratings: "before 2, after 4, +2", or "before not rated, after 4". */
  function lines() {
    var ratings = store.state.confidence;
    return store.manifest.confidence.map(function (statement) {
      var before = ratings.before[statement.key];
      var after = ratings.after[statement.key];
      var values = { before: shown(before), after: shown(after) };
      if (before && after) values.change = change(before, after);
      return { key: statement.key, label: statement.label,
        text: text(before && after ? "confidence-change" : "confidence-ratings", values) };
    });
  }

  function render() {
    document.querySelectorAll("[data-course-confidence]").forEach(function (widget) {
      var ratings = store.state.confidence[widget.dataset.courseConfidence] || {};
      widget.querySelectorAll("input[data-confidence]").forEach(function (input) {
        var checked = ratings[input.dataset.confidence] === Number(input.value);
        if (input.checked !== checked) input.checked = checked;
      });
    });
  }

  function bind() {
    document.querySelectorAll("[data-course-confidence]").forEach(function (widget) {
      if (widget.dataset.bound) return;
      widget.dataset.bound = "true";
      var moment = widget.dataset.courseConfidence;
      widget.addEventListener("change", function (event) {
        var input = event.target;
        if (!input.dataset || !input.dataset.confidence || !input.checked) return;
        store.state.confidence[moment][input.dataset.confidence] = Number(input.value);
        store.save();
      });
      widget.querySelector('[data-action="clear-confidence"]').addEventListener("click", function () {
        store.state.confidence[moment] = Object.create(null);
        store.save();
        store.announce(text("confidence-cleared"));
      });
    });
  }

  window.CourseConfidence = { lines: lines };
  store.onChange(render);
  store.onEveryPage(function () {
    bind();
    render();
  });
})();
