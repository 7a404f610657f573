"""The MkDocs plugin: thin events that call the plain modules beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import pages
from .course import Course, load_course
from .dates import long_date
from .errors import AuthoringError, Problem, raise_if_any
from .promotions import Promotion, load_promotions

log = get_plugin_logger(__name__)


class CourseConfig(Config):
    modules_dir = c.Type(str, default="modules")
    """Folder under docs/ whose pages are teaching modules (front matter, red flags, key points)."""


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        self.course: Course | None = None
        self.promotions: list[Promotion] = []
        self.pages: dict[str, pages.Page] = {}
        self.modules: dict[str, pages.Module] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with authoring_errors():
            self.course = load_course(config.extra)
            self.promotions = load_promotions(config.extra)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        modules_prefix = self.config.modules_dir.strip("/") + "/"
        problems: list[Problem] = []
        self.pages, self.modules = {}, {}
        for file in files.documentation_pages():
            page = pages.read_page(docs_dir, file.src_uri, self.course, problems)
            self.pages[file.src_uri] = page
            if file.src_uri.startswith(modules_prefix):
                self.modules[file.src_uri] = pages.read_module(page, docs_dir, problems)
        for promotion in self.promotions:
            if promotion.link and not is_web_address(promotion.link):
                target = promotion.link.partition("#")[0]
                if files.get_file_from_path(target) is None:
                    problems.append(Problem("mkdocs.yml", None, f"banner '{promotion.id}' links to '{target}', "
                                            "which is not a page in docs/: fix the link or add the page"))
        with authoring_errors():
            raise_if_any(problems)
        warn_if_overdue(self.pages.values(), docs_dir.name, dt.date.today())
        return files

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["long_date"] = long_date
        env.globals["course"] = self.course
        env.globals["course_promotions"] = [
            {"id": p.id, "text": p.text, "url": promotion_url(p.link, files)} for p in self.promotions
        ]
        return env

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        context["review"] = self.pages[page.file.src_uri].review
        return context


@contextmanager
def authoring_errors() -> Iterator[None]:
    """Turn our AuthoringError into MkDocs' PluginError: MkDocs prints it plainly and exits non-zero."""
    try:
        yield
    except AuthoringError as error:
        count = len(error.problems)
        heading = f"{count} problem{'s' if count > 1 else ''} in the course sources:"
        raise PluginError(f"{heading}\n{error}") from None


def warn_if_overdue(all_pages: Iterable[pages.Page], docs_name: str, today: dt.date) -> None:
    """A page past its review date warns, so a `--strict` build (ours) refuses to publish stale content."""
    for page in all_pages:
        if page.review.next_review < today:
            log.warning(
                f"{docs_name}/{page.src_path}: its review was due on {long_date(page.review.next_review)}. "
                "Review the clinical content, then set 'next_review' (and 'last_reviewed') in the page's "
                "front matter, or 'extra.course.next_review' in mkdocs.yml for the whole course."
            )


def is_web_address(link: str) -> bool:
    return link.startswith(("http://", "https://", "mailto:"))


def promotion_url(link: str | None, files: Files) -> str | None:
    """A banner link as a site URL: author pages (`resources.md#x`) become the page's address."""
    if link is None or is_web_address(link):
        return link
    target, _, anchor = link.partition("#")
    url = files.get_file_from_path(target).url
    return f"{url}#{anchor}" if anchor else url
