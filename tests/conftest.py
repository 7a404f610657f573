"""Fixtures that build the real course with the real MkDocs and serve it to a real Chromium."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import inspect
import os
import re
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from course_facts import COURSE, course_facts

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_COURSE = Path(__file__).resolve().parent / "fixture_course"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# No test depends on the calendar: builds run as on the day the course was last reviewed (the generator's own
# tests of review dates set their own day).
os.environ.setdefault("COURSE_TODAY", course_facts().course.last_reviewed.isoformat())


@contextmanager
def one_build_at_a_time(course: Path) -> Iterator[None]:
    """Builds of one course folder share its caches (.cache/), whose clean-up removes half-written files: the test
    processes of `make test` (pytest-xdist) take turns at a folder."""
    name = hashlib.sha256(str(course.resolve()).encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"course-build-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def build_course(config_file: Path, site_dir: Path, **overrides: object) -> MkDocsConfig:
    """Load and validate a course config strictly, then build it into site_dir."""
    config = load_config(str(config_file), strict=True, site_dir=str(site_dir), **overrides)
    with one_build_at_a_time(config_file.parent):
        build(config)
    return config


def copy_course(source: Path, destination: Path) -> Path:
    """A throwaway copy of a course, to break on purpose; returns its mkdocs.yml."""
    for part in ("docs", "quizzes", "overrides"):
        if (source / part).is_dir():
            shutil.copytree(source / part, destination / part)
    shutil.copy(source / "mkdocs.yml", destination / "mkdocs.yml")
    return destination / "mkdocs.yml"


def failed_build_log(tmp_path: Path, caplog: pytest.LogCaptureFixture, path: str, *edits: tuple[str, str]) -> str:
    """Copy the course, make each (old, new) replacement in one of its files, return what the refused build logged."""
    from mkdocs.exceptions import Abort

    config_file = copy_course(COURSE, tmp_path)
    target = tmp_path / path
    for old, new in edits:
        assert old in target.read_text()
        target.write_text(target.read_text().replace(old, new, 1))
    with pytest.raises(Abort):
        build_course(config_file, tmp_path / "site")
    return caplog.text


def package_course(kind: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build_tools offline|scorm` for this course; a copy of the zip it wrote, in a folder of its own.

    Each kind is packaged once per test run: the test processes of `make test` share one zip per kind and course
    sources, and each caller gets its own copy of it.
    """
    import subprocess
    import sys

    name = f"*-{'offline' if kind == 'offline' else 'scorm12'}.zip"
    run_root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_root = run_root.parent  # the folder every test process of this run has its own folder in
    packaged = run_root / f"packaged-{kind}-{sources_digest(COURSE)}"
    with one_build_at_a_time(COURSE):
        if not list(packaged.glob(name)):
            result = subprocess.run([sys.executable, "-m", "build_tools", kind, "-o", str(packaged)], cwd=COURSE,
                                    capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
    [archive] = packaged.glob(name)
    dist = tmp_path_factory.mktemp(f"{kind}-dist")
    return Path(shutil.copy(archive, dist))


def sources_digest(course: Path) -> str:
    """A digest of a course's sources, the generator's files and the day builds run as."""
    digest = hashlib.sha256(os.environ.get("COURSE_TODAY", "").encode())
    parts = [course / part for part in ("docs", "quizzes", "overrides", "mkdocs.yml")] + [ROOT / "build_tools"]
    for path in sorted(p for part in parts for p in ([part] if part.is_file() else part.rglob("*"))):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def unpacked_offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip of this course, unpacked as a learner unpacks it onto a USB stick; its folder."""
    import zipfile

    archive = package_course("offline", tmp_path_factory)
    unpacked = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(unpacked)
    [folder] = unpacked.iterdir()
    assert folder.name == archive.stem
    return folder


def course_data(html: str, site_dir: Path) -> dict:
    """The course data a built page loads: the first line of the course bundle its script names."""
    import json

    name = re.search(r'<script src="[./]*(assets/bundles/course\.[0-9a-f]+\.js)"></script>', html).group(1)
    first_line = (site_dir / name).read_text().splitlines()[0]
    return json.loads(first_line.removeprefix("window.CourseData = ").rstrip().rstrip(";"))


def words(text: str) -> str:
    """Text as a plain run of words, so line breaks and Markdown marks do not matter."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


def page_urls(config: MkDocsConfig) -> list[str]:
    """Site-relative URLs of every Markdown page of a built course."""
    docs = Path(config.docs_dir)
    return sorted(
        File(str(p.relative_to(docs)), str(docs), config.site_dir, config.use_directory_urls).url
        for p in docs.rglob("*.md")
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    base_url: str
    site_dir: Path
    config: MkDocsConfig


def serve(site_dir: Path, port: int) -> Iterator[str]:
    """Serve a built site on loopback until the generator is closed."""
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        server.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build_and_serve(config_file: Path, site_dir: Path) -> Iterator[Served]:
    """Build a course with site_url set to the exact address it is then served from.

    Material's instant navigation only intercepts links found in sitemap.xml, which is built from site_url.
    """
    port = free_port()
    config = build_course(config_file, site_dir, site_url=f"http://127.0.0.1:{port}/")
    for base_url in serve(site_dir, port):
        yield Served(base_url, site_dir, config)


@pytest.fixture(scope="session")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The real course (or the copy COURSE_ROOT names), built once for the whole test run."""
    yield from build_and_serve(COURSE / "mkdocs.yml", tmp_path_factory.mktemp("course-site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The tiny second course under tests/, built by the same plugin."""
    yield from build_and_serve(FIXTURE_COURSE / "mkdocs.yml", tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """A browser page with everything it logged and requested."""

    page: object
    console_errors: list[str]
    foreign_requests: list[str]
    page_errors: list[str]
    """Uncaught exceptions only: scripts that broke, as opposed to scripts that logged a handled error."""


@pytest.fixture(scope="session")
def shared_context(browser: object, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """One browser context for the tests of a test process, with a blank page of the test servers' site
    (127.0.0.1, whatever the port) open throughout.

    A page in a new context starts a new renderer process, which compiles Material's and the course's scripts
    afresh: about a second of processor time per test. The open blank page, with no script, keeps one renderer,
    with its compiled code, for every test. `watched` still hands each test a page with empty storage.
    """
    blank = tmp_path_factory.mktemp("blank")
    (blank / "index.html").write_text("<!doctype html><title>blank</title>")
    for base_url in serve(blank, free_port()):
        context = browser.new_context()
        context.new_page().goto(base_url)
        yield context
        context.close()


OWN_CONTEXT = re.compile(r"\.clock\b|\w*(?:context|ctx)\.(route\w*|unroute\w*|add_init_script|expect_\w+|set_\w+|"
                         r"grant_permissions|clear_permissions|expose_\w+|on|once)\b")
"""What a test may change in its browser context only when it has a context of its own (`own_context`). Only the
test function's own source is read: a helper that changes the context needs its callers marked."""


@pytest.fixture
def watched(browser: object, request: pytest.FixtureRequest) -> Iterator[Watched]:
    """A page with empty storage whose console errors and off-host requests are recorded.

    It opens in the shared context, and on leaving, every page the test opened is closed and every origin they
    reached has its storage cleared. A test marked `own_context` (one that moves the clock or routes requests,
    which belong to the whole context) gets a fresh context instead.
    """
    width, height = getattr(request, "param", (1280, 900))
    own = request.node.get_closest_marker("own_context") is not None
    context = browser.new_context() if own else request.getfixturevalue("shared_context")
    staying = list(context.pages)
    sized = lambda opened: opened.set_viewport_size({"width": width, "height": height})  # noqa: E731
    context.on("page", sized)  # second tabs and popups too, as a context's own viewport would
    page = context.new_page()
    result = Watched(page, [], [], [])
    reached: set[str | None] = set()
    page.on("console", lambda m: result.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: result.console_errors.append(str(e)) or result.page_errors.append(str(e)))
    page.on(
        "request",
        lambda r: result.foreign_requests.append(r.url)
        if urlparse(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith(("data:", "blob:"))
        else None,
    )
    record_origin = lambda r: reached.add(origin_of(r.url))  # noqa: E731 - added and removed by name
    context.on("request", record_origin)
    yield result
    context.remove_listener("request", record_origin)
    context.remove_listener("page", sized)
    if own:
        context.close()
    else:
        leave_empty(context, staying, reached - {None})


def origin_of(url: str) -> str | None:
    """The origin whose storage a request's page may use (every file shares one in Chromium)."""
    parts = urlparse(url)
    if parts.scheme == "file":
        return "file://"
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


def leave_empty(context: object, staying: list[object], origins: set[str]) -> None:
    """Close the pages a test opened in the shared context and clear everything stored for the origins reached."""
    for page in context.pages:
        if page not in staying:
            page.close()
    session = context.new_cdp_session(staying[0])
    for origin in sorted(origins):
        session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    session.detach()
    context.clear_cookies()


TIERS = {
    "unit": "plain functions on literal inputs; nothing built",
    "build": "builds sites with MkDocs (the generator's behaviour, on the fixture course or copies)",
    "browser": "drives a real browser",
    "content": "this course's own files and the site built from them, expectations derived from those files",
}
"""Each tier is a folder of tests/; a test's folder gives its marker, so the two cannot disagree."""


def pytest_configure(config: pytest.Config) -> None:
    for tier, meaning in TIERS.items():
        config.addinivalue_line("markers", f"{tier}: {meaning}")
    config.addinivalue_line("markers", "own_context: `watched` opens its page in a browser context of its own")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test with its folder's tier, so `-m` can pick them; refuse a test outside a tier folder."""
    tests = Path(__file__).resolve().parent
    for item in items:
        folder = item.path.resolve().relative_to(tests).parts[0]
        if folder not in TIERS:
            raise pytest.UsageError(f"{item.nodeid}: put it in one of the tier folders tests/{{{','.join(TIERS)}}}")
        written = {marker.name for marker in item.iter_markers()} & set(TIERS) - {folder}
        if written:
            raise pytest.UsageError(f"{item.nodeid}: it is marked {sorted(written)} but sits in tests/{folder}: move it")
        item.add_marker(folder)
        if {"watched", "browser"} & set(item.fixturenames) and folder != "browser":
            raise pytest.UsageError(f"{item.nodeid} drives Chromium: move it to tests/browser")
        if ("watched" in item.fixturenames and not item.get_closest_marker("own_context")
                and OWN_CONTEXT.search(inspect.getsource(item.function))):
            raise pytest.UsageError(f"{item.nodeid} changes its whole browser context: mark it own_context")
