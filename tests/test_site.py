"""The course builds for real, carries everything a module needs, and refuses stale content."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import yaml

from build_tools.course import load_course
from build_tools.errors import Problem
from build_tools.pages import read_module, read_page
from conftest import ROOT, Served, build_course, failed_build_log

MODULES = [
    "modules/risk-of-recurrence.md",
    "modules/bone-metastases.md",
    "modules/lung-metastases.md",
    "modules/liver-metastases.md",
    "modules/brain-metastases.md",
    "modules/referral-and-management.md",
]
COURSE_CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text())


def test_course_builds_without_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    build_course(ROOT / "mkdocs.yml", tmp_path / "site")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert (tmp_path / "site" / "index.html").is_file()


def test_navigation_holds_every_module_in_course_order(course_site: Served) -> None:
    html = (course_site.site_dir / "index.html").read_text()
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    positions = [nav.index(f'href="{m.removesuffix(".md")}/"') for m in MODULES]
    assert positions == sorted(positions)
    for title in ("Course summary", "Resources", "About this course", "Accessibility statement"):
        assert title in nav


@pytest.mark.parametrize("src_path", MODULES)
def test_every_module_has_objectives_red_flags_key_points(src_path: str) -> None:
    course = load_course(COURSE_CONFIG["extra"])
    problems: list[Problem] = []
    page = read_page(ROOT / "docs", src_path, course, problems)
    module = read_module(page, ROOT / "docs", problems)
    assert problems == []
    assert module.title and module.description and module.minutes > 0
    assert len(module.objectives) >= 2
    assert module.red_flags and all(flags.items for flags in module.red_flags)
    assert len(module.key_points) >= 3


def test_module_minutes_add_up_to_about_an_hour() -> None:
    course = load_course(COURSE_CONFIG["extra"])
    problems: list[Problem] = []
    minutes = sum(
        read_module(read_page(ROOT / "docs", m, course, problems), ROOT / "docs", problems).minutes for m in MODULES
    )
    assert 45 <= minutes <= 60 * course.cpd_hours


@pytest.mark.parametrize("src_path", MODULES + ["index.md", "about.md"])
def test_every_page_footer_shows_review_dates(course_site: Served, src_path: str) -> None:
    html = (course_site.site_dir / src_path.replace(".md", "/index.html").replace("index/index", "index")).read_text()
    footer = html[html.index('class="course-review"'):]
    assert re.search(r'Last reviewed: <time datetime="\d{4}-\d\d-\d\d">\d+ \w+ \d{4}</time>', footer)
    assert re.search(r'Next review due: <time datetime="\d{4}-\d\d-\d\d">', footer)
    assert "Breast Cancer Recurrence course team" in footer


def test_page_front_matter_overrides_course_review_dates(fixture_site: Served) -> None:
    module = (fixture_site.site_dir / "modules/only-module/index.html").read_text()
    home = (fixture_site.site_dir / "index.html").read_text()
    assert '<time datetime="2098-06-30">30 June 2098</time>' in module
    assert '<time datetime="2099-01-01">1 January 2099</time>' in home


def test_expired_review_date_fails_a_strict_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    failed_build_log(tmp_path, caplog, "docs/modules/bone-metastases.md",
                     ("minutes: 8\n", "minutes: 8\nnext_review: 2020-03-01\n"))
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(
        "docs/modules/bone-metastases.md: its review was due on 1 March 2020" in w and "next_review" in w
        for w in warnings
    ), warnings


def test_missing_key_points_names_the_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = failed_build_log(tmp_path, caplog, "docs/modules/liver-metastases.md", ("## Key points", "## Points to remember"))
    assert "docs/modules/liver-metastases.md: has no '## Key points' section" in log
    assert not (tmp_path / "site" / "index.html").exists()


def test_bad_course_metadata_is_reported_together(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    message = failed_build_log(tmp_path, caplog, "mkdocs.yml", ("    cpd_hours: 1\n", "    cpd_hours: one\n"),
                               ("    next_review: 2027-11-01", "    next_review: soon"))
    assert "2 problems" in message
    assert "'extra.course.cpd_hours' must be a positive number" in message
    assert "'extra.course.next_review' must be a date written as YYYY-MM-DD" in message


def test_no_announcement_configured_means_no_event_banner(course_site: Served) -> None:
    html = (course_site.site_dir / "index.html").read_text()
    assert 'data-promo-id="gps-talk-cancer-podcast"' in html
    assert html.count("data-promo-id=") == 1


def test_banners_link_and_escape_author_text(fixture_site: Served) -> None:
    html = (fixture_site.site_dir / "index.html").read_text()
    assert '<a href="https://example.org/event">Fixture event &lt;b&gt;not bold&lt;/b&gt;</a>' in html
    assert '<a href="modules/only-module/#key-points">Fixture podcast</a>' in html


def test_no_page_asks_for_google_fonts_or_a_cdn(course_site: Served) -> None:
    for html_file in course_site.site_dir.rglob("*.html"):
        html = html_file.read_text()
        loaded = re.findall(r'<(?:link|script|img|iframe|source)[^>]+(?:href|src)="(https?://[^"]+)"', html)
        external = [url for url in loaded if not url.startswith(course_site.base_url)]
        assert external == [], (html_file, external)


def test_unknown_widget_names_its_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = failed_build_log(tmp_path, caplog, "docs/progress.md", ("<!-- course: progress -->", "<!-- course: progres -->"))
    assert "docs/progress.md:11: '<!-- course: progres -->' is not a widget; the widgets are:" in log


def test_learner_data_for_the_browser_is_in_every_page(course_site: Served) -> None:
    import json

    html = (course_site.site_dir / "modules/brain-metastases/index.html").read_text()
    manifest = json.loads(re.search(r'<script id="course-data" type="application/json">(.*?)</script>', html).group(1))
    assert manifest["storagePrefix"] == "course:breast-cancer-recurrence:"
    assert [m["url"] for m in manifest["modules"]] == [m.replace(".md", "/") for m in MODULES]
    final = manifest["quizzes"]["final-assessment.md"]
    assert final["final"] is True and final["passMark"] == 80 and final["total"] >= 15
    assert manifest["pages"] == {"summary-download": "./", "continue": "./", "assessment-result": "final-assessment/",
                                 "progress": "progress/", "certificate": "certificate/", "assessment": "final-assessment/"}
