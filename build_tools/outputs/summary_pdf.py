"""The summary PDF in a build: its worker's life across the build's events, its file name, and the size that every
download link shows."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from ..model.course import Course
from ..model.errors import AuthoringError
from .summary import Summary
from .summary_job import SummaryJob

log = get_plugin_logger(__name__)

SIZE_PLACEHOLDER = "@@course-summary-size@@"
"""Written into pages while the PDF is still being made; replaced by its size once it is."""
PREPARING = "being prepared: reload the page in a moment"
"""What the download link says during `mkdocs serve` while the PDF renders behind the page build."""


def summary_file_name(course: Course) -> str:
    return f"{course.slug}-course-summary.pdf"


class SummaryPdf:
    """One build's PDF: started early on a cold cache, given the summary once the pages are read, published last."""

    def __init__(self, cache_dir: Path, timeout: float) -> None:
        self.cache_dir = cache_dir
        self.timeout = timeout
        self.job: SummaryJob | None = None

    def start_early(self) -> None:
        """On a cold cache the worker starts now, so WeasyPrint loads while the pages are read."""
        if SummaryJob.cold(self.cache_dir):
            self.job = SummaryJob(self.cache_dir, self.timeout)
            self.job.start_worker()

    def submit(self, summary: Summary) -> None:
        self.job = self.job or SummaryJob(self.cache_dir, self.timeout)
        self.job.submit(summary.to_json())

    def size(self) -> str:
        """The PDF's size for its download links: known now when it was cached, else filled in once it is made."""
        job = self.job
        return size_label(job.pdf) if job is not None and job.cached else SIZE_PLACEHOLDER

    def publish(self, site_dir: Path, name: str, serving: bool) -> None:
        """Put the finished PDF into the site and write its size into every download link.

        While serving, the pages do not wait for a PDF that is still rendering: the links say it is being
        prepared, and a thread finishes the job when the renderer does.
        """
        job, self.job = self.job, None
        if job is None:
            return
        if serving and not job.cached:
            write_size(site_dir, PREPARING)
            threading.Thread(target=finish_later, args=(job, site_dir, name), daemon=True).start()
        elif job.cached:  # the links already carry its size
            shutil.copyfile(job.pdf, site_dir / name)
        else:
            publish_summary(job.result(), site_dir, name)

    def cancel(self) -> None:
        """Stop a worker a failed, interrupted or finished build left behind."""
        if self.job is not None:
            self.job.cancel()
            self.job = None


def finish_later(job: SummaryJob, site_dir: Path, name: str) -> None:
    try:
        publish_summary(job.result(), site_dir, name, replacing=PREPARING)
    except AuthoringError as error:
        log.error(str(error))


def size_label(pdf: Path) -> str:
    return f"{max(1, round(pdf.stat().st_size / 1024))} KB"


def publish_summary(pdf: Path, site_dir: Path, name: str, replacing: str = SIZE_PLACEHOLDER) -> None:
    shutil.copyfile(pdf, site_dir / name)
    write_size(site_dir, size_label(pdf), replacing)


def write_size(site_dir: Path, text: str, replacing: str = SIZE_PLACEHOLDER) -> None:
    for html_file in site_dir.rglob("*.html"):
        content = html_file.read_text(encoding="utf-8")
        if replacing in content:
            html_file.write_text(content.replace(replacing, text), encoding="utf-8")
