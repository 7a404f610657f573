"""This course builds for real, carries everything a module needs, lists its modules everywhere, refuses stale content."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import Served, build_course, copy_course, course_data, failed_build_log
from course_changes import add_module
from course_facts import COURSE, course_facts

FACTS = course_facts()
MODULE_SOURCES = [module.src_path for module in FACTS.modules]


def html_of(site: Served, src_path: str) -> str:
    return (site.site_dir / FACTS.url(src_path) / "index.html").read_text()


def test_course_builds_without_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    build_course(COURSE / "mkdocs.yml", tmp_path / "site")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert (tmp_path / "site" / "index.html").is_file()


def test_navigation_holds_every_module_in_course_order(course_site: Served) -> None:
    html = (course_site.site_dir / "index.html").read_text()
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    positions = [nav.index(f'href="{FACTS.url(src)}"') for src in MODULE_SOURCES]
    assert positions == sorted(positions)


@pytest.mark.parametrize("src_path", MODULE_SOURCES)
def test_every_module_page_shows_its_objectives_and_minutes(course_site: Served, src_path: str) -> None:
    module = next(m for m in FACTS.modules if m.src_path == src_path)
    html = html_of(course_site, src_path)
    intro = html[html.index('class="admonition abstract course-module-intro"'):]
    intro = intro[: intro.index("</div>")]
    assert f"About {module.minutes} minutes" in intro
    assert html.index("course-module-intro") < html.index("</h1>") + 200, "the objectives come right under the title"
    for objective in module.objectives:
        assert re.sub(r"<[^>]+>", "", objective.replace("**", "")) in re.sub(r"<[^>]+>", "", intro)
    assert module.title and module.description and module.key_points


def test_home_page_lists_every_module_with_the_total_time(course_site: Served) -> None:
    html = (course_site.site_dir / "index.html").read_text()
    table = html[html.index('class="course-modules"'):]
    table = table[: table.index("</table>")]
    assert f"about {sum(m.minutes for m in FACTS.modules)} minutes in all" in table
    rows = re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>', table)
    assert rows == [(FACTS.url(m.src_path), m.title) for m in FACTS.modules]
    for module in FACTS.modules:
        assert f"{module.minutes} min" in table


def table_of_contents(html: str) -> list[tuple[str, str]]:
    """The page's table of contents (the right-hand sidebar): each entry's link and words."""
    toc = html[html.index('data-md-type="toc"'):]
    toc = toc[: toc.index("</nav>")]
    entries = re.findall(r'<a href="(#[^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">(.*?)</span>', toc, re.S)
    return [(href, " ".join(words.split())) for href, words in entries]


def test_the_summary_page_contents_list_every_module_in_course_order(course_site: Served) -> None:
    html = (course_site.site_dir / "course-summary/index.html").read_text()
    contents = table_of_contents(html)
    assert [words for _, words in contents] == [module.title for module in FACTS.modules]
    for href, _ in contents:
        assert f'id="{href[1:]}"' in html


def test_red_flag_boxes_hold_only_what_the_source_calls_a_red_flag() -> None:
    """The course's source names one red flag, haemoptysis; every other warning sign goes in a differently named box.

    The source is not in the repository: what is checked here is the course's own pages and quiz files."""
    red_flags = [(module.src_path, box) for module in FACTS.modules for box in module.callouts if box.kind == "danger"]
    assert red_flags, "the lung module shows haemoptysis as a red flag"
    for src_path, box in red_flags:
        assert box.title == "Red flag", src_path
        assert len(box.items) == 1 and "haemoptysis" in box.items[0].lower(), (src_path, box.items)
    for page in (COURSE / "docs").rglob("*.md"):
        text = " ".join(page.read_text().split())
        assert "!!! danger" not in text.replace('!!! danger "Red flag"', ""), page
        for sentence in re.split(r"(?<=[.?!:])\s", text):
            if re.search(r"red flag", sentence, re.IGNORECASE) and "one symptom" not in sentence:
                assert "haemoptysis" in sentence.lower() or "only" in sentence.lower(), (page, sentence)


def test_every_page_footer_shows_review_dates(course_site: Served) -> None:
    for src_path in FACTS.nav_pages:
        footer = html_of(course_site, src_path)
        footer = footer[footer.index('class="course-review"'):]
        assert re.search(r'Last reviewed: <time datetime="\d{4}-\d\d-\d\d">\d+ \w+ \d{4}</time>', footer)
        assert re.search(r'Next review due: <time datetime="\d{4}-\d\d-\d\d">', footer)
        assert FACTS.course.authors[0] in footer


