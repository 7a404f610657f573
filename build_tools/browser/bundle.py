"""Browser bundles: each kind of page loads one script file and one stylesheet, minified and named by content.

The lists below are the one place that says which scripts and styles a kind of page runs, and in what order: the
browser runs a bundle's scripts in the order listed (each file is its own IIFE, so adding or splitting a file means
adding its name here). A bundle's name carries a hash of its content, so a browser never keeps an old one and may
keep the current one as long as it likes. Minifying is rjsmin's and rcssmin's (the minifiers mkdocs-minify-plugin
uses); comments starting `/*!` (licences) are kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

THEME = "theme/"
"""Sources under the plugin's theme folder, which a course's custom_dir can override file by file."""
BUNDLES_DIR = "assets/bundles"


@dataclass(frozen=True)
class Kind:
    """One kind of page and the sources of its bundle (paths inside the build_tools package), in run order."""

    name: str
    scripts: tuple[str, ...]
    styles: tuple[str, ...]


COURSE_PAGE = Kind(
    "course",
    scripts=tuple(f"{THEME}assets/course/{name}.js"
                  for name in ("text", "marking", "state", "mkdocs-quiz", "confidence", "progress-file", "store",
                               "files", "edition", "identifiable", "calendar", "confidence-widget", "progress",
                               "assessment", "certificate", "course")),
    styles=(f"{THEME}assets/course/course.css",),
)
"""Every page of the site, the offline copy and the SCORM package; each script uses only those before it."""
SCORM_LAUNCH = Kind(
    "scorm-launch",
    scripts=(*(f"{THEME}assets/course/{name}.js" for name in ("marking", "state", "mkdocs-quiz", "confidence")),
             "outputs/scorm_launch/suspend-data.js", "outputs/scorm_launch/scorm.js"),
    styles=("outputs/scorm_launch/scorm.css",),
)
"""The SCORM package's launch page: the learner state's contract, marking and the quizzes' storage format are the
course's own pure scripts, then the package's suspend_data coding and LMS connection."""
OFFLINE_SHELL = Kind("offline-shell", scripts=("outputs/offline_shell/shell.js",),
                     styles=("outputs/offline_shell/shell.css",))
"""The offline copy's holder page."""
KINDS = (COURSE_PAGE, SCORM_LAUNCH, OFFLINE_SHELL)


@dataclass(frozen=True)
class Bundle:
    """A kind of page's two files: site paths and their minified content."""

    script: str
    script_text: str
    style: str
    style_text: str

    def write(self, site_dir: Path) -> None:
        for path, text in ((self.script, self.script_text), (self.style, self.style_text)):
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_text(text, encoding="utf-8")

    def add_to(self, files: Files, config: MkDocsConfig) -> None:
        for path, text in ((self.script, self.script_text), (self.style, self.style_text)):
            files.append(File.generated(config, path, content=text))


def package_source(path: str, theme_dirs: tuple[str, ...] = ()) -> str:
    """A source's text: a theme file from the first theme folder that has it (the course's custom_dir first)."""
    if path.startswith(THEME):
        for folder in theme_dirs:
            candidate = Path(folder) / path.removeprefix(THEME)
            if candidate.is_file():
                return candidate.read_text(encoding="utf-8")
    return (package_files("build_tools") / path).read_text(encoding="utf-8")


def minified_script(sources: list[str]) -> str:
    # A semicolon between files: one file's last statement may lean on automatic semicolon insertion.
    return ";\n".join(rjsmin.jsmin(source, keep_bang_comments=True).strip() for source in sources) + "\n"


def minified_style(sources: list[str]) -> str:
    return "\n".join(rcssmin.cssmin(source, keep_bang_comments=True).strip() for source in sources) + "\n"


def named(kind: Kind, suffix: str, text: str) -> str:
    return f"{BUNDLES_DIR}/{kind.name}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}.{suffix}"


def make_bundle(kind: Kind, theme_dirs: tuple[str, ...] = (), prelude: str = "") -> Bundle:
    """The kind's bundle; `prelude` (data the scripts read as they start) goes first in its script."""
    script = prelude + minified_script([package_source(path, theme_dirs) for path in kind.scripts])
    style = minified_style([package_source(path, theme_dirs) for path in kind.styles])
    return Bundle(named(kind, "js", script), script, named(kind, "css", style), style)


def leave_out_sources(files: Files) -> None:
    """The course page's sources reach the site only inside its bundle (MkDocs would copy the theme's files)."""
    for path in {*COURSE_PAGE.scripts, *COURSE_PAGE.styles}:
        file = files.get_file_from_path(path.removeprefix(THEME))
        if file is not None:
            files.remove(file)


def add_page_bundle(config: MkDocsConfig, files: Files, prelude: str) -> Bundle:
    """Make the course page's bundle and list it first among the site's scripts and styles (before a course's
    own, which may then build on it), in place of any bundle an earlier build of this config listed."""
    bundle = make_bundle(COURSE_PAGE, tuple(config.theme.dirs), prelude)
    bundle.add_to(files, config)
    ours = f"{BUNDLES_DIR}/{COURSE_PAGE.name}."
    config.extra_css[:] = [bundle.style, *(path for path in config.extra_css if not path.startswith(ours))]
    config.extra_javascript[:] = [ExtraScriptValue(bundle.script),
                                  *(script for script in config.extra_javascript if not str(script).startswith(ours))]
    return bundle
