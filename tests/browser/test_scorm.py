"""The SCORM 1.2 package: its manifest, and the course inside a stand-in LMS (npm scorm-again's SCORM 1.2 API).

tests/lms/lms.html plays the LMS: it puts scorm-again's `API` on its window and opens the package's launch page in
a frame, served with the unzipped package from one local server (one origin, as an LMS serves its content).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
import rjsmin

from browser_helpers import answer_module_quiz, axe_violations, follow_up_events, most_right_to_fail, sit_final
from build_tools.model.strings import course_strings
from conftest import ROOT, Watched, free_port, package_course, serve
from course_facts import course_facts


FACTS = course_facts()
LMS_DIR = ROOT / "tests" / "lms"
CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
LAUNCH_PAGE = "scorm.html"
TOTAL = FACTS.final.attempt_size
PASS_MARK = FACTS.final.pass_mark
MOST_RIGHT_TO_FAIL = most_right_to_fail(FACTS.final)
LIMIT = 4096
STRINGS = course_strings("en", FACTS.course.strings)


def file_of(src_path: str) -> str:
    """A page's file in the package, which links to files: `modules/bone.md` -> `modules/bone.html`."""
    return src_path.removesuffix(".md") + ".html"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = package_course("scorm", tmp_path_factory)
    assert archive.name == f"{FACTS.course.slug}-scorm12.zip"
    return archive


