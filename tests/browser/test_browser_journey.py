"""The learner's journey in Chromium: progress, final assessment, certificate, reflective note, privacy."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from browser_helpers import axe_violations, open_page, sit_final, wait_for_announcement
from browser_helpers import answer_module_quiz as answer_all
from conftest import Served, Watched
from course_facts import course_facts

FACTS = course_facts()
MODULES = len(FACTS.modules)
QUESTIONS = FACTS.module_questions
FINAL_URL = FACTS.url(FACTS.final.page)
FINAL_TOTAL = FACTS.final.attempt_size
STATE_KEY = f"course:{FACTS.course.slug}:state"
BLOCK_STORAGE = """
Object.defineProperty(window, 'localStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});
"""


def progress_summary(site: Served, page: object) -> str:
    open_page(site, page, "progress/")
    return page.locator("[data-course-progress-summary]").inner_text()


def pass_final(site: Served, page: object) -> None:
    open_page(site, page, FINAL_URL)
    sit_final(page, "knowing")
    page.locator("[data-course-result][data-outcome='pass']").wait_for()


def quiz_of(module: object) -> int:
    return len(FACTS.quizzes[module.src_path].questions) if module.src_path in FACTS.quizzes else 0


def test_progress_reaches_100_percent(course_site: Served, watched: Watched) -> None:
    page = watched.page
    assert f"completed 0 of {MODULES} modules (0%)" in progress_summary(course_site, page)
    for module in FACTS.modules:
        url = FACTS.url(module.src_path)
        open_page(course_site, page, url)
        answer_all(page, correctly=True, by_hand=True)
        link = page.locator(f".md-nav--primary a.md-nav__link[href$='{url.split('/')[-2]}/']").first
        badge = link.locator(".course-nav-status")
        assert badge.inner_text().startswith("\u2713 Done")
        spoken = badge.locator(".course-visually-hidden")
        assert spoken.text_content() == " (completed)" and spoken.bounding_box()["width"] <= 1
        title = link.locator(".md-ellipsis").bounding_box()
        assert title["width"] > 40, "the badge must not squeeze the module's title out of sight"
    open_page(course_site, page, "")
    line = page.locator("[data-course-progress-line]").inner_text()
    assert f"{MODULES} of {MODULES} modules completed, {QUESTIONS} of {QUESTIONS} questions answered" in line
    continue_link = page.locator("[data-course-continue] a")
    assert continue_link.inner_text() == "You have finished every module: take the final assessment"
    assert continue_link.get_attribute("href").endswith(f"/{FACTS.url(FACTS.final.page)}")
    summary = progress_summary(course_site, page)
    assert (f"completed {MODULES} of {MODULES} modules (100%) and answered {QUESTIONS} of {QUESTIONS} questions, "
            f"{QUESTIONS} of them correctly") in summary
    rows = page.locator("[data-course-module]")
    assert rows.count() == MODULES
    for index in range(MODULES):
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

    # axe checks the locked certificate and the unanswered assessment in test_browser_pages, the marked attempts in
    # test_browser_assessment; here, the certificate once filled in.
    open_page(course_site, page, FINAL_URL)
    sit_final(page, "wrong")
    result = page.locator("[data-course-result]")
    assert result.get_attribute("data-outcome") == "fail"
    pass_mark = FACTS.final.pass_mark
    assert re.search(rf"Not passed\. You scored \d+% \(\d+ of {FINAL_TOTAL} correct\)\. The pass mark is "
                     rf"{pass_mark}%\.", result.inner_text())
    assert f"The pass mark is {pass_mark}%. You did not pass this time." in wait_for_announcement(page, "did not pass")

    page.get_by_role("button", name="Retake the assessment").click()
    assert page.locator("[data-question] input:checked").count() == 0, "a retake starts fresh"
    assert f"Answer all {FINAL_TOTAL} questions, then submit" in result.inner_text()
    sit_final(page, "knowing")
    assert result.get_attribute("data-outcome") == "pass"
    assert f"Passed. You scored 100% ({FINAL_TOTAL} of {FINAL_TOTAL} correct)." in result.inner_text()
    attempts = page.locator("[data-course-attempts] tbody tr")
    assert attempts.count() == 2
    assert "\u2713 Passed" in attempts.nth(0).inner_text() and "\u2717 Not passed" in attempts.nth(1).inner_text()

    page.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url("**/certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Dr Ada Lovelace")
    first, second, last = FACTS.course.reflection_prompts[0], FACTS.course.reflection_prompts[1], \
        FACTS.course.reflection_prompts[-1]
    page.get_by_label(first).fill("Low risk does not mean no risk.")
    page.get_by_label(second).fill("Refer back to the original treating team.")
    page.get_by_label(last).fill("Share the red flag with the practice team.")
    certificate = page.locator("[data-course-certificate]")
    text = certificate.inner_text()
    today = page.evaluate("new Date().toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'})")
    assert "Dr Ada Lovelace" in text and today in text and "100%" in text and "about 1 hour" in text
    home = (course_site.site_dir / "index.html").read_text()
    objectives = home[home.index('id="learning-objectives"'):]
    first_objective = re.search(r"<li>(.*?)</li>", objectives, re.DOTALL).group(1)
    assert " ".join(re.sub(r"<[^>]+>", "", first_objective).split()) in " ".join(text.split())
    assert "Refer back to the original treating team." in text
    assert axe_violations(page) == []

    page.reload()
    assert "Dr Ada Lovelace" in certificate.inner_text()
    assert page.get_by_label(last).input_value() == "Share the red flag with the practice team."

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reflective note (text file)").click()
    note = open(download.value.path(), encoding="utf-8").read()
    assert f"{first}\nLow risk does not mean no risk." in note
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


NOTES = {
    "prose": "I will review our recall of patients treated for breast cancer and share the symptoms to watch. ",
    "short lines": "- Check recall list\n",
}


@pytest.mark.parametrize("style", NOTES)
def test_the_fullest_certificate_prints_from_the_first_page(course_site: Served, watched: Watched, style: str) -> None:
    """Every box filled to its limit: notes written as prose still fit one A4 page; notes of many short lines may
    run onto a second, but the certificate always starts on the first (it once printed a blank page first)."""
    page = watched.page
    pass_final(course_site, page)
    open_page(course_site, page, "certificate/")
    name = page.get_by_label("Your name, as it should appear on the certificate")
    name.fill(("Dr Wilhelmina Montgomery-Fotheringham " * 9)[: int(name.get_attribute("maxlength"))])
    for prompt in FACTS.course.reflection_prompts:
        note = page.get_by_label(prompt)
        note.fill((NOTES[style] * 100)[: int(note.get_attribute("maxlength"))])
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    first = printed.pages[0].extract_text()
    assert "CERTIFICATE OF COMPLETION" in first.upper() and "Montgomery" in first, "the certificate starts on page 1"
    if style == "prose":
        assert len(printed.pages) == 1
    assert watched.console_errors == []


def test_continue_returns_to_an_unfinished_module(course_site: Served, watched: Watched) -> None:
    page = watched.page
    module = next(m for m in FACTS.modules[1:] if m.src_path in FACTS.quizzes)
    open_page(course_site, page, FACTS.url(module.src_path))
    open_page(course_site, page, "")
    link = page.locator("[data-course-continue] a")
    assert link.inner_text() == f"Continue where you left off: {module.title}"
    assert link.get_attribute("href").endswith(f"/{FACTS.url(module.src_path)}")


def test_a_certificate_without_a_name_asks_for_one_first(course_site: Served, watched: Watched) -> None:
    page = watched.page
    pass_final(course_site, page)
    open_page(course_site, page, "certificate/")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    needed = page.locator("[data-course-name-needed]")
    name = page.get_by_label("Your name, as it should appear on the certificate")
    for button in ("Print or save as PDF", "Download the certificate (HTML file)"):
        page.get_by_role("button", name=button).click()
        assert needed.is_visible() and needed.inner_text() == "Add your name first: the certificate shows it."
        assert page.evaluate("document.activeElement.id") == name.get_attribute("id")
    assert page.evaluate("window.printed") is None
    assert "Add your name first" in wait_for_announcement(page, "Add your name first")
    assert axe_violations(page) == []
    name.fill("Dr Grace Hopper")
    assert needed.is_hidden()
    page.get_by_role("button", name="Print or save as PDF").click()
    assert page.evaluate("window.printed") is True


def test_continue_in_a_course_without_a_final_assessment(fixture_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(fixture_site, page, "")
    link = page.locator("[data-course-continue] a")
    assert link.inner_text() == "Start the course"
    open_page(fixture_site, page, "modules/only-module/")
    answer_all(page, correctly=True)
    open_page(fixture_site, page, "")
    assert link.inner_text() == "Continue where you left off: Only module", "finished, with nothing after it"
    assert link.get_attribute("href").endswith("/modules/only-module/")


def test_reset_asks_first_then_clears_everything(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FACTS.url(FACTS.modules[0].src_path))
    answer_all(page, correctly=True)
    pass_final(course_site, page)
    open_page(course_site, page, "progress/")
    page.get_by_role("button", name="Reset my progress").click()
    assert page.evaluate("document.activeElement.textContent.trim()") == "Cancel"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Reset my progress"
    assert f"1 of {MODULES} modules" in page.locator("[data-course-progress-summary]").inner_text()
    assert page.locator("[data-course-attempts] tbody tr").count() == 1
    page.get_by_role("button", name="Reset my progress").click()
    page.get_by_role("button", name="Yes, clear everything").click()
    assert f"completed 0 of {MODULES} modules (0%) and answered 0 of {QUESTIONS}" in page.locator(
        "[data-course-progress-summary]").inner_text()
    assert page.locator("[data-course-attempts] table").count() == 0, "every part of the page clears at once"
    assert "Your progress for this course has been cleared." in wait_for_announcement(page, "cleared")
    open_page(course_site, page, FINAL_URL)
    assert page.locator("[data-question] input:checked").count() == 0
    open_page(course_site, page, FACTS.url(FACTS.modules[0].src_path))
    assert page.locator(".quiz input:checked").count() == 0
    open_page(course_site, page, "certificate/")
    assert page.locator("[data-course-locked]").is_visible()


def test_blocked_storage_still_lets_a_learner_finish_a_quiz(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.add_init_script(BLOCK_STORAGE)
    open_page(course_site, page, FACTS.url(FACTS.modules[0].src_path))
    warning = page.locator(".course-storage-warning")
    assert warning.is_visible() and "Your progress will not be kept." in warning.inner_text()
    answer_all(page, correctly=True)
    assert page.locator(".quiz-feedback-item.correct").count() >= quiz_of(FACTS.modules[0])
    assert f"1 of {MODULES} modules completed" in page.locator("[data-course-progress-line]").inner_text()
    assert watched.page_errors == []
    assert axe_violations(page) == []


@pytest.mark.parametrize("saved", ["{not json", '{"version": 99}', '"a string"', '{"version": 1, "attempts": "x"}'])
def test_corrupt_storage_starts_afresh(course_site: Served, watched: Watched, saved: str) -> None:
    page = watched.page
    open_page(course_site, page, "")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STATE_KEY, saved])
    open_page(course_site, page, "progress/")
    assert f"completed 0 of {MODULES} modules" in page.locator("[data-course-progress-summary]").inner_text()
    open_page(course_site, page, FACTS.url(FACTS.modules[1].src_path))
    answer_all(page, correctly=True)
    assert watched.page_errors == []
    assert '"version":2' in page.evaluate(f"localStorage.getItem({STATE_KEY!r})")


def test_nothing_leaves_the_browser_during_the_journey(course_site: Served, watched: Watched) -> None:
    page = watched.page
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.method) if request.method != "GET" else None)
    pass_final(course_site, page)
    open_page(course_site, page, "certificate/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Dr Private")
    assert sent == [] and watched.foreign_requests == []
    privacy = FACTS.widget_pages("privacy")[0]
    open_page(course_site, page, FACTS.url(privacy))
    assert "nothing you do here is sent anywhere" in page.locator(".course-privacy p:visible").inner_text()


def test_reduced_motion_turns_animation_off(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.emulate_media(reduced_motion="reduce")
    open_page(course_site, page, FACTS.url(FACTS.modules[0].src_path))
    duration = page.locator(".md-nav__link").first.evaluate("el => getComputedStyle(el).transitionDuration")
    assert all(float(part.rstrip("s")) <= 0.001 for part in duration.split(","))


def test_full_storage_warns_and_keeps_progress_for_the_visit(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.add_init_script("""
Storage.prototype.setItem = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
""")
    module = FACTS.modules[-2]
    open_page(course_site, page, FACTS.url(module.src_path))
    assert "Your progress will not be kept." in page.locator(".course-storage-warning").inner_text()
    answer_all(page, correctly=True)
    page.locator(".md-footer").get_by_role("link", name=f"Next: {FACTS.next_page(module.src_path)}").click()
    page.wait_for_url(f"**/{FACTS.url(FACTS.modules[-1].src_path)}")
    assert f"1 of {MODULES} modules completed" in page.locator("[data-course-progress-line]").inner_text()
    assert watched.page_errors == []


def test_progress_follows_instant_navigation(course_site: Served, watched: Watched) -> None:
    page = watched.page
    first, second = FACTS.modules[-3], FACTS.modules[-2]
    open_page(course_site, page, FACTS.url(first.src_path))
    page.evaluate("window.__noFullReload = true")
    answer_all(page, correctly=True)
    done = quiz_of(first)
    assert f"1 of {MODULES} modules completed, {done} of {QUESTIONS}" in page.locator(
        "[data-course-progress-line]").inner_text()
    page.locator(".md-footer").get_by_role("link", name=f"Next: {FACTS.next_page(first.src_path)}").click()
    page.wait_for_url(f"**/{FACTS.url(second.src_path)}")
    page.locator(f"[data-course-quiz='{second.src_path}'] .quiz").first.wait_for()
    assert page.evaluate("window.__noFullReload === true")
    assert f"1 of {MODULES} modules completed, {done} of {QUESTIONS}" in page.locator(
        "[data-course-progress-line]").inner_text()
    badge = page.locator(f".md-nav--primary a[href$='{FACTS.url(first.src_path).split('/')[-2]}/'] .course-nav-status")
    assert badge.first.inner_text().startswith("\u2713 Done")
    answer_all(page, correctly=False)
    done += quiz_of(second)
    assert f"2 of {MODULES} modules completed, {done} of {QUESTIONS}" in page.locator(
        "[data-course-progress-line]").inner_text()
    page.locator(".md-header").get_by_role("link").first.click()
    page.wait_for_url(course_site.base_url)
    after = FACTS.modules.index(second) + 1
    unfinished = [m for m in FACTS.modules[after:] + FACTS.modules[:after] if m not in (first, second)]
    assert page.locator("[data-course-continue] a").inner_text() == (
        f"Continue with the next module: {unfinished[0].title}" if unfinished
        else "You have finished every module: take the final assessment"), "a finished module leads on to the next"
    assert page.evaluate("window.__noFullReload === true")
    assert watched.console_errors == []
