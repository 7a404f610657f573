"""The final assessment in Chromium: a certificate that means the learner knew the answers."""

from __future__ import annotations

import re

import pytest

from browser_helpers import (axe_violations, horizontal_overflow, open_page, right_values, sit_final,
                             wait_for_announcement)
from conftest import Served, Watched
from course_facts import course_facts

pytestmark = pytest.mark.browser
FACTS = course_facts()
FINAL_URL = FACTS.url(FACTS.final.page)
TOTAL = len(FACTS.final.questions)
PASS_MARK = FACTS.final.pass_mark


@pytest.mark.parametrize("strategy", ["first", "last", "longest", "shortest", "all"])
def test_a_guessing_learner_fails(course_site: Served, watched: Watched, strategy: str) -> None:
    open_page(course_site, watched.page, FINAL_URL)
    result = sit_final(watched.page, strategy)
    assert result.startswith("Not passed."), result
    score = int(re.search(r"\((\d+) of", result).group(1))
    assert score * 100 < PASS_MARK * TOTAL


def test_a_knowing_learner_passes_and_is_pointed_to_the_certificate(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    result = sit_final(page, "knowing")
    assert result.startswith(f"Passed. You scored 100% ({TOTAL} of {TOTAL} correct).")
    assert page.locator("[data-course-result]").evaluate("el => el.contains(document.activeElement) || "
                                                         "el === document.activeElement")
    assert "You passed." in wait_for_announcement(page, "You passed.")
    open_page(course_site, page, "")
    link = page.locator("[data-course-continue] a")
    assert link.inner_text() == "You passed the final assessment: get your certificate"
    assert link.get_attribute("href").endswith("certificate/")


def test_nothing_about_correctness_shows_before_submitting(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    questions = page.locator("[data-question]")
    for index in range(questions.count()):
        questions.nth(index).locator("input").first.check()
    visible = page.locator(".course-exam__feedback:visible, .course-exam__review:visible, .course-exam__mark")
    assert visible.count() == 0
    assert page.locator("[data-result='correct'], [data-result='incorrect'], .course-exam__option.correct").count() == 0
    assert page.locator("[data-course-result]").get_attribute("data-outcome") is None
    assert f"You have answered {TOTAL} of {TOTAL} questions." in page.locator("[data-course-unanswered]").inner_text()


def test_submitting_with_questions_unanswered_says_how_many(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    page.locator("[data-question]").first.locator("input").first.check()
    page.get_by_role("button", name="Submit assessment").click()
    message = page.locator("[data-course-unanswered]").inner_text()
    assert message.startswith(f"{TOTAL - 1} questions are not answered yet (questions 2, 3,")
    assert page.evaluate("document.activeElement.name") == page.locator("[data-question]").nth(1).locator(
        "input").first.get_attribute("name"), "focus goes to the first unanswered question"
    assert page.locator("[data-course-result]").get_attribute("data-outcome") is None
    assert page.evaluate("CourseStore.state.attempts.length") == 0


@pytest.mark.parametrize(("correct", "total", "passes"), [(35, 44, False), (36, 45, True), (79, 100, False),
                                                          (80, 100, True), (4, 5, True), (3, 4, False)])
def test_the_pass_mark_is_compared_exactly(course_site: Served, watched: Watched, correct: int, total: int,
                                           passes: bool) -> None:
    open_page(course_site, watched.page, FINAL_URL)
    assert watched.page.evaluate("([c, t]) => CourseMarking.passes(c, t, 80)", [correct, total]) is passes
    shown = watched.page.evaluate("([c, t]) => CourseStore.percent(c, t)", [correct, total])
    assert (shown >= 80) is passes, "the percentage shown never contradicts the verdict"


def test_one_short_of_the_pass_mark_fails_and_at_it_passes(course_site: Served, watched: Watched) -> None:
    page = watched.page
    needed = -(-PASS_MARK * TOTAL // 100)  # the fewest correct answers that pass, in whole numbers
    open_page(course_site, page, FINAL_URL)
    assert sit_final(page, "", right_first=needed - 1).startswith("Not passed.")
    page.get_by_role("button", name="Retake the assessment").click()
    assert sit_final(page, "", right_first=needed).startswith("Passed.")


def test_after_submitting_every_question_shows_its_feedback(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    sit_final(page, "wrong")
    reviews = page.locator(".course-exam__review")
    assert reviews.count() == TOTAL
    for index in range(TOTAL):
        review = reviews.nth(index)
        assert review.is_visible()
        assert "Where this is taught:" in review.inner_text()
        assert review.locator("[data-verdict]").inner_text() == "\u2717 Not correct"
    assert page.locator(".course-exam__option.correct").count() == sum(
        o.correct for q in FACTS.final.questions for o in q.options)
    assert page.locator("[data-question] input:enabled").count() == 0, "a submitted attempt is locked"
    assert axe_violations(page) == []


def test_a_retake_clears_the_answers_and_reorders_the_options(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    order = "() => [...document.querySelectorAll('[data-question]')].map(q => [...q.querySelectorAll('input')]" \
            ".map(i => i.value).join(','))"
    first_order = page.evaluate(order)
    sit_final(page, "knowing")
    page.reload()
    assert page.evaluate(order) == first_order, "a reload shows the submitted attempt as it was"
    page.get_by_role("button", name="Retake the assessment").click()
    assert page.locator("[data-question] input:checked").count() == 0
    assert page.locator(".course-exam__review:visible").count() == 0
    second_order = page.evaluate(order)
    movable = [q for q in FACTS.final.questions if not q.keep_order]
    changed = sum(a != b for a, b in zip(first_order, second_order, strict=True))
    assert changed == len(movable), "every question that may be shuffled shows a new order"
    page.reload()
    assert page.evaluate(order) == second_order, "the new order holds until the attempt is submitted"


def test_keyboard_only_completion_of_the_final(course_site: Served, watched: Watched) -> None:
    """Arrow keys move through a question's options without answering anything; Tab, then the button, submits."""
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    questions = page.locator("[data-question]")
    for index in range(TOTAL):
        question = questions.nth(index)
        inputs = question.locator("input")
        right = right_values(question.get_attribute("data-question"))
        correct = [value in right for value in inputs.evaluate_all("inputs => inputs.map(i => i.value)")]
        inputs.first.focus()
        if question.locator("input[type=radio]").count():
            page.keyboard.press("Space")
            for _ in range(correct.index(True)):
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Enter")  # must not submit the whole assessment
        else:
            for position, is_correct in enumerate(correct):
                if position:
                    page.keyboard.press("Tab")
                if is_correct:
                    page.keyboard.press("Space")
        assert page.locator("[data-course-result]").get_attribute("data-outcome") is None
    page.get_by_role("button", name="Submit assessment").focus()
    page.keyboard.press("Enter")
    page.locator("[data-course-result][data-outcome='pass']").wait_for()


@pytest.mark.parametrize("watched", [(320, 720), (390, 844), (1280, 900)], indirect=True, ids=["320", "390", "1280"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_marked_assessment_reflows_with_nothing_cut_off(course_site: Served, watched: Watched, scheme: str) -> None:
    page = watched.page
    page.emulate_media(color_scheme=scheme)
    open_page(course_site, page, FINAL_URL)
    sit_final(page, "wrong")
    assert horizontal_overflow(page) == []
    assert axe_violations(page) == []
