"""The course's confidence statements (extra.course.confidence): optional, and a mistake in them said plainly."""

from __future__ import annotations

import pytest

from build_tools.model.course import MOST_CONFIDENCE_STATEMENTS, load_course
from build_tools.model.errors import AuthoringError
from build_tools.render.learner_manifest import keyed
from build_tools.render.widgets import place_widgets

pytestmark = pytest.mark.unit

COURSE = {"title": "Asthma in Children", "cpd_hours": 1, "last_reviewed": "2026-01-01", "next_review": "2027-01-01",
          "authors": ["Dr A Smith"]}


def test_a_course_without_statements_asks_for_no_ratings() -> None:
    assert load_course({"course": COURSE}).confidence == ()
    for moment in ("before", "after"):
        page = f"# Start\n\n<!-- course: confidence-{moment} -->\n"
        assert place_widgets(page, lambda: {"confidence_statements": [], "strings": {}}).strip() == "# Start"


def test_the_statements_are_kept_in_order_each_with_its_own_key() -> None:
    course = load_course({"course": {**COURSE, "confidence": [" Spotting an attack ", "Spotting an attack!"]}})
    assert course.confidence == ("Spotting an attack", "Spotting an attack!")
    assert [part["key"] for part in keyed(course.confidence)] == ["spotting-an-attack", "spotting-an-attack-2"]


@pytest.mark.parametrize("confidence, expected", [
    ("Spotting an attack", "'extra.course.confidence' must be a list of short statements"),
    (["Spotting an attack", ""], "'extra.course.confidence' must be a list of short statements"),
    ([{"text": "Spotting"}], "'extra.course.confidence' must be a list of short statements"),
    (["Spotting an attack", "spotting an attack"], "'extra.course.confidence' lists 'spotting an attack' twice"),
    ([f"Statement {n}" for n in range(MOST_CONFIDENCE_STATEMENTS + 1)],
     f"'extra.course.confidence' has {MOST_CONFIDENCE_STATEMENTS + 1} statements: keep it to"),
])
def test_a_mistake_in_the_statements_is_said_plainly(confidence: object, expected: str) -> None:
    with pytest.raises(AuthoringError) as raised:
        load_course({"course": {**COURSE, "confidence": confidence}})
    assert expected in str(raised.value) and "mkdocs.yml" in str(raised.value)
