/* Files the learner downloads (certificate, note, progress) and chooses (a progress file), made and read here. */
(function () {
  "use strict";

  function download(filename, type, content) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  /* A chosen file's text, given to done; a file that cannot be read gives "" (which no check accepts). */
  function readText(file, done) {
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result)); };
    reader.onerror = function () { done(""); };
    reader.readAsText(file);
  }

  window.Course = window.Course || {};
  window.Course.files = { download: download, readText: readText };
})();
