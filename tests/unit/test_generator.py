"""The generator serves any course: it names none, and a course's own folder holds only its own changes."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from build_tools.outputs.brand_colour import FALLBACK, brand_colour, primary_dark
from build_tools.model.settings import CourseConfig
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


def test_the_pdf_colour_can_be_set_as_a_course_plugin_setting() -> None:
    settings = CourseConfig()
    settings.load_dict({"brand_colour": "#1D4F91"})
    assert settings.validate() == ([], []) and settings.brand_colour == "#1d4f91"
    wrong = CourseConfig()
    wrong.load_dict({"brand_colour": "navy"})
    failed, _ = wrong.validate()
    assert "'navy' is not a colour: write it as '#' and six hexadecimal digits" in str(failed[0][1])
    site = SimpleNamespace(theme={"palette": [{"primary": "teal"}]})
    assert brand_colour(site, settings.brand_colour) == "#1d4f91"
    assert brand_colour(site, None) == primary_dark({"primary": "teal"})


def test_a_changed_material_partial_stops_the_build_with_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError

    from build_tools.browser import material_fences

    material_fences.check_copied_partials()  # the installed Material's originals are the ones copied
    monkeypatch.setitem(material_fences.COPIED_PARTIALS, "partials/search.html", "0" * 64)
    with pytest.raises(PluginError, match="has changed partials/search.html.*copy Material's new file"):
        material_fences.check_copied_partials()
