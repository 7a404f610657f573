"""Browser bundles as plain functions: names by content, minified, in the listed order, and every file listed."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from build_tools.browser.bundle import COURSE_PAGE, KINDS, Kind, make_bundle, package_source


def test_bundle_names_carry_a_hash_of_their_content(tmp_path: Path) -> None:
    first, again = (make_bundle(COURSE_PAGE, prelude="window.CourseData = 1;\n") for _ in range(2))
    assert (first.script, first.style) == (again.script, again.style)
    for path, text in ((first.script, first.script_text), (first.style, first.style_text)):
        assert hashlib.sha256(text.encode()).hexdigest()[:12] in path
    assert make_bundle(COURSE_PAGE, prelude="window.CourseData = 2;\n").script != first.script
    # A course's custom_dir overrides a source file by file: its content, and so the names, change.
    override = tmp_path / "assets/course"
    override.mkdir(parents=True)
    (override / "course.css").write_text(package_source(COURSE_PAGE.styles[0]) + "\n.added { color: red; }\n")
    (override / "marking.js").write_text(package_source(COURSE_PAGE.scripts[0]) + "\nvar added = 1;\n")
    changed = make_bundle(COURSE_PAGE, (str(tmp_path),), prelude="window.CourseData = 1;\n")
    assert changed.style != first.style and ".added{color:red}" in changed.style_text
    assert changed.script != first.script and "var added=1" in changed.script_text


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.name)
def test_bundles_are_minified_and_keep_the_listed_order(kind: Kind) -> None:
    bundle = make_bundle(kind)
    scripts = [package_source(path) for path in kind.scripts]
    styles = [package_source(path) for path in kind.styles]
    assert len(bundle.script_text) < 0.8 * sum(map(len, scripts))
    assert len(bundle.style_text) < 0.9 * sum(map(len, styles))
    assert "\n  " not in bundle.script_text and "/* " not in bundle.style_text
    # Each source file is an IIFE: the bundle holds them one after another, in the listed order.
    assert bundle.script_text.count("(function(){") >= len(scripts)
    starts = [bundle.script_text.index(first_name(source)) for source in scripts]
    assert starts == sorted(starts), kind.scripts


def first_name(source: str) -> str:
    """The first function name a source declares: a marker of where its code sits in the bundle."""
    return "function " + re.search(r"\bfunction (\w+)\(", source).group(1) + "("


def test_every_script_and_style_beside_a_bundled_one_is_in_a_bundle() -> None:
    """A file added to the browser code but not to a bundle's list would never run: the lists must name it."""
    listed = {path for kind in KINDS for path in (*kind.scripts, *kind.styles)}
    package = Path(__file__).resolve().parents[2] / "build_tools"
    folders = {(package / path).parent for path in listed}
    present = {path.relative_to(package).as_posix() for folder in folders for path in folder.iterdir()
               if path.suffix in {".js", ".css"}}
    assert present - listed == set()
