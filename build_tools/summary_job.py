"""Making the summary PDF in a separate process, alongside the page build, and reusing it when nothing changed.

The worker process starts when the build starts, so that importing WeasyPrint (the slow part) overlaps MkDocs
reading the pages; it is handed the summary once the pages are read, or stopped if the cached PDF still fits.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from .errors import AuthoringError, Problem
from .pdf import inputs_fingerprint_parts


class SummaryJob:
    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="course-summary-"))
        self.output = self.workdir / "summary.pdf"
        self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
            [sys.executable, "-m", "build_tools.pdf", "-", str(self.output)],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self.cached: Path | None = None

    def submit(self, summary: dict[str, Any], cache_dir: Path) -> None:
        """Hand the worker the summary, unless a PDF of exactly these inputs is already in cache_dir."""
        data = json.dumps(summary, sort_keys=True, ensure_ascii=False).encode()
        key = hashlib.sha256()
        for part in [data, *inputs_fingerprint_parts()]:
            key.update(hashlib.sha256(part).digest())
        self.cached = cache_dir / f"{key.hexdigest()[:32]}.pdf"
        if self.cached.is_file():
            self.cancel()
            return
        cache_dir.mkdir(parents=True, exist_ok=True)
        try:
            self.process.stdin.write(data)
            self.process.stdin.close()
        except BrokenPipeError:
            pass  # the worker died early: result() reports why

    def result(self) -> Path:
        """Wait for the PDF; raise AuthoringError with the renderer's own last words when it failed."""
        assert self.cached is not None, "submit() first"
        if self.process is not None:
            stderr = self.process.stderr.read()
            self.process.wait()
            failed = self.process.returncode != 0 or not self.output.is_file()
            if not failed:
                temporary = self.cached.with_suffix(f".{os.getpid()}.tmp")
                shutil.move(self.output, temporary)
                os.replace(temporary, self.cached)  # atomic: a concurrent build never reads half a file
            self.cancel()
            if failed:
                reason = (stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
                raise AuthoringError([Problem("course summary PDF", None, f"could not be made: {reason}. "
                                              "Check the Key points and Red flags sections of the modules")])
        return self.cached

    def cancel(self) -> None:
        """Stop the worker (if it still runs) and remove its scratch folder."""
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait()
            for stream in (self.process.stdin, self.process.stderr):
                if not stream.closed:
                    stream.close()
            self.process = None
        shutil.rmtree(self.workdir, ignore_errors=True)
