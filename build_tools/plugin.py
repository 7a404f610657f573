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
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import pages
from .anchors import page_anchors
from .course import Course, load_course
from .dates import long_date
from .errors import AuthoringError, Problem, raise_if_any
from .learner import learner_manifest, widget_context
from .promotions import Promotion, link_problems, load_promotions, promotion_url
from .quizzes import Quiz, load_quizzes
from .quiz_runtime import SCRIPT_PATH, STYLE_PATH, quiz_labels, runtime_script, runtime_style
from .render import assemble_quiz, place_quiz, quiz_markdown
from .summary import Summary, build_summary, inline_html
from .summary_job import SummaryJob
from .widgets import find_widgets, place_module_intro, place_widgets

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
"""Templates, browser code and styles the plugin adds to the theme; a course's custom_dir can override any."""
STYLESHEETS = ["assets/course/course.css"]
SCRIPTS = [f"assets/course/{name}.js" for name in ("store", "progress", "answers", "assessment", "certificate", "course")]


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
        add_theme_assets(config)
        quiz_plugin = config.plugins.get("mkdocs_quiz")
        if quiz_plugin is not None:
            # This plugin writes the quiz markup itself; mkdocs-quiz would otherwise inline its runtime into pages.
            quiz_plugin.config["enabled_by_default"] = False
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        modules_prefix = self.config.modules_dir.strip("/") + "/"
        problems: list[Problem] = []
        self.pages, self.modules, self.widget_pages = {}, {}, {}
        for file in files.documentation_pages():
            page = pages.read_page(docs_dir, file.src_uri, file.content_string, self.course, problems)
            self.pages[file.src_uri] = page
            for widget in find_widgets(page, docs_dir.name, problems):
                self.widget_pages.setdefault(widget, file.src_uri)
            if file.src_uri.startswith(modules_prefix):
                self.modules[file.src_uri] = pages.read_module(page, docs_dir, problems)
        problems.extend(link_problems(self.promotions, functools.partial(site_url_of, files)))
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
        if self.quizzes:
            language = config.theme.get("language") or "en"
            files.append(File.generated(config, SCRIPT_PATH, content=runtime_script(language)))
            files.append(File.generated(config, STYLE_PATH, content=runtime_style()))
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
            {"id": p.id, "text": p.text, "url": promotion_url(p.link, functools.partial(site_url_of, files))}
            for p in self.promotions
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
        self.manifest = learner_manifest(
            self.course,
            [(page.file.src_uri, self.modules[page.file.src_uri]) for page in nav.pages if page.file.src_uri in self.modules],
            self.quizzes,
            self.widget_pages,
            self.config.final_assessment,
            functools.partial(site_url_of, files),
        )
        if self.summary_job is not None:
            self.summary_job.submit(self.summary.to_json(),
                                    Path(config.config_file_path).parent / self.config.cache_dir)
        return nav

    # Before mkdocs-quiz (default priority 0), which turns the <quiz> blocks we write into HTML.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        context = widget_context(
            self.manifest, self.quizzes, self.quizzes.get(self.config.final_assessment or ""), self.summary, page.url,
            summary_file_name(self.course) if self.config.summary_pdf else None, SIZE_PLACEHOLDER,
        )
        markdown = place_widgets(markdown, context)
        module = self.modules.get(page.file.src_uri)
        if module is not None:
            markdown = place_module_intro(markdown, module.minutes, [inline_html(o) for o in module.objectives])
        quiz = self.quizzes.get(page.file.src_uri)
        if quiz is None:
            return markdown
        return place_quiz(markdown, quiz_markdown(quiz, self.heading_name))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Wrap the quiz's text, rendered with the page, in quiz markup."""
        quiz = self.quizzes.get(page.file.src_uri)
        if quiz is None:
            return html
        assets = {"js": get_relative_url(SCRIPT_PATH, page.url), "css": get_relative_url(STYLE_PATH, page.url)}
        return assemble_quiz(html, quiz, final=quiz.page == self.config.final_assessment, asset_urls=assets,
                             labels=quiz_labels(config.theme.get("language") or "en"))

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
        known = self.pages.get(page.file.src_uri)
        context["review"] = known.review if known else None
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


def add_theme_assets(config: MkDocsConfig) -> None:
    """Put the plugin's theme folder after the course's custom_dir (or first), and list its styles and scripts."""
    theme_dir = str(THEME_DIR)
    if theme_dir not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
    config.extra_css[0:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript[0:0] = [ExtraScriptValue(path) for path in SCRIPTS if path not in listed]


def summary_file_name(course: Course) -> str:
    return f"{course.slug}-course-summary.pdf"


def site_url_of(files: Files, src_path: str) -> str | None:
    """The site URL of a docs/ page, or None when there is no such page."""
    file = files.get_file_from_path(src_path)
    return file.url if file else None
