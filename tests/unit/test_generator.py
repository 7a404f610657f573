"""The generator serves any course: it names none, and a course's own folder holds only its own changes."""

from __future__ import annotations

import re


from build_tools.palette import FALLBACK, primary_dark
from conftest import ROOT

COURSE_WORDS = re.compile(r"breast|podcast|primary.care|\bGMC\b|RCGP|en-GB|#1a237e|haemoptysis|metastas", re.IGNORECASE)


def test_the_generator_names_no_course_audience_locale_or_colour() -> None:
    found = []
    for path in sorted((ROOT / "build_tools").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".html", ".js", ".css", ".md", ".yml", ".json"}:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if COURSE_WORDS.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_this_course_keeps_no_generator_code_in_overrides() -> None:
    kept = [p.relative_to(ROOT).as_posix() for p in (ROOT / "overrides").rglob("*") if p.is_file()]
    assert all(not name.endswith((".html", ".js", ".css")) for name in kept), kept


def test_the_pdf_colour_comes_from_the_palette() -> None:
    assert primary_dark([{"primary": "indigo"}]) != primary_dark([{"primary": "teal"}])
    assert re.fullmatch(r"#[0-9a-f]{6}", primary_dark({"primary": "teal"}))
    assert primary_dark([{"primary": "not-a-material-colour"}]) == FALLBACK
