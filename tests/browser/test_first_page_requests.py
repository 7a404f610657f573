"""The course's first page loads in few requests (its scripts and styles bundled), all to the site, with no error."""

from __future__ import annotations

import pytest

from conftest import Served, Watched

pytestmark = [pytest.mark.browser, pytest.mark.own_context]  # a first visit: nothing cached

MOST_REQUESTS = 10
"""The page itself, Material's and the course's bundles, search, the sitemap instant navigation reads, the icon."""


def test_first_page_loads_in_at_most_ten_requests(course_site: Served, watched: Watched) -> None:
    requested: list[str] = []
    watched.page.on("request", lambda request: requested.append(request.url))
    watched.page.goto(course_site.base_url, wait_until="networkidle")
    watched.page.wait_for_function("window.CourseData !== undefined")  # the course bundle has run
    assert len(requested) <= MOST_REQUESTS, requested
    assert [url for url in requested if "/assets/bundles/course." in url and url.endswith(".js")], requested
    assert watched.console_errors == [] and watched.foreign_requests == []
