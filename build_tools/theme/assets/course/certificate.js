/* The certificate of completion and the reflective note: unlocked by a pass, filled from this browser only,
   printable on one A4 page and downloadable as files, once the learner has given a name for it. */
(function () {
  "use strict";

  var store = window.Course && window.Course.store;
  if (!store) return;
  var edition = window.Course.edition;
  var text = window.Course.text;

  /* Each confidence statement with its ratings before and after, as the certificate and the note show them. */
  function confidenceLines() {
    return window.Course.confidence.lines(store.manifest, store.state.confidence, text);
  }

  function page() {
    return document.querySelector("[data-course-certificate-page]");
  }

  function render() {
    var widget = page();
    if (!widget) return;
    var pass = store.bestPass();
    widget.querySelector("[data-course-note-cut]").hidden = !store.noteCut();
    widget.querySelector("[data-course-locked]").hidden = !!pass;
    widget.querySelectorAll("[data-course-unlocked]").forEach(function (part) {
      part.hidden = !pass;
    });
    var certificate = widget.querySelector("[data-course-certificate]");
    certificate.hidden = !pass;
    var state = store.state;
    fill(certificate, "name", state.name.trim() || "the learner");
    if (pass) {
      fill(certificate, "date", store.longDate(pass.date));
      fill(certificate, "score", store.percent(pass.correct, pass.total) + "%");
    }
    Object.keys(state.reflection).forEach(function (part) {
      fill(certificate, part, state.reflection[part].trim() || "Not written yet.");
    });
    confidenceLines().forEach(function (line) {
      var target = certificate.querySelector('[data-fill-confidence="' + line.key + '"]');
      if (target && target.textContent !== line.text) target.textContent = line.text;
    });
    fillEdition(certificate, pass);
    widget.querySelectorAll("[data-field]").forEach(function (field) {
      var value = field.dataset.field === "name" ? state.name : state.reflection[field.dataset.field];
      if (document.activeElement !== field && field.value !== value) field.value = value;
    });
  }

  /* The edition studied (the one the pass was made in), its review dates, and the reference of the pass. */
  function fillEdition(certificate, pass) {
    var studied = pass ? pass.edition : edition.edition;
    var built = edition.dayText(studied.built);
    var values = {
      "version": studied.version ? text("edition-value", { version: studied.version, date: built }) :
        text("edition-built", { date: built }),
      "last-reviewed": edition.dayText(studied.lastReviewed),
      "next-review": edition.dayText(studied.nextReview),
      "in-date": !pass ? "" : edition.withinReview(pass) ? text("edition-in-date-yes") :
        text("edition-in-date-no", { date: edition.dayText(studied.nextReview) }),
      "reference": pass ? edition.reference(store.state.name, pass) : "",
      "overdue": edition.overdue() ? edition.overdueText() : "",
    };
    Object.keys(values).forEach(function (key) {
      var target = certificate.querySelector('[data-edition="' + key + '"]');
      if (target.textContent !== values[key]) target.textContent = values[key];
    });
    certificate.querySelector('[data-edition="overdue"]').hidden = !values.overdue;
    var hint = page().querySelector("[data-course-follow-ups-hint]");
    var days = {};
    store.manifest.followUps.forEach(function (followUp) { days[followUp.kind] = followUp.days; });
    var hintText = text("follow-ups-hint", days);
    if (hint.textContent !== hintText) hint.textContent = hintText;
  }

  /* The certificate's edition lines as text, for the reflective note: the same fields, in the same words. */
  function editionLines() {
    var certificate = page().querySelector("[data-course-certificate]");
    var lines = [];
    certificate.querySelectorAll("[data-course-edition] dt").forEach(function (label) {
      var value = label.nextElementSibling.textContent.trim();
      if (value) lines.push(label.textContent.trim() + ": " + value);
    });
    ["overdue", "self-assessed"].forEach(function (key) {
      var sentence = certificate.querySelector('[data-edition="' + key + '"]').textContent.trim();
      if (sentence) lines.push(sentence);
    });
    return lines;
  }

  /* Warn, never block, when the reflective note looks as if it identifies a patient. */
  function checkNote() {
    var found = [];
    Object.keys(store.state.reflection).forEach(function (part) {
      found = found.concat(window.Course.identifiable.find(store.state.reflection[part]));
    });
    var warning = found.length ? text("identifiable-warning", { found: found.map(function (item) {
      return text("identifiable-" + item.kind, { text: item.text });
    }).join("; ") }) : "";
    var region = page().querySelector("[data-course-identifiable]");
    if (region.textContent !== warning) region.textContent = warning;
    return warning;
  }

  /* The two reminders after the pass, each linking to its page: on the website its published address (or, in a
     build without one, this site's), in a copy opened from disk or a learning system a note to open it there. */
  function followUpsFile(pass) {
    var manifest = store.manifest;
    var where = store.delivery();
    var day = edition.dayOf(new Date(pass.date));
    var values = { course: manifest.title, date: edition.dayText(day) };
    var events = manifest.followUps.map(function (followUp) {
      var url = where === "web" ? new URL(followUp.url, manifest.siteUrl || store.siteUrl("")).href : "";
      var note = where === "lms" ? text("follow-up-from-lms") : where === "disk" ?
        text("follow-up-from-disk", { file: followUp.url || "index.html" }) : text("follow-up-link", { url: url });
      return { uid: manifest.slug + "-" + followUp.kind + "-" + day + "-" + edition.reference(store.state.name, pass),
        day: day, days: followUp.days, summary: text("follow-up-" + followUp.kind + "-summary", values),
        description: text("follow-up-" + followUp.kind + "-description", values) + "\n\n" + note, url: url };
    });
    return window.Course.calendar.calendar("-//" + manifest.slug + "//follow-ups//EN", events, new Date());
  }

  function fill(root, key, text) {
    var target = root.querySelector('[data-fill="' + key + '"]');
    if (target && target.textContent !== text) target.textContent = text;
  }

  var download = window.Course.files.download;

  /* The downloaded certificate stands alone: its style travels with it, in the site's own primary colour. */
  function certificateStyle() {
    var brand = getComputedStyle(document.body).getPropertyValue("--md-primary-fg-color--dark").trim() || "#263238";
    return "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;" +
      "color:#1b1d22;line-height:1.45}.course-certificate{border:3px double " + brand + ";padding:2rem}" +
      ".course-certificate__kicker{text-transform:uppercase;letter-spacing:.08em;color:#4a4f5c}" +
      "h2{color:" + brand + ";font-size:1.8rem;margin:.2rem 0 1rem}dt{font-weight:bold;margin-top:.6rem}" +
      "dd{margin:0;white-space:pre-wrap}@page{size:A4;margin:15mm}";
  }

  /* Written out as text: a document built with the DOM would apply its style under this page's security policy,
     which allows no inline style. */
  function certificateFile() {
    var clone = page().querySelector("[data-course-certificate]").cloneNode(true);
    clone.hidden = false;
    var title = document.createElement("title");
    title.textContent = store.manifest.title + ": certificate of completion";
    var lang = document.createElement("html");
    lang.lang = document.documentElement.lang || "en";
    return "<!doctype html>\n<html lang=\"" + lang.getAttribute("lang").replace(/[^A-Za-z0-9-]/g, "") + "\"><head>" +
      "<meta charset=\"utf-8\">" + title.outerHTML + "<style>" + certificateStyle() + "</style></head><body>" +
      clone.outerHTML + "</body></html>";
  }

  function reflectionFile() {
    var state = store.state;
    var labels = {};
    page().querySelectorAll("textarea[data-field]").forEach(function (field) {
      labels[field.dataset.field] = field.labels[0].textContent.trim();
    });
    var lines = ["Reflective note: " + store.manifest.title, "Written " + store.longDate(new Date().toISOString()), ""]
      .concat(editionLines(), [""]);
    var confidence = confidenceLines();
    if (confidence.length) {
      lines.push(text("confidence-record-heading"), text("confidence-record-scale"));
      confidence.forEach(function (line) { lines.push("- " + line.label + ": " + line.text); });
      lines.push("");
    }
    Object.keys(state.reflection).forEach(function (part) {
      lines.push(labels[part] || part, state.reflection[part].trim() || "(not written)", "");
    });
    return lines.join("\n");
  }

  function bind() {
    var widget = page();
    if (!widget || widget.dataset.bound) return;
    widget.dataset.bound = "true";
    widget.addEventListener("input", function (event) {
      var key = event.target.dataset && event.target.dataset.field;
      if (!key) return;
      if (key === "name") {
        store.state.name = event.target.value.slice(0, store.manifest.nameMaxLength);
        if (store.state.name.trim()) widget.querySelector("[data-course-name-needed]").hidden = true;
      } else {
        store.state.reflection[key] = event.target.value;
      }
      store.save();
      checkNote();
    });
    widget.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      var slug = store.manifest.slug;
      var certificate = action.dataset.action === "print" || action.dataset.action === "download-certificate";
      if (certificate && !store.state.name.trim()) {
        var needed = widget.querySelector("[data-course-name-needed]");
        needed.hidden = false;
        widget.querySelector('[data-field="name"]').focus();
        store.announce(needed.textContent);
        return;
      }
      var warning = action.dataset.action === "download-follow-ups" ? "" : checkNote();
      if (warning) store.announce(warning);
      if (action.dataset.action === "print") window.print();
      if (action.dataset.action === "download-certificate") {
        download(slug + "-certificate.html", "text/html", certificateFile());
      }
      if (action.dataset.action === "download-follow-ups" && store.bestPass()) {
        download(slug + "-follow-ups.ics", "text/calendar", followUpsFile(store.bestPass()));
      }
      if (action.dataset.action === "download-reflection") {
        download(slug + "-reflective-note.txt", "text/plain", reflectionFile());
      }
    });
  }

  store.onChange(["attempts", "name", "reflection", "confidence", "noteCut"], render);
  store.onEveryPage(function () {
    bind();
    render();
    if (page()) checkNote();
  });
})();
