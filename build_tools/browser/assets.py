"""The browser's side of the course: the theme folder the plugin adds, its scripts and styles, and the course data
file (the learner manifest) every page loads. The scripts themselves live in theme/assets/course/."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..outputs.site_copy import IFRAME_WORKER, frame_script
from ..render.csp import digest

THEME_DIR = Path(__file__).parent.parent / "theme"
"""Templates, browser code and styles the plugin adds to the theme; a course's custom_dir can override any."""
COURSE_DATA = "window.CourseData"
"""The global the course data file sets: the learner manifest, read by every script in theme/assets/course/."""


def add_theme_assets(config: MkDocsConfig) -> None:
    """Put the plugin's theme folder after the course's custom_dir (or first); its scripts and styles reach the
    pages as one bundle (bundle.py)."""
    theme_dir = str(THEME_DIR)
    if theme_dir not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)


def frame_sources(config: MkDocsConfig) -> tuple[str, ...]:
    """Scripts a page may run besides its own files and inline scripts: a copy opened from disk runs search through
    a shim that writes one script into a frame."""
    shimmed = IFRAME_WORKER in config.extra.get("polyfills", [])
    return (digest(frame_script(THEME_DIR)),) if shimmed else ()


def course_data_script(manifest: Mapping[str, Any]) -> str:
    """The learner manifest as a script: the first lines of every page's bundle."""
    return f"{COURSE_DATA} = {json.dumps(manifest, ensure_ascii=False, separators=(',', ':'))};\n"
