"""The browser's side of the course: the theme folder the plugin adds, its scripts and styles, and the course data
file (the learner manifest) every page loads. The scripts themselves live in theme/assets/course/."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig

from ..outputs.site_copy import IFRAME_WORKER, frame_script
from ..render.csp import digest

THEME_DIR = Path(__file__).parent.parent / "theme"
"""Templates, browser code and styles the plugin adds to the theme; a course's custom_dir can override any."""
STYLESHEETS = ["assets/course/course.css"]
SCRIPTS = [f"assets/course/{name}.js"
           for name in ("text", "marking", "state", "mkdocs-quiz", "store", "progress", "assessment", "certificate",
                        "course")]
"""The course's scripts, in the order they must load (after the course data file): each uses those before it."""
COURSE_DATA = "window.CourseData"
"""The global the course data file sets: the learner manifest, read by every script in theme/assets/course/."""


def add_theme_assets(config: MkDocsConfig) -> None:
    """Put the plugin's theme folder after the course's custom_dir (or first), and list its styles and scripts."""
    theme_dir = str(THEME_DIR)
    if theme_dir not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
    config.extra_css[0:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript[0:0] = [ExtraScriptValue(path) for path in SCRIPTS if path not in listed]


def frame_sources(config: MkDocsConfig) -> tuple[str, ...]:
    """Scripts a page may run besides its own files and inline scripts: a copy opened from disk runs search through
    a shim that writes one script into a frame."""
    shimmed = IFRAME_WORKER in config.extra.get("polyfills", [])
    return (digest(frame_script(THEME_DIR)),) if shimmed else ()


def course_data_file(manifest: Mapping[str, Any]) -> tuple[str, str]:
    """The learner manifest as one script for every page (site path, content), named by its content so a browser
    never keeps an old one."""
    data = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    path = f"assets/course/course-data.{hashlib.sha256(data.encode()).hexdigest()[:12]}.js"
    return path, f"{COURSE_DATA} = {data};\n"
