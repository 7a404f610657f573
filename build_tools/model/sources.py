"""Reading and checking every source file before any page renders: pages, modules, widgets, quiz files, review
dates. Every problem found is reported at once."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from ..render.widgets import find_widgets
from . import pages
from .banners import Banner, link_problems
from .course import CONFIG_FILE, Course
from .errors import Problem, not_utf8, raise_if_any
from .quiz_files import read_quizzes
from .quizzes import Quiz
from .review import course_overdue_message, overdue_message, today
from .setting_lines import setting_lines
from .settings import CourseConfig, beside_config

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class ExtraSettings:
    """The course's own settings from mkdocs.yml's `extra`: the course and its banners."""

    course: Course
    banners: tuple[Banner, ...]


@dataclass(frozen=True)
class Sources:
    """Every page and quiz file as read, keyed by source path under docs/ (quizzes by the page they sit on)."""

    pages: Mapping[str, pages.Page]
    modules: Mapping[str, pages.Module]
    """The pages under the modules folder, in file order (the navigation sets the course order later)."""
    widget_pages: Mapping[str, str]
    """Each widget used, with the first page it is on."""
    quizzes: Mapping[str, Quiz]
    quiz_problems: tuple[Problem, ...]
    """Problems in the quiz files, reported with the anchor problems once pages are rendered (all at once)."""
    overdue: frozenset[str]
    """Pages past their next review (shown, flagged, only while previewing)."""


class EveryAnchor:
    """Any anchor: while pages are only read, not rendered, a quiz's source anchor cannot be checked yet."""

    def __contains__(self, anchor: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())


EVERY_ANCHOR = EveryAnchor()


def with_quiz_problems(problems: list[Problem], quiz_problems: tuple[Problem, ...]) -> list[Problem]:
    """A build that stops early for other problems reports the quiz files' problems with them (otherwise those
    wait for the rendered pages, to come with the quiz links' problems)."""
    return problems + list(quiz_problems) if problems else []


def read_sources(files: Files, config: MkDocsConfig, settings: CourseConfig, extra: ExtraSettings,
                 serving: bool) -> Sources:
    """Read every page and quiz file; raise AuthoringError with every problem found."""
    docs_dir = Path(config.docs_dir)
    problems = outside_problems(files, docs_dir)
    read, modules, widget_pages = read_pages(files, docs_dir, settings, extra.course, problems)
    problems.extend(link_problems(list(extra.banners), functools.partial(site_url_of, files), config.config_file_path))
    quizzes, quiz_problems = read_quizzes(beside_config(config, settings.quizzes_dir),
                                          lambda src: EVERY_ANCHOR if src in read else None,
                                          settings.final_assessment)
    by_page = {quiz.page: quiz for quiz in quizzes}
    if not quiz_problems:
        problems.extend(missing_assessment(widget_pages, by_page, settings.final_assessment))
    overdue = [page for page in read.values() if page.review.next_review < today()]
    problems.extend(review_problems(config, extra.course, read, overdue, serving))
    raise_if_any(with_quiz_problems(problems, tuple(quiz_problems)))
    return Sources(MappingProxyType(read), MappingProxyType(modules), MappingProxyType(widget_pages),
                   MappingProxyType(by_page), tuple(quiz_problems), frozenset(page.src_path for page in overdue))


def read_pages(files: Files, docs_dir: Path, settings: CourseConfig, course: Course, problems: list[Problem]
               ) -> tuple[dict[str, pages.Page], dict[str, pages.Module], dict[str, str]]:
    """Every page's front matter and sections, the modules among them and the widgets they use."""
    modules_prefix = settings.modules_dir.strip("/") + "/"
    read: dict[str, pages.Page] = {}
    modules: dict[str, pages.Module] = {}
    widget_pages: dict[str, str] = {}
    for file in files.documentation_pages():
        try:
            text = file.content_string
        except UnicodeDecodeError as error:
            problems.append(not_utf8(f"{docs_dir.name}/{file.src_uri}", file.content_bytes, error))
            continue
        page = pages.read_page(docs_dir, file.src_uri, text, course, problems)
        read[file.src_uri] = page
        for widget in find_widgets(page, docs_dir.name, problems):
            widget_pages.setdefault(widget, file.src_uri)
        if file.src_uri.startswith(modules_prefix):
            modules[file.src_uri] = pages.read_module(page, docs_dir.name, problems)
    return read, modules, widget_pages


def review_problems(config: MkDocsConfig, course: Course, read: Mapping[str, pages.Page],
                    overdue: list[pages.Page], serving: bool) -> list[Problem]:
    """Overdue pages, once for the course's own date and once per page that sets its own; a review cannot be
    in the future. While serving, overdue pages are shown (flagged) and only warned about."""
    docs_name = Path(config.docs_dir).name
    line = setting_lines(config.config_file_path)
    found: list[Problem] = []
    if course.last_reviewed > today():
        found.append(Problem(CONFIG_FILE, line("extra", "course", "last_reviewed"),
                             "'extra.course.last_reviewed' is in the future: give the date of the last review"))
    own = [page for page in overdue if page.review.next_review_line is not None]
    if len(own) < len(overdue):
        found.append(Problem(CONFIG_FILE, line("extra", "course", "next_review"),
                             course_overdue_message(course.next_review)))
    found += [Problem(f"{docs_name}/{page.src_path}", page.review.next_review_line, overdue_message(page))
              for page in own]
    future = [page for page in read.values() if page.review.last_reviewed > today() and "last_reviewed" in page.meta]
    found += [Problem(f"{docs_name}/{page.src_path}", None, "'last_reviewed' is in the future: give the date "
                      "of the last review") for page in future]
    if serving:  # previewing while the review is done: shown, never published
        for problem in found:
            log.warning(str(problem))
        return []
    return found


def missing_assessment(widget_pages: Mapping[str, str], quizzes: Mapping[str, Quiz], final: str | None
                       ) -> list[Problem]:
    """The assessment result and certificate widgets need the final assessment's quiz."""
    assessment_widgets = sorted({"assessment-result", "certificate"} & set(widget_pages))
    if not assessment_widgets or final in quizzes:
        return []
    return [Problem(CONFIG_FILE, None, f"the {' and '.join(assessment_widgets)} widget needs a final "
                    "assessment: set the course plugin's 'final_assessment' to a page that has a quiz file")]


def outside_problems(files: Files, docs_dir: Path) -> list[Problem]:
    """Files that are links to somewhere outside docs/: MkDocs would publish whatever they point at."""
    inside = docs_dir.resolve()
    return [Problem(f"{docs_dir.name}/{file.src_uri}", None, "this is a link to a file outside the docs folder, "
                    "which would be published with the course: copy the file into docs/ instead, or remove the link")
            for file in files if file.src_dir and Path(file.src_dir) == docs_dir
            and not Path(file.abs_src_path).resolve().is_relative_to(inside)]


def site_url_of(files: Files, src_path: str) -> str | None:
    """The site URL of a docs/ page, or None when there is no such page."""
    file = files.get_file_from_path(src_path)
    return file.url if file else None
