"""The MkDocs plugin: thin events that call the plain modules beside it."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import pages
from .anchors import page_anchors
from .course import Course, load_course
from .dates import long_date
from .errors import AuthoringError, Problem, raise_if_any
from .promotions import Promotion, load_promotions
from .quizzes import Quiz, load_quizzes
from .render import place_quiz, render_quiz
from .summary import Summary, build_summary
from .widgets import find_widgets, place_widgets
from .summary_job import SummaryJob

log = get_plugin_logger(__name__)


class CourseConfig(Config):
    modules_dir = c.Type(str, default="modules")
    """Folder under docs/ whose pages are teaching modules (front matter, red flags, key points)."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder beside mkdocs.yml holding one YAML quiz file per page that carries a quiz."""
    final_assessment = c.Optional(c.Type(str))
    """The docs/ page of the final assessment: its quiz must set a pass mark."""
    home_page = c.Type(str, default="index.md")
    """Page whose `## Aim` and `## Learning objectives` open the course summary PDF."""
    about_page = c.Optional(c.Type(str))
    """Page whose `## Source` and `## Audience` sections the course summary PDF carries."""
    resources_page = c.Optional(c.Type(str))
    """Page whose list items (with their links) are the summary's resources."""
    summary_pdf = c.Type(bool, default=True)
    """Make the course summary PDF; turn off only for a quick local preview."""
    cache_dir = c.Type(str, default=".cache/course-summary")
    """Where the last summary PDFs are kept (beside mkdocs.yml), so unchanged inputs are not rendered again."""


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        self.course: Course | None = None
        self.promotions: list[Promotion] = []
        self.pages: dict[str, pages.Page] = {}
        self.modules: dict[str, pages.Module] = {}
        self.quizzes: dict[str, Quiz] = {}
        self.anchors: dict[str, dict[str, str]] = {}
        self.summary_job: SummaryJob | None = None
        self.summary: Summary | None = None
        self.widget_pages: dict[str, str] = {}
        self.manifest: dict[str, Any] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with authoring_errors():
            self.course = load_course(config.extra)
            self.promotions = load_promotions(config.extra)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        modules_prefix = self.config.modules_dir.strip("/") + "/"
        problems: list[Problem] = []
        self.pages, self.modules, self.widget_pages = {}, {}, {}
        for file in files.documentation_pages():
            page = pages.read_page(docs_dir, file.src_uri, self.course, problems)
            self.pages[file.src_uri] = page
            for widget in find_widgets(page, docs_dir.name, problems):
                self.widget_pages.setdefault(widget, file.src_uri)
            if file.src_uri.startswith(modules_prefix):
                self.modules[file.src_uri] = pages.read_module(page, docs_dir, problems)
        for promotion in self.promotions:
            if promotion.link and not is_web_address(promotion.link):
                target = promotion.link.partition("#")[0]
                if files.get_file_from_path(target) is None:
                    problems.append(Problem("mkdocs.yml", None, f"banner '{promotion.id}' links to '{target}', "
                                            "which is not a page in docs/: fix the link or add the page"))
        self.anchors, self.quizzes = {}, {}
        try:
            quizzes = load_quizzes(self.quizzes_path(config), functools.partial(self.anchors_of, config=config),
                                   self.config.final_assessment)
        except AuthoringError as error:
            problems.extend(error.problems)
        else:
            self.quizzes = {quiz.page: quiz for quiz in quizzes}
            problems.extend(self.missing_assessment())
        with authoring_errors():
            raise_if_any(problems)
        warn_if_overdue(self.pages.values(), docs_dir.name, dt.date.today())
        return files

    def missing_assessment(self) -> list[Problem]:
        """The assessment result and certificate widgets need the final assessment's quiz."""
        assessment_widgets = sorted({"assessment-result", "certificate"} & set(self.widget_pages))
        if not assessment_widgets or self.config.final_assessment in self.quizzes:
            return []
        return [Problem("mkdocs.yml", None, f"the {' and '.join(assessment_widgets)} widget needs a final "
                        "assessment: set the course plugin's 'final_assessment' to a page that has a quiz file")]

    def quizzes_path(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.quizzes_dir

    def anchors_of(self, src_path: str, *, config: MkDocsConfig) -> dict[str, str] | None:
        """Anchors of a docs/ page (None if there is no such page), rendered once per build."""
        page = self.pages.get(src_path)
        if page is None:
            return None
        if src_path not in self.anchors:
            self.anchors[src_path] = page_anchors(page.body, config.markdown_extensions, config.mdx_configs)
        return self.anchors[src_path]

    def heading_name(self, src_path: str, anchor: str, from_page: str) -> str:
        """`Investigations` on its own page; `Bone metastases: Investigations` seen from another page."""
        name = self.anchors[src_path][anchor]
        title = self.pages[src_path].meta.get("title")
        return f"{title}: {name}" if src_path != from_page and isinstance(title, str) else name

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        env.filters["long_date"] = long_date
        env.globals["course"] = self.course
        env.globals["course_manifest"] = self.manifest
        env.globals["course_summary"] = (
            {"file": summary_file_name(self.course), "size": SIZE_PLACEHOLDER} if self.config.summary_pdf else None
        )
        env.globals["course_promotions"] = [
            {"id": p.id, "text": p.text, "url": promotion_url(p.link, files)} for p in self.promotions
        ]
        return env

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.config.summary_pdf:
            self.summary_job = SummaryJob()

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Gather the summary (and hand it to the PDF worker, which renders it while MkDocs builds the pages)."""
        docs_name = Path(config.docs_dir).name
        problems: list[Problem] = []
        named = {self.config.home_page, self.config.about_page, self.config.resources_page} - {None}
        for missing in sorted(named - set(self.pages)):
            problems.append(Problem("mkdocs.yml", None, f"the course summary needs the page {missing}, which is "
                                    "not in docs/: add it, or point the course plugin's setting at another page"))
        with authoring_errors():
            raise_if_any(problems)
            self.summary, problems = build_summary(
                self.course,
                [self.modules[page.file.src_uri] for page in nav.pages if page.file.src_uri in self.modules],
                home=self.pages[self.config.home_page],
                about=self.pages.get(self.config.about_page),
                resources=self.pages.get(self.config.resources_page),
                docs_name=docs_name,
                language=config.theme.get("language") or "en",
                site_url=config.site_url,
            )
            raise_if_any(problems)
        self.manifest = self.learner_manifest(nav, files)
        if self.summary_job is not None:
            self.summary_job.submit(self.summary.to_json(),
                                    Path(config.config_file_path).parent / self.config.cache_dir)
        return nav

    def learner_manifest(self, nav: Navigation, files: Files) -> dict[str, Any]:
        """What the browser needs to track this course: its modules, quizzes and learner pages, by URL."""
        final = self.config.final_assessment

        def url(src_path: str) -> str:
            return files.get_file_from_path(src_path).url

        return {
            "slug": self.course.slug,
            "title": self.course.title,
            "storagePrefix": storage_prefix(self.course),
            "modules": [
                {"url": page.file.url, "title": self.modules[page.file.src_uri].title, "quiz": page.file.src_uri
                 if page.file.src_uri in self.quizzes else None}
                for page in nav.pages if page.file.src_uri in self.modules
            ],
            "quizzes": {
                src: {"url": url(src), "version": quiz.fingerprint, "total": len(quiz.questions),
                      "final": src == final, "passMark": quiz.pass_mark}
                for src, quiz in self.quizzes.items()
            },
            "pages": {widget: url(src) for widget, src in self.widget_pages.items()}
            | ({"assessment": url(final)} if final in self.quizzes else {}),
        }

    def widget_context(self, page: Page) -> dict[str, Any]:
        """What the widget templates show, with links relative to the page they are on."""
        final = self.quizzes.get(self.config.final_assessment or "")
        modules = [
            {**module, "href": get_relative_url(module["url"], page.url),
             "total": len(self.quizzes[module["quiz"]].questions) if module["quiz"] else 0}
            for module in self.manifest["modules"]
        ]
        return {
            "summary_href": get_relative_url(summary_file_name(self.course), page.url) if self.config.summary_pdf
            else None,
            "summary_size": SIZE_PLACEHOLDER,
            "modules": modules,
            "first_module_href": modules[0]["href"] if modules else "",
            "assessment_href": get_relative_url(self.manifest["pages"].get("assessment", ""), page.url),
            "pass_mark": final.pass_mark if final else None,
            "assessment_total": len(final.questions) if final else 0,
            "course_title": self.course.title,
            "cpd_hours": self.summary.cpd_hours,
            "objectives": self.summary.objectives,
            "reflection_parts": REFLECTION_PARTS,
        }

    # Before mkdocs-quiz (default priority 0), which turns the <quiz> blocks we write into HTML.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        markdown = place_widgets(markdown, self.widget_context(page))
        quiz = self.quizzes.get(page.file.src_uri)
        if quiz is None:
            return markdown
        page.meta["quiz"] = {**(page.meta.get("quiz") or {}), "enabled": True}
        return place_quiz(markdown, render_quiz(quiz, self.heading_name, storage_prefix(self.course)))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Put the finished PDF into the site and write its real size into every download link."""
        if self.summary_job is None:
            return
        with authoring_errors():
            pdf = self.summary_job.result()
        self.summary_job = None
        target = Path(config.site_dir) / summary_file_name(self.course)
        shutil.copyfile(pdf, target)
        size = f"{max(1, round(target.stat().st_size / 1024))} KB"
        for html_file in Path(config.site_dir).rglob("*.html"):
            html = html_file.read_text(encoding="utf-8")
            if SIZE_PLACEHOLDER in html:
                html_file.write_text(html.replace(SIZE_PLACEHOLDER, size), encoding="utf-8")

    def on_build_error(self, *, error: Exception) -> None:
        if self.summary_job is not None:
            self.summary_job.cancel()
            self.summary_job = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.quizzes_path(config).is_dir():
            server.watch(str(self.quizzes_path(config)))
        return server

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


SIZE_PLACEHOLDER = "@@course-summary-size@@"
"""Written into pages while the PDF is still being made; replaced by its size once it is."""
REFLECTION_PARTS = [
    {"key": "learnt", "label": "What did I learn?"},
    {"key": "change", "label": "How will it change my practice?"},
    {"key": "next", "label": "What will I do next?"},
]
"""The common three-part reflective form that appraisal (GMC, RCGP) asks for."""


def summary_file_name(course: Course) -> str:
    return f"{course.slug}-course-summary.pdf"


def storage_prefix(course: Course) -> str:
    """Every key this course keeps in the learner's browser starts with this, so courses never collide."""
    return f"course:{course.slug}:"


def is_web_address(link: str) -> bool:
    return link.startswith(("http://", "https://", "mailto:"))


def promotion_url(link: str | None, files: Files) -> str | None:
    """A banner link as a site URL: author pages (`resources.md#x`) become the page's address."""
    if link is None or is_web_address(link):
        return link
    target, _, anchor = link.partition("#")
    url = files.get_file_from_path(target).url
    return f"{url}#{anchor}" if anchor else url
