"""Publishing: a site that works under a project sub-path, and an offline copy that works from disk."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from browser_helpers import answer_module_quiz, axe_violations, sit_final
from conftest import ROOT, QuietHandler, Watched, build_course, free_port, unpacked_offline_copy
from course_facts import course_facts

FACTS = course_facts()
SUB_PATH = "course-repo"


class PagesHandler(QuietHandler):
    """Serves like GitHub Pages: a missing path gets the site's own 404 page, with status 404."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / SUB_PATH / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The course built for http://127.0.0.1:PORT/course-repo/ and served there, as a fork's project site is."""
    root = tmp_path_factory.mktemp("pages")
    port = free_port()
    build_course(ROOT / "mkdocs.yml", root / SUB_PATH, site_url=f"http://127.0.0.1:{port}/{SUB_PATH}/")
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(PagesHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}/{SUB_PATH}/"
    server.shutdown()
    server.server_close()


def test_the_learner_journey_works_under_a_sub_path(sub_path_site: str, watched: Watched) -> None:
    page = watched.page
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(sub_path_site)
    page.evaluate("window.__noFullReload = true")
    module = FACTS.modules[0]
    page.locator("article").get_by_role("link", name=module.title).first.click()
    page.wait_for_url(f"**/{SUB_PATH}/{FACTS.url(module.src_path)}")
    page.locator(".quiz").first.wait_for()
    assert page.evaluate("window.__noFullReload === true"), "instant navigation works under the sub-path"
    answer_module_quiz(page, correctly=True)
    assert f"1 of {len(FACTS.modules)} modules completed" in page.locator("[data-course-progress-line]").inner_text()
    page.goto(sub_path_site + FACTS.url(FACTS.final.page))
    assert sit_final(page, "knowing").startswith("Passed.")
    page.get_by_role("link", name="Get your certificate").click()
    page.wait_for_url(f"**/{SUB_PATH}/certificate/")
    page.locator("[data-course-certificate]").wait_for()
    pdf = page.locator("a[download]").first.evaluate("a => a.href")
    assert pdf == f"{sub_path_site}{FACTS.course.slug}-course-summary.pdf" and page.request.get(pdf).ok
    assert failed == [] and watched.console_errors == []


def test_the_404_page_has_its_styles_at_any_depth(sub_path_site: str, watched: Watched) -> None:
    page = watched.page
    response = page.goto(sub_path_site + "no/such/page/at/all/")
    assert response.status == 404
    stylesheets = page.evaluate("[...document.styleSheets].filter(s => s.href).map(s => s.cssRules.length)")
    assert stylesheets and all(count > 0 for count in stylesheets), "every stylesheet loaded"
    assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") in ("sticky", "fixed")
    module_url = FACTS.url(FACTS.modules[0].src_path)
    link = page.locator(f".md-nav--primary a[href$='{module_url}']").first.get_attribute("href")
    assert link in (f"/{SUB_PATH}/{module_url}", f"{sub_path_site}{module_url}"), link


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = unpacked_offline_copy(tmp_path_factory)
    assert copy.name == f"{FACTS.course.slug}-offline"
    return copy


def in_copy(page: object, copy: Path, src_path: str | None = None) -> object:
    """Open a page of the offline copy from disk as a learner does (a file, double-clicked); returns the frame of
    the holder page that the copy's pages run in, once the page is shown there."""
    if src_path is not None:
        page.goto((copy / copy_file(src_path)).as_uri())
    page.wait_for_url("**/course.html#*")
    page.wait_for_load_state("load")
    for _ in range(100):
        shown = [frame for frame in page.frames if frame.parent_frame is not None and frame.url.endswith(".html")]
        if shown:
            shown[0].locator("article.md-content__inner").wait_for()
            return shown[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"the holder page shows no course page: {[frame.url for frame in page.frames]}")


def copy_file(src_path: str) -> str:
    return "index.html" if src_path == "index.md" else src_path.replace(".md", ".html")


def test_the_offline_copy_works_from_disk(offline_copy: Path, watched: Watched) -> None:
    page = watched.page
    assert (offline_copy / "README.txt").is_file() and not (offline_copy / "404.html").exists()
    course = in_copy(page, offline_copy, "index.md")
    links = course.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    local = [link.split("#")[0] for link in links if link.startswith("file:")]
    assert local and all(Path(link.removeprefix("file://")).is_file() for link in local), "every link is a file"
    module = FACTS.modules[0]
    course.locator("article").get_by_role("link", name=module.title).first.click()
    course.wait_for_url(f"**/{FACTS.url(module.src_path).rstrip('/')}.html")
    answer_module_quiz(course, correctly=True)
    assert f"1 of {len(FACTS.modules)} modules completed" in course.locator("[data-course-progress-line]").inner_text()
    course = in_copy(page, offline_copy, FACTS.final.page)
    assert sit_final(course, "wrong").startswith("Not passed.")
    course.get_by_role("button", name="Retake the assessment").click()
    assert course.locator("[data-question] input:checked").count() == 0
    assert sit_final(course, "knowing").startswith("Passed.")
    course.get_by_role("link", name="Get your certificate").click()
    course.get_by_label("Your name, as it should appear on the certificate").fill("Dr Offline")
    course.get_by_label(FACTS.course.reflection_prompts[0]).fill("Learnt from a USB stick.")
    page.reload()
    course = in_copy(page, offline_copy)
    assert "Dr Offline" in course.locator("[data-course-certificate]").inner_text()
    course = in_copy(page, offline_copy, "index.md")
    search = course.locator("input.md-search__input")
    search.click()
    search.press_sequentially("haemoptysis")
    course.locator(".md-search-result__item").first.wait_for()
    assert watched.console_errors == [] and watched.foreign_requests == []
    assert axe_violations(page) == [] and axe_violations(course) == []
    course = in_copy(page, offline_copy, FACTS.widget_pages("privacy")[0])
    privacy = course.locator(".course-privacy p:visible")
    assert privacy.count() == 1 and "opened this copy of the course from a disk" in privacy.inner_text()
