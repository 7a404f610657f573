/* The edition of the course a learner studies: its review dates, whether this copy is past its next review (then
   every page says so; a page whose own next review comes first says so from that day), on the website, the
   offline copy and the SCORM package alike: a copy kept on a computer or in a learning system, or a website whose
   weekly rebuild has stopped, must not teach out-of-date content without saying so. And the certificate's
   reference. Dates are compared as the device's own calendar days. */
(function () {
  "use strict";

  var store = window.Course && window.Course.store;
  if (!store) return;
  var edition = store.manifest.edition;
  var text = window.Course.text;
  var REFERENCE_LETTERS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; /* Crockford's: no I, L, O or U to misread */

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* A moment as the device's calendar day, "2026-12-01". */
  function dayOf(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  /* A calendar day ("2027-11-01") written out in the course's locale, on that day wherever the device is. */
  function dayText(day) {
    return store.longDate(day + "T00:00:00");
  }

  /* Whether the device's date is past a next review (by default the course's). */
  function overdue(due) {
    return dayOf(new Date()) > (due || edition.nextReview);
  }

  /* Whether a pass was made while the edition it was made in was within its review date. */
  function withinReview(pass) {
    return dayOf(new Date(pass.date)) <= pass.edition.nextReview;
  }

  function overdueText() {
    return text("review-overdue", { date: dayText(edition.nextReview) });
  }

  /* cyrb53, a small 53-bit string hash: the reference is a check on a certificate's details, read out or typed in,
     not a seal (a self-assessment made in the browser cannot carry one). */
  function hash(value) {
    var h1 = 0xdeadbeef;
    var h2 = 0x41c6ce57;
    for (var i = 0; i < value.length; i++) {
      var code = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 4294967296 * (2097151 & h2) + (h1 >>> 0);
  }

  /* Eight characters in two groups of four ("7KQ4-M2X9") from the name, the pass (date and score) and the
     edition it was made in: a certificate whose details were changed no longer matches its reference. */
  function reference(name, pass) {
    var value = hash([store.manifest.slug, name.trim(), pass.date, pass.correct + "/" + pass.total,
      pass.edition.version || "", pass.edition.built].join("\n"));
    var letters = "";
    for (var i = 0; i < 8; i++) {
      letters += REFERENCE_LETTERS[value % 32];
      value = Math.floor(value / 32);
    }
    return letters.slice(0, 4) + "-" + letters.slice(4);
  }

  /* A page whose own next review comes before the course's says so from that day. */
  function showNotice() {
    var notice = document.querySelector("[data-course-overdue]");
    if (!notice) return;
    var page = notice.dataset.nextReview;
    var pageFirst = !!page && page < edition.nextReview;
    var late = overdue(pageFirst ? page : edition.nextReview);
    var sentence = pageFirst ? text("review-overdue-page", { date: dayText(page) }) : overdueText();
    if (late && notice.textContent !== sentence) notice.textContent = sentence;
    notice.hidden = !late;
  }

  window.Course.edition = {
    edition: edition,
    dayOf: dayOf,
    dayText: dayText,
    overdue: overdue,
    overdueText: overdueText,
    withinReview: withinReview,
    reference: reference,
  };
  store.onEveryPage(showNotice);
})();
