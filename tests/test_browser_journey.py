"""The learner's journey in Chromium: progress, final assessment, certificate, reflective note, privacy."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from conftest import Served, Watched
from test_browser_pages import axe_violations
from test_quiz_build import MODULE_QUIZ_PAGES

STATE_KEY = "course:breast-cancer-recurrence:state"
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


def answer_all(page: object, correctly: bool) -> None:
    """Answer every question on the page, all right or all wrong, as a learner would: click, then submit."""
    quizzes = page.locator(".quiz")
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        choices = quiz.locator("input[data-correct]" if correctly else "input:not([data-correct])")
        for number in range(choices.count() if correctly else 1):
            quiz.locator(f"label[for='{choices.nth(number).get_attribute('id')}']").click()
        submit = quiz.get_by_role("button", name="Submit")
        if submit.count():
            submit.click()
        quiz.locator(".quiz-feedback:not(.hidden)").wait_for()


def wait_for_announcement(page: object, words: str) -> str:
    """What the live region says, once it says `words` (it speaks shortly after the change, as screen readers need)."""
    page.wait_for_function("words => document.getElementById('course-announcer').textContent.includes(words)",
                           arg=words)
    return page.locator("#course-announcer").inner_text()


def open_page(site: Served, page: object, url: str) -> None:
    page.goto(site.base_url + url)
    page.wait_for_load_state("networkidle")


def progress_summary(site: Served, page: object) -> str:
    open_page(site, page, "progress/")
    return page.locator("[data-course-progress-summary]").inner_text()


def pass_final(site: Served, page: object) -> None:
    open_page(site, page, "final-assessment/")
    answer_all(page, correctly=True)
    page.locator("[data-course-result][data-outcome='pass']").wait_for()


def test_progress_reaches_100_percent(course_site: Served, watched: Watched) -> None:
    page = watched.page
    assert "completed 0 of 6 modules (0%)" in progress_summary(course_site, page)
    for module in MODULE_QUIZ_PAGES:
        open_page(course_site, page, module + "/")
        answer_all(page, correctly=True)
        link = page.locator(f".md-nav--primary a.md-nav__link[href$='{module.split('/')[1]}/']").first
        badge = link.locator(".course-nav-status")
        assert badge.inner_text().startswith("\u2713 Done")
        spoken = badge.locator(".course-visually-hidden")
        assert spoken.text_content() == " (completed)" and spoken.bounding_box()["width"] <= 1
        title = link.locator(".md-ellipsis").bounding_box()
        assert title["width"] > 40, "the badge must not squeeze the module's title out of sight"
    open_page(course_site, page, "")
    line = page.locator("[data-course-progress-line]").inner_text()
    assert "6 of 6 modules completed, 31 of 31 questions answered" in line
    continue_link = page.locator("[data-course-continue] a")
    assert continue_link.inner_text() == "Continue where you left off: Referral and management"
    summary = progress_summary(course_site, page)
    assert "completed 6 of 6 modules (100%) and answered 31 of 31 questions, 31 of them correctly" in summary
    rows = page.locator("[data-course-module]")
    assert rows.count() == 6
    for index in range(6):
        assert rows.nth(index).locator('[data-cell="status"]').inner_text() == "Completed \u2713"
    page.reload()
    assert "(100%)" in page.locator("[data-course-progress-summary]").inner_text()
    assert axe_violations(page) == []
    assert watched.console_errors == []


def test_fail_then_pass_the_final_assessment_and_get_a_certificate(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, "certificate/")
    assert page.locator("[data-course-locked]").is_visible()
    assert page.locator("[data-course-certificate]").is_hidden()
    assert axe_violations(page) == []

    open_page(course_site, page, "final-assessment/")
    assert axe_violations(page) == []
    answer_all(page, correctly=False)
    result = page.locator("[data-course-result]")
    assert result.get_attribute("data-outcome") == "fail"
    assert re.search(r"Not passed\. You scored \d+% \(\d+ of 17 correct\)\. The pass mark is 80%\.", result.inner_text())
    assert "The pass mark is 80%. You did not pass this time." in wait_for_announcement(page, "did not pass")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Retake the assessment").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".quiz input:checked").count() == 0, "a retake starts fresh"
    assert "You have answered 0 of 17 questions" in result.inner_text()
    answer_all(page, correctly=True)
    assert result.get_attribute("data-outcome") == "pass"
    assert "Passed. You scored 100% (17 of 17 correct)." in result.inner_text()
    attempts = page.locator("[data-course-attempts] tbody tr")
    assert attempts.count() == 2
    assert "\u2713 Passed" in attempts.nth(0).inner_text() and "\u2717 Not passed" in attempts.nth(1).inner_text()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url("**/certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Dr Ada Lovelace")
    page.get_by_label("What did I learn?").fill("Low risk does not mean no risk.")
    page.get_by_label("How will it change my practice?").fill("Refer back to the original treating team.")
    page.get_by_label("What will I do next?").fill("Share the red flags with the practice team.")
    certificate = page.locator("[data-course-certificate]")
    text = certificate.inner_text()
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert "Dr Ada Lovelace" in text and today in text and "100%" in text and "about 1 hour" in text
    assert "support patients who fear recurrence" in text
    assert "Refer back to the original treating team." in text
    assert axe_violations(page) == []

    page.reload()
    assert "Dr Ada Lovelace" in certificate.inner_text()
    assert page.get_by_label("What will I do next?").input_value() == "Share the red flags with the practice team."

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reflective note (text file)").click()
    note = open(download.value.path(), encoding="utf-8").read()
    assert "What did I learn?\nLow risk does not mean no risk." in note
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the certificate (HTML file)").click()
    saved = open(download.value.path(), encoding="utf-8").read()
    assert saved.startswith("<!doctype html>") and "Dr Ada Lovelace" in saved and "<script" not in saved

    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(printed.pages) == 1
    printed_text = printed.pages[0].extract_text()
    assert "Dr Ada Lovelace" in printed_text and "Certificate" not in printed_text.split("CERTIFICATE")[0]
    assert "Your progress" not in printed_text and "Download" not in printed_text
    assert watched.console_errors == []


def test_reset_asks_first_then_clears_everything(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, "modules/bone-metastases/")
    answer_all(page, correctly=True)
    pass_final(course_site, page)
    open_page(course_site, page, "progress/")
    page.get_by_role("button", name="Reset my progress").click()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Cancel"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Reset my progress"
    assert "1 of 6 modules" in page.locator("[data-course-progress-summary]").inner_text()
    page.get_by_role("button", name="Reset my progress").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    assert "completed 0 of 6 modules (0%) and answered 0 of 31" in page.locator("[data-course-progress-summary]").inner_text()
    assert "Your progress for this course has been cleared." in wait_for_announcement(page, "cleared")
    open_page(course_site, page, "modules/bone-metastases/")
    assert page.locator(".quiz input:checked").count() == 0
    open_page(course_site, page, "certificate/")
    assert page.locator("[data-course-locked]").is_visible()


def test_blocked_storage_still_lets_a_learner_finish_a_quiz(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.context.add_init_script(BLOCK_STORAGE)
    open_page(course_site, page, "modules/bone-metastases/")
    warning = page.locator(".course-storage-warning")
    assert warning.is_visible() and "Your progress will not be kept." in warning.inner_text()
    answer_all(page, correctly=True)
    assert page.locator(".quiz-feedback-item.correct").count() >= 5
    assert "1 of 6 modules completed" in page.locator("[data-course-progress-line]").inner_text()
    assert watched.page_errors == []
    assert axe_violations(page) == []


@pytest.mark.parametrize("saved", ["{not json", '{"version": 99}', '"a string"', '{"version": 1, "attempts": "x"}'])
def test_corrupt_storage_starts_afresh(course_site: Served, watched: Watched, saved: str) -> None:
    page = watched.page
    open_page(course_site, page, "")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STATE_KEY, saved])
    open_page(course_site, page, "progress/")
    assert "completed 0 of 6 modules" in page.locator("[data-course-progress-summary]").inner_text()
    open_page(course_site, page, "modules/lung-metastases/")
    answer_all(page, correctly=True)
    assert watched.page_errors == []
    assert '"version":1' in page.evaluate(f"localStorage.getItem({STATE_KEY!r})")


def test_keyboard_only_answering_with_spoken_feedback(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, "modules/liver-metastases/")
    first = page.locator(".quiz").first
    first.locator("input").first.focus()
    page.keyboard.press("Space")
    assert first.locator(".quiz-feedback:not(.hidden)").is_visible()
    assert wait_for_announcement(page, "Correct.").startswith("Correct. ")
    assert page.locator("#course-announcer").get_attribute("aria-live") == "polite"


def test_nothing_leaves_the_browser_during_the_journey(course_site: Served, watched: Watched) -> None:
    page = watched.page
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.method) if request.method != "GET" else None)
    pass_final(course_site, page)
    open_page(course_site, page, "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Dr Private")
    assert sent == [] and watched.foreign_requests == []
    about = course_site.site_dir.joinpath("about/index.html").read_text()
    assert "Nothing you do here is sent" in about


def test_reduced_motion_turns_animation_off(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.emulate_media(reduced_motion="reduce")
    open_page(course_site, page, "modules/bone-metastases/")
    duration = page.locator(".md-nav__link").first.evaluate("el => getComputedStyle(el).transitionDuration")
    assert all(float(part.rstrip("s")) <= 0.001 for part in duration.split(","))


def test_full_storage_warns_and_keeps_progress_for_the_visit(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.context.add_init_script("""
Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
""")
    open_page(course_site, page, "modules/brain-metastases/")
    assert "Your progress will not be kept." in page.locator(".course-storage-warning").inner_text()
    answer_all(page, correctly=True)
    page.locator(".md-footer").get_by_role("link", name="Next: Referral and management").click()
    page.wait_for_url("**/modules/referral-and-management/")
    assert "1 of 6 modules completed" in page.locator("[data-course-progress-line]").inner_text()
    assert watched.page_errors == []


def test_progress_follows_instant_navigation(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, "modules/liver-metastases/")
    page.evaluate("window.__noFullReload = true")
    answer_all(page, correctly=True)
    assert "1 of 6 modules completed, 5 of 31" in page.locator("[data-course-progress-line]").inner_text()
    page.locator(".md-footer").get_by_role("link", name="Next: Brain metastases").click()
    page.wait_for_url("**/modules/brain-metastases/")
    page.locator(".quiz").first.wait_for()
    assert page.evaluate("window.__noFullReload === true")
    assert "1 of 6 modules completed, 5 of 31" in page.locator("[data-course-progress-line]").inner_text()
    liver = page.locator(".md-nav--primary a[href$='liver-metastases/'] .course-nav-status").first
    assert liver.inner_text().startswith("\u2713 Done")
    answer_all(page, correctly=False)
    assert "2 of 6 modules completed, 10 of 31" in page.locator("[data-course-progress-line]").inner_text()
    page.locator(".md-header").get_by_role("link").first.click()
    page.wait_for_url(course_site.base_url)
    assert page.locator("[data-course-continue] a").inner_text() == "Continue where you left off: Brain metastases"
    assert page.evaluate("window.__noFullReload === true")
    assert watched.console_errors == []
