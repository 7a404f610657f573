/* A calendar file (iCalendar, RFC 5545) of all-day reminders, made in the learner's browser: lines end in CRLF,
   are folded at 75 octets (never inside a character), and text is escaped. All-day events (DTSTART;VALUE=DATE)
   fall on the same day in every time zone, so a reminder is never moved to the day before or after. */
(function () {
  "use strict";

  var LIMIT = 75;

  function octets(character) {
    var code = character.codePointAt(0);
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }

  /* A content line as lines of at most 75 octets, each after the first starting with a space. */
  function fold(line) {
    var lines = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (character) {
      var length = octets(character);
      if (size + length > LIMIT) {
        lines.push(current);
        current = " ";
        size = 1;
      }
      current += character;
      size += length;
    });
    lines.push(current);
    return lines.join("\r\n");
  }

  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  /* "2026-12-01" plus a number of days, as a date in iCalendar's form ("20261215"). */
  function dayAfter(day, days) {
    var parts = day.split("-").map(Number);
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2] + days));
    return date.toISOString().slice(0, 10).replace(/-/g, "");
  }

  function stamp(now) {
    return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  }

  /* The file: `events` are {uid, day ("YYYY-MM-DD"), days (after it), summary, description, url (or "")}. */
  function calendar(productId, events, now) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productId, "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    events.forEach(function (event) {
      lines.push("BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp(now),
        "DTSTART;VALUE=DATE:" + dayAfter(event.day, event.days), "DTEND;VALUE=DATE:" + dayAfter(event.day, event.days + 1),
        "SUMMARY:" + escapeText(event.summary), "DESCRIPTION:" + escapeText(event.description), "TRANSP:TRANSPARENT");
      if (event.url) lines.push("URL:" + event.url);
      lines.push("END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  var api = { calendar: calendar, fold: fold, escapeText: escapeText, dayAfter: dayAfter };
  if (typeof window === "object") (window.Course = window.Course || {}).calendar = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
