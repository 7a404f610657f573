"""What the course adds to each page as MkDocs builds it: widgets, a module's objectives, the overdue notice, the
quiz (rendered with the page's Markdown, then wrapped in quiz markup once the page is indexed)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..model.course_model import CourseModel
from ..model.review import overdue_notice
from .learner_manifest import widget_context
from .mkdocs_quiz import quiz_labels
from .quiz_cache import QuizCache
from .quiz_markup import HeadingNames, assemble_quiz, fill_quiz_slot, place_quiz, quiz_markdown, rendered_quiz_text
from .widgets import add_widget_headings, place_module_intro, place_widgets

QUIZ_TEXT = "course_quiz_text"
"""Page meta key: the quiz's rendered text from the cache, between the Markdown and the HTML events."""


class CoursePages:
    """One build's page rendering; it holds each quiz's HTML from when the page is rendered until it is written."""

    def __init__(self, model: CourseModel, quiz_cache: QuizCache, summary_file: str | None,
                 summary_size: Callable[[], str]) -> None:
        self.model = model
        self.quiz_cache = quiz_cache
        self.summary_file = summary_file
        self.summary_size = summary_size
        self.labels = quiz_labels(model.language)
        self.heading_names = HeadingNames()
        self.quiz_html: dict[str, str] = {}
        self.final_review: tuple[str, str] | None = None

    def markdown(self, markdown: str, page: Page) -> str:
        """The page's Markdown with its widgets, its module's objectives and its quiz's text placed."""
        model = self.model
        context = functools.partial(widget_context, model.manifest, list(model.widget_rows), model.final_quiz,
                                    model.summary, page.url, self.summary_file, self.summary_size())
        markdown = place_widgets(markdown, context)
        src = page.file.src_uri
        module = model.modules.get(src)
        if module is not None:
            objectives = [model.fragments.inline(objective) for objective in module.objectives]
            markdown = place_module_intro(markdown, module.minutes, objectives)
        if src in model.overdue:
            markdown = overdue_notice(model.pages[src]) + markdown
        quiz = model.quizzes.get(src)
        if quiz is None:
            return markdown
        cached = self.quiz_cache.get(quiz)
        page.meta[QUIZ_TEXT] = cached
        return place_quiz(markdown, quiz_markdown(quiz, with_text=cached is None))

    def content(self, html: str, page: Page) -> str:
        """The widgets' headings in the table of contents; the quiz's rendered text cut out and wrapped in quiz
        markup, kept until the page is written."""
        add_widget_headings(page.toc, html)
        quiz = self.model.quizzes.get(page.file.src_uri)
        if quiz is None:
            return html
        fragments = page.meta.pop(QUIZ_TEXT, None)
        if fragments is None:
            fragments = rendered_quiz_text(html)
            self.quiz_cache.put(quiz, fragments)
        html, self.quiz_html[quiz.page], review = assemble_quiz(
            html, quiz, fragments, final=quiz.page == self.model.final_assessment,
            asset_url=functools.partial(get_relative_url, other=page.url), labels=self.labels)
        if review is not None:
            self.final_review = review
        return html

    def name_sections(self, rendered: dict[str, Any], config: Any, files: Files) -> None:
        """Every page is rendered: name the sections quiz questions link to; write the final assessment's review."""
        self.heading_names.resolve(self.model.quizzes.values(), rendered)
        if self.final_review is not None:
            path, content = self.final_review
            content = self.heading_names.fill(self.model.final_assessment, content)
            files.append(File.generated(config, path, content=content))

    def written(self, output: str, page: Page) -> str:
        """The page as it is written: its quiz in place of the slot search indexed."""
        quiz_html = self.quiz_html.pop(page.file.src_uri, None)
        if quiz_html is None:
            return output
        return fill_quiz_slot(output, self.heading_names.fill(page.file.src_uri, quiz_html))

    def finish(self) -> None:
        self.quiz_cache.keep_only_used()
