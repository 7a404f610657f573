"""The MkDocs plugin: thin events, in the order MkDocs runs them, that call the plain modules beside it."""

from __future__ import annotations

import functools
import hashlib
import html
import json
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import pages
from .banners import Banner, banner_url, link_problems, load_banners
from .course import CONFIG_FILE, Course, load_course
from .dates import long_date
from .csp import digest, with_policy
from .outputs.site_copy import IFRAME_WORKER, frame_script
from .errors import AuthoringError, Problem, not_utf8, raise_if_any
from .folders import make_own, overlap_problem
from .learner import learner_manifest, widget_context, widget_rows
from .palette import primary_dark
from .quiz_runtime import SCRIPT_PATH, STYLE_PATH, quiz_labels, runtime_script, runtime_style
from .quizzes import Quiz, read_quizzes, source_problems
from .quiz_cache import QuizCache, salt
from .render import HeadingNames, assemble_quiz, fill_quiz_slot, place_quiz, quiz_markdown, rendered_quiz_text
from .review import config_line, course_overdue_message, overdue_message, overdue_notice, today
from .summary import Fragments, Summary, build_summary
from .summary_job import SummaryJob
from .widgets import add_widget_headings, find_widgets, place_module_intro, place_widgets

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).parent / "theme"
"""Templates, browser code and styles the plugin adds to the theme; a course's custom_dir can override any."""
STYLESHEETS = ["assets/course/course.css"]
SCRIPTS = [f"assets/course/{name}.js"
           for name in ("text", "marking", "store", "edition", "identifiable", "calendar", "progress", "answers", "assessment", "certificate", "course")]
SIZE_PLACEHOLDER = "@@course-summary-size@@"
"""Written into pages while the PDF is still being made; replaced by its size once it is."""
PREPARING = "being prepared: reload the page in a moment"
"""What the download link says during `mkdocs serve` while the PDF renders behind the page build."""


class CourseConfig(Config):
    modules_dir = c.Type(str, default="modules")
    """Folder under docs/ whose pages are teaching modules (front matter, callout boxes, key points)."""
    quizzes_dir = c.Type(str, default="quizzes")
    """Folder beside mkdocs.yml holding one YAML quiz file per page that carries a quiz."""
    final_assessment = c.Optional(c.Type(str))
    """The docs/ page of the final assessment: its quiz must set a pass mark."""
    assessment_review = c.Choice(("after-pass", "always", "never"), default="after-pass")
    """What a submitted final assessment shows: each question right or wrong with where it is taught, and the right
    options, feedback and explanations too after a pass (`after-pass`), after every attempt (`always`), or never."""
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
    templates_cache_dir = c.Type(str, default=".cache/course-templates")
    """Where compiled page templates are kept (beside mkdocs.yml) between builds."""
    quiz_cache_dir = c.Type(str, default=".cache/course-quizzes")
    """Where quizzes' rendered text is kept (beside mkdocs.yml), so an edit re-renders only the quizzes it changed."""
    offline_shell = c.Optional(c.Type(str))
    """Set by the `offline` command, not by authors: the holder page whose storage keeps a copy's progress."""
    pdf_timeout = c.Type((int, float), default=300)
    """Seconds the PDF renderer may take before the build gives up on it."""


