"""This course's summary PDF: matches the pages, is accessible, and every page links to it."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
from pypdf import PdfReader

from conftest import Served, words
from course_facts import course_facts, plain_course

FACTS = course_facts()
PDF_NAME = f"{FACTS.course.slug}-course-summary.pdf"


@pytest.fixture(scope="module")
def pdf(course_site: Served) -> PdfReader:
    return PdfReader(course_site.site_dir / PDF_NAME)


@pytest.fixture(scope="module")
def pdf_text(pdf: PdfReader) -> str:
    return words(" ".join(page.extract_text() for page in pdf.pages))


@pytest.mark.parametrize("module", FACTS.modules, ids=lambda module: module.src_path)
def test_pdf_holds_every_key_point_and_box_under_its_heading(pdf_text: str, module: object) -> None:
    assert module.key_points
    for point in module.key_points:
        assert words(point) in pdf_text
    for box in module.callouts:
        assert words(box.title) in pdf_text
        for item in box.items:
            assert words(item) in pdf_text


def test_pdf_calls_only_haemoptysis_a_red_flag(pdf_text: str) -> None:
    assert pdf_text.count("Red flag") == sum(box.kind == "danger" for m in FACTS.modules for box in m.callouts)
    assert "Red flags" not in pdf_text


def test_pdf_holds_course_facts(pdf_text: str) -> None:
    course = FACTS.course
    last, due = course.last_reviewed, course.next_review  # written out as `1 November 2027`
    for expected in (course.title, f"Last reviewed {last.day} {last:%B %Y}", f"Next review due {due.day} {due:%B %Y}",
                     course.summary_kicker.upper(), course.authors[0],
                     "To recognise the symptoms of breast cancer recurrence", "not patients", "About 1 hour",
                     "https://breast.predict.nhs.uk/"):
        assert words(expected) in pdf_text, expected


def test_pdf_is_tagged_with_metadata_and_bookmarks(pdf: PdfReader) -> None:
    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    course = plain_course()
    assert pdf.metadata.title == f"{course.title}: course summary"
    assert pdf.metadata.author == course.authors[0]
    bookmarks = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert bookmarks == ["Learning objectives", *(module.title for module in course.modules), "Resources",
                         "About this summary"]
    assert pdf.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # A4
    assert pdf.pages[0].mediabox.height == pytest.approx(841.89, abs=0.5)


def test_pdf_links_are_clickable(pdf: PdfReader) -> None:
    uris = {
        annotation.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    }
    assert {"https://breast.predict.nhs.uk/", "https://www.macmillan.org.uk/", "https://www.pocketmedic.org/"} <= uris


def test_download_link_on_every_page_resolves_and_gives_the_real_size(course_site: Served) -> None:
    size_kb = round((course_site.site_dir / PDF_NAME).stat().st_size / 1024)
    pages = sorted(course_site.site_dir.rglob("index.html"))
    assert len(pages) > 10
    for html_file in pages:
        html = html_file.read_text()
        links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>Download the course summary \(PDF, (\d+) KB\)</a>', html)
        page_url = urljoin(course_site.base_url, str(html_file.parent.relative_to(course_site.site_dir)) + "/")
        expected = 2 if html_file.parent.name in (course_site.site_dir.name, "course-summary") else 1
        assert len(links) == expected, html_file
        for href, shown in links:
            target = urlparse(urljoin(page_url, href)).path.lstrip("/")
            assert (course_site.site_dir / target).is_file(), (html_file, href)
            assert int(shown) == size_kb
