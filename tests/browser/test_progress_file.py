"""Progress kept in a file: saved in one browser, restored in another (also the offline copy opened from disk),
merged with what is there so a pass is never lost, and a wrong file said plainly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from browser_helpers import answer_module_quiz, axe_violations, open_page, sit_final
from build_tools.render.learner_manifest import keyed
from build_tools.model.strings import course_strings
from conftest import Served, Watched
from course_facts import course_facts
from test_confidence import rate
from test_publishing import in_copy, offline_copy  # noqa: F401 (a fixture)

pytestmark = pytest.mark.browser
FACTS = course_facts()
TEXT = course_strings("en", FACTS.course.strings)
FIRST_MODULE = FACTS.modules[0]
FIRST_QUIZ = len(FACTS.quizzes[FIRST_MODULE.src_path].questions)
STATEMENT = keyed(FACTS.course.confidence)[0]
PROGRESS_PAGE = FACTS.url(FACTS.widget_pages("progress")[0])
CERTIFICATE_PAGE = FACTS.url(FACTS.widget_pages("certificate")[0])


def save_file(page: object, folder: Path, name: str) -> Path:
    """The learner's progress saved from the progress page (the page must show it), copied out of the browser."""
    with page.expect_download() as download:
        page.get_by_role("button", name=TEXT["progress-file-save"]).click()
    assert download.value.suggested_filename.startswith(f"{FACTS.course.slug}-progress-")
    return Path(shutil.copy(download.value.path(), folder / name))


def restore_file(page: object, file: Path) -> str:
    """The file chosen under "Restore from a file"; the message the page then shows."""
    message = page.locator("[data-course-progress-file-message]")
    before = message.inner_text()
    page.get_by_label(TEXT["progress-file-restore"]).set_input_files(str(file))
    page.wait_for_function("([el, before]) => el.textContent && el.textContent !== before",
                           arg=[message.element_handle(), before])
    return message.inner_text()


def certificate(page: object) -> object:
    return page.locator("[data-course-certificate]")


def passed(site: Served, page: object, name: str) -> None:
    open_page(site, page, FACTS.url(FACTS.final.page))
    sit_final(page, "knowing")
    open_page(site, page, CERTIFICATE_PAGE)
    page.locator("#course-learner-name").fill(name)


def test_progress_saved_in_one_browser_is_restored_in_another_and_a_pass_survives(
        course_site: Served, watched: Watched, browser: object, tmp_path: Path) -> None:
    page = watched.page
    open_page(course_site, page, FACTS.url(FIRST_MODULE.src_path))
    answer_module_quiz(page, correctly=True)
    open_page(course_site, page, FACTS.url(FACTS.widget_pages("confidence-before")[0]))
    rate(page, "before", STATEMENT, 2)
    open_page(course_site, page, PROGRESS_PAGE)
    without_pass = save_file(page, tmp_path, "without-pass.json")
    saved = json.loads(without_pass.read_text(encoding="utf-8"))
    assert (saved["course"], saved["format"], saved["state"]["attempts"]) == (FACTS.course.slug, 1, [])
    passed(course_site, page, "Dr Saved")
    open_page(course_site, page, PROGRESS_PAGE)
    with_pass = save_file(page, tmp_path, "with-pass.json")

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        open_page(course_site, other, PROGRESS_PAGE)
        message = restore_file(other, with_pass)
        assert "final assessment attempts: 1 (passed: 1)" in message and "confidence ratings: 1;" in message
        assert axe_violations(other) == []
        assert f"answered {FIRST_QUIZ} of" in other.locator("[data-course-progress-summary]").inner_text()
        open_page(course_site, other, FACTS.url(FIRST_MODULE.src_path))  # mkdocs-quiz shows the restored answers
        assert other.locator(".quiz .quiz-feedback:not(.hidden)").count() == FIRST_QUIZ
        open_page(course_site, other, CERTIFICATE_PAGE)
        assert certificate(other).is_visible() and "Dr Saved" in certificate(other).inner_text()
        assert "before 2, after not rated" in certificate(other).inner_text()
    finally:
        fresh.close()

    another = browser.new_context()
    try:
        third = another.new_page()
        open_page(course_site, third, PROGRESS_PAGE)
        passed(course_site, third, "Dr Here")
        open_page(course_site, third, FACTS.url(FACTS.widget_pages("confidence-before")[0]))
        rate(third, "before", STATEMENT, 5)
        open_page(course_site, third, PROGRESS_PAGE)
        message = restore_file(third, without_pass)  # a file without a pass, and with another name
        assert "final assessment attempts: 0 (passed: 0)" in message
        assert f"answered {FIRST_QUIZ} of" in third.locator("[data-course-progress-summary]").inner_text()
        open_page(course_site, third, CERTIFICATE_PAGE)
        assert certificate(third).is_visible(), "the pass made here stays"
        assert third.locator("#course-learner-name").input_value() == "Dr Here", "what is here stays"
        assert third.evaluate("() => Course.store.state.attempts.length") == 1
        assert third.evaluate("() => ({...Course.store.state.confidence.before})") == {STATEMENT["key"]: 5}
    finally:
        another.close()
    assert watched.foreign_requests == [] and watched.console_errors == []


