/* The offline copy's holder page. Opened from disk, some browsers (Firefox, by default) give every file a storage
   of its own, so progress made on one page would be missing on the next. This page's storage is the one the whole
   copy keeps: it shows the course's pages in a frame, gives each page what it holds (in the page's address, read
   before anything else runs on it), and keeps every change the page hands back. Its own address follows the page
   shown, so a reload or a bookmark comes back to it. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("offline-course").textContent);
  var storage = openStorage();

  function openStorage() {
    try {
      return window.localStorage;
    } catch (error) {
      return null; /* blocked: the course still runs, and keeps its progress only while the page is open */
    }
  }

  function kept(key) {
    return typeof key === "string" && config.kept.some(function (prefix) { return key.indexOf(prefix) === 0; });
  }

  function snapshot() {
    var found = {};
    if (!storage) return found;
    try {
      for (var i = 0; i < storage.length; i++) {
        var key = storage.key(i);
        if (kept(key)) found[key] = storage.getItem(key);
      }
    } catch (error) {
      /* blocked while reading: the page starts with what it has */
    }
    return found;
  }

  /* A page of the copy, by its path from here; anything else shows the start page. */
  function page(hash) {
    var path = decodeURIComponent(hash.replace(/^#/, ""));
    return /^[A-Za-z0-9_~-][A-Za-z0-9._~/-]*\.html(#[A-Za-z0-9_.-]*)?$/.test(path) && path.indexOf("..") === -1 ?
      path : config.start;
  }

  function store(key, value) {
    if (!storage || !kept(key)) return;
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, String(value));
    } catch (error) {
      /* full or blocked: the page keeps its own copy for now */
    }
  }

  /* The page's address with what this page keeps, between its file name and its #section. */
  function withState(path) {
    var at = path.indexOf("#");
    var file = at === -1 ? path : path.slice(0, at);
    return file + "?" + config.param + "=" + encodeURIComponent(JSON.stringify(snapshot())) + path.slice(file.length);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var frame = document.getElementById("course-frame");
    frame.src = withState(page(location.hash));
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (event.source !== frame.contentWindow || !data || typeof data !== "object") return;
      if (data.type === "course-storage") store(data.key, data.value);
      if (data.type === "course-page" && typeof data.path === "string") {
        history.replaceState(null, "", "#" + encodeURI(page(data.path)));
        if (typeof data.title === "string") document.title = data.title;
        if (data.held !== true) frame.src = withState(page(data.path)); /* reached without what is kept here */
      }
    });
  });
})();
