"""Copies of the course. One past its next review says so on every page, whatever the device's date is set to when
it is opened: on the website, in the offline copy opened from disk, and in the SCORM package inside a learning
system (the browser's clock is moved; the build's is not). A copy opened from disk has no web address to put in
the follow-up reminders: they say to open the copy instead."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_helpers import axe_violations, follow_up_events, open_page, sit_final
from build_tools.model.dates import long_date
from build_tools.model.strings import course_strings
from conftest import ROOT, Served, Watched, free_port, package_course, serve, unpacked_offline_copy
from course_facts import course_facts
from test_publishing import in_copy
from test_scorm import launch

pytestmark = [pytest.mark.browser, pytest.mark.own_context]  # most tests here move the browser's clock
FACTS = course_facts()
DUE = FACTS.course.next_review
NOTICE = course_strings("en", FACTS.course.strings)["review-overdue"].replace("{date}", long_date(DUE))
STRINGS = course_strings("en", FACTS.course.strings)
DAY_AFTER = dt.datetime.combine(DUE + dt.timedelta(days=1), dt.time(9, 0))
DUE_DAY = dt.datetime.combine(DUE, dt.time(21, 0))
SHOWN_ON = ["index.md", FACTS.modules[0].src_path, FACTS.widget_pages("certificate")[0]]


def notice(frame: object) -> object:
    return frame.locator("[data-course-overdue]")


@pytest.mark.parametrize("src", SHOWN_ON)
def test_the_website_says_when_it_is_past_its_review(course_site: Served, watched: Watched, src: str) -> None:
    page = watched.page
    page.clock.install(time=DAY_AFTER)
    open_page(course_site, page, FACTS.url(src))
    notice(page).wait_for()
    assert notice(page).inner_text() == NOTICE
    assert axe_violations(page) == []
    assert watched.console_errors == [], "\n".join(watched.console_errors)


def test_on_its_review_day_the_copy_is_not_yet_overdue(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.clock.install(time=DUE_DAY)
    open_page(course_site, page, "")
    assert notice(page).is_hidden()


def test_a_page_past_its_own_next_review_says_so_before_the_course_is(fixture_site: Served, watched: Watched) -> None:
    """The fixture course's module is due for review on 30 June 2098 (its front matter), the course on 1 January
    2099: in between, the module says so and the home page does not."""
    page = watched.page
    page.clock.install(time=dt.datetime(2098, 7, 1, 9, 0))
    open_page(fixture_site, page, "modules/only-module/")
    page_due = page.evaluate("window.Course.store.longDate('2098-06-30T00:00:00')")  # in the fixture's locale
    assert "30" in page_due and "2098" in page_due
    module_notice = course_strings("en", ())["review-overdue-page"].replace("{date}", page_due)
    notice(page).wait_for()
    assert notice(page).inner_text() == module_notice
    assert axe_violations(page) == []
    open_page(fixture_site, page, "")
    assert notice(page).is_hidden()


def test_a_certificate_earned_after_the_review_date_records_it(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.clock.install(time=DAY_AFTER)
    open_page(course_site, page, FACTS.url(FACTS.final.page))
    sit_final(page, "knowing")
    open_page(course_site, page, FACTS.url(FACTS.widget_pages("certificate")[0]))
    page.get_by_label("Your name, as it should appear on the certificate").fill("Dr Ada Lovelace")
    certificate = page.locator("[data-course-certificate]")
    in_date = certificate.locator("[data-edition='in-date']").inner_text()
    assert in_date == STRINGS["edition-in-date-no"].replace("{date}", long_date(DUE))
    assert certificate.locator("[data-edition='overdue']").is_visible()
    assert certificate.locator("[data-edition='overdue']").inner_text() == NOTICE
    assert axe_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reflective note (text file)").click()
    note = open(download.value.path(), encoding="utf-8").read()
    assert NOTICE in note and in_date in note
    assert watched.console_errors == [], "\n".join(watched.console_errors)


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return unpacked_offline_copy(tmp_path_factory)


def test_the_offline_copy_says_when_it_is_past_its_review(offline_copy: Path, watched: Watched) -> None:
    page = watched.page
    page.clock.install(time=DAY_AFTER)
    page.goto((offline_copy / "index.html").as_uri())
    shown = in_copy(page, offline_copy)
    notice(shown).wait_for()
    assert notice(shown).inner_text() == NOTICE
    assert axe_violations(page) == [] and axe_violations(shown) == [], "the holder page and the course page in it"
    assert watched.console_errors == [], "\n".join(watched.console_errors)


def test_follow_ups_from_the_offline_copy_say_to_open_it_from_disk(offline_copy: Path, watched: Watched) -> None:
    page = watched.page
    final = in_copy(page, offline_copy, FACTS.final.page)
    sit_final(final, "knowing")
    certificate_page = FACTS.widget_pages("certificate")[0]
    shown = in_copy(page, offline_copy, certificate_page)
    shown.get_by_label("Your name, as it should appear on the certificate").fill("Dr Ada Lovelace")
    events = follow_up_events(page, shown)
    files = [FACTS.widget_pages("summary")[0], certificate_page]
    assert [str(event["DESCRIPTION"]).split("\n\n")[-1] for event in events] == [
        STRINGS["follow-up-from-disk"].replace("{file}", src.replace(".md", ".html")) for src in files]
    assert all("URL" not in event for event in events)
    assert watched.console_errors == [], "\n".join(watched.console_errors)


@pytest.fixture(scope="module")
def lms_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The test LMS at lms/lms.html and the unzipped SCORM package at course/, on one origin."""
    root = tmp_path_factory.mktemp("scorm-served")
    with zipfile.ZipFile(package_course("scorm", tmp_path_factory)) as archive:
        archive.extractall(root / "course")
    (root / "lms").symlink_to(ROOT / "tests" / "lms", target_is_directory=True)
    yield from serve(root, free_port())


def test_the_scorm_package_says_when_it_is_past_its_review(lms_server: str, watched: Watched) -> None:
    page = watched.page
    page.clock.install(time=DAY_AFTER)
    course = launch(page, lms_server)
    notice(course).wait_for()
    assert notice(course).inner_text() == NOTICE
    assert axe_violations(course) == []
    assert watched.console_errors == [], "\n".join(watched.console_errors)
