"""The learner's journey in Firefox ESR, on the served site and on the offline copy opened from disk.

Node drives Firefox (tests/firefox/journey.mjs, puppeteer-core over WebDriver BiDi; `make test` installs it as
tests/firefox/package-lock.json pins it); this file owns what the journey must show, derived from the course's own
files. Firefox runs with the preference a learner's Firefox has (`security.fileuri.strict_origin_policy` on), so
the copy opened from disk is tested as a learner opens it.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from browser_helpers import right_values
from conftest import ROOT, Served, unpacked_offline_copy
from course_facts import course_facts

FACTS = course_facts()
FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")
JOURNEY = ROOT / "tests" / "firefox" / "journey.mjs"
MODULE = next(module for module in FACTS.modules if module.src_path in FACTS.quizzes)
SEARCH_WORD = "haemoptysis"
"""A word that one module teaches; the search must find that module."""
[SEARCH_MODULE] = [module.src_path for module in FACTS.modules
                   if SEARCH_WORD in (ROOT / "docs" / module.src_path).read_text(encoding="utf-8").lower()]
NAME = "Dr Ada Firefox"
NOTE = "Refer back to the original treating team, whatever the risk."


def page_url(base: str, src_path: str, offline: bool) -> str:
    """Where a page is: `base` + its site URL, or its `.html` file in the offline copy."""
    return base + (src_path.removesuffix(".md") + ".html" if offline else FACTS.url(src_path))


def run_journey(start_url: str, base: str, offline: bool) -> dict:
    """What Firefox saw on each step of the journey from start_url (see journey.mjs), as the script printed it."""
    journey = {
        "module": {"title": MODULE.title, "url": page_url(base, MODULE.src_path, offline)},
        "progressUrl": page_url(base, "progress.md", offline),
        "finalUrl": page_url(base, FACTS.final.page, offline),
        "certificateUrl": page_url(base, "certificate.md", offline),
        "right": {question.id: right_values(question.id) for question in FACTS.final.questions},
        "name": NAME,
        "note": NOTE,
        "searchWord": SEARCH_WORD,
    }
    result = subprocess.run(["node", str(JOURNEY), start_url, json.dumps(journey)], capture_output=True, text=True,
                            timeout=600, env={**os.environ, "FIREFOX": FIREFOX})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def without_query(url: str) -> str:
    return url.split("#")[0].split("?")[0]


def check_journey(seen: dict, base: str, offline: bool) -> None:
    """Every step as a learner needs it; one assertion, so that a failure shows every step that went wrong."""
    steps = seen["steps"]
    module_questions = len(FACTS.quizzes[MODULE.src_path].questions)
    modules = len(FACTS.modules)
    # An attempt shows the draw from the bank when the quiz file sets one, else every question.
    final_total = getattr(FACTS.final, "draw", None) or len(FACTS.final.questions)
    expected = {
        "as a learner's Firefox": {"security.fileuri.strict_origin_policy": True, "page has the focus": True},
        "no step failed": {},
        "module": {"heading": MODULE.title, "quizzes answered": module_questions, "feedback shown": module_questions,
                   "progress line": f"1 of {modules} modules completed, {module_questions} of "
                                    f"{FACTS.module_questions} questions answered"},
        "progress page": f"completed 1 of {modules} modules",
        "final": {"questions": final_total, "unknown": [], "outcome": "pass",
                  "result": f"Passed. You scored 100% ({final_total} of {final_total} correct)."},
        "certificate": {"shown": True, "locked": False, "name": NAME, "note": NOTE},
        "after reload": {"url": page_url(base, "certificate.md", offline), "shown": True, "locked": False,
                         "name": NAME, "note": NOTE, "name on certificate": True},
        "search finds the module": True,
        "page errors": [],
    }
    module, final = steps["module"], steps["final"]
    certificate = steps["certificate"].get("after", {})
    reloaded = steps["reload"]
    line = module.get("progressLine", "")
    result = final.get("result", "")
    actual = {
        "as a learner's Firefox": {**seen["prefs"], "page has the focus": steps["home"].get("focused")},
        "no step failed": {name: step["error"] for name, step in steps.items() if "error" in step},
        "module": {"heading": module.get("heading"), "quizzes answered": module.get("quizzes"),
                   "feedback shown": module.get("feedback"),
                   "progress line": expected["module"]["progress line"]
                   if expected["module"]["progress line"] in line else line},
        "progress page": expected["progress page"]
        if expected["progress page"] in steps["progress"].get("summary", "") else steps["progress"].get("summary"),
        "final": {"questions": final.get("questions"), "unknown": final.get("unknown"), "outcome": final.get("outcome"),
                  "result": expected["final"]["result"] if result.startswith(expected["final"]["result"]) else result},
        "certificate": {"shown": certificate.get("certificateShown"), "locked": certificate.get("lockedShown"),
                        "name": certificate.get("name"), "note": certificate.get("note")},
        "after reload": {"url": reloaded.get("url"), "shown": reloaded.get("certificateShown"),
                         "locked": reloaded.get("lockedShown"), "name": reloaded.get("name"),
                         "note": reloaded.get("note"), "name on certificate": NAME in (reloaded.get("certificate") or "")},
        "search finds the module": any(without_query(url) == page_url(base, SEARCH_MODULE, offline)
                                       for url in steps["search"].get("results", [])),
        "page errors": seen["errors"],
    }
    wrong = "\n".join(f"{what}: expected {expected[what]!r}, saw {actual[what]!r}"
                      for what in expected if actual[what] != expected[what])
    assert actual == expected, f"{wrong}\n\nEvery step Firefox {seen['firefox']} took:\n{json.dumps(steps, indent=1)}"


def test_the_learner_journey_in_firefox(course_site: Served) -> None:
    seen = run_journey(course_site.base_url, course_site.base_url, offline=False)
    check_journey(seen, course_site.base_url, offline=False)


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline zip, unpacked as a learner unpacks it onto a disk."""
    return unpacked_offline_copy(tmp_path_factory)


def test_the_learner_journey_in_firefox_from_disk(offline_copy: Path) -> None:
    """Progress, the attempt, the certificate and the note carry from page to page of the copy opened from disk,
    in Firefox as a learner has it (each file its own origin), with no page error."""
    base = offline_copy.as_uri() + "/"
    seen = run_journey((offline_copy / "index.html").as_uri(), base, offline=True)
    check_journey(seen, base, offline=True)
