"""The course summary PDF: matches the pages, is accessible, is reproducible, and every page links to it."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from pypdf import PdfReader

from build_tools.dates import long_date
from build_tools.errors import AuthoringError
from build_tools.folders import MARKER, make_own
from build_tools.summary_job import KEEP, SummaryJob, cache_key, prune
from conftest import ROOT, Served, build_course, copy_course
from course_facts import course_facts

pytestmark = pytest.mark.build
FACTS = course_facts()
PDF_NAME = f"{FACTS.course.slug}-course-summary.pdf"


def words(text: str) -> str:
    """Text as a plain run of words, so line breaks and Markdown marks do not matter."""
    return " ".join(re.sub(r"[*_`]", "", text).split())


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
    for expected in (course.title, f"Last reviewed {long_date(course.last_reviewed)}",
                     f"Next review due {long_date(course.next_review)}", course.summary_kicker.upper(), course.authors[0],
                     "To recognise the symptoms of breast cancer recurrence", "not patients", "About 1 hour",
                     "https://breast.predict.nhs.uk/"):
        assert words(expected) in pdf_text, expected


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


SUMMARY = {"title": "T", "language": "en", "aim": "<p>Aim</p>", "objectives": ["One"], "audience": "<p>A</p>",
           "source": "<p>S</p>", "cpd_hours": "1 hour", "last_reviewed": "1 January 2026",
           "next_review": "1 January 2027", "authors": ["Author"], "modules": [], "resources": [],
           "kicker": "Course summary", "colour": "#303fa1"}


def job(summary: dict, cache: Path, timeout: float = 120) -> SummaryJob:
    made = SummaryJob(cache, timeout)
    made.submit(summary)
    return made


def contents(folder: Path) -> list[Path]:
    """What a cache folder holds besides the marker saying the build made it."""
    return [path for path in folder.iterdir() if path.name != MARKER]


def test_unchanged_inputs_reuse_the_last_pdf_without_a_worker(tmp_path: Path) -> None:
    assert SummaryJob.cold(tmp_path)
    first = job(SUMMARY, tmp_path)
    assert first.process is not None
    made = first.result()
    assert not SummaryJob.cold(tmp_path)
    second = job(SUMMARY, tmp_path)
    assert second.process is None and second.cached and second.result() == made, "a cache hit starts no worker"
    third = job({**SUMMARY, "title": "Changed"}, tmp_path)
    assert third.process is not None
    third.cancel()
    assert sorted(p.suffix for p in contents(tmp_path)) == [".pdf"], "a cancelled render leaves nothing behind"


def test_a_worker_started_early_is_stopped_when_the_pdf_is_cached(tmp_path: Path) -> None:
    made = job(SUMMARY, tmp_path).result()
    early = SummaryJob(tmp_path, 120)
    early.start_worker()
    worker = early.process
    early.submit(SUMMARY)
    assert early.process is None and worker.returncode is not None and early.result() == made


def test_the_cache_key_is_what_changes_the_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    import build_tools.summary_job as job

    key = cache_key(SUMMARY)
    assert cache_key(dict(SUMMARY)) == key
    assert cache_key({**SUMMARY, "colour": "#000000"}) != key
    monkeypatch.setattr(job, "library_versions", lambda: b"weasyprint==99")
    assert cache_key(SUMMARY) != key, "a new PDF library version renders again"
    assert "site_url" not in SUMMARY and "site_url" not in FACTS.course.__dict__


def test_the_cache_keeps_only_the_latest_pdfs(tmp_path: Path) -> None:
    import os

    cache, other = tmp_path / "cache", tmp_path / "not-made-by-the-build"
    make_own(cache)
    other.mkdir()
    for folder in (cache, other):
        for number in range(KEEP + 3):
            pdf = folder / f"{number}.pdf"
            pdf.write_bytes(b"%PDF")
            os.utime(pdf, (number, number))
        (folder / "left-by-ctrl-c.1234.tmp").write_bytes(b"half")
        prune(folder)
    assert sorted(p.name for p in contents(cache)) == [f"{n}.pdf" for n in range(3, KEEP + 3)]
    assert len(contents(other)) == KEEP + 4, "a folder the build did not make is never cleared"


def test_a_failed_renderer_is_reported_as_the_machine_s_problem(tmp_path: Path) -> None:
    failing = job({"title": "only a title"}, tmp_path)
    with pytest.raises(AuthoringError) as caught:
        failing.result()
    message = str(caught.value)
    assert message.startswith("course summary PDF: could not be made: the PDF renderer stopped with an error")
    assert "not with the course's pages" in message and "Traceback" not in message
    assert contents(tmp_path) == []


def test_a_hung_renderer_is_stopped_at_the_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess
    import sys

    real_popen = subprocess.Popen

    def hanging(args: list[str], **kwargs: object) -> subprocess.Popen:
        return real_popen([sys.executable, "-c", "import time; time.sleep(60)"], **kwargs)

    monkeypatch.setattr(subprocess, "Popen", hanging)
    hung = job(SUMMARY, tmp_path, timeout=0.5)
    with pytest.raises(AuthoringError) as caught:
        hung.result()
    assert "did not finish within 0.5 seconds" in str(caught.value)
    assert hung.process is None and contents(tmp_path) == []


def test_a_second_course_gets_its_own_summary(fixture_site: Served) -> None:
    reader = PdfReader(fixture_site.site_dir / "fixture-course-on-testing-course-summary.pdf")
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "Fixture Course on Testing" in text and "Tests build real sites." in text
    assert "Breast" not in text
