"""The final assessment in Chromium: a certificate that means the learner knew the answers."""

from __future__ import annotations

import re

import pytest

from browser_helpers import (REFLOW_WIDTHS_AND_SCHEMES, axe_violations, horizontal_overflow, open_page, right_values,
                             sit_final, wait_for_announcement)
from conftest import Served, Watched
from course_facts import course_facts

FACTS = course_facts()
FINAL_URL = FACTS.url(FACTS.final.page)
TOTAL = FACTS.final.attempt_size
SHOWN = "[data-question]:not([hidden])"
"""The questions of the attempt on screen (the rest of the bank is hidden)."""
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
    questions = page.locator(SHOWN)
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
    page.locator(SHOWN).first.locator("input").first.check()
    page.get_by_role("button", name="Submit assessment").click()
    message = page.locator("[data-course-unanswered]").inner_text()
    assert message.startswith(f"{TOTAL - 1} questions are not answered yet (questions 2, 3,")
    assert page.evaluate("document.activeElement.name") == page.locator(SHOWN).nth(1).locator(
        "input").first.get_attribute("name"), "focus goes to the first unanswered question"
    assert page.locator("[data-course-result]").get_attribute("data-outcome") is None
    assert page.evaluate("Course.store.state.attempts.length") == 0


@pytest.mark.parametrize(("correct", "total", "passes"), [(35, 44, False), (36, 45, True), (79, 100, False),
                                                          (80, 100, True), (4, 5, True), (3, 4, False)])
def test_the_pass_mark_is_compared_exactly(course_site: Served, watched: Watched, correct: int, total: int,
                                           passes: bool) -> None:
    open_page(course_site, watched.page, FINAL_URL)
    assert watched.page.evaluate("([c, t]) => Course.marking.passes(c, t, 80)", [correct, total]) is passes
    shown = watched.page.evaluate("([c, t]) => Course.store.percent(c, t)", [correct, total])
    assert (shown >= 80) is passes, "the percentage shown never contradicts the verdict"


