"""Browser assets: each kind of page loads one minified script bundle and one stylesheet bundle, named by content."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from build_tools.bundle import COURSE_PAGE, KINDS, OFFLINE_SHELL, SCORM_LAUNCH, THEME, Kind, make_bundle, package_source
from build_tools.outputs import offline, scorm
from conftest import Served

SCRIPT = re.compile(r'<script src="([^"]+)"')
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')


def bundle_name(kind: Kind, suffix: str) -> re.Pattern[str]:
    return re.compile(rf"(?:\.\./|/)*assets/bundles/{re.escape(kind.name)}\.[0-9a-f]{{12}}\.{suffix}")


def assert_one_bundle_each(html: str, kind: Kind, page: str) -> None:
    """The page's scripts and stylesheets hold exactly one of the kind's script and style bundles."""
    scripts = [src for src in SCRIPT.findall(html) if bundle_name(kind, "js").fullmatch(src)]
    styles = [href for href in STYLESHEET.findall(html) if bundle_name(kind, "css").fullmatch(href)]
    assert len(scripts) == 1 and len(styles) == 1, (page, SCRIPT.findall(html), STYLESHEET.findall(html))
    sources = {Path(path).name for path in (*kind.scripts, *kind.styles)}
    assert not [src for src in SCRIPT.findall(html) + STYLESHEET.findall(html) if Path(src).name in sources], page


@pytest.mark.build
def test_every_site_page_loads_one_script_and_one_style_bundle(fixture_site: Served) -> None:
    pages = sorted(fixture_site.site_dir.rglob("*.html"))
    assert pages
    for page in pages:
        assert_one_bundle_each(page.read_text(encoding="utf-8"), COURSE_PAGE, str(page))
    for source in (*COURSE_PAGE.scripts, *COURSE_PAGE.styles):  # only inside the bundle
        assert not (fixture_site.site_dir / source.removeprefix(THEME)).exists(), source
    [script] = (fixture_site.site_dir / "assets/bundles").glob("course.*.js")
    assert script.read_text(encoding="utf-8").startswith("window.CourseData = {"), "the course data comes first"


@pytest.mark.build
def test_launch_and_holder_pages_load_one_bundle_each(fixture_site: Served, tmp_path: Path) -> None:
    plugin = fixture_site.config.plugins["course"]
    site = Path(shutil.copytree(fixture_site.site_dir, tmp_path / "site"))
    launch = scorm.launch_page(site, plugin.course, plugin.manifest)
    assert_one_bundle_each(launch, SCORM_LAUNCH, scorm.LAUNCH_PAGE)
    offline.package(site, tmp_path / "dist", plugin.course, plugin.manifest)
    holder = (site / offline.SHELL_PAGE).read_text(encoding="utf-8")
    assert_one_bundle_each(holder, OFFLINE_SHELL, offline.SHELL_PAGE)
    for html in (launch, holder):
        assert "<style" not in html, "the page's style is in its bundle"
        for path in SCRIPT.findall(html) + STYLESHEET.findall(html):
            assert (site / path).is_file(), path


@pytest.mark.unit
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


@pytest.mark.unit
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


@pytest.mark.unit
def test_every_script_and_style_beside_a_bundled_one_is_in_a_bundle() -> None:
    """A file added to the browser code but not to a bundle's list would never run: the lists must name it."""
    listed = {path for kind in KINDS for path in (*kind.scripts, *kind.styles)}
    package = Path(__file__).resolve().parents[2] / "build_tools"
    folders = {(package / path).parent for path in listed}
    present = {path.relative_to(package).as_posix() for folder in folders for path in folder.iterdir()
               if path.suffix in {".js", ".css"}}
    assert present - listed == set()
