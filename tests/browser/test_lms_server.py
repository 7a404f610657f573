"""The SCORM 1.2 package in a real LMS server: scormhost (FastAPI), besides the in-page scorm-again of test_scorm.py.

The LMS runs from a virtual environment of its own, made once from tests/lms_server/requirements.txt (exact versions,
every file checked against its hash) and kept in .cache/lms-server-venv until that file changes: none of its
packages reach the project's environment. A fixture starts it on a free loopback port with its data in a temporary
folder, signs up an instructor (the first account is the LMS's admin), uploads the package through the LMS's own
upload API, and stops the server when the tests end. Learners sign up or log in through the LMS's own pages, launch
the course from its catalogue and play it in its player; what the LMS keeps is then read from its own storage, one
JSON file of SCORM data per learner and package.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from browser_helpers import answer_module_quiz, most_right_to_fail, sit_final
from conftest import ROOT, free_port, package_course
from course_facts import course_facts
from lms_server.environment import LmsEnvironmentError, lms_python


FACTS = course_facts()
LMS_DIR = ROOT / "tests" / "lms_server"
LAUNCH_PAGE = "scorm.html"
PACKAGE_ID = "course"
TOTAL = FACTS.final.attempt_size
"""Questions in one attempt at the final assessment: all of them, or as many as are drawn from its bank."""
MOST_RIGHT_TO_FAIL = most_right_to_fail(FACTS.final)
LIMIT = 4096
QUIZ_PAGES = sorted(FACTS.quizzes)
"""The quiz pages in the order cmi.suspend_data numbers them."""
PASSWORD = "a-test-password"
WAIT = 15.0
"""Seconds to wait for the LMS to store what the course sent it (the course reports within a second of a change)."""


def file_of(src_path: str) -> str:
    """A page's file in the package: `modules/bone.md` -> `modules/bone.html`."""
    return src_path.removesuffix(".md") + ".html"


# ---- The LMS server ----

@dataclass
class Lms:
    base_url: str
    data_dir: Path
    log: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def record(self, user_id: int) -> dict[str, str]:
        """The SCORM data the LMS keeps for a learner, read from its own file ({} before the course sent any)."""
        path = self.data_dir / "sessions" / PACKAGE_ID / f"{user_id}__{LAUNCH_PAGE}.json"
        if not path.is_file():
            return {}
        stored = json.loads(path.read_text(encoding="utf-8"))
        assert (stored["package_id"], stored["learner_id"], stored["launch_href"]) == (
            PACKAGE_ID, str(user_id), LAUNCH_PAGE)
        return stored["elements"]

    def wait_for_record(self, user_id: int, holds: Callable[[dict[str, str]], bool]) -> dict[str, str]:
        """The learner's stored SCORM data once `holds` is true of it; fails with what was stored if it never is."""
        deadline = time.monotonic() + WAIT
        while True:
            try:
                record = self.record(user_id)
            except json.JSONDecodeError:
                record = {}  # read half-written: read again
            try:
                if record and holds(record):
                    return record
            except (AssertionError, KeyError, IndexError, ValueError):
                pass  # not there yet (no suspend_data, say)
            if time.monotonic() > deadline:
                pytest.fail(f"The LMS never stored the expected values; it holds: {record}")
            time.sleep(0.1)


