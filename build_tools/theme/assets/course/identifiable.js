/* Does a reflective note look as if it identifies a patient? A pure check of the text, run in the learner's
   browser only (nothing is sent anywhere). It looks for four things, and is meant to warn, never to block:
   - an NHS number: ten digits, written together or as 3-3-4 with spaces or hyphens, whose last digit is the
     modulus-11 check digit of the first nine (a phone number such as 020 7946 0018 has 11 digits and a wrong
     grouping, and most ten-digit numbers fail the check);
   - a date of birth: a date (13/03/1962, 1962-03-13, 13 March 1962, March 13, 1962) that follows "DOB",
     "date of birth", "birth date" or "born", or that sits in the same sentence as an age ("aged 64", "64 years
     old", "64-year-old", "64yo") whose year of birth it is (this year less the age, or less one more); any other
     date, such as the date of a course, is left alone;
   - a UK postcode in the Royal Mail's format (SW1A 1AA, M1 1AE, B33 8TH), in capitals or not (ls1 4ap); a
     guideline code such as NG101 has no inward part and is left alone, and so is one not all in capitals whose
     "inward part" reads as an ordinal, a dose or a duration ("a1 2nd", "d3 2bd", "g3 4hr");
   - a title (Mr, Mrs, Ms, Miss, Mx, Dr) followed by a capitalised name of two letters or more, or a name in
     capitals of three letters or more ("Mrs PATEL"): "Mrs X" or "Dr A" is already anonymised, but "Dr Foster's
     guide" is reported too, as the check cannot tell a named guide from a named person. */
(function () {
  "use strict";

  var MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" +
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
  var DATE = "(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?!\\d)|" +
    "\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTHS + ")\\.?,?\\s+\\d{4}|(?:" + MONTHS + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})";
  var AFTER_BIRTH_WORD = new RegExp("\\b(?:d\\.?o\\.?b\\b\\.?|date\\s+of\\s+birth|birth\\s*date|born)" +
    "(?:\\s*(?::|-|\\bis\\b|\\bwas\\b|\\bon\\b))*\\s*(" + DATE + ")", "gi");
  var ANY_DATE = new RegExp("\\b" + DATE, "gi");
  var AGE = /\b(?:aged?\s+(\d{1,3})\b|(\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|(\d{1,3})\s*y\.?o\b)/gi;
  var NHS_NUMBER = /(^|[^\d])(\d{3})([ -]?)(\d{3})\3(\d{4})(?![\d])/g;
  var POSTCODE = /\b(?:[A-PR-UWYZ](?:\d{1,2}|[A-HK-Y]\d{1,2}|\d[A-HJKPSTUW]|[A-HK-Y]\d[ABEHMNPRV-Y]) ?\d[ABD-HJLNP-UW-Z]{2}|GIR ?0AA)\b/gi;
  var NOT_AN_INWARD_PART = /\d(?:st|nd|rd|th|bd|hr)$/;
  var TITLE_AND_SURNAME = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?:[A-Z](?:[a-z]|['\u2019][A-Z])[A-Za-z'\u2019-]*|[A-Z]{3,}\b)/g;

  /* The NHS number's check: the first nine digits weighted 10 down to 2; 11 less the sum's remainder by 11 is
     the tenth digit (11 counts as 0; 10 means the number is not valid). */
  function validNhsNumber(digits) {
    var sum = 0;
    for (var i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
    var check = 11 - (sum % 11);
    if (check === 11) check = 0;
    return check !== 10 && check === Number(digits[9]);
  }

  function matches(pattern, text) {
    var found = [];
    var match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text)) !== null) {
      found.push(match);
      if (match[0] === "") pattern.lastIndex++;
    }
    return found;
  }

  function nhsNumbers(text) {
    return matches(NHS_NUMBER, text).filter(function (match) {
      return validNhsNumber(match[2] + match[4] + match[5]);
    }).map(function (match) {
      return { kind: "nhs-number", at: match.index + match[1].length, text: match[0].slice(match[1].length) };
    });
  }

  /* The year a date names: its four digits, or two read as the latest year not after this one. */
  function yearOf(date, thisYear) {
    var full = /\d{4}/.exec(date);
    if (full) return Number(full[0]);
    var short = Number(/(\d{2})$/.exec(date)[1]);
    return short <= thisYear % 100 ? thisYear - (thisYear % 100) + short : 1900 + short;
  }

  function datesOfBirth(text, now) {
    var found = matches(AFTER_BIRTH_WORD, text).map(function (match) {
      return { kind: "date-of-birth", at: match.index + match[0].length - match[1].length, text: match[1] };
    });
    var thisYear = now.getFullYear();
    var start = 0;
    text.split(/([.!?](?=\s|$)|\n)/).forEach(function (sentence) {
      var ages = matches(AGE, sentence).map(function (match) { return Number(match[1] || match[2] || match[3]); });
      matches(ANY_DATE, sentence).forEach(function (match) {
        var born = yearOf(match[0], thisYear);
        if (ages.some(function (age) { return born === thisYear - age || born === thisYear - age - 1; })) {
          found.push({ kind: "date-of-birth", at: start + match.index, text: match[0] });
        }
      });
      start += sentence.length;
    });
    return found;
  }

  function simple(kind, pattern, text) {
    return matches(pattern, text).map(function (match) { return { kind: kind, at: match.index, text: match[0] }; });
  }

  function postcodes(text) {
    return simple("postcode", POSTCODE, text).filter(function (found) {
      return found.text === found.text.toUpperCase() || !NOT_AN_INWARD_PART.test(found.text.toLowerCase());
    });
  }

  /* What in the text looks patient-identifiable, in the order it appears, each once: [{kind, text}]. `now` is
     the day the note is written (ages are counted from its year). */
  function find(text, now) {
    var all = nhsNumbers(text).concat(datesOfBirth(text, now || new Date()),
      postcodes(text), simple("title-and-surname", TITLE_AND_SURNAME, text));
    all.sort(function (a, b) { return a.at - b.at; });
    var seen = {};
    return all.filter(function (item) {
      var key = item.kind + ":" + item.text;
      if (seen[key]) return false;
      seen[key] = true;
      return true;
    }).map(function (item) { return { kind: item.kind, text: item.text }; });
  }

  var api = { find: find, validNhsNumber: validNhsNumber };
  if (typeof window === "object") (window.Course = window.Course || {}).identifiable = api;
  if (typeof module === "object" && module.exports) module.exports = api;
})();
