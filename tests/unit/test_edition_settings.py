"""The course's edition (`version`) and its follow-up reminders (`follow_ups`): read from mkdocs.yml, and a
mistake in either is said plainly."""

from __future__ import annotations

import datetime as dt

import pytest

from build_tools.model.course import load_course
from build_tools.model.errors import AuthoringError
from build_tools.render.learner_manifest import edition

pytestmark = pytest.mark.unit

COURSE = {"title": "Asthma in Children", "cpd_hours": 1, "last_reviewed": "2026-01-01", "next_review": "2027-01-01",
          "authors": ["Dr A Smith"]}


def test_the_edition_and_reminders_reach_the_browser() -> None:
    course = load_course({"course": {**COURSE, "version": "2.1", "follow_ups": {"change": 90}}})
    told = edition(course, {"summary": "summary/", "certificate": "certificate/"}, dt.date(2026, 2, 3),
                   "https://example.org/asthma/")
    assert told["edition"] == {"version": "2.1", "built": "2026-02-03", "lastReviewed": "2026-01-01",
                               "nextReview": "2027-01-01"}
    assert told["followUps"] == [{"kind": "revision", "days": 14, "url": "summary/"},
                                 {"kind": "change", "days": 90, "url": "certificate/"}]
    assert told["siteUrl"] == "https://example.org/asthma/"


def test_without_a_version_or_a_summary_page() -> None:
    course = load_course({"course": COURSE})
    told = edition(course, {"certificate": "certificate/"}, dt.date(2026, 2, 3), "")
    assert told["edition"]["version"] is None
    assert told["followUps"][0] == {"kind": "revision", "days": 14, "url": ""}, "the home page"


@pytest.mark.parametrize("settings, expected", [
    ({"version": 1.1}, "'extra.course.version' is the number 1.1: write the edition in quotes, e.g. 'version: \"1.0\"'"),
    ({"version": "first edition!"}, "'extra.course.version' must name the content's edition in up to 20 letters"),
    ({"follow_ups": [14, 56]}, "'extra.course.follow_ups' must give the days after a pass of each reminder"),
    ({"follow_ups": {"revison": 14}}, "'extra.course.follow_ups' has 'revison', which is not a reminder"),
    ({"follow_ups": {"change": 0}}, "'extra.course.follow_ups' gives 'change' 0: write a whole number of days"),
    ({"follow_ups": {"revision": "two weeks"}}, "gives 'revision' 'two weeks': write a whole number of days"),
])
def test_a_mistake_in_the_edition_settings_is_said_plainly(settings: dict, expected: str) -> None:
    with pytest.raises(AuthoringError) as raised:
        load_course({"course": {**COURSE, **settings}})
    assert expected in str(raised.value) and "mkdocs.yml" in str(raised.value)
