"""The course summary PDF: matches the pages, is accessible, is reproducible, and every page links to it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from pypdf import PdfReader

from build_tools.course import load_course
from build_tools.errors import AuthoringError, Problem
from build_tools.pages import read_module, read_page
from build_tools.summary_job import SummaryJob
from conftest import ROOT, Served, build_course, copy_course
from test_site import MODULES

PDF_NAME = "breast-cancer-recurrence-course-summary.pdf"


def words(text: str) -> str:
    """Text as a plain run of words, so line breaks and Markdown marks do not matter."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


@pytest.fixture(scope="module")
def pdf(course_site: Served) -> PdfReader:
    return PdfReader(course_site.site_dir / PDF_NAME)


@pytest.fixture(scope="module")
def pdf_text(pdf: PdfReader) -> str:
    return words(" ".join(page.extract_text() for page in pdf.pages))


@pytest.mark.parametrize("src_path", MODULES)
def test_pdf_holds_every_key_point_and_red_flag(pdf_text: str, src_path: str) -> None:
    course = load_course(yaml.safe_load((ROOT / "mkdocs.yml").read_text())["extra"])
    problems: list[Problem] = []
    module = read_module(read_page(ROOT / "docs", src_path, course, problems), ROOT / "docs", problems)
    assert module.key_points
    for point in module.key_points:
        assert words(point) in pdf_text
    for flags in module.red_flags:
        for item in flags.items:
            assert words(item) in pdf_text


def test_pdf_holds_course_facts(pdf_text: str) -> None:
    for expected in ("Breast Cancer Recurrence", "Last reviewed 1 November 2026", "Next review due 1 November 2027",
                     "To recognise the symptoms of breast cancer recurrence", "make appropriate referral decisions",
                     "not patients", "Breast Cancer Recurrence course team", "About 1 hour", "https://breast.predict.nhs.uk/"):
        assert expected in pdf_text


def test_pdf_is_tagged_with_metadata_and_bookmarks(pdf: PdfReader) -> None:
    root = pdf.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] is True or root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert pdf.metadata.title == "Breast Cancer Recurrence: course summary"
    assert pdf.metadata.author == "Breast Cancer Recurrence course team"
    bookmarks = [item.title for item in pdf.outline if not isinstance(item, list)]
    titles = ["Learning objectives", "Risk of recurrence", "Bone metastases", "Lung metastases", "Liver metastases",
              "Brain metastases", "Referral and management", "Resources", "About this summary"]
    assert bookmarks == titles
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


def test_two_builds_give_byte_identical_pdfs(tmp_path: Path) -> None:
    pdfs = []
    for name in ("first", "second"):
        config_file = copy_course(ROOT, tmp_path / name)  # each copy has its own, empty, PDF cache
        build_course(config_file, tmp_path / name / "site")
        pdfs.append((tmp_path / name / "site" / PDF_NAME).read_bytes())
    assert pdfs[0] == pdfs[1]


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


def test_unchanged_inputs_reuse_the_last_pdf(tmp_path: Path) -> None:
    summary = {"title": "T", "language": "en", "aim": "<p>Aim</p>", "objectives": ["One"], "audience": "<p>A</p>",
               "source": "<p>S</p>", "cpd_hours": "1 hour", "last_reviewed": "1 January 2026",
               "next_review": "1 January 2027", "authors": ["Author"], "modules": [], "resources": [], "site_url": None}
    first = SummaryJob()
    first.submit(summary, tmp_path)
    assert first.process is not None
    made = first.result()
    second = SummaryJob()
    second.submit(summary, tmp_path)
    assert second.process is None and second.result() == made
    third = SummaryJob()
    third.submit({**summary, "title": "Changed"}, tmp_path)
    assert third.process is not None
    third.cancel()


def test_a_failed_pdf_is_a_clear_error(tmp_path: Path) -> None:
    job = SummaryJob()
    job.submit({"title": "only a title"}, tmp_path)
    with pytest.raises(AuthoringError) as caught:
        job.result()
    message = str(caught.value)
    assert message.startswith("course summary PDF: could not be made:")
    assert "Traceback" not in message
    assert list(tmp_path.iterdir()) == []


def test_a_second_course_gets_its_own_summary(fixture_site: Served) -> None:
    reader = PdfReader(fixture_site.site_dir / "fixture-course-on-testing-course-summary.pdf")
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "Fixture Course on Testing" in text and "Tests build real sites." in text
    assert "Breast" not in text
