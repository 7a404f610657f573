"""The MkDocs plugin: only events, in the order MkDocs runs them, each handing its work to a stage module.

model/ reads and checks the sources into one course model; render/ puts the course into the pages; browser/ adds
the scripts and the course data file; outputs/ makes the summary PDF (and, from the cli, the offline copy and the
SCORM package). ARCHITECTURE.md walks through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import preview
from .browser.assets import add_theme_assets, course_data_script, frame_sources
from .browser.bundle import add_page_bundle, leave_out_sources
from .browser.material_fences import check_copied_partials
from .model.banners import load_banners
from .model.course import load_course
from .model.course_model import CourseModel, build_model
from .model.errors import AuthoringError, raise_if_any
from .model.folders import build_folder_problems
from .model.rendered_checks import rendered_problems
from .model.settings import CourseConfig, beside_config, site_language
from .model.sources import ExtraSettings, Sources, read_sources
from .outputs.summary_pdf import SummaryPdf, summary_file_name
from .render import mkdocs_quiz
from .render.course_pages import CoursePages
from .render.csp import with_policy
from .render.quiz_cache import QuizCache, salt
from .render.theme_context import page_review, set_up_theme


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.extra: ExtraSettings | None = None
        self.sources: Sources | None = None
        self.model: CourseModel | None = None
        """The course as the last build read it: what the cli reports and packages."""
        self.pages: CoursePages | None = None
        self.pdf: SummaryPdf | None = None
        self.script_sources: tuple[str, ...] = ()
        self.last_error = ""

    # Once per `mkdocs` command: serving changes what an overdue page and a slow PDF do.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # First of the build: the course settings (before anything is written), the theme assets, mkdocs-quiz kept off.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with self.authoring_errors():
            raise_if_any(build_folder_problems(config, self.config))
            self.extra = ExtraSettings(load_course(config.extra, config.config_file_path),
                                       tuple(load_banners(config.extra, config.config_file_path)))
        check_copied_partials()
        add_theme_assets(config)
        self.script_sources = frame_sources(config)
        mkdocs_quiz.keep_off_pages(config)
        return config

    # The build starts: on a cold cache the PDF worker starts now, so WeasyPrint loads while the pages are read.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.cancel_summary()
        if self.config.summary_pdf:
            self.pdf = SummaryPdf(beside_config(config, self.config.cache_dir), self.config.pdf_timeout)
            self.pdf.start_early()

    # Every source is read and checked here, before any page renders: the whole problem list at once.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        with self.authoring_errors():
            self.sources = read_sources(files, config, self.config, self.extra, self.serving)
        leave_out_sources(files)
        if self.sources.quizzes:
            for runtime_file in mkdocs_quiz.runtime_files(config, site_language(config)):
                files.append(runtime_file)
        return files

    # The navigation fixes the course's order, so the model is complete: the learner's course data file is written
    # and the PDF starts rendering (on a cache miss) alongside the pages.
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        with self.authoring_errors():
            self.model = build_model(nav, files, config, self.config, self.extra, self.sources)
        # Every page's one script, the course data first: named by its content, so a browser never keeps an old one.
        add_page_bundle(config, files, prelude=course_data_script(self.model.manifest))
        cache = QuizCache(beside_config(config, self.config.quiz_cache_dir), salt(config))
        self.pages = CoursePages(self.model, cache, self.summary_file(), self.summary_size)
        if self.pdf is not None:
            self.pdf.submit(self.model.summary)
        return nav

    # Before mkdocs-quiz (default priority 0) would look at the page: widgets, objectives, the quiz's text.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.pages.markdown(markdown, page)

    # The page's HTML: the quiz's rendered text is wrapped in quiz markup, the widgets' headings join the contents.
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.pages.content(html, page)

    # Every page is rendered, none is written yet: quiz links are checked against the anchors MkDocs found, the
    # sections they link to are named, and the templates get the course.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        rendered = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
        with self.authoring_errors():
            raise_if_any(rendered_problems(self.model, self.sources.quiz_problems, rendered, Path(config.docs_dir)))
        self.pages.name_sections(rendered, config, files)
        summary = {"file": self.summary_file(), "size": self.summary_size()} if self.pdf is not None else None
        set_up_theme(env, self.model, files, beside_config(config, self.config.templates_cache_dir), summary)
        return env

    # The theme's own pages (404.html) get the same security policy as the course's pages.
    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return with_policy(output_content, self.script_sources) if template_name.endswith(".html") else output_content

    # The page footer shows the page's review dates.
    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
                        ) -> dict[str, Any]:
        context["review"] = page_review(self.model, page.file.src_uri)
        return context

    # After search has indexed the page (its quiz slot held only the prompts): the quiz goes in. Last of all
    # plugins, so the security policy covers the page as it is written: its inline scripts are allowed by hash.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return with_policy(self.pages.written(output, page), self.script_sources)

    # Every page is written: the PDF joins the site and its size goes into the download links.
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pages is not None:
            self.pages.finish()
        if self.pdf is not None:
            with self.authoring_errors():
                self.pdf.publish(Path(config.site_dir), self.summary_file(), self.serving)

    # A failed build leaves no PDF worker behind, and keeps its message for the preview's error page.
    def on_build_error(self, *, error: Exception) -> None:
        self.cancel_summary()
        self.last_error = str(error)

    # Serving: quiz files are watched too, and a failed rebuild shows its problems in the browser.
    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]
                 ) -> LiveReloadServer:
        quizzes = beside_config(config, self.config.quizzes_dir)
        if quizzes.is_dir():
            server.watch(str(quizzes))
        preview.check_mkdocs_serve(server)
        server.builder = preview.showing_errors(builder, Path(config.site_dir), lambda: self.last_error,
                                                self.forget_error)
        return server

    # A Ctrl-C or a closed `mkdocs serve` stops the PDF worker. MkDocs keeps this instance for the next command in
    # the same process, so the command's own setting ends here too.
    def on_shutdown(self) -> None:
        self.cancel_summary()
        self.serving = False

    def summary_file(self) -> str | None:
        return summary_file_name(self.extra.course) if self.pdf is not None else None

    def summary_size(self) -> str:
        return self.pdf.size() if self.pdf is not None else ""

    def cancel_summary(self) -> None:
        if self.pdf is not None:
            self.pdf.cancel()

    def forget_error(self) -> None:
        self.last_error = ""

    @contextmanager
    def authoring_errors(self) -> Iterator[None]:
        """Turn our AuthoringError into MkDocs' PluginError: MkDocs prints it plainly and exits non-zero."""
        try:
            yield
        except AuthoringError as error:
            count = len(error.problems)
            self.last_error = f"{count} problem{'s' if count > 1 else ''} in the course sources:\n{error}"
            raise PluginError(self.last_error) from None