def request(url: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> dict:
    with urllib.request.urlopen(urllib.request.Request(url, data=body, headers=headers or {}), timeout=30) as reply:
        return json.loads(reply.read())


def multipart(field: str, file: Path) -> tuple[bytes, str]:
    """A form with one file, as a browser sends it; returns the body and its content type."""
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file.name}\"\r\n"
            f"Content-Type: application/zip\r\n\r\n").encode() + file.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def wait_until_up(lms: Lms, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"The test LMS stopped at start:\n{lms.log.read_text()}")
        try:
            if request(lms.url("/health")) == {"status": "ok"}:
                return
        except (urllib.error.URLError, ConnectionError):
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"The test LMS did not answer within a minute:\n{lms.log.read_text()}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lms]:
    """scormhost on a free loopback port, with this course's SCORM package imported as an instructor does."""
    started = time.monotonic()
    try:
        python = lms_python()
    except LmsEnvironmentError as error:
        pytest.fail(str(error))
    ready = time.monotonic()
    archive = package_course("scorm", tmp_path_factory)
    root = tmp_path_factory.mktemp("lms-server")
    port = free_port()
    lms = Lms(f"http://127.0.0.1:{port}", root / "data", root / "server.log")
    with open(lms.log, "w") as log:
        process = subprocess.Popen([str(python), str(LMS_DIR / "serve.py"), str(lms.data_dir), str(port), str(os.getpid())],
                                   stdout=log, stderr=subprocess.STDOUT, cwd=root)
    try:
        wait_until_up(lms, process)
        instructor = request(lms.url("/api/auth/register"), json.dumps({
            "email": "instructor@example.com", "username": "instructor", "password": PASSWORD,
            "display_name": "Course Instructor"}).encode(), {"Content-Type": "application/json"})
        assert instructor["user"]["role"] == "admin"
        body, content_type = multipart("file", archive)
        imported = request(lms.url(f"/api/packages?package_id={PACKAGE_ID}"), body, {
            "Content-Type": content_type, "Authorization": f"Bearer {instructor['access_token']}"})
        assert imported["id"] == PACKAGE_ID
        assert imported["manifest"]["title"] == FACTS.course.title
        assert imported["manifest"]["schema_version"] == "1.2"
        assert [launch["href"] for launch in imported["manifest"]["launches"]] == [LAUNCH_PAGE]
        print(f"\nThe test LMS: environment ready in {ready - started:.1f} s, running with the package imported "
              f"{time.monotonic() - ready:.1f} s later", file=sys.stderr)
        yield lms
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---- A learner in the LMS ----

@dataclass
class Learner:
    email: str
    name: str


@dataclass
class Visit:
    """A learner's browser window on the LMS: the LMS's launch page, the course in its player, what went wrong."""

    page: object
    sco: object
    """The package's launch page, in the LMS's player."""
    course: object
    user_id: int
    errors: list[str]

    def lms_problems(self) -> list[str]:
        """What the launch page told the learner about the LMS (a value refused, a commit that failed)."""
        return self.sco.locator("#lms-problem:not([hidden])").all_inner_texts()


def new_learner(label: str) -> Learner:
    tag = uuid.uuid4().hex[:8]
    return Learner(f"{label}-{tag}@example.com", f"Learner {label} {tag}")


@contextmanager
def visit(browser: object, lms: Lms, learner: Learner, sign_up: bool, context: object = None) -> Iterator[Visit]:
    """A fresh browser context (nothing stored), or the one given: the learner signs up (or logs in) on the LMS's own
    page, then launches the course from the LMS's catalogue. A context made here is closed at the end."""
    own = context is None
    if own:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []

    def ours(url: str) -> bool:
        """The launch page, the package's files and the SCORM data: not the LMS's own sign-up pages or icon."""
        return any(part in url for part in (f"/launch/{PACKAGE_ID}", f"/content/{PACKAGE_ID}/", "/api/scorm/"))

    page.on("console", lambda m: errors.append(f"{m.text} ({m.location['url']})")
            if m.type == "error" and ours(m.location["url"]) else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 and ours(r.url) else None)
    try:
        if sign_up:
            page.goto(lms.url("/register"))
            page.locator("input[name=display_name]").fill(learner.name)
            page.locator("input[name=username]").fill(learner.email.split("@")[0])
        else:
            page.goto(lms.url("/login"))
        page.locator("input[name=email]").fill(learner.email)
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation(url=lms.url("/")):
            page.get_by_role("button", name="Continue").click()
        me = page.request.get(lms.url("/api/auth/me")).json()
        assert (me["email"], me["role"]) == (learner.email, "learner")
        row = page.locator("tr", has_text=FACTS.course.title)
        row.get_by_role("link", name="Launch").click()
        page.wait_for_url(lms.url(f"/launch/{PACKAGE_ID}"))
        sco = page.locator("#scormhost-content").element_handle().content_frame()
        sco.wait_for_url(f"**/content/{PACKAGE_ID}/{LAUNCH_PAGE}")
        course = sco.wait_for_selector("#course-frame").content_frame()
        course.wait_for_url(f"**/content/{PACKAGE_ID}/index.html")
        course.wait_for_load_state("load")
        yield Visit(page, sco, course, me["id"], errors)
    finally:
        if own:
            context.close()


