"""Browser assets: each kind of page loads one minified script bundle and one stylesheet bundle, named by content."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from build_tools.browser.bundle import COURSE_PAGE, OFFLINE_SHELL, SCORM_LAUNCH, THEME, Kind
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


def test_every_site_page_loads_one_script_and_one_style_bundle(fixture_site: Served) -> None:
    pages = sorted(fixture_site.site_dir.rglob("*.html"))
    assert pages
    for page in pages:
        assert_one_bundle_each(page.read_text(encoding="utf-8"), COURSE_PAGE, str(page))
    for source in (*COURSE_PAGE.scripts, *COURSE_PAGE.styles):  # only inside the bundle
        assert not (fixture_site.site_dir / source.removeprefix(THEME)).exists(), source
    [script] = (fixture_site.site_dir / "assets/bundles").glob("course.*.js")
    assert script.read_text(encoding="utf-8").startswith("window.CourseData = {"), "the course data comes first"


def test_launch_and_holder_pages_load_one_bundle_each(fixture_site: Served, tmp_path: Path) -> None:
    plugin = fixture_site.config.plugins["course"]
    site = Path(shutil.copytree(fixture_site.site_dir, tmp_path / "site"))
    launch = scorm.launch_page(site, plugin.model)
    assert_one_bundle_each(launch, SCORM_LAUNCH, scorm.LAUNCH_PAGE)
    offline.package(site, tmp_path / "dist", plugin.model)
    holder = (site / offline.SHELL_PAGE).read_text(encoding="utf-8")
    assert_one_bundle_each(holder, OFFLINE_SHELL, offline.SHELL_PAGE)
    for html in (launch, holder):
        assert "<style" not in html, "the page's style is in its bundle"
        for path in SCRIPT.findall(html) + STYLESHEET.findall(html):
            assert (site / path).is_file(), path
