/* The course's learner-facing sentences (from the course data), with their {placeholders} filled in. */
(function () {
  "use strict";
  var strings = (typeof window === "object" && window.CourseData && window.CourseData.strings) || {};

  function text(key, values) {
    var sentence = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : key;
    return sentence.replace(/\{([a-z-]+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  if (typeof window === "object") (window.Course = window.Course || {}).text = text;
  if (typeof module === "object" && module.exports) module.exports = text;
})();
