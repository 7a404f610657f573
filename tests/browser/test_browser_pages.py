"""Every page in a real Chromium: no console error, nothing fetched from another host, no axe violation."""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config

from browser_helpers import RECORD_VIOLATIONS, assert_policy, axe_violations, horizontal_overflow
from conftest import ROOT, Served, Watched, page_urls
from course_facts import course_facts

PAGES = page_urls(load_config(str(ROOT / "mkdocs.yml")))
PHONE = (390, 844)
DESKTOP = (1280, 900)
NARROW = (320, 720)
FACTS = course_facts()
TABLE_WIDGETS = re.compile(r"<!--\s*course\s*:\s*(modules|progress)\s*-->", re.IGNORECASE)
TABLE_PAGES = [FACTS.url(src) for src in FACTS.nav_pages
               if TABLE_WIDGETS.search((ROOT / "docs" / src).read_text(encoding="utf-8"))]


@pytest.mark.parametrize("watched", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
@pytest.mark.parametrize("url", PAGES)
def test_page_is_clean_private_accessible_and_reflows(course_site: Served, watched: Watched, url: str) -> None:
    """The page carries its Content-Security-Policy and nothing on it breaks the policy. On a desktop the page then
    passes axe in dark mode too, switched as a learner switches it. On a phone it is narrowed to 320 px, the width
    WCAG's reflow asks for, and must still fit: below Material's smallest breakpoint (480 px) both widths get the
    same layout, so axe runs once, at the phone's."""
    page = watched.page
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(course_site.base_url + url)
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []
    assert horizontal_overflow(page) == []
    if page.viewport_size["width"] == PHONE[0]:
        page.set_viewport_size({"width": NARROW[0], "height": NARROW[1]})
        assert horizontal_overflow(page) == [], "at 320 px"
    else:
        page.locator("label[title='Switch to dark mode']").click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        assert axe_violations(page) == [], "in dark mode"
    assert_policy(page)
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


@pytest.mark.parametrize("watched", [PHONE, NARROW], indirect=True, ids=["phone", "320"])
@pytest.mark.parametrize("url", TABLE_PAGES)
def test_the_course_tables_fit_a_phone_without_splitting_words(course_site: Served, watched: Watched, url: str) -> None:
    page = watched.page
    page.goto(course_site.base_url + url)
    problems = page.evaluate("""() => {
        const found = [];
        for (const table of document.querySelectorAll('.course-modules table, .course-progress table')) {
            if (table.getBoundingClientRect().right > document.documentElement.clientWidth) found.push('too wide');
            for (const cell of table.querySelectorAll('th, td')) {
                const style = getComputedStyle(cell);
                const room = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                for (const word of cell.textContent.split(/\\s+/).filter(Boolean)) {
                    const probe = document.createElement('span');
                    probe.style.whiteSpace = 'nowrap';
                    probe.textContent = word;
                    (cell.querySelector('a') || cell).appendChild(probe);
                    if (probe.getBoundingClientRect().width > room + 0.5) found.push('split: ' + word);
                    probe.remove();
                }
            }
        }
        return found;
    }""")
    assert TABLE_PAGES and problems == []
