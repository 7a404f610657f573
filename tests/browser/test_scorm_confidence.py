"""Confidence ratings inside a learning system: kept in cmi.suspend_data with the longest state, within its 4,096
characters, and back on the certificate when the learner returns."""

from __future__ import annotations

import json

import pytest

from browser_helpers import sit_final
from build_tools.render.learner_manifest import keyed
from build_tools.model.strings import course_strings
from conftest import Watched
from course_facts import course_facts
from test_confidence import rate
from test_scorm import (LIMIT, LONGEST_NAME, launch, leave, lms, make_longest_state, open_in, package,  # noqa: F401
                        returning, server, unzipped)

pytestmark = pytest.mark.browser
FACTS = course_facts()
STATEMENTS = keyed(FACTS.course.confidence)
TEXT = course_strings("en", FACTS.course.strings)
BEFORE = [2, 5, 0]  # 0: the last statement is skipped at the start
AFTER = [4] * len(STATEMENTS)


def rate_all(course: object, moment: str, ratings: list[int]) -> None:
    for statement, rating in zip(STATEMENTS, ratings, strict=True):
        if rating:
            rate(course, moment, statement, rating)


def test_ratings_fit_in_suspend_data_with_the_longest_state_and_return(server: str, watched: Watched,  # noqa: F811
                                                                       browser: object) -> None:
    page = watched.page
    course = launch(page, server)
    open_in(course, server, FACTS.widget_pages("confidence-before")[0])
    rate_all(course, "before", BEFORE)
    open_in(course, server, FACTS.final.page)
    sit_final(course, "knowing")
    open_in(course, server, FACTS.widget_pages("confidence-after")[0])
    rate_all(course, "after", AFTER)
    course.locator("#course-learner-name").fill(LONGEST_NAME)
    make_longest_state(course)
    page.wait_for_function("() => (JSON.parse(lms.values['cmi.suspend_data']).a || []).length > 1")
    saved = leave(page)
    assert max(lms(page)["suspendLengths"]) <= LIMIT
    assert len(saved["cmi.suspend_data"].encode("utf-8")) <= LIMIT
    # A digit a rating, "0" for one not given: compact whatever else the state holds.
    assert json.loads(saved["cmi.suspend_data"])["c"] == ["".join(map(str, BEFORE)).rstrip("0"), "".join(map(str, AFTER))]

    with returning(browser, server, saved) as (again, course, errors):
        open_in(course, server, FACTS.widget_pages("certificate")[0])
        shown = course.locator("[data-course-certificate] .course-certificate__confidence").inner_text()
        assert TEXT["confidence-change"].format(before=2, after=4, change="+2") in shown
        assert TEXT["confidence-change"].format(before=5, after=4, change="\u22121") in shown
        assert TEXT["confidence-ratings"].format(before=TEXT["confidence-not-rated"], after=4) in shown
        assert errors == []