class CoursePlugin(BasePlugin[CourseConfig]):
    def __init__(self) -> None:
        self.serving = False
        self.course: Course | None = None
        self.banners: list[Banner] = []
        self.pages: dict[str, pages.Page] = {}
        self.modules: dict[str, pages.Module] = {}
        self.quizzes: dict[str, Quiz] = {}
        self.heading_names = HeadingNames()
        self.summary_job: SummaryJob | None = None
        self.summary: Summary | None = None
        self.widget_pages: dict[str, str] = {}
        self.manifest: dict[str, Any] = {}
        self.widget_rows: list[dict[str, Any]] = []
        self.course_data_file = ""
        self.final_review: tuple[str, str] | None = None
        self.quiz_cache: QuizCache | None = None
        self.quiz_html: dict[str, str] = {}
        self.quiz_labels: dict[str, str] = {}
        self.fragments = Fragments()
        self.overdue: set[str] = set()
        self.quiz_problems: list[Problem] = []
        self.last_error = ""
        self.script_sources: tuple[str, ...] = ()
        """Scripts a page may run besides its own files and inline scripts (written into frames)."""

    # Once per `mkdocs` command: serving changes what an overdue page and a slow PDF do.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    # Stop a PDF worker that a Ctrl-C or a closed `mkdocs serve` left behind. MkDocs keeps this instance for the
    # next command in the same process, so the command's own setting ends here too.
    def on_shutdown(self) -> None:
        self.cancel_summary()
        self.serving = False

    # First: the course settings, the theme assets the plugin ships, and mkdocs-quiz kept from the pages.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        with self.authoring_errors():
            raise_if_any(self.folder_problems(config))
            self.course = load_course(config.extra)
            self.banners = load_banners(config.extra)
        add_theme_assets(config)
        # A copy opened from disk runs search through a shim that writes one script into a frame.
        shimmed = IFRAME_WORKER in config.extra.get("polyfills", [])
        self.script_sources = (digest(frame_script(THEME_DIR)),) if shimmed else ()
        quiz_plugin = config.plugins.get("mkdocs_quiz")
        if quiz_plugin is not None:
            # This plugin writes the quiz markup itself; mkdocs-quiz would otherwise inline its runtime into pages.
            quiz_plugin.config["enabled_by_default"] = False
        return config

    # The build starts: on a cold cache the PDF worker starts now, so WeasyPrint loads while the pages are read.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.cancel_summary()
        if self.config.summary_pdf and SummaryJob.cold(self.summary_cache(config)):
            self.summary_job = SummaryJob(self.summary_cache(config), self.config.pdf_timeout)
            self.summary_job.start_worker()

    # Every source is read and checked here, before any page renders: the whole problem list at once.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_name = Path(config.docs_dir).name
        modules_prefix = self.config.modules_dir.strip("/") + "/"
        problems = outside_problems(files, Path(config.docs_dir))
        self.pages, self.modules, self.widget_pages = {}, {}, {}
        for file in files.documentation_pages():
            try:
                text = file.content_string
            except UnicodeDecodeError as error:
                problems.append(not_utf8(f"{docs_name}/{file.src_uri}", file.content_bytes, error))
                continue
            page = pages.read_page(Path(config.docs_dir), file.src_uri, text, self.course, problems)
            self.pages[file.src_uri] = page
            for widget in find_widgets(page, docs_name, problems):
                self.widget_pages.setdefault(widget, file.src_uri)
            if file.src_uri.startswith(modules_prefix):
                self.modules[file.src_uri] = pages.read_module(page, docs_name, problems)
        problems.extend(link_problems(self.banners, functools.partial(site_url_of, files)))
        # Pages exist now; their anchors exist once MkDocs has rendered them. Quiz problems are reported in
        # on_env with the anchor problems, so the author gets every quiz problem in one go.
        quizzes, self.quiz_problems = read_quizzes(
            self.quizzes_path(config), lambda src: EVERY_ANCHOR if src in self.pages else None,
            self.config.final_assessment)
        self.quizzes = {quiz.page: quiz for quiz in quizzes}
        if not self.quiz_problems:
            problems.extend(self.missing_assessment())
        with self.authoring_errors():
            problems.extend(self.review_problems(config, docs_name))
            raise_if_any(with_quiz_problems(problems, self.quiz_problems))
        if self.quizzes:
            language = site_language(config)
            self.quiz_labels = quiz_labels(language)
            files.append(File.generated(config, SCRIPT_PATH, content=runtime_script(language)))
            files.append(File.generated(config, STYLE_PATH, content=runtime_style()))
        return files

    def review_problems(self, config: MkDocsConfig, docs_name: str) -> list[Problem]:
        """Overdue pages, once for the course's own date and once per page that sets its own; a review cannot be
        in the future. While serving, overdue pages are shown (flagged) and only warned about."""
        found: list[Problem] = []
        if self.course.last_reviewed > today():
            found.append(Problem(CONFIG_FILE, config_line(config.config_file_path, "last_reviewed"),
                                 "'extra.course.last_reviewed' is in the future: give the date of the last review"))
        overdue = [page for page in self.pages.values() if page.review.next_review < today()]
        self.overdue = {page.src_path for page in overdue}
        own = [page for page in overdue if page.review.next_review_line is not None]
        if len(own) < len(overdue):
            found.append(Problem(CONFIG_FILE, config_line(config.config_file_path, "next_review"),
                                 course_overdue_message(self.course.next_review)))
        found += [Problem(f"{docs_name}/{page.src_path}", page.review.next_review_line, overdue_message(page))
                  for page in own]
        future = [page for page in self.pages.values() if page.review.last_reviewed > today()
                  and "last_reviewed" in page.meta]
        found += [Problem(f"{docs_name}/{page.src_path}", None, "'last_reviewed' is in the future: give the date "
                          "of the last review") for page in future]
        if self.serving:  # previewing while the review is done: shown, never published
            for problem in found:
                log.warning(str(problem))
            return []
        return found

    def missing_assessment(self) -> list[Problem]:
        """The assessment result and certificate widgets need the final assessment's quiz."""
        assessment_widgets = sorted({"assessment-result", "certificate"} & set(self.widget_pages))
        if not assessment_widgets or self.config.final_assessment in self.quizzes:
            return []
        return [Problem(CONFIG_FILE, None, f"the {' and '.join(assessment_widgets)} widget needs a final "
                        "assessment: set the course plugin's 'final_assessment' to a page that has a quiz file")]

    def folder_problems(self, config: MkDocsConfig, more: dict[str, Path] | None = None) -> list[Problem]:
        """The site and cache folders (and any `more` the caller writes to), checked before MkDocs clears the site
        folder or anything is cached."""
        config_dir = Path(config.config_file_path).parent
        sources = [Path(config.docs_dir), self.quizzes_path(config)]
        sources += [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        folders = {"the site folder (site_dir, -d)": Path(config.site_dir)}
        folders |= {f"the course plugin's '{name}'": config_dir / self.config[name]
                    for name in ("cache_dir", "templates_cache_dir", "quiz_cache_dir")} | (more or {})
        return [Problem(CONFIG_FILE, None, message) for setting, folder in folders.items()
                if (message := overlap_problem(setting, folder, sources, config_dir))]

    def quizzes_path(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.quizzes_dir

    # The navigation fixes the course's order: modules, summary and the learner's manifest follow it. The PDF
    # starts rendering here (on a cache miss), alongside the pages.
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        problems: list[Problem] = []
        named = {self.config.home_page, self.config.about_page, self.config.resources_page} - {None}
        for missing in sorted(named - set(self.pages)):
            problems.append(Problem(CONFIG_FILE, None, f"the course summary needs the page {missing}, which is not "
                                    "in docs/: add it, or point the course plugin's setting at another page"))
        in_nav = [page.file.src_uri for page in nav.pages if page.file.src_uri in self.modules]
        self.fragments = Fragments(config.markdown_extensions, config.mdx_configs)
        docs_name = Path(config.docs_dir).name
        problems += [Problem(CONFIG_FILE, None, message) for title in [config.site_name, *nav_titles(nav.items)]
                     if (message := pages.title_problem(title))]
        for left_out in sorted(set(self.modules) - set(in_nav)):
            problems.append(Problem(f"{docs_name}/{left_out}", None, f"this module is not in the 'nav' of "
                                    f"{CONFIG_FILE}, so learners could not find it and progress and the summary "
                                    "would leave it out: add it to the nav, in course order"))
        with self.authoring_errors():
            raise_if_any(with_quiz_problems(problems, self.quiz_problems))
            self.summary, problems = build_summary(
                self.course, [self.modules[src] for src in in_nav],
                home=self.pages[self.config.home_page],
                about=self.pages.get(self.config.about_page),
                resources=self.pages.get(self.config.resources_page),
                docs_name=docs_name,
                language=site_language(config),
                colour=primary_dark(config.theme.get("palette")),
                fragments=self.fragments,
            )
            raise_if_any(with_quiz_problems(problems, self.quiz_problems))
        self.manifest = learner_manifest(
            self.course, [(src, self.modules[src]) for src in in_nav], self.quizzes, self.widget_pages,
            self.config.final_assessment, functools.partial(site_url_of, files),
            locale=self.course.locale or site_language(config), language=site_language(config), review=self.config.assessment_review,
            file_shell=self.config.offline_shell, built=today(), site_url=config.site_url or "",
        )
        self.widget_rows = widget_rows(self.manifest, self.quizzes, self.summary)
        # One file for every page, named by its content so a browser never keeps an old one.
        data = json.dumps(self.manifest, ensure_ascii=False, separators=(",", ":"))
        self.course_data_file = f"assets/course/course-data.{hashlib.sha256(data.encode()).hexdigest()[:12]}.js"
        files.append(File.generated(config, self.course_data_file, content=f"window.CourseData = {data};\n"))
        self.heading_names = HeadingNames()
        self.final_review, self.quiz_html = None, {}
        self.quiz_cache = QuizCache(Path(config.config_file_path).parent / self.config.quiz_cache_dir, salt(config))
        if self.config.summary_pdf:
            self.summary_job = self.summary_job or SummaryJob(self.summary_cache(config), self.config.pdf_timeout)
            self.summary_job.submit(self.summary.to_json())
        return nav

    def summary_cache(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir

    def summary_size(self) -> str:
        """The PDF's size for its download links: known now when it was cached, else filled in once it is made."""
        job = self.summary_job
        return size_label(job.pdf) if job is not None and job.cached else SIZE_PLACEHOLDER

    # Before mkdocs-quiz (default priority 0) would look at the page: widgets, the module's objectives, the quiz's
    # text to render with the page.
    @event_priority(50)
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        context = functools.partial(
            widget_context, self.manifest, self.widget_rows, self.quizzes.get(self.config.final_assessment or ""),
            self.summary, page.url, summary_file_name(self.course) if self.config.summary_pdf else None,
            self.summary_size(),
        )
        markdown = place_widgets(markdown, context)
        src = page.file.src_uri
        module = self.modules.get(src)
        if module is not None:
            markdown = place_module_intro(markdown, module.minutes, [self.fragments.inline(o) for o in module.objectives])
        if src in self.overdue:
            markdown = overdue_notice(self.pages[src]) + markdown
        quiz = self.quizzes.get(src)
        if quiz is None:
            return markdown
        cached = self.quiz_cache.get(quiz)
        page.meta["course_quiz_text"] = cached
        return place_quiz(markdown, quiz_markdown(quiz, with_text=cached is None))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Add the widgets' headings to the table of contents; wrap the quiz's text, rendered with the page, in quiz
        markup."""
        add_widget_headings(page.toc, html)
        quiz = self.quizzes.get(page.file.src_uri)
        if quiz is None:
            return html
        fragments = page.meta.pop("course_quiz_text", None)
        if fragments is None:
            fragments = rendered_quiz_text(html)
            self.quiz_cache.put(quiz, fragments)
        html, self.quiz_html[quiz.page], review = assemble_quiz(
            html, quiz, fragments, final=quiz.page == self.config.final_assessment,
            asset_url=functools.partial(get_relative_url, other=page.url),
            labels=self.quiz_labels)
        if review is not None:
            self.final_review = review
        return html

    # Every page is rendered, none is written yet: the moment to check quiz sources against the anchors MkDocs
    # found, and to name the sections they link to.
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        rendered = {file.src_uri: file.page for file in files.documentation_pages() if file.page is not None}
        with self.authoring_errors():
            raise_if_any(self.quiz_problems + source_problems(self.quizzes.values(),
                                                              functools.partial(page_anchor_ids, rendered))
                         + title_problems(rendered, Path(config.docs_dir)))
        self.heading_names.resolve(self.quizzes.values(), rendered)
        if self.final_review is not None:
            path, content = self.final_review
            content = self.heading_names.fill(self.config.final_assessment, content)
            files.append(File.generated(config, path, content=content))
        # Compiled templates (Material's and ours) kept between builds: Jinja checks each template's source.
        templates_cache = Path(config.config_file_path).parent / self.config.templates_cache_dir
        make_own(templates_cache)
        env.bytecode_cache = FileSystemBytecodeCache(str(templates_cache))
        env.filters["long_date"] = long_date
        env.globals["course"] = self.course
        env.globals["course_data_file"] = self.course_data_file
        env.globals["course_summary"] = (
            {"file": summary_file_name(self.course), "size": self.summary_size()} if self.config.summary_pdf else None
        )
        env.globals["course_banners"] = [
            {"id": b.id, "text": b.text, "url": banner_url(b.link, functools.partial(site_url_of, files))}
            for b in self.banners
        ]
        return env

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> dict[str, Any]:
        known = self.pages.get(page.file.src_uri)
        context["review"] = known.review if known else None
        return context

    # After search has indexed the page (its quiz slot held only the prompts): the quiz goes in. Last of all
    # plugins, so the security policy covers the page as it is written: its inline scripts are allowed by hash.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        quiz_html = self.quiz_html.pop(page.file.src_uri, None)
        if quiz_html is not None:
            output = fill_quiz_slot(output, self.heading_names.fill(page.file.src_uri, quiz_html))
        return with_policy(output, self.script_sources)

    # The theme's own pages (404.html) get the same policy.
    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        return with_policy(output_content, self.script_sources) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Put the finished PDF into the site and write its size into every download link.

        While serving, the pages do not wait for a PDF that is still rendering: the links say it is being
        prepared, and a thread finishes the job when the renderer does.
        """
        if self.quiz_cache is not None:
            self.quiz_cache.keep_only_used()
        job, self.summary_job = self.summary_job, None
        if job is None:
            return
        site_dir = Path(config.site_dir)
        if self.serving and not job.cached:
            write_size(site_dir, PREPARING)
            threading.Thread(target=self.finish_summary_later, args=(job, site_dir), daemon=True).start()
            return
        if job.cached:  # the links already carry its size
            shutil.copyfile(job.pdf, site_dir / summary_file_name(self.course))
            return
        with self.authoring_errors():
            publish_summary(job.result(), site_dir, summary_file_name(self.course))

    def finish_summary_later(self, job: SummaryJob, site_dir: Path) -> None:
        try:
            publish_summary(job.result(), site_dir, summary_file_name(self.course), replacing=PREPARING)
        except AuthoringError as error:
            log.error(str(error))

    def on_build_error(self, *, error: Exception) -> None:
        self.cancel_summary()
        self.last_error = str(error)

    def cancel_summary(self) -> None:
        if self.summary_job is not None:
            self.summary_job.cancel()
            self.summary_job = None

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
        if self.quizzes_path(config).is_dir():
            server.watch(str(self.quizzes_path(config)))
        server.builder = self.showing_errors(builder, Path(config.site_dir))
        return server

    def showing_errors(self, builder: Callable[..., None], site_dir: Path) -> Callable[..., None]:
        """A rebuild that fails shows its problems in the browser (which reloads) instead of leaving it waiting."""
        def build(*args: Any, **kwargs: Any) -> None:
            self.last_error = ""
            try:
                builder(*args, **kwargs)
            except Exception:  # noqa: BLE001 - MkDocs has logged it; the author must see it in the browser too
                write_error_pages(site_dir, self.last_error)
        return build

    @contextmanager
    def authoring_errors(self) -> Iterator[None]:
        """Turn our AuthoringError into MkDocs' PluginError: MkDocs prints it plainly and exits non-zero."""
        try:
            yield
        except AuthoringError as error:
            count = len(error.problems)
            heading = f"{count} problem{'s' if count > 1 else ''} in the course sources:"
            self.last_error = f"{heading}\n{error}"
            raise PluginError(self.last_error) from None


class EveryAnchor:
    """Any anchor: while pages are only read, not rendered, a quiz's source anchor cannot be checked yet."""

    def __contains__(self, anchor: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())


EVERY_ANCHOR = EveryAnchor()


def with_quiz_problems(problems: list[Problem], quiz_problems: list[Problem]) -> list[Problem]:
    """A build that stops early for other problems reports the quiz files' problems with them (otherwise those
    wait for the rendered pages, to come with the quiz links' problems)."""
    return problems + quiz_problems if problems else []


def outside_problems(files: Files, docs_dir: Path) -> list[Problem]:
    """Files that are links to somewhere outside docs/: MkDocs would publish whatever they point at."""
    inside = docs_dir.resolve()
    return [Problem(f"{docs_dir.name}/{file.src_uri}", None, "this is a link to a file outside the docs folder, "
                    "which would be published with the course: copy the file into docs/ instead, or remove the link")
            for file in files if file.src_dir and Path(file.src_dir) == docs_dir
            and not Path(file.abs_src_path).resolve().is_relative_to(inside)]


def nav_titles(items: list[Any]) -> list[str]:
    """The titles the navigation shows for its sections, links and pages (where set in mkdocs.yml)."""
    return [title for item in items for title in [item.title, *nav_titles(getattr(item, "children", None) or [])]
            if isinstance(title, str)]


def title_problems(rendered: dict[str, Page], docs_dir: Path) -> list[Problem]:
    """Every page's title as MkDocs settled it (front matter, nav or first heading) must be plain text."""
    found = []
    for src, page in sorted(rendered.items()):
        message = pages.title_problem(page.title)
        if message:
            line = pages.front_matter_line((docs_dir / src).read_text(encoding="utf-8"), "title")
            found.append(Problem(f"{docs_dir.name}/{src}", line, message))
    return found


def page_anchor_ids(rendered: dict[str, Page], src_path: str) -> set[str] | None:
    page = rendered.get(src_path)
    return None if page is None else set(page.present_anchor_ids or ())


def add_theme_assets(config: MkDocsConfig) -> None:
    """Put the plugin's theme folder after the course's custom_dir (or first), and list its styles and scripts."""
    theme_dir = str(THEME_DIR)
    if theme_dir not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
    config.extra_css[0:0] = [path for path in STYLESHEETS if path not in config.extra_css]
    listed = {str(script) for script in config.extra_javascript}
    config.extra_javascript[0:0] = [ExtraScriptValue(path) for path in SCRIPTS if path not in listed]


def size_label(pdf: Path) -> str:
    return f"{max(1, round(pdf.stat().st_size / 1024))} KB"


def publish_summary(pdf: Path, site_dir: Path, name: str, replacing: str = SIZE_PLACEHOLDER) -> None:
    shutil.copyfile(pdf, site_dir / name)
    write_size(site_dir, size_label(pdf), replacing)


def write_size(site_dir: Path, text: str, replacing: str = SIZE_PLACEHOLDER) -> None:
    for html_file in site_dir.rglob("*.html"):
        content = html_file.read_text(encoding="utf-8")
        if replacing in content:
            html_file.write_text(content.replace(replacing, text), encoding="utf-8")


def write_error_pages(site_dir: Path, message: str) -> None:
    """Every page the author may have open shows the build's problems until the next build succeeds."""
    message = message or "The course could not be built: see the terminal for the reason."
    page = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>The course could not be built</title>"
            "<body style=\"font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem\">"
            "<h1>The course could not be built</h1><pre style=\"white-space:pre-wrap\">"
            f"{html.escape(message)}</pre><p>Fix the file and save it: this page reloads by itself.</p></body></html>")
    site_dir.mkdir(parents=True, exist_ok=True)
    # Every page there is, and 404.html, which MkDocs' preview server shows for any page the failed build left out.
    for html_file in {*site_dir.rglob("*.html"), site_dir / "index.html", site_dir / "404.html"}:
        html_file.write_text(page, encoding="utf-8")


def site_language(config: MkDocsConfig) -> str:
    """The theme's language, which sets quiz buttons, the PDF's language and, unless the course says otherwise,
    how dates are written."""
    return config.theme.get("language") or "en"


def summary_file_name(course: Course) -> str:
    return f"{course.slug}-course-summary.pdf"


def site_url_of(files: Files, src_path: str) -> str | None:
    """The site URL of a docs/ page, or None when there is no such page."""
    file = files.get_file_from_path(src_path)
    return file.url if file else None