@pytest.mark.parametrize("content, expected", [
    ("not a progress file {", "progress-file-not-progress"),
    (json.dumps({"kind": "course-progress", "format": 1, "course": "asthma-in-children", "title": "Asthma in Children",
                 "saved": "2026-11-01T10:00:00Z", "state": {}}), "progress-file-other-course"),
    (json.dumps({"kind": "course-progress", "format": 99, "course": FACTS.course.slug, "title": FACTS.course.title,
                 "saved": "2026-11-01T10:00:00Z", "state": {}}), "progress-file-newer"),
    (json.dumps({"answers": {}}), "progress-file-not-progress"),
    # This course's file, its saved progress of no version any copy wrote: refused, not "restored" with nothing.
    (json.dumps({"kind": "course-progress", "format": 1, "course": FACTS.course.slug, "title": FACTS.course.title,
                 "saved": "2026-11-01T10:00:00Z", "state": {"version": 0, "attempts": "all passed"}}),
     "progress-file-not-progress"),
])
def test_a_wrong_file_is_said_plainly_and_changes_nothing(course_site: Served, watched: Watched, tmp_path: Path,
                                                          content: str, expected: str) -> None:
    page = watched.page
    open_page(course_site, page, PROGRESS_PAGE)
    before = page.evaluate("() => JSON.stringify(Course.store.state)")
    file = tmp_path / "chosen.json"
    file.write_text(content, encoding="utf-8")
    assert restore_file(page, file) == TEXT[expected].replace("{course}", "Asthma in Children")
    assert page.evaluate("() => JSON.stringify(Course.store.state)") == before
    assert axe_violations(page) == []


def test_save_and_restore_work_in_the_offline_copy_opened_from_disk(offline_copy: Path,  # noqa: F811
                                                                     watched: Watched, browser: object,
                                                                     tmp_path: Path) -> None:
    page = watched.page
    course = in_copy(page, offline_copy, FACTS.widget_pages("confidence-before")[0])
    rate(course, "before", STATEMENT, 4)
    course = in_copy(page, offline_copy, FACTS.widget_pages("progress")[0])
    with page.expect_download() as download:
        course.get_by_role("button", name=TEXT["progress-file-save"]).click()
    file = Path(shutil.copy(download.value.path(), tmp_path / "offline.json"))
    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        course = in_copy(other, offline_copy, FACTS.widget_pages("progress")[0])
        assert "confidence ratings: 1;" in restore_file(course, file)
        other.reload()  # what the holder page keeps, handed to the page again
        course = in_copy(other, offline_copy)
        assert course.evaluate("() => ({...Course.store.state.confidence.before})") == {STATEMENT["key"]: 4}
    finally:
        fresh.close()
