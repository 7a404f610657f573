"""Module quizzes in Chromium: deliberate answering, feedback in full, instant navigation, stale answers dropped."""

from __future__ import annotations

from browser_helpers import (REFLOW_WIDTHS_AND_SCHEMES, answer_module_quiz, axe_violations, horizontal_overflow,
                             open_page, wait_for_announcement)
from conftest import Served, Watched
from course_facts import course_facts

FACTS = course_facts()
QUIZ = FACTS.module_quizzes[1]
QUESTION = QUIZ.questions[0]
RIGHT = next(o for o in QUESTION.options if o.correct)
WRONG = next(o for o in QUESTION.options if not o.correct and o.feedback)


def test_wrong_then_right_feedback(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FACTS.url(QUIZ.page))
    quiz = page.locator(".quiz").first
    quiz.get_by_label(WRONG.text, exact=True).check()
    assert quiz.locator(".quiz-feedback").is_hidden(), "choosing an option does not answer the question"
    quiz.get_by_role("button", name="Submit").click()
    feedback = quiz.locator(".quiz-feedback")
    assert feedback.is_visible()
    assert " ".join(WRONG.feedback.split()[:6]) in " ".join(feedback.inner_text().split())
    badge = feedback.locator(".quiz-feedback-item.incorrect .quiz-feedback-badge")
    assert badge.inner_text() == WRONG.text, "the answer's label shows in full"
    assert "Not quite" in badge.evaluate("el => getComputedStyle(el, '::before').content")
    content = quiz.locator("section.content")
    assert content.is_visible() and "Where this is taught:" in content.inner_text()
    assert quiz.evaluate("q => q.contains(document.activeElement)"), "focus stays with the question"
    assert "Not quite." in wait_for_announcement(page, "Not quite.")
    assert axe_violations(page) == []
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert axe_violations(page) == []
    assert watched.console_errors == []


MULTIPLE_QUIZ, MULTIPLE = next((quiz, question) for quiz in FACTS.module_quizzes for question in quiz.questions
                               if question.type == "multiple" and sum(o.correct for o in question.options) >= 2)


def marked_choices(quiz: object) -> dict[str, bool]:
    """Each feedback item's option, and whether it is marked right."""
    return dict(quiz.locator(".quiz-feedback-item").evaluate_all(
        "items => items.map(i => [i.querySelector('.quiz-feedback-badge').title, i.classList.contains('correct')])"))


def test_a_part_right_select_all_answer_says_how_much_was_right(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FACTS.url(MULTIPLE_QUIZ.page))
    quiz = page.locator(f".quiz[data-course-question='{MULTIPLE.id}']")
    rights = [o for o in MULTIPLE.options if o.correct]
    wrong = next(o for o in MULTIPLE.options if not o.correct)
    quiz.get_by_label(rights[0].text, exact=True).check()
    quiz.get_by_label(wrong.text, exact=True).check()
    quiz.get_by_role("button", name="Submit").click()
    tally = (f"Not quite: you chose 1 of the {len(rights)} correct answers and 1 answer that is not correct. "
             "All the correct answers are now marked.")
    assert quiz.locator(".course-quiz-tally").inner_text() == tally
    marked = marked_choices(quiz)
    assert marked == {o.text: o.correct for o in (rights[0], wrong) if o.feedback}, "each choice is marked right or wrong"
    assert quiz.locator("fieldset > div.correct").count() == len(rights), "every correct answer is marked"
    assert wait_for_announcement(page, "Not quite: you chose").startswith(tally)
    assert axe_violations(page) == []
    page.reload()
    quiz.locator(".course-quiz-tally").wait_for()
    assert quiz.locator(".course-quiz-tally").inner_text() == tally, "a restored answer is explained the same way"
    page.evaluate("window.__noFullReload = true")
    next_src = FACTS.nav_pages[FACTS.nav_pages.index(MULTIPLE_QUIZ.page) + 1]
    page.locator(".md-footer").get_by_role("link", name=f"Next: {FACTS.next_page(MULTIPLE_QUIZ.page)}").click()
    page.wait_for_url(f"**/{FACTS.url(next_src)}")
    page.locator(".md-footer").get_by_role("link", name=f"Previous: {FACTS.nav_titles[MULTIPLE_QUIZ.page]}").click()
    page.wait_for_url(f"**/{FACTS.url(MULTIPLE_QUIZ.page)}")
    quiz.locator(".course-quiz-tally").wait_for()
    assert page.evaluate("window.__noFullReload === true"), "navigation must be instant, not a page load"
    assert quiz.locator(".course-quiz-tally").inner_text() == tally, "and so is one restored after instant navigation"
    assert marked_choices(quiz) == marked
    assert watched.console_errors == []


