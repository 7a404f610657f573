"""Making the summary PDF in a separate process, alongside the page build, and reusing it when nothing changed.

Material's social plugin is the model: the renderer is a resource of the build with a life of its own. It is
started only when the cache has no PDF for these exact inputs, renders while MkDocs builds the pages, is given a
time limit, and is stopped (its half-written file removed) when the build fails or is interrupted. The cache keeps
the few latest PDFs, keyed by everything that changes their bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from ..model.errors import AuthoringError, Problem
from ..model.folders import is_own, make_own
from .pdf import inputs_fingerprint_parts

PDF_LIBRARIES = (
    "weasyprint", "pydyf", "tinycss2", "tinyhtml5", "cssselect2", "fonttools", "pyphen", "pillow", "brotli", "zopfli",
)
"""The PDF stack: a new version of any of them may change the bytes, so it is part of the cache key."""
KEEP = 4
"""PDFs kept in the cache: the latest few, so switching back and forth between edits stays fast."""


def library_versions() -> bytes:
    found = []
    for name in PDF_LIBRARIES:
        try:
            found.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} absent")
    return "\n".join(found).encode()


def cache_key(summary: dict[str, Any]) -> str:
    """What decides the PDF's bytes: the summary's content, the renderer and its templates, fonts and libraries."""
    data = json.dumps(summary, sort_keys=True, ensure_ascii=False).encode()
    key = hashlib.sha256()
    for part in [data, library_versions(), *inputs_fingerprint_parts()]:
        key.update(hashlib.sha256(part).digest())
    return key.hexdigest()[:32]


def prune(cache_dir: Path, keep: int = KEEP) -> None:
    """Keep the newest PDFs; remove older ones and any half-written file left by an interrupted build."""
    if not is_own(cache_dir):
        return
    for leftover in cache_dir.glob("*.tmp"):
        leftover.unlink(missing_ok=True)
    pdfs = sorted(cache_dir.glob("*.pdf"), key=lambda path: path.stat().st_mtime, reverse=True)
    for old in pdfs[keep:]:
        old.unlink(missing_ok=True)


class SummaryJob:
    """The summary PDF for one build: found in the cache, or rendered by a worker process.

    On a cold cache the worker starts with the build (`start_worker()`), importing WeasyPrint (the slow part) while
    MkDocs reads the pages; otherwise it starts only if `submit` finds no PDF for the summary.
    """

    def __init__(self, cache_dir: Path, timeout: float) -> None:
        self.cache_dir = cache_dir
        self.timeout = timeout
        self.pdf: Path | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.summary: bytes | None = None
        self.partial = cache_dir / f"render.{os.getpid()}.tmp"
        self.log = cache_dir / f"render.{os.getpid()}.log.tmp"

    @staticmethod
    def cold(cache_dir: Path) -> bool:
        """No PDF cached at all (a first or clean build): a worker will be needed, so it may start at once."""
        return not any(cache_dir.glob("*.pdf"))

    def start_worker(self) -> None:
        make_own(self.cache_dir)
        with self.log.open("wb") as log:  # a file, not a pipe: a chatty renderer can never block on it
            self.process = subprocess.Popen(
                [sys.executable, "-m", "build_tools.outputs.pdf", "-", str(self.partial)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log,
            )

    def submit(self, summary: dict[str, Any]) -> None:
        """Use the cached PDF of exactly this summary, or hand the summary to the worker (starting it if need be)."""
        self.pdf = self.cache_dir / f"{cache_key(summary)}.pdf"
        if self.pdf.is_file():
            os.utime(self.pdf)  # most recently used: kept longest
            self.cancel()
            return
        self.summary = json.dumps(summary, ensure_ascii=False).encode()
        self.hand_over()

    def hand_over(self) -> None:
        if self.process is None:
            self.start_worker()
        try:
            self.process.stdin.write(self.summary)
            self.process.stdin.close()
        except BrokenPipeError:
            pass  # the worker died at start: result() reports why

    @property
    def cached(self) -> bool:
        return self.process is None and self.pdf is not None and self.pdf.is_file()

    def result(self, retry_a_crash: bool = True) -> Path:
        """Wait for the PDF (at most the time limit); failures are the build machine's, and are said to be.

        A renderer killed by a signal (a crash in a native library, seen now and then on a busy machine) is run
        once more before the build gives up."""
        assert self.pdf is not None, "submit() first"
        if self.process is None:
            return self.pdf
        try:
            self.process.wait(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.cancel()
            raise self.failure(f"the PDF renderer did not finish within {self.timeout:g} seconds") from None
        status = self.process.returncode
        failed = status != 0 or not self.partial.is_file()
        self.process = None
        stderr = self.log.read_bytes()
        self.log.unlink(missing_ok=True)
        if failed:
            self.partial.unlink(missing_ok=True)
            if status < 0 and retry_a_crash:
                self.hand_over()
                return self.result(retry_a_crash=False)
            said = stderr.decode(errors="replace").strip().splitlines()
            raise self.failure(f"the PDF renderer stopped with an error ({how_it_ended(status, said)})")
        os.replace(self.partial, self.pdf)  # atomic: a concurrent build never reads half a file
        prune(self.cache_dir)
        return self.pdf

    def failure(self, what: str) -> AuthoringError:
        return AuthoringError([Problem("course summary PDF", None, f"could not be made: {what}. This is a problem "
                                       "with the build machine's PDF libraries, not with the course's pages: build "
                                       "again, and if it persists reinstall the project (make clean site)")])

    def cancel(self) -> None:
        """Stop the worker if it still runs, and remove its half-written file."""
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            self.process = None
            self.partial.unlink(missing_ok=True)
            self.log.unlink(missing_ok=True)


def how_it_ended(status: int, said: list[str]) -> str:
    """The signal that stopped a process, else the last line it wrote, else its exit code."""
    if status < 0:
        try:
            return f"stopped by {signal.Signals(-status).name}"
        except ValueError:
            return f"stopped by signal {-status}"
    return said[-1] if said else f"exit code {status}, with no message"