def test_one_short_of_the_pass_mark_fails_and_at_it_passes(course_site: Served, watched: Watched) -> None:
    page = watched.page
    needed = -(-PASS_MARK * TOTAL // 100)  # the fewest correct answers that pass, in whole numbers
    open_page(course_site, page, FINAL_URL)
    assert sit_final(page, "", right_first=needed - 1).startswith("Not passed.")
    page.get_by_role("button", name="Retake the assessment").click()
    assert sit_final(page, "", right_first=needed).startswith("Passed.")


OPTION_LOOK = """option => {
    const label = option.querySelector('label');
    return [option.className, label.innerHTML,
            option.querySelector('input').outerHTML.replace(/ (id|value|name)="[^"]*"/g, ''),
            getComputedStyle(option).backgroundColor, getComputedStyle(option).borderColor, getComputedStyle(label).color,
            getComputedStyle(label).fontWeight, option.children.length];
}"""


def unchosen_looks(page: object) -> tuple[list, list]:
    """How every unchosen right option and every unchosen wrong option of the shown questions looks."""
    right_looks, wrong_looks = [], []
    questions = page.locator(SHOWN)
    for index in range(questions.count()):
        question = questions.nth(index)
        right = right_values(question.get_attribute("data-question"))
        options = question.locator(".course-exam__option")
        for number in range(options.count()):
            option = options.nth(number)
            if option.locator("input").is_checked():
                continue
            look = option.evaluate(OPTION_LOOK)
            look[1] = ""  # the option's own words differ anyway
            (right_looks if option.locator("input").get_attribute("value") in right else wrong_looks).append(look)
    return right_looks, wrong_looks


def test_a_failed_attempt_points_to_the_teaching_not_the_answers(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    sit_final(page, "wrong")
    reviews = page.locator(f"{SHOWN} .course-exam__review")
    assert reviews.count() == TOTAL
    for index in range(TOTAL):
        review = reviews.nth(index)
        assert review.is_visible()
        assert "Where this is taught:" in review.inner_text()
        assert review.locator("[data-verdict]").inner_text() == "\u2717 Not correct"
    right_looks, wrong_looks = unchosen_looks(page)
    assert right_looks and wrong_looks
    assert {str(look) for look in right_looks} <= {str(look) for look in wrong_looks}, "no right option stands apart"
    assert page.locator(".course-exam__option.correct, .course-exam__feedback, .course-exam__mark").count() == 0
    assert page.locator(f"{SHOWN} input:enabled").count() == 0, "a submitted attempt is locked"
    assert axe_violations(page) == []


def test_a_pass_shows_the_full_review(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    sit_final(page, "knowing", right_first=TOTAL - 1)  # a pass with one wrong answer
    drawn = page.evaluate("Course.store.state.exam.drawn")
    by_id = {q.id: q for q in FACTS.final.questions}
    assert page.locator(".course-exam__option.correct").count() == sum(
        o.correct for qid in drawn for o in by_id[qid].options)
    right_looks, wrong_looks = unchosen_looks(page)
    wrong = {str(look) for look in wrong_looks}
    assert right_looks and all(str(look) not in wrong for look in right_looks), "the right options are marked"
    assert page.locator(".course-exam__feedback").count() > 0
    assert axe_violations(page) == []


def test_each_attempt_draws_across_every_module_and_keeps_its_draw(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    groups = FACTS.final.groups()
    shares = dict(zip(groups, FACTS.final.shares(), strict=True))

    def drawn() -> list[str]:
        ids = [page.locator(SHOWN).nth(i).get_attribute("data-question") for i in range(page.locator(SHOWN).count())]
        assert ids == page.evaluate("Course.store.state.exam.drawn") and len(ids) == TOTAL == len(set(ids))
        for source, members in groups.items():
            assert sum(qid in members for qid in ids) == shares[source], source
        numbers = page.locator(f"{SHOWN} [data-question-number]").all_inner_texts()
        assert numbers == [f"Question {n} of {TOTAL}." for n in range(1, TOTAL + 1)]
        return ids

    first = drawn()
    page.reload()
    assert drawn() == first, "a reload shows the same attempt"
    sit_final(page, "wrong")
    page.reload()
    assert drawn() == first, "a submitted attempt stays as it was"
    page.get_by_role("button", name="Retake the assessment").click()
    second = drawn()
    unseen = {source: len(members) - shares[source] for source, members in groups.items()}
    for source, members in groups.items():
        fresh = sum(qid in members and qid not in first for qid in second)
        assert fresh == min(shares[source], unseen[source]), "a new attempt prefers questions not shown last time"
    page.reload()
    assert drawn() == second


def test_a_retake_clears_the_answers_and_reorders_the_options(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    order = "() => Object.fromEntries([...document.querySelectorAll('[data-question]')].map(q => [q.dataset.question, " \
            "[...q.querySelectorAll('input')].map(i => i.value).join(',')]))"
    first_order = page.evaluate(order)
    sit_final(page, "knowing")
    page.reload()
    assert page.evaluate(order) == first_order, "a reload shows the submitted attempt as it was"
    page.get_by_role("button", name="Retake the assessment").click()
    assert page.locator("[data-question] input:checked").count() == 0
    assert page.locator(".course-exam__review:visible").count() == 0
    second_order = page.evaluate(order)
    movable = [q.id for q in FACTS.final.questions if not q.keep_order]
    assert all(first_order[qid] != second_order[qid] for qid in movable), "every shufflable question's options move"
    page.reload()
    assert page.evaluate(order) == second_order, "the new order holds until the attempt is submitted"


def test_keyboard_only_completion_of_the_final(course_site: Served, watched: Watched) -> None:
    """Arrow keys move through a question's options without answering anything; Tab, then the button, submits."""
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    questions = page.locator(SHOWN)
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


@REFLOW_WIDTHS_AND_SCHEMES
def test_the_marked_assessment_reflows_with_nothing_cut_off(course_site: Served, watched: Watched, scheme: str) -> None:
    page = watched.page
    page.emulate_media(color_scheme=scheme)
    open_page(course_site, page, FINAL_URL)
    sit_final(page, "wrong")
    assert horizontal_overflow(page) == []
    assert axe_violations(page) == []