def test_arrow_keys_move_through_options_without_answering(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FACTS.url(QUIZ.page))
    quiz = page.locator(".quiz").first
    quiz.locator("input").first.focus()
    for _ in range(len(QUESTION.options)):
        page.keyboard.press("ArrowDown")
    assert quiz.locator(".quiz-feedback").is_hidden()
    assert quiz.locator("input:disabled").count() == 0
    right = quiz.locator("input[data-correct]")
    right.focus()
    page.keyboard.press("Space")
    assert quiz.locator(".quiz-feedback").is_hidden()
    page.keyboard.press("Enter")
    assert quiz.locator(".quiz-feedback-item.correct").is_visible()
    assert wait_for_announcement(page, "Correct.").startswith("Correct. ")
    assert page.locator("#course-announcer").get_attribute("aria-live") == "polite"
    assert quiz.evaluate("q => q.contains(document.activeElement)")


def test_quiz_works_after_instant_navigation(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.goto(course_site.base_url)
    page.evaluate("window.__noFullReload = true")
    page.locator("article").get_by_role("link", name=FACTS.nav_titles[QUIZ.page]).first.click()
    page.wait_for_url(f"**/{FACTS.url(QUIZ.page)}")
    page.locator(".quiz").first.wait_for()
    assert page.evaluate("window.__noFullReload === true"), "navigation must be instant, not a page load"
    quiz = page.locator(".quiz").first
    quiz.get_by_label(RIGHT.text, exact=True).check()
    quiz.get_by_role("button", name="Submit").click()
    assert quiz.locator(".quiz-feedback-item.correct").count() == 1
    next_src = FACTS.nav_pages[FACTS.nav_pages.index(QUIZ.page) + 1]
    page.locator(".md-footer").get_by_role("link", name=f"Next: {FACTS.next_page(QUIZ.page)}").click()
    page.wait_for_url(f"**/{FACTS.url(next_src)}")
    page.locator(f"[data-course-quiz='{next_src}'] .quiz").first.wait_for()
    following = page.locator(".quiz").first
    following.locator("input").first.check()
    following.get_by_role("button", name="Submit").click()
    assert following.locator(".quiz-feedback:not(.hidden)").is_visible()
    assert page.evaluate("window.__noFullReload === true")
    assert watched.console_errors == []


def test_answers_survive_reload_but_not_a_changed_quiz(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FACTS.url(QUIZ.page))
    quiz = page.locator(".quiz").first
    quiz.get_by_label(WRONG.text, exact=True).check()
    quiz.get_by_role("button", name="Submit").click()
    page.reload()
    assert page.locator(".quiz").first.get_by_label(WRONG.text, exact=True).is_checked()
    key = f"course:{FACTS.course.slug}:quiz-version:{QUIZ.page}"
    assert page.evaluate(f"localStorage.getItem({key!r})")
    page.evaluate(f"localStorage.setItem({key!r}, 'an-older-quiz')")
    page.reload()
    assert not page.locator(".quiz").first.get_by_label(WRONG.text, exact=True).is_checked()
    assert page.evaluate("localStorage.getItem('quiz_progress_' + location.pathname)") in (None, "{}")


@REFLOW_WIDTHS_AND_SCHEMES
def test_every_answered_quiz_reflows_with_nothing_cut_off(course_site: Served, watched: Watched, scheme: str) -> None:
    page = watched.page
    page.emulate_media(color_scheme=scheme)
    for quiz in FACTS.module_quizzes:
        open_page(course_site, page, FACTS.url(quiz.page))
        answer_module_quiz(page, correctly=False)
        assert horizontal_overflow(page) == [], quiz.page
    assert axe_violations(page) == []
