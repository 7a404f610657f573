"""Previewing with `mkdocs serve`: pages never wait for the PDF, and a broken file shows its problem in the browser."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXTURE_COURSE, copy_course, free_port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local test server
        return response.read().decode()


def wait_for(condition: object, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_pages_do_not_wait_for_the_pdf_while_serving(tmp_path: Path) -> None:
    config = load_config(str(copy_course(FIXTURE_COURSE, tmp_path)), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)  # the cache is empty: the PDF is still rendering when the pages are written
        home = tmp_path / "site/index.html"
        assert "Download the course summary (PDF, being prepared: reload the page in a moment)" in home.read_text()
        assert wait_for(lambda: "KB)" in home.read_text()), "the link gets the PDF's size once it is ready"
        assert next((tmp_path / "site").glob("*.pdf")).stat().st_size > 1000
        assert "being prepared" not in (tmp_path / "site/modules/only-module/index.html").read_text()
    finally:
        config.plugins.on_shutdown()


def test_a_broken_file_shows_its_problem_in_the_browser(tmp_path: Path) -> None:
    copy_course(FIXTURE_COURSE, tmp_path)
    with previewing(tmp_path) as base:
        assert wait_for(lambda: _answers(base)), "the preview starts"
        quiz = tmp_path / "quizzes/only-module.yml"
        quiz.write_text(quiz.read_text().replace("type: single", "type: essay", 1))
        shown = lambda: "The course could not be built" in _answers(base)  # noqa: E731
        assert wait_for(shown, 30), "the error replaces the page instead of an endless wait"
        page = _answers(base)
        assert "quizzes/only-module.yml" in page and "&#x27;type&#x27; must be &#x27;single&#x27;" in page
        quiz.write_text(quiz.read_text().replace("type: essay", "type: single", 1))
        assert wait_for(lambda: "Fixture course" in _answers(base) and "could not be built" not in _answers(base), 30)


@contextmanager
def previewing(course: Path) -> Iterator[str]:
    """`python -m build_tools serve` of a course on a free local port, stopped afterwards; yields its address."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "build_tools", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=course, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _answers(url: str) -> str:
    try:
        return fetch(url)
    except OSError:
        return ""


def test_a_preview_starts_and_shows_the_problem_when_the_first_build_fails(tmp_path: Path) -> None:
    copy_course(FIXTURE_COURSE, tmp_path)
    quiz = tmp_path / "quizzes/only-module.yml"
    quiz.write_text(quiz.read_text().replace("source: key-points", "source: nowhere", 1))
    with previewing(tmp_path) as base:
        assert wait_for(lambda: "could not be built" in _answers(base)), "the preview starts anyway"
        assert "&#x27;source: nowhere&#x27; is not a heading anchor" in _answers(base)
        deep = _error_page(base + "modules/only-module/")
        assert "The course could not be built" in deep, "every page shows the problem, not a bare 404"
        quiz.write_text(quiz.read_text().replace("source: nowhere", "source: key-points", 1))
        assert wait_for(lambda: "Only module" in _answers(base + "modules/only-module/"), 30)


def _error_page(url: str) -> str:
    try:
        return fetch(url)
    except urllib.error.HTTPError as error:
        return error.read().decode()
