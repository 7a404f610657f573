"""The summary PDF's worker and cache: reproducible bytes, a cache keyed on what changes them, failures located."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.model.errors import AuthoringError
from build_tools.model.folders import MARKER, make_own
from build_tools.outputs.summary_job import KEEP, SummaryJob, cache_key, prune
from conftest import FIXTURE_COURSE, Served, build_course, copy_course, words

FIXTURE_PDF = "fixture-course-on-testing-course-summary.pdf"


def test_two_builds_give_byte_identical_pdfs(tmp_path: Path) -> None:
    pdfs = []
    for name in ("first", "second"):
        config_file = copy_course(FIXTURE_COURSE, tmp_path / name)  # each copy has its own, empty, PDF cache
        build_course(config_file, tmp_path / name / "site")
        pdfs.append((tmp_path / name / "site" / FIXTURE_PDF).read_bytes())
    assert pdfs[0] == pdfs[1]


def test_the_site_address_changes_neither_the_pdf_nor_its_cache_key(tmp_path: Path) -> None:
    """A build for another address (a fork, a preview) reuses the cached PDF: the address is not in what it renders."""
    config_file = copy_course(FIXTURE_COURSE, tmp_path)
    pdfs = []
    for address in ("https://one.example/course/", "https://two.example/elsewhere/"):
        build_course(config_file, tmp_path / "site", site_url=address)
        pdfs.append((tmp_path / "site" / FIXTURE_PDF).read_bytes())
    assert pdfs[0] == pdfs[1]
    assert len(list((tmp_path / ".cache").rglob("*.pdf"))) == 1, "the second build was a cache hit"


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
    import build_tools.outputs.summary_job as job

    key = cache_key(SUMMARY)
    assert cache_key(dict(SUMMARY)) == key
    assert cache_key({**SUMMARY, "colour": "#000000"}) != key
    monkeypatch.setattr(job, "library_versions", lambda: b"weasyprint==99")
    assert cache_key(SUMMARY) != key, "a new PDF library version renders again"


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


def crashing_renderer(monkeypatch: pytest.MonkeyPatch, crashes: int, counter: Path) -> None:
    """The renderer's first `crashes` runs kill themselves, as a crash in a native library does; later ones are
    the real renderer."""
    import subprocess
    import sys

    real_popen = subprocess.Popen
    crash = "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"

    def popen(args: list[str], **kwargs: object) -> subprocess.Popen:
        runs = len(counter.read_text()) if counter.exists() else 0
        counter.write_text("x" * (runs + 1))
        return real_popen([sys.executable, "-c", crash] if runs < crashes else args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", popen)


def test_a_renderer_that_crashes_once_is_run_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    crashing_renderer(monkeypatch, 1, tmp_path / "runs")
    made = job(SUMMARY, tmp_path / "cache").result()
    assert made.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "runs").read_text() == "xx", "one crash, one more run"


def test_a_renderer_that_crashes_twice_is_reported_with_its_signal(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    crashing_renderer(monkeypatch, 2, tmp_path / "runs")
    crashed = job(SUMMARY, tmp_path / "cache")
    with pytest.raises(AuthoringError) as caught:
        crashed.result()
    assert "the PDF renderer stopped with an error (stopped by SIGSEGV)" in str(caught.value)
    assert (tmp_path / "runs").read_text() == "xx", "run twice, never more"
    assert contents(tmp_path / "cache") == []


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
    reader = PdfReader(fixture_site.site_dir / FIXTURE_PDF)
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "Fixture Course on Testing" in text and "Tests build real sites." in text
    assert "Breast" not in text