def test_missing_key_points_names_the_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = failed_build_log(tmp_path, caplog, MODULE_SOURCES[0].join(["docs/", ""]), ("## Key points", "## Points to remember"))
    assert f"docs/{MODULE_SOURCES[0]}: has no '## Key points' section" in log
    assert not (tmp_path / "site" / "index.html").exists()


def test_bad_course_metadata_is_reported_together(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    message = failed_build_log(tmp_path, caplog, "mkdocs.yml", ("    cpd_hours: 1\n", "    cpd_hours: one\n"),
                               ("    next_review: 2027-11-01", "    next_review: soon"))
    assert "2 problems" in message
    assert "'extra.course.cpd_hours' must be a positive number" in message
    assert "'extra.course.next_review' is 'soon', which is not a date: write a real date as YYYY-MM-DD" in message


def test_banners_show_what_mkdocs_yml_lists(course_site: Served) -> None:
    html = (course_site.site_dir / "index.html").read_text()
    assert html.count("data-promo-id=") == len(FACTS.banners)


def test_no_page_asks_for_google_fonts_or_a_cdn(course_site: Served) -> None:
    for html_file in course_site.site_dir.rglob("*.html"):
        html = html_file.read_text()
        loaded = re.findall(r'<(?:link|script|img|iframe|source)[^>]+(?:href|src)="(https?://[^"]+)"', html)
        external = [url for url in loaded if not url.startswith(course_site.base_url)]
        assert external == [], (html_file, external)


def test_unknown_widget_names_its_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = failed_build_log(tmp_path, caplog, "docs/progress.md", ("<!-- course: progress -->", "<!-- course: progres -->"))
    assert re.search(r"docs/progress\.md:\d+: '<!-- course: progres -->' is not a widget; the widgets are:", log)


def test_every_page_loads_the_course_data_as_one_cached_file(course_site: Served) -> None:
    pages = list(course_site.site_dir.rglob("*.html"))
    names = {name for p in pages for name in re.findall(r"assets/bundles/course\.[0-9a-f]+\.js", p.read_text())}
    assert len(names) == 1
    [name] = names
    assert all(name in p.read_text() for p in pages)
    assert not any('id="course-data"' in p.read_text() for p in course_site.site_dir.rglob("*.html"))


def test_learner_data_for_the_browser_is_in_every_page(course_site: Served) -> None:
    html = html_of(course_site, MODULE_SOURCES[-1])
    manifest = course_data(html, course_site.site_dir)
    assert manifest["storagePrefix"] == f"course:{FACTS.course.slug}:"
    assert [m["url"] for m in manifest["modules"]] == [FACTS.url(src) for src in MODULE_SOURCES]
    final = manifest["quizzes"][FACTS.final.page]
    assert final["final"] is True and final["passMark"] == FACTS.final.pass_mark
    assert final["total"] == FACTS.final.attempt_size
    assert [part["label"] for part in manifest["reflection"]] == list(FACTS.course.reflection_prompts)
    assert manifest["locale"] == FACTS.course.locale == "en-GB" and manifest["nameMaxLength"] == 80


def test_browser_tab_titles_are_not_doubled(course_site: Served) -> None:
    home = (course_site.site_dir / "index.html").read_text()
    assert re.search(r"<title>\s*" + re.escape(FACTS.course.title) + r"\s*</title>", home)
    module = html_of(course_site, MODULE_SOURCES[0])
    assert f"<title>{FACTS.modules[0].title} - {FACTS.course.title}</title>" in module


def test_an_added_module_appears_on_every_page_that_lists_the_course(tmp_path: Path) -> None:
    """The README's author steps: a page in docs/modules/, a line in nav, a quiz file. No other edit."""
    config_file = copy_course(COURSE, tmp_path)
    add_module(tmp_path, after=MODULE_SOURCES[-1], slug="another-module", title="Another module")
    site = tmp_path / "site"
    build_course(config_file, site)
    home = (site / "index.html").read_text()
    assert '<a href="modules/another-module/">Another module</a>' in home
    summary_page = (site / "course-summary/index.html").read_text()
    assert "A freshly added key point that every list of the course must carry." in summary_page
    assert "A new symptom, as the source words it." in summary_page
    progress = (site / "progress/index.html").read_text()
    assert 'data-course-module="modules/another-module/"' in progress
    pdf = next(site.glob("*.pdf"))
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    assert "A freshly added key point" in " ".join(text.split())
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)


def test_a_module_left_out_of_nav_is_an_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = failed_build_log(tmp_path, caplog, "mkdocs.yml", (f"      - {MODULE_SOURCES[-1]}\n", ""))
    assert f"docs/{MODULE_SOURCES[-1]}: this module is not in the 'nav' of mkdocs.yml" in log
