/* The confidence widgets ("before" on the home page, "after" above the certificate): a radio group per statement,
   kept in the learner state's confidence piece (confidence.js). */
(function () {
  "use strict";

  var Course = window.Course || {};
  var store = Course.store;
  if (!store) return;

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
        store.state.confidence[moment] = Course.state.dict();
        store.save();
        store.announce(Course.text("confidence-cleared"));
      });
    });
  }

  store.onChange(["confidence"], render);
  store.onEveryPage(function () {
    bind();
    render();
  });
})();
