"""Confidence before and after: the learner rates the course's statements at the start and before the certificate,
with the keyboard as well as the mouse, and the certificate and the reflective note show both and the change."""

from __future__ import annotations

import pytest

from browser_helpers import axe_violations, open_page, sit_final
from build_tools.render.learner_manifest import keyed
from build_tools.model.strings import course_strings
from conftest import Served, Watched
from course_facts import course_facts

pytestmark = pytest.mark.browser
FACTS = course_facts()
STATEMENTS = keyed(FACTS.course.confidence)
TEXT = course_strings("en", FACTS.course.strings)
BEFORE_PAGE = FACTS.url(FACTS.widget_pages("confidence-before")[0])
AFTER_PAGE = FACTS.url(FACTS.widget_pages("confidence-after")[0])
NOT_RATED = TEXT["confidence-not-rated"]


def ratings(page: object, moment: str) -> dict[str, int]:
    return page.evaluate("moment => ({...Course.store.state.confidence[moment]})", moment)


def rate(page: object, moment: str, statement: dict[str, str], rating: int) -> None:
    group = page.locator(f"[data-course-confidence='{moment}'] fieldset", has_text=statement["label"])
    group.get_by_role("radio", name=f"{rating} {TEXT[f'confidence-scale-{rating}']}").check()


def test_the_course_asks_at_the_start_and_before_the_certificate() -> None:
    assert len(STATEMENTS) == 3
    assert FACTS.widget_pages("confidence-before") and FACTS.widget_pages("confidence-after") == ["certificate.md"]


def test_ratings_are_saved_and_shown_before_and_after_with_the_change(course_site: Served, watched: Watched) -> None:
    page = watched.page
    first, second, third = STATEMENTS
    open_page(course_site, page, BEFORE_PAGE)
    groups = page.locator("[data-course-confidence='before'] fieldset")
    assert [groups.nth(i).locator("legend").inner_text() for i in range(groups.count())] == \
        [statement["label"] for statement in STATEMENTS]
    rate(page, "before", first, 2)
    rate(page, "before", second, 4)  # the third is skipped
    page.reload()
    assert ratings(page, "before") == {first["key"]: 2, second["key"]: 4}
    assert page.locator("[data-course-confidence='before'] input:checked").count() == 2

    open_page(course_site, page, FACTS.url(FACTS.final.page))
    sit_final(page, "knowing")
    open_page(course_site, page, AFTER_PAGE)
    rate(page, "after", first, 4)
    rate(page, "after", second, 3)
    rate(page, "after", third, 5)
    assert axe_violations(page) == []
    page.locator("#course-learner-name").fill("Dr Rated")
    shown = page.locator("[data-course-certificate] .course-certificate__confidence li")
    expected = [
        f"{first['label']}: " + TEXT["confidence-change"].format(before=2, after=4, change="+2"),
        f"{second['label']}: " + TEXT["confidence-change"].format(before=4, after=3, change="\u22121"),
        f"{third['label']}: " + TEXT["confidence-ratings"].format(before=NOT_RATED, after=5),
    ]
    assert [shown.nth(i).inner_text() for i in range(shown.count())] == expected
    assert expected[0].endswith("before 2, after 4, +2")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reflective note (text file)").click()
    note = open(download.value.path(), encoding="utf-8").read()
    assert TEXT["confidence-record-heading"] in note
    assert all(f"- {line}" in note for line in expected)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the certificate (HTML file)").click()
    certificate = open(download.value.path(), encoding="utf-8").read()
    assert all(line.split(": ")[1] in certificate for line in expected)


def test_a_learner_rates_with_the_keyboard_alone(course_site: Served, watched: Watched) -> None:
    page = watched.page
    first, second = STATEMENTS[:2]
    open_page(course_site, page, BEFORE_PAGE)
    page.locator(f"[data-course-confidence='before'] input[name='confidence-before-{first['key']}']").first.focus()
    page.keyboard.press("Space")  # the first option: 1
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # 3
    page.keyboard.press("Tab")  # the next statement's group
    focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
    assert focused == [f"confidence-before-{second['key']}", "1"]
    page.keyboard.press("Space")
    assert ratings(page, "before") == {first["key"]: 3, second["key"]: 1}
    # Each group is a fieldset named by its statement, each option a radio named by its number and label.
    group = page.get_by_role("group", name=first["label"])
    assert group.get_by_role("radio", name=f"3 {TEXT['confidence-scale-3']}").is_checked()
    page.get_by_role("button", name=TEXT["confidence-clear"]).press("Enter")
    assert ratings(page, "before") == {}
    assert page.evaluate("document.activeElement.textContent.trim()") == TEXT["confidence-clear"]
    assert axe_violations(page) == [], "a focused button is as readable as the rest"
