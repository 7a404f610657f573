"""Every page in a real Chromium: no console error, nothing fetched from another host, no axe violation."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from browser_helpers import axe_violations, horizontal_overflow
from conftest import ROOT, Served, Watched, page_urls

pytestmark = pytest.mark.browser
PAGES = page_urls(load_config(str(ROOT / "mkdocs.yml")))
PHONE = (390, 844)
DESKTOP = (1280, 900)
NARROW = (320, 720)


@pytest.mark.parametrize("watched", [DESKTOP, PHONE, NARROW], indirect=True, ids=["desktop", "phone", "320"])
@pytest.mark.parametrize("url", PAGES)
def test_page_is_clean_private_accessible_and_reflows(course_site: Served, watched: Watched, url: str) -> None:
    response = watched.page.goto(course_site.base_url + url)
    assert response is not None and response.ok
    watched.page.wait_for_load_state("networkidle")
    assert axe_violations(watched.page) == []
    assert horizontal_overflow(watched.page) == []
    assert watched.console_errors == []
    assert watched.foreign_requests == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_search_results_meet_contrast_and_show_no_answers(course_site: Served, watched: Watched, scheme: str) -> None:
    page = watched.page
    page.emulate_media(color_scheme=scheme)
    page.goto(course_site.base_url)
    page.wait_for_load_state("networkidle")
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("haemoptysis")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    shown = page.locator(".md-search-result").inner_text()
    assert "Correct." not in shown and "@@" not in shown
    assert axe_violations(page) == []


@pytest.mark.parametrize("url", PAGES)
def test_dark_mode_passes_axe(course_site: Served, watched: Watched, url: str) -> None:
    watched.page.goto(course_site.base_url + url)
    watched.page.locator("label[title='Switch to dark mode']").click()
    watched.page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert axe_violations(watched.page) == []


def test_banner_dismissal_is_remembered_per_banner(fixture_site: Served, watched: Watched) -> None:
    page = watched.page
    page.goto(fixture_site.base_url)
    event = page.locator('[data-promo-id="fixture-event"]')
    podcast = page.locator('[data-promo-id="fixture-podcast"]')
    assert event.is_visible() and podcast.is_visible()
    page.get_by_role("button", name="Dismiss: Fixture event <b>not bold</b>").click()
    assert event.is_hidden() and podcast.is_visible()
    page.reload()
    assert event.is_hidden() and podcast.is_visible()
    page.get_by_role("button", name="Dismiss: Fixture podcast").click()
    assert page.locator("[data-md-component=announce]").is_hidden()
    page.get_by_role("link", name="Only module").first.click()
    page.wait_for_url("**/modules/only-module/")
    assert page.locator("[data-md-component=announce]").is_hidden()
    assert watched.console_errors == []
