"""The Content-Security-Policy every page carries: nothing but the site's own files runs or loads."""

from __future__ import annotations

import re


from browser_helpers import RECORD_VIOLATIONS, assert_policy
from conftest import Served, Watched


def test_the_missing_page_and_search_carry_the_policy_and_break_none_of_it(course_site: Served, watched: Watched) -> None:
    """Every course page is held to the policy in test_browser_pages, at two widths; here the 404 page, and search
    (its worker and its results)."""
    page = watched.page
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(course_site.base_url + "404.html")
    page.wait_for_load_state("networkidle")
    assert_policy(page)
    page.keyboard.press("/")
    page.keyboard.type("bone")
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate("window.__violations") == []
    assert watched.console_errors == [], "a blocked script or style shows as a console error"


def test_injected_script_and_requests_to_another_host_are_blocked(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(course_site.base_url)
    page.wait_for_load_state("networkidle")
    page.evaluate("""() => {
        const script = document.createElement('script');
        script.textContent = 'window.__ran = true';
        document.body.appendChild(script);
        const link = document.createElement('a');
        link.href = 'javascript:window.__ran = true';
        document.body.appendChild(link);
        link.click();
        new Image().src = 'https://example.org/pixel.png';
        fetch('https://example.org/beacon').catch(() => null);
        const style = document.createElement('link');
        style.rel = 'stylesheet';
        style.href = 'https://example.org/font.css';
        document.head.appendChild(style);
    }""")
    page.wait_for_function("window.__violations.length >= 5")
    assert page.evaluate("window.__ran") is None
    violations = " | ".join(page.evaluate("window.__violations"))
    for directive in ("script-src", "img-src", "connect-src", "style-src"):
        assert re.search(rf"\b{directive}", violations), violations