@pytest.fixture(scope="module")
def unzipped(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("scorm-served")
    with zipfile.ZipFile(package) as archive:
        archive.extractall(root / "course")
    if not (LMS_DIR / "node_modules" / "scorm-again").is_dir():
        pytest.fail("The test LMS needs npm's scorm-again: run `npm ci --prefix tests/lms` (`make test` does)")
    (root / "lms").symlink_to(LMS_DIR, target_is_directory=True)
    return root


@pytest.fixture(scope="module")
def server(unzipped: Path) -> Iterator[str]:
    """The test LMS at lms/lms.html and the unzipped package at course/, on one origin."""
    yield from serve(unzipped, free_port())


def launch(page: object, server: str, saved: dict[str, str] | None = None, misbehave: dict | None = None) -> object:
    """Open the test LMS, launch the package in it (with what an earlier session left), return the course's frame."""
    page.goto(server + "lms/lms.html")
    page.evaluate("([url, saved, misbehave]) => launch(url, saved, misbehave)",
                  [f"../course/{LAUNCH_PAGE}", saved, misbehave])
    sco = page.wait_for_selector("iframe[name=sco]").content_frame()
    course = sco.wait_for_selector("#course-frame").content_frame()
    course.wait_for_url("**/course/index.html")
    course.wait_for_load_state("load")
    return course


def open_in(course: object, server: str, src_path: str) -> None:
    course.goto(server + "course/" + file_of(src_path))
    course.wait_for_load_state("load")


def lms(page: object) -> dict:
    """What the LMS holds and saw: its cmi record, the calls made, every suspend_data length, its complaints."""
    return page.evaluate("""() => ({
        status: API.cmi.core.lesson_status, location: API.cmi.core.lesson_location,
        raw: API.cmi.core.score.raw, min: API.cmi.core.score.min, max: API.cmi.core.score.max,
        suspend: API.cmi.suspend_data, calls: lms.calls, values: lms.values, suspendLengths: lms.suspendLengths,
        complaints: lms.complaints,
    })""")


def wait_for_value(page: object, element: str, value: str) -> None:
    page.wait_for_function("([element, value]) => lms.values[element] === value", arg=[element, value])


def leave(page: object) -> dict[str, str]:
    """The learner closes the course; returns what the LMS keeps for their next session."""
    page.evaluate("leave()")
    page.wait_for_function("() => lms.calls.includes('LMSFinish')")
    return page.evaluate("kept()")


def progress_line(course: object) -> str:
    line = course.locator("[data-course-progress-line] .course-progress-line__text")
    line.wait_for()
    return line.inner_text()


@contextmanager
def returning(browser: object, server: str, saved: dict[str, str]) -> Iterator[tuple[object, object, list[str]]]:
    """The same learner on another day: a new browser context (nothing in storage), the LMS's record preloaded."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        yield page, launch(page, server, saved), errors
    finally:
        context.close()


def test_manifest_is_scorm_12_with_one_sco_listing_every_file(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        root = ElementTree.fromstring(archive.read("imsmanifest.xml"))
    assert root.tag == f"{CP}manifest"
    assert root.findtext(f"{CP}metadata/{CP}schema") == "ADL SCORM"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    organizations = root.find(f"{CP}organizations")
    [organization] = organizations.findall(f"{CP}organization")
    assert organizations.get("default") == organization.get("identifier")
    assert organization.findtext(f"{CP}title") == FACTS.course.title
    [item] = organization.findall(f".//{CP}item")
    [resource] = root.findall(f"{CP}resources/{CP}resource")
    assert item.get("identifierref") == resource.get("identifier")
    assert item.findtext(f"{ADLCP}masteryscore") == str(PASS_MARK), "an LMS that works status out from the score agrees"
    assert resource.get(f"{ADLCP}scormtype") == "sco"
    assert resource.get("type") == "webcontent"
    assert resource.get("href") == LAUNCH_PAGE
    listed = [unquote(file.get("href")) for file in resource.findall(f"{CP}file")]
    assert len(listed) == len(set(listed))
    # Every file of the package is the SCO's, except the manifest that lists them.
    assert set(listed) == names - {"imsmanifest.xml"}
    assert {LAUNCH_PAGE, "index.html", file_of(FACTS.final.page)} <= set(listed)
    assert not any(name.endswith("/") for name in names)


def test_a_learner_who_passes_is_recorded_as_passed_with_their_score(server: str, watched: Watched) -> None:
    page = watched.page
    course = launch(page, server)
    wait_for_value(page, "cmi.core.lesson_status", "incomplete")
    open_in(course, server, FACTS.modules[0].src_path)
    open_in(course, server, FACTS.final.page)
    assert sit_final(course, "knowing").startswith("Passed.")
    wait_for_value(page, "cmi.core.lesson_status", "passed")
    record = lms(page)
    assert (record["status"], record["raw"], record["min"], record["max"]) == ("passed", "100", "0", "100")
    assert record["location"] == file_of(FACTS.final.page)
    # One LMS session across every page the learner opened.
    assert record["calls"].count("LMSInitialize") == 1
    assert "LMSFinish" not in record["calls"]
    assert record["complaints"] == []
    # The follow-up reminders have no address to link to: they say to open the course in the learning system.
    open_in(course, server, FACTS.widget_pages("certificate")[0])
    course.get_by_label("Your name, as it should appear on the certificate").fill("Dr Ada Lovelace")
    events = follow_up_events(page, course)
    assert [str(event["DESCRIPTION"]).split("\n\n")[-1] for event in events] == [STRINGS["follow-up-from-lms"]] * 2
    assert all("URL" not in event for event in events)
    assert watched.console_errors == []
    assert watched.foreign_requests == []


def test_a_learner_who_fails_is_recorded_as_failed_and_a_pass_is_kept(server: str, watched: Watched) -> None:
    page = watched.page
    course = launch(page, server)
    open_in(course, server, FACTS.final.page)
    assert sit_final(course, "knowing", right_first=MOST_RIGHT_TO_FAIL).startswith("Not passed.")
    wait_for_value(page, "cmi.core.lesson_status", "failed")
    record = lms(page)
    assert (record["status"], record["raw"]) == ("failed", str(MOST_RIGHT_TO_FAIL * 100 // TOTAL))
    assert (record["min"], record["max"]) == ("0", "100")

    course.get_by_role("button", name="Retake the assessment").click()
    assert sit_final(course, "knowing").startswith("Passed.")
    wait_for_value(page, "cmi.core.lesson_status", "passed")
    assert lms(page)["raw"] == "100"

    # Once passed, always passed, with the best passing score: a later attempt for practice lowers neither.
    before = page.evaluate("() => lms.values['cmi.suspend_data']")
    course.get_by_role("button", name="Retake the assessment").click()
    assert sit_final(course, "wrong").startswith("Not passed.")
    page.wait_for_function("before => lms.values['cmi.suspend_data'] !== before", arg=before)
    page.wait_for_function("() => JSON.parse(lms.values['cmi.suspend_data']).a.length === 3")
    assert (lms(page)["status"], lms(page)["raw"]) == ("passed", "100")
    assert lms(page)["complaints"] == []
    assert watched.console_errors == []


def test_a_returning_learner_finds_their_progress_where_they_left_it(server: str, watched: Watched,
                                                                    browser: object) -> None:
    page = watched.page
    first, second = FACTS.modules[0], FACTS.modules[1]
    first_total = len(FACTS.quizzes[first.src_path].questions)
    second_total = len(FACTS.quizzes[second.src_path].questions)
    course = launch(page, server)
    open_in(course, server, first.src_path)
    answer_module_quiz(course, correctly=True)
    open_in(course, server, second.src_path)
    answer_module_quiz(course, correctly=False)
    open_in(course, server, FACTS.final.page)
    sit_final(course, "knowing")
    course.get_by_role("button", name="Retake the assessment").click()
    drafted = 3  # a retake begun and left half-way
    questions = course.locator("[data-question]:not([hidden])")
    for index in range(drafted):
        questions.nth(index).locator("input").first.check()
    open_in(course, server, "certificate.md")
    course.locator("#course-learner-name").fill("Dr Ada Lovelace")
    course.locator("textarea[data-field]").first.fill("Bone pain that wakes a patient at night is a red flag.")
    open_in(course, server, second.src_path)
    expected_line = progress_line(course)
    assert f"{first_total + second_total} of {FACTS.module_questions} questions answered" in expected_line

    saved = leave(page)
    record = lms(page)
    assert record["calls"].count("LMSInitialize") == 1 and record["calls"][-1] == "LMSFinish"
    assert record["values"]["cmi.core.exit"] == "suspend"
    assert record["values"]["cmi.core.session_time"].count(":") == 2
    assert saved["cmi.core.lesson_status"] == "passed"
    assert saved["cmi.core.lesson_location"] == file_of(second.src_path)
    assert 0 < len(saved["cmi.suspend_data"]) <= LIMIT

    with returning(browser, server, saved) as (again, course, errors):
        assert progress_line(course) == expected_line
        open_in(course, server, first.src_path)
        quizzes = course.locator(".quiz")
        assert quizzes.count() == first_total
        for index in range(first_total):
            quiz = quizzes.nth(index)
            assert quiz.locator(".quiz-feedback:not(.hidden)").count() == 1
            assert quiz.locator("input[data-correct]:checked").count() == quiz.locator("input[data-correct]").count()
        open_in(course, server, second.src_path)
        assert course.locator(".quiz input:checked:not([data-correct])").count() == second_total
        open_in(course, server, FACTS.final.page)
        assert course.locator("[data-course-unanswered]").inner_text() == \
            f"You have answered {drafted} of {TOTAL} questions."
        assert "Passed" in course.locator("[data-course-attempts] tbody").inner_text()
        open_in(course, server, "certificate.md")
        assert course.locator("#course-learner-name").input_value() == "Dr Ada Lovelace"
        assert course.locator("[data-course-certificate] [data-fill=name]").inner_text() == "Dr Ada Lovelace"
        assert course.locator("textarea[data-field]").first.input_value() == \
            "Bone pain that wakes a patient at night is a red flag."
        wait_for_value(again, "cmi.core.lesson_status", "passed")
        assert lms(again)["complaints"] == []
        assert errors == []
    assert watched.console_errors == []


# Everything that JSON and UTF-8 make longer: quotes, backslashes, line breaks, accents, symbols, emoji.
COSTLY = 'He said "refer", then \\ waited.\nCafé, naïve, 2 €, 😀 '
LONGEST_NAME = ("Dr " + "Ångström-" * 9)[:80]


def make_longest_state(course: object) -> None:
    """A note far longer than the boxes allow (kept from before they had a limit), and hundreds of attempts."""
    course.evaluate("""text => {
        const state = Course.store.state;
        Object.keys(state.reflection).forEach(key => { state.reflection[key] = text; });
        for (let i = 0; i < 300; i++) state.attempts.push({date: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
                                                           answers: {}});
        Course.store.save();
    }""", COSTLY * 2000)


def test_suspend_data_stays_within_4096_characters_for_a_very_long_note(server: str, watched: Watched,
                                                                         browser: object) -> None:
    page = watched.page
    course = launch(page, server)
    for module in FACTS.modules:
        open_in(course, server, module.src_path)
        answer_module_quiz(course, correctly=True)
    open_in(course, server, FACTS.final.page)
    sit_final(course, "knowing")
    open_in(course, server, "certificate.md")
    course.locator("#course-learner-name").fill(LONGEST_NAME)
    fields = course.locator("textarea[data-field]")
    for index in range(fields.count()):
        fields.nth(index).fill(COSTLY * 100)  # as much as each box takes
    page.wait_for_function("() => (JSON.parse(lms.values['cmi.suspend_data']).r || []).length === 3")
    before = page.evaluate("() => lms.values['cmi.suspend_data']")
    make_longest_state(course)
    page.wait_for_function("before => lms.values['cmi.suspend_data'] !== before", arg=before)
    saved = leave(page)
    record = lms(page)
    assert max(record["suspendLengths"]) <= LIMIT
    assert len(saved["cmi.suspend_data"].encode("utf-8")) <= LIMIT  # also for an LMS that counts bytes
    assert saved["cmi.core.lesson_status"] == "passed"
    assert saved["cmi.core.score.raw"] == "100", "the best passing score, not the latest failed attempt's"

    with returning(browser, server, saved) as (again, course, errors):
        # Progress comes first: every answer, the pass, the name; then as much of the note as fits.
        assert f"{FACTS.module_questions} of {FACTS.module_questions} questions answered" in progress_line(course)
        open_in(course, server, "certificate.md")
        assert course.locator("#course-learner-name").input_value() == LONGEST_NAME
        assert course.locator("[data-course-certificate]").is_visible()
        note = course.locator("textarea[data-field]").first.input_value()
        assert len(note) > 100 and (COSTLY * 2000).startswith(note)
        open_in(course, server, FACTS.final.page)
        attempts = course.locator("[data-course-attempts] tbody tr")
        assert attempts.count() >= 2
        assert "Passed" in attempts.last.inner_text()  # the pass, the oldest attempt, is kept
        assert lms(again)["complaints"] == []
        assert errors == []
    assert watched.console_errors == []


def test_outside_an_lms_the_launch_page_is_the_course(server: str, unzipped: Path, watched: Watched) -> None:
    page = watched.page
    page.goto(server + f"course/{LAUNCH_PAGE}")
    assert page.evaluate("() => typeof window.API") == "undefined"
    assert page.locator("html").get_attribute("lang") == "en"
    frame = page.locator("#course-frame")
    assert frame.get_attribute("title") == f"{FACTS.course.title}: course"
    course = frame.element_handle().content_frame()
    course.wait_for_url("**/course/index.html")
    course.wait_for_load_state("load")
    page.wait_for_function("() => document.title === document.getElementById('course-frame').contentDocument.title")
    module = FACTS.modules[0]
    open_in(course, server, module.src_path)
    answer_module_quiz(course, correctly=True)
    total = len(FACTS.quizzes[module.src_path].questions)
    assert f"{total} of {FACTS.module_questions} questions answered" in progress_line(course)
    # axe runs in the launch page only: the course's headings are in its frame, where they are tested elsewhere.
    assert [v for v in axe_violations(page) if not v.startswith("page-has-heading-one:")] == []
    assert course.locator("article h1").count() == 1
    assert watched.console_errors == []
    assert watched.foreign_requests == []

    # Opened from disk, as a package unzipped by hand would be.
    page.goto((unzipped / "course" / LAUNCH_PAGE).as_uri())
    course = page.locator("#course-frame").element_handle().content_frame()
    course.wait_for_load_state("load")
    assert course.locator("article h1").first.is_visible()
    assert watched.console_errors == []
    assert watched.foreign_requests == []


@pytest.mark.own_context
def test_links_to_other_sites_open_in_a_new_tab(server: str, watched: Watched) -> None:
    page = watched.page
    page.context.route("https://**/*", lambda route: route.fulfill(body="elsewhere", content_type="text/plain"))
    page.goto(server + f"course/{LAUNCH_PAGE}")
    course = page.locator("#course-frame").element_handle().content_frame()
    open_in(course, server, "resources.md")
    link = course.locator("article a[href^='https://']").first
    with page.context.expect_page() as opened:
        link.click()
    assert opened.value.url == link.get_attribute("href")
    assert course.url.endswith("resources.html")
    opened.value.close()


def test_a_forged_record_in_the_learning_system_is_taken_piece_by_piece(server: str, browser: object) -> None:
    """suspend_data is data: a last page outside the course, a pass made of unanswered questions and a malformed
    quiz entry are each dropped, and the rest of the record still loads."""
    forged = json.dumps({"v": 2, "l": ["javascript:window.pwned=1", "Bait"], "a": ["l0:" + "00" * TOTAL],
                         "q": [["length", "x", 0, 0]], "n": "Dr Kept"})
    with returning(browser, server, {"cmi.suspend_data": forged, "cmi.core.lesson_status": "incomplete"}) as (
            page, course, errors):
        link = course.locator("[data-course-continue] a")
        assert "Bait" not in link.inner_text() and link.evaluate("a => a.href").startswith(server)
        wait_for_value(page, "cmi.core.lesson_status", "failed")
        assert not lms(page)["location"].startswith("javascript")
        assert course.evaluate("Course.store.state.name") == "Dr Kept"
        open_in(course, server, FACTS.widget_pages("privacy")[0])
        privacy = course.locator(".course-privacy p:visible")
        assert privacy.count() == 1 and "saved to that system, where its administrators can see them" in \
            privacy.inner_text()
        assert errors == []


def launch_page(page: object) -> object:
    return page.wait_for_selector("iframe[name=sco]").content_frame()


def test_every_change_reaches_the_lms_at_once_with_exit_and_time_set_early(server: str, watched: Watched) -> None:
    page = watched.page
    course = launch(page, server)
    values = lms(page)["values"]
    assert values["cmi.core.exit"] == "suspend" and values["cmi.core.session_time"].count(":") == 2
    module = FACTS.modules[0]
    open_in(course, server, module.src_path)
    commits = page.evaluate("() => lms.calls.filter(call => call === 'LMSCommit').length")
    quiz = course.locator(".quiz").first
    quiz.locator("label").first.click()
    quiz.get_by_role("button", name="Submit").click()
    # The answer is set within a moment (well before the commit that follows half a second later) ...
    page.wait_for_function("() => (JSON.parse(lms.values['cmi.suspend_data'] || '{}').q || []).length > 0",
                           timeout=400)
    # ... and an LMS that ends the session on the launch page's beforeunload gets it committed.
    launch_page(page).evaluate("() => window.dispatchEvent(new Event('beforeunload'))")
    assert page.evaluate("() => lms.calls.filter(call => call === 'LMSCommit').length") > commits
    assert watched.console_errors == []


def test_an_lms_that_will_not_start_shows_no_one_elses_progress(server: str, watched: Watched) -> None:
    page = watched.page
    course = launch(page, server)  # someone else on this computer, who passed and named their certificate
    open_in(course, server, FACTS.final.page)
    sit_final(course, "knowing")
    open_in(course, server, "certificate.md")
    course.locator("#course-learner-name").fill("Dr Someone Else")
    course = launch(page, server, misbehave={"failInitialize": True})
    problem = launch_page(page).locator("#lms-problem")
    problem.wait_for()
    assert "did not start this session" in problem.inner_text()
    open_in(course, server, "certificate.md")
    assert not course.locator("[data-course-certificate]").is_visible()
    assert course.locator("#course-learner-name").input_value() == ""


def test_a_refused_value_is_said_in_words(server: str, watched: Watched) -> None:
    page = watched.page
    course = launch(page, server, misbehave={"refuse": "cmi.suspend_data"})
    open_in(course, server, FACTS.modules[0].src_path)
    answer_module_quiz(course, correctly=True)
    problem = launch_page(page).locator("#lms-problem")
    problem.wait_for()
    assert "did not accept part of your progress (cmi.suspend_data" in problem.inner_text()


def test_a_note_too_long_for_the_lms_is_never_cut_silently(server: str, watched: Watched) -> None:
    page = watched.page
    course = launch(page, server, {"cmi.core.student_id": "learner-7"})
    open_in(course, server, FACTS.final.page)
    sit_final(course, "knowing")
    open_in(course, server, "certificate.md")
    notice = course.locator("[data-course-note-cut]")
    assert notice.is_hidden()
    fields = course.locator("textarea[data-field]")
    whole = [("\u7b14\u8bb0" * 400)[: int(fields.nth(i).get_attribute("maxlength"))] for i in range(fields.count())]
    for index, text in enumerate(whole):
        fields.nth(index).fill(text)
    notice.wait_for()
    assert "Your whole note stays in this browser" in notice.inner_text()
    saved = leave(page)
    kept = json.loads(saved["cmi.suspend_data"])["r"]
    assert sum(map(len, kept)) < sum(map(len, whole)), "the LMS could keep only part of the note"
    course = launch(page, server, {**saved, "cmi.core.student_id": "learner-7"})
    open_in(course, server, "certificate.md")
    fields = course.locator("textarea[data-field]")
    assert [fields.nth(i).input_value() for i in range(fields.count())] == whole
    course.locator("[data-course-note-cut]").wait_for()


def test_the_launch_page_loads_nothing_from_another_host(unzipped: Path) -> None:
    page = (unzipped / "course" / LAUNCH_PAGE).read_text()
    assert "//" not in page
    data = json.loads(page.split('<script id="scorm-course" type="application/json">')[1].split("</script>")[0])
    key = data["manifest"]["quizzes"][FACTS.final.page]["key"]
    assert list(key["answers"]) == [question.id for question in FACTS.final.questions]


def test_the_launch_page_reads_the_state_with_the_course_s_own_module(unzipped: Path) -> None:
    """One learner-state contract: the launch page's bundle carries the course pages' own state module, before the
    launcher's own code."""
    course = unzipped / "course"
    [launch] = re.findall(r'<script src="(assets/bundles/scorm-launch\.[0-9a-f]+\.js)"', (course / LAUNCH_PAGE).read_text())
    [pages] = re.findall(r'<script src="(assets/bundles/course\.[0-9a-f]+\.js)"', (course / "index.html").read_text())
    state = rjsmin.jsmin((ROOT / "build_tools/theme/assets/course/state.js").read_text(), keep_bang_comments=True).strip()
    launcher = rjsmin.jsmin((ROOT / "build_tools/outputs/scorm_launch/scorm.js").read_text(), keep_bang_comments=True)
    launch_text = (course / launch).read_text()
    assert state in (course / pages).read_text() and state in launch_text
    assert launch_text.index(state) < launch_text.index(launcher.strip()[:200])
