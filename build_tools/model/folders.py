"""Folders the build writes to or clears: never the course's sources, and only folders it made itself.

A mistyped `-d docs` or `quiz_cache_dir: quizzes` must not replace or delete an author's files, so every output,
staging and cache folder is checked against the sources before anything is written, and a cache folder is
cleared only when it holds the marker this tool leaves in the folders it creates.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from .course import CONFIG_FILE
from .errors import Problem
from .settings import CourseConfig, beside_config

MARKER = ".course-build-output"
"""Left in every cache folder this tool creates; a folder without it is never cleared."""


def overlap_problem(setting: str, folder: Path, sources: list[Path], config_dir: Path) -> str | None:
    """Why `folder` may not be written to, or None: it is, holds or sits inside a source folder, or it is or
    holds the folder of mkdocs.yml."""
    folder = folder.resolve()
    config_dir = config_dir.resolve()
    if config_dir.is_relative_to(folder):
        return (f"{setting} '{folder}' holds the course itself (its mkdocs.yml), which writing the build there "
                "would replace or delete: choose a folder of its own, such as 'site'")
    for source in sources:
        source = source.resolve()
        if folder == source or folder.is_relative_to(source) or source.is_relative_to(folder):
            return (f"{setting} '{folder}' is or overlaps the course's sources ('{source.name}/'), which writing "
                    "the build there would replace or delete: choose a folder of its own, such as 'site'")
    return None


def make_own(folder: Path) -> None:
    """Create the folder (and mark it as this tool's) if it is not there yet."""
    if not folder.exists() or not any(folder.iterdir()):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / MARKER).write_text("Made by the course build; its contents may be deleted.\n", encoding="utf-8")


def is_own(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def build_folder_problems(config: MkDocsConfig, settings: CourseConfig, more: dict[str, Path] | None = None
                          ) -> list[Problem]:
    """The site and cache folders (and any `more` the caller writes to), checked before MkDocs clears the site
    folder or anything is cached."""
    config_dir = Path(config.config_file_path).parent
    sources = [Path(config.docs_dir), beside_config(config, settings.quizzes_dir)]
    sources += [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    folders = {"the site folder (site_dir, -d)": Path(config.site_dir)}
    folders |= {f"the course plugin's '{name}'": config_dir / settings[name]
                for name in ("cache_dir", "templates_cache_dir", "quiz_cache_dir")} | (more or {})
    return [Problem(CONFIG_FILE, None, message) for setting, folder in folders.items()
            if (message := overlap_problem(setting, folder, sources, config_dir))]
