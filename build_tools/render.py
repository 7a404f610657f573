"""Rendering a validated quiz into mkdocs-quiz Markdown: model in, text out."""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined

from .quizzes import Question, Quiz

PLACEMENT_MARKER = re.compile(r"^[ \t]*<!--\s*quiz\s*-->[ \t]*$", re.MULTILINE)
DEFAULT_TITLE = "Check your understanding"
# mkdocs-quiz reads a line starting "- [" or "* [" as an answer, and "[[...]]" as a fill-in-the-blank.
ANSWER_LIKE_LINE = re.compile(r"^([ \t]*[-*+][ \t]*)\[", re.MULTILINE)
BULLET_OR_HEADING_START = re.compile(r"^(?=[-*+#])")
NUMBERED_START = re.compile(r"^(\d+)(?=[.)])")

_templates = Environment(
    loader=PackageLoader("build_tools", "templates"),
    autoescape=False,  # the output is Markdown: author text is escaped for Markdown by escape_text()
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)

HeadingName = Callable[[str, str, str], str]
"""How to name a section in a link: (page, anchor, page the link is on) -> name."""


@dataclass(frozen=True)
class RenderedOption:
    text: str
    correct: bool
    feedback_lines: list[str]


@dataclass(frozen=True)
class RenderedQuestion:
    prompt: str
    options: list[RenderedOption]
    explanation: str | None
    source_link: str | None


def escape_text(text: str) -> str:
    """Author Markdown that can never become HTML, script, or mkdocs-quiz syntax.

    `<`, `>` and `&` become entities, which also defuses `</quiz>`, `-->` and blockquote lines; `[[` and
    answer-like lines lose their literal bracket. Emphasis, lists and links still work.
    """
    text = html.escape(text, quote=False)
    text = text.replace("[[", "&#91;&#91;")
    return ANSWER_LIKE_LINE.sub(r"\1&#91;", text)


def escape_line(text: str) -> str:
    """One-line author text (an option, a title) that must not start a list, heading or numbered item."""
    text = BULLET_OR_HEADING_START.sub("\\\\", escape_text(text), count=1)
    return NUMBERED_START.sub(r"\1\\", text, count=1)


def render_quiz(quiz: Quiz, heading_name: HeadingName, storage_prefix: str) -> str:
    """The quiz block for quiz.page, ready to be placed into the page's Markdown."""
    return _templates.get_template("quiz.md.j2").render(
        title=escape_line(quiz.title or DEFAULT_TITLE),
        page_src=html.escape(quiz.page),
        version=quiz.fingerprint,
        version_key=f"{storage_prefix}quiz-version:{quiz.page}",
        questions=[render_question(q, quiz.page, heading_name) for q in quiz.questions],
    )


def render_question(question: Question, page: str, heading_name: HeadingName) -> RenderedQuestion:
    return RenderedQuestion(
        prompt=escape_text(question.prompt),
        options=[
            RenderedOption(
                text=escape_line(option.text),
                correct=option.correct,
                feedback_lines=escape_text(option.feedback).splitlines() if option.feedback else [],
            )
            for option in question.options
        ],
        explanation=escape_text(question.explanation) if question.explanation else None,
        source_link=source_link(question.source, page, heading_name) if question.source else None,
    )


def source_link(source: str, page: str, heading_name: HeadingName) -> str:
    """`source` as a Markdown link back to the section that teaches the answer."""
    target, _, anchor = source.rpartition("#")
    target = target or page
    name = escape_text(heading_name(target, anchor, page)).replace("]", "\\]")
    href = "" if target == page else posixpath.relpath(target, posixpath.dirname(page) or ".")
    return f"Where this is taught: [{name}]({href}#{anchor})"


def place_quiz(page_markdown: str, quiz_markdown: str) -> str:
    """Put the quiz at the page's `<!-- quiz -->` line, or at the end when it has none."""
    match = PLACEMENT_MARKER.search(page_markdown)
    if match:
        return page_markdown[: match.start()] + quiz_markdown + page_markdown[match.end():]
    return page_markdown.rstrip("\n") + "\n\n" + quiz_markdown
