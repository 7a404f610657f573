"""Learner-facing sentences come from the package's language file, and a course may reword any of them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.model.course import load_course
from build_tools.model.errors import AuthoringError
from build_tools.model.strings import course_strings

pytestmark = pytest.mark.unit

COURSE = {"title": "Asthma in Children", "cpd_hours": 1, "last_reviewed": "2026-01-01", "next_review": "2027-01-01",
          "authors": ["Dr A Smith"]}


def test_the_course_rewords_a_sentence_and_keeps_the_rest() -> None:
    course = load_course({"course": {**COURSE, "strings": {"review-overdue": "Out of date since {date}."}}})
    strings = course_strings("en-GB", course.strings)
    assert strings["review-overdue"] == "Out of date since {date}."
    english = yaml.safe_load((Path(__file__).parents[2] / "build_tools/language/en.yml").read_text(encoding="utf-8"))
    assert set(strings) == set(english) and len(english) >= 1


def test_a_language_without_its_own_file_reads_the_default() -> None:
    assert course_strings("cy", ()) == course_strings("en", ())


@pytest.mark.parametrize("strings, expected", [
    ({"reveiw-overdue": "x"}, "'extra.course.strings' has 'reveiw-overdue', which is not a sentence the course shows"),
    ({"review-overdue": 3}, "'extra.course.strings' gives 'review-overdue' a value that is not text"),
    (["review-overdue"], "'extra.course.strings' must be a list of 'key: sentence' lines"),
])
def test_a_mistyped_sentence_key_is_said_plainly(strings: object, expected: str) -> None:
    with pytest.raises(AuthoringError) as raised:
        load_course({"course": {**COURSE, "strings": strings}})
    assert expected in str(raised.value)
