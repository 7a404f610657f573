"""Quizzes in Chromium: feedback for right and wrong answers, instant navigation, stale answers discarded."""

from __future__ import annotations


from conftest import Served, Watched
from test_browser_pages import axe_violations


def answer_first_bone_question(page: object, option: str) -> object:
    quiz = page.locator(".quiz").first
    quiz.get_by_label(option, exact=True).check()
    return quiz


def test_wrong_then_right_feedback(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.goto(course_site.base_url + "modules/bone-metastases/")
    quiz = answer_first_bone_question(page, "Lung")
    feedback = quiz.locator(".quiz-feedback")
    assert feedback.is_visible()
    assert "The lung is the second most common site." in feedback.inner_text()
    assert "Not quite" in feedback.locator(".quiz-feedback-item.incorrect .quiz-feedback-badge").evaluate(
        "el => getComputedStyle(el, '::before').content")
    assert quiz.locator("section.content").is_visible()
    assert "The most common site of secondary breast cancer is the bone." in quiz.locator("section.content").inner_text()
    link = quiz.get_by_role("link", name="Bone metastases").get_attribute("href")
    assert link.endswith("modules/bone-metastases/#bone-metastases")

    second = page.locator(".quiz").nth(1)
    for bone in ("Spine", "Ribs", "Pelvis", "Skull"):
        second.get_by_label(bone, exact=True).check()
    second.get_by_role("button", name="Submit").click()
    assert second.locator(".quiz-feedback-item.correct").count() == 4
    assert axe_violations(page) == []
    page.locator("label[title='Switch to dark mode']").click()
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert axe_violations(page) == []
    assert watched.console_errors == []


def test_quiz_works_after_instant_navigation(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.goto(course_site.base_url)
    page.evaluate("window.__noFullReload = true")
    page.locator("article").get_by_role("link", name="Bone metastases").click()
    page.wait_for_url("**/modules/bone-metastases/")
    page.locator(".quiz").first.wait_for()
    assert page.evaluate("window.__noFullReload === true"), "navigation must be instant, not a page load"
    quiz = answer_first_bone_question(page, "Bone")
    assert "Yes. The spine, ribs" in quiz.locator(".quiz-feedback").inner_text()
    assert quiz.locator(".quiz-feedback-item.correct").count() == 1
    page.locator(".md-footer").get_by_role("link", name="Next: Lung metastases").click()
    page.wait_for_url("**/modules/lung-metastases/")
    lung = page.locator(".quiz").first
    lung.get_by_label("The lungs are the most common site", exact=True).check()
    assert "Bone is the most common site" in lung.locator(".quiz-feedback").inner_text()
    assert page.evaluate("window.__noFullReload === true")
    assert watched.console_errors == []


def test_answers_survive_reload_but_not_a_changed_quiz(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.goto(course_site.base_url + "modules/bone-metastases/")
    answer_first_bone_question(page, "Lung")
    page.reload()
    assert page.locator(".quiz").first.get_by_label("Lung", exact=True).is_checked()
    key = "course:breast-cancer-recurrence:quiz-version:modules/bone-metastases.md"
    assert page.evaluate(f"localStorage.getItem({key!r})")
    page.evaluate(f"localStorage.setItem({key!r}, 'an-older-quiz')")
    page.reload()
    assert not page.locator(".quiz").first.get_by_label("Lung", exact=True).is_checked()
    assert page.evaluate("localStorage.getItem('quiz_progress_' + location.pathname)") in (None, "{}")