def open_in(lms: Lms, course: object, src_path: str) -> None:
    course.goto(lms.url(f"/content/{PACKAGE_ID}/{file_of(src_path)}"))
    course.wait_for_load_state("load")


def leave(visit: Visit) -> None:
    """The learner closes the window: the course takes its leave of the LMS as the page goes (pagehide)."""
    visit.page.close(run_before_unload=True)


def progress_line(course: object) -> str:
    line = course.locator("[data-course-progress-line] .course-progress-line__text")
    line.wait_for()
    return line.inner_text()


def suspended(record: dict[str, str]) -> dict:
    """cmi.suspend_data as the course wrote it (JSON, see build_tools/outputs/scorm_launch/scorm.js)."""
    data = record.get("cmi.suspend_data", "")
    assert 0 < len(data.encode("utf-8")) <= LIMIT, data
    return json.loads(data)


def answered(record: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Module quizzes as the LMS holds them: (questions answered, answered rightly) by quiz page."""
    return {QUIZ_PAGES[quiz[0]]: (quiz[2], quiz[3]) for quiz in suspended(record).get("q", [])}


def scored(record: dict[str, str]) -> tuple[str, str, str, str]:
    return (record["cmi.core.lesson_status"], record["cmi.core.score.raw"], record["cmi.core.score.min"],
            record["cmi.core.score.max"])


# ---- The tests ----

def test_a_learner_who_passes_is_recorded_as_passed_with_their_score(browser: object, lms: Lms) -> None:
    with visit(browser, lms, new_learner("passes"), sign_up=True) as learner:
        lms.wait_for_record(learner.user_id, lambda r: r.get("cmi.core.lesson_status") == "incomplete")
        open_in(lms, learner.course, FACTS.modules[0].src_path)
        open_in(lms, learner.course, FACTS.final.page)
        assert sit_final(learner.course, "knowing").startswith("Passed.")
        record = lms.wait_for_record(learner.user_id, lambda r: r.get("cmi.core.lesson_status") == "passed")
        assert scored(record) == ("passed", "100", "0", "100")
        assert record["cmi.core.lesson_location"] == file_of(FACTS.final.page)
        saved = suspended(record)
        assert len(saved["a"]) == 1, "the one attempt, kept by its answers"
        assert saved["m"][0] == "1", "the first module was visited"
        assert learner.lms_problems() == []
        assert learner.errors == []


def test_a_learner_who_fails_is_recorded_as_failed_with_their_score(browser: object, lms: Lms) -> None:
    with visit(browser, lms, new_learner("fails"), sign_up=True) as learner:
        open_in(lms, learner.course, FACTS.final.page)
        assert sit_final(learner.course, "knowing", right_first=MOST_RIGHT_TO_FAIL).startswith("Not passed.")
        record = lms.wait_for_record(learner.user_id, lambda r: r.get("cmi.core.lesson_status") == "failed")
        assert scored(record) == ("failed", str(MOST_RIGHT_TO_FAIL * 100 // TOTAL), "0", "100")
        assert len(suspended(record)["a"]) == 1
        assert learner.lms_problems() == []
        assert learner.errors == []


def test_a_learner_who_leaves_and_returns_finds_their_progress(browser: object, lms: Lms) -> None:
    first, second = FACTS.modules[0], FACTS.modules[1]
    first_total = len(FACTS.quizzes[first.src_path].questions)
    second_total = len(FACTS.quizzes[second.src_path].questions)
    who = new_learner("returns")
    with visit(browser, lms, who, sign_up=True) as learner:
        open_in(lms, learner.course, first.src_path)
        answer_module_quiz(learner.course, correctly=True)
        open_in(lms, learner.course, second.src_path)
        answer_module_quiz(learner.course, correctly=False)
        expected_line = progress_line(learner.course)
        assert f"{first_total + second_total} of {FACTS.module_questions} questions answered" in expected_line
        assert learner.lms_problems() == []
        leave(learner)  # at once, with the last answer perhaps not yet reported
        left = lms.wait_for_record(learner.user_id, lambda r: answered(r).get(second.src_path) == (second_total, 0))
        errors, user_id = learner.errors, learner.user_id
    assert left["cmi.core.lesson_status"] == "incomplete"
    assert left["cmi.core.exit"] == "suspend"
    assert left["cmi.core.lesson_location"] == file_of(second.src_path)
    assert re.fullmatch(r"\d{2,4}:\d{2}:\d{2}", left["cmi.core.session_time"])
    assert answered(left) == {first.src_path: (first_total, first_total), second.src_path: (second_total, 0)}
    saved = suspended(left)
    assert saved["m"][:2] == "11" and saved["l"] == 1, "both modules visited, the second one last"
    assert "a" not in saved, "no attempt at the final assessment yet"
    assert errors == []

    # Another day, another browser: nothing in its storage; the learner logs in and the LMS gives the progress back.
    with visit(browser, lms, who, sign_up=False) as again:
        assert again.user_id == user_id
        assert progress_line(again.course) == expected_line
        open_in(lms, again.course, first.src_path)
        quizzes = again.course.locator(".quiz")
        assert quizzes.count() == first_total
        for index in range(first_total):
            quiz = quizzes.nth(index)
            assert quiz.locator(".quiz-feedback:not(.hidden)").count() == 1
            assert quiz.locator("input[data-correct]:checked").count() == quiz.locator("input[data-correct]").count()
        open_in(lms, again.course, second.src_path)
        assert again.course.locator(".quiz input:checked:not([data-correct])").count() == second_total
        # On to the final assessment, and the window closed at once: the LMS learns where the learner got to.
        open_in(lms, again.course, FACTS.final.page)
        assert again.lms_problems() == []
        leave(again)
        back = lms.wait_for_record(user_id, lambda r: r.get("cmi.core.lesson_location") == file_of(FACTS.final.page))
        assert again.errors == []
    assert back["cmi.core.lesson_status"] == "incomplete"
    assert back["cmi.core.exit"] == "suspend"
    returned = suspended(back)
    assert returned["q"] == saved["q"], "every answer kept, none lost or changed by the second visit"
    assert returned["m"] == saved["m"] and returned["l"][0] == file_of(FACTS.final.page)


def test_the_next_learner_on_the_same_browser_gets_none_of_the_last_ones_progress(browser: object, lms: Lms) -> None:
    """A surgery's shared computer: one learner logs out of the LMS, another logs in on the same browser."""
    module = FACTS.modules[0]
    total = len(FACTS.quizzes[module.src_path].questions)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        with visit(browser, lms, new_learner("shares"), sign_up=True, context=context) as first:
            open_in(lms, first.course, module.src_path)
            answer_module_quiz(first.course, correctly=True)
            lms.wait_for_record(first.user_id, lambda r: answered(r) == {module.src_path: (total, total)})
            first.page.goto(lms.url("/"))
            with first.page.expect_navigation(url=lms.url("/login")):
                first.page.locator("#logout-link").click()
            first.page.close()
            assert first.errors == []
        with visit(browser, lms, new_learner("next"), sign_up=True, context=context) as second:
            assert f"0 of {FACTS.module_questions} questions answered" in progress_line(second.course)
            open_in(lms, second.course, module.src_path)
            assert second.course.locator(".quiz input:checked").count() == 0
            assert second.course.locator(".quiz-feedback:not(.hidden)").count() == 0
            record = lms.wait_for_record(second.user_id, lambda r: suspended(r)["m"][0] == "1")
            assert "q" not in suspended(record), "none of the first learner's answers reached the second one's record"
            assert record["cmi.core.lesson_status"] == "incomplete"
            assert second.lms_problems() == []
            assert second.errors == []
    finally:
        context.close()
