"""The course model: one immutable picture of the course per build, from mkdocs.yml, the pages and the quiz files.

The pages' widgets, the learner manifest (the browser's course data), the summary PDF, the offline copy and the
SCORM package are all projections of it: none of them reads a source file or a built page again.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from ..outputs.brand_colour import brand_colour
from ..outputs.summary import Fragments, Summary, build_summary
from ..render.learner_manifest import learner_manifest, widget_rows
from . import pages
from .course import CONFIG_FILE, Course
from .errors import Problem, raise_if_any
from .quizzes import Quiz
from .review import today
from .settings import CourseConfig, site_language
from .sources import ExtraSettings, Sources, site_url_of, with_quiz_problems


@dataclass(frozen=True)
class CourseModel:
    """The course as this build knows it. Built once, in `on_nav`, when the navigation has fixed the course order."""

    course: Course
    extra: ExtraSettings
    """The course and its banners, from mkdocs.yml's `extra`."""
    pages: Mapping[str, pages.Page]
    modules: Mapping[str, pages.Module]
    """The teaching modules in course (navigation) order."""
    quizzes: Mapping[str, Quiz]
    widget_pages: Mapping[str, str]
    overdue: frozenset[str]
    final_assessment: str | None
    language: str
    """The theme's language: the pages' `lang`, quiz buttons, the PDF's language."""
    icon: str
    """The site's icon, relative to the site's root (as the pages link it)."""
    summary: Summary
    """What the summary PDF shows."""
    manifest: dict[str, Any]
    """What the learner's browser is told about the course (see ARCHITECTURE.md); plain data, to be written as JSON."""
    widget_rows: tuple[dict[str, Any], ...]
    """Each module as the learner widgets list it."""
    fragments: Fragments
    """The site's Markdown, for short author texts (a module's objectives) placed into pages."""

    @property
    def final_quiz(self) -> Quiz | None:
        return self.quizzes.get(self.final_assessment or "")

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(question.id for quiz in self.quizzes.values() for question in quiz.questions)


def build_model(nav: Navigation, files: Files, config: MkDocsConfig, settings: CourseConfig, extra: ExtraSettings,
                sources: Sources) -> CourseModel:
    """The course model; raise AuthoringError with every problem the navigation and the summary's pages show."""
    in_nav = [page.file.src_uri for page in nav.pages if page.file.src_uri in sources.modules]
    raise_if_any(with_quiz_problems(nav_problems(nav, config, settings, sources, in_nav), sources.quiz_problems))
    fragments = Fragments(config.markdown_extensions, config.mdx_configs)
    modules = {src: sources.modules[src] for src in in_nav}
    course, language = extra.course, site_language(config)
    summary, problems = build_summary(
        course, list(modules.values()),
        home=sources.pages[settings.home_page],
        about=sources.pages.get(settings.about_page),
        resources=sources.pages.get(settings.resources_page),
        docs_name=Path(config.docs_dir).name,
        language=language,
        colour=brand_colour(config, settings.brand_colour),
        fragments=fragments,
    )
    raise_if_any(with_quiz_problems(problems, sources.quiz_problems))
    manifest = learner_manifest(
        course, list(modules.items()), dict(sources.quizzes), dict(sources.widget_pages), settings.final_assessment,
        functools.partial(site_url_of, files), locale=course.locale or language, language=language,
        review=settings.assessment_review, file_shell=settings.offline_shell, built=today(),
        site_url=config.site_url or "",
    )
    return CourseModel(
        course=course, extra=extra, pages=sources.pages, modules=MappingProxyType(modules),
        quizzes=sources.quizzes, widget_pages=sources.widget_pages, overdue=sources.overdue,
        final_assessment=settings.final_assessment, language=language, icon=config.theme.get("favicon") or "",
        summary=summary, manifest=manifest, widget_rows=tuple(widget_rows(manifest, dict(sources.quizzes), summary)),
        fragments=fragments,
    )


def nav_problems(nav: Navigation, config: MkDocsConfig, settings: CourseConfig, sources: Sources,
                 in_nav: list[str]) -> list[Problem]:
    """Pages the summary needs that are missing, titles that are not plain text, modules left out of the nav."""
    problems: list[Problem] = []
    named = {settings.home_page, settings.about_page, settings.resources_page} - {None}
    for missing in sorted(named - set(sources.pages)):
        problems.append(Problem(CONFIG_FILE, None, f"the course summary needs the page {missing}, which is not "
                                "in docs/: add it, or point the course plugin's setting at another page"))
    problems += [Problem(CONFIG_FILE, None, message) for title in [config.site_name, *nav_titles(nav.items)]
                 if (message := pages.title_problem(title))]
    docs_name = Path(config.docs_dir).name
    for left_out in sorted(set(sources.modules) - set(in_nav)):
        problems.append(Problem(f"{docs_name}/{left_out}", None, f"this module is not in the 'nav' of "
                                f"{CONFIG_FILE}, so learners could not find it and progress and the summary "
                                "would leave it out: add it to the nav, in course order"))
    return problems


def nav_titles(items: list[Any]) -> list[str]:
    """The titles the navigation shows for its sections, links and pages (where set in mkdocs.yml)."""
    return [title for item in items for title in [item.title, *nav_titles(getattr(item, "children", None) or [])]
            if isinstance(title, str)]
