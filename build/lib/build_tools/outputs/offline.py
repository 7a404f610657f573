"""The offline copy: the course as a folder of files a learner opens from disk (a USB stick, a shared drive)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..course import Course
from .site_copy import zip_folder

OPENING = """{title}: offline copy

Open index.html in this folder with a web browser (double-click it). Everything works from these files,
with no internet connection: the modules, the quizzes, your progress, the final assessment, the certificate
and the reflective note. Your progress is kept by this browser on this computer only.
"""


def package(site_dir: Path, dist_dir: Path, course: Course, manifest: dict[str, Any]) -> Path:
    """dist/<course>-offline.zip, holding one folder with index.html at its top."""
    (site_dir / "README.txt").write_text(OPENING.format(title=course.title), encoding="utf-8")
    folder = f"{course.slug}-offline"
    return zip_folder(site_dir, dist_dir / f"{folder}.zip", inside=folder)
