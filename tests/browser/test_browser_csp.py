"""The Content-Security-Policy every page carries: nothing but the site's own files runs or loads."""

from __future__ import annotations

import re


from conftest import Served, Watched, page_urls


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    event => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""


def test_every_page_carries_a_policy_and_breaks_none_of_it(course_site: Served, watched: Watched) -> None:
    page = watched.page
    page.add_init_script(RECORD_VIOLATIONS)
    urls = page_urls(course_site.config) + ["404.html"]
    for url in urls:
        page.goto(course_site.base_url + url)
        page.wait_for_load_state("networkidle")
        policy = page.locator("meta[http-equiv='Content-Security-Policy']")
        assert policy.count() == 1, url
        content = policy.get_attribute("content")
        assert "script-src 'self'" in content and "'unsafe-inline'" not in content and "*" not in content, url
        assert page.evaluate("window.__violations") == [], url
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
