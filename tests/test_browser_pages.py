"""Every page in a real Chromium: no console error, nothing fetched from another host, no axe violation."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import ROOT, Served, Watched, page_urls
from mkdocs.config import load_config

PAGES = page_urls(load_config(str(ROOT / "mkdocs.yml")))
PHONE = (390, 844)
DESKTOP = (1280, 900)


def axe_violations(page: object) -> list[str]:
    """axe-core's violations on the page once its transitions have settled, one line each, for a readable failure.

    Material fades the header title in as the page scrolls; half-way through, any text is "low contrast".
    """
    page.evaluate("""Promise.race([
        Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null))),
        new Promise(resolve => setTimeout(resolve, 2000)),
    ])""")
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'])})"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("watched", [DESKTOP, PHONE], indirect=True, ids=["desktop", "phone"])
@pytest.mark.parametrize("url", PAGES)
def test_page_is_clean_private_and_accessible(course_site: Served, watched: Watched, url: str) -> None:
    response = watched.page.goto(course_site.base_url + url)
    assert response is not None and response.ok
    watched.page.wait_for_load_state("networkidle")
    assert axe_violations(watched.page) == []
    assert watched.console_errors == []
    assert watched.foreign_requests == []


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
