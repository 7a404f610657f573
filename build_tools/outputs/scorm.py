"""The SCORM 1.2 package (being written)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..course import Course


def package(site_dir: Path, dist_dir: Path, course: Course, manifest: dict[str, Any]) -> Path:
    raise NotImplementedError("SCORM packaging is being written")
