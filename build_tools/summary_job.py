"""Making the summary PDF in a separate process, alongside the page build, and reusing it when nothing changed."""

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
    """One PDF: taken from the cache when its inputs are unchanged, otherwise rendered by a child process."""

    def __init__(self, summary: dict[str, Any], cache_dir: Path) -> None:
        data = json.dumps(summary, sort_keys=True, ensure_ascii=False).encode()
        key = hashlib.sha256()
        for part in [data, *inputs_fingerprint_parts()]:
            key.update(hashlib.sha256(part).digest())
        self.cached = cache_dir / f"{key.hexdigest()[:32]}.pdf"
        self.process: subprocess.Popen[bytes] | None = None
        if self.cached.is_file():
            return
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.workdir = Path(tempfile.mkdtemp(prefix="course-summary-"))
        (self.workdir / "summary.json").write_bytes(data)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "build_tools.pdf", str(self.workdir / "summary.json"), str(self.workdir / "out.pdf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

    def result(self) -> Path:
        """Wait for the PDF; raise AuthoringError with the renderer's own last words when it failed."""
        if self.process is not None:
            _, stderr = self.process.communicate()
            output = self.workdir / "out.pdf"
            failed = self.process.returncode != 0 or not output.is_file()
            if not failed:
                temporary = self.cached.with_suffix(f".{os.getpid()}.tmp")
                shutil.move(output, temporary)
                os.replace(temporary, self.cached)  # atomic: a concurrent build never reads half a file
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.process = None
            if failed:
                reason = (stderr.decode(errors="replace").strip().splitlines() or ["no message"])[-1]
                raise AuthoringError([Problem("course summary PDF", None, f"could not be made: {reason}. "
                                              "Check the Key points and Red flags sections of the modules")])
        return self.cached

    def cancel(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.process = None
