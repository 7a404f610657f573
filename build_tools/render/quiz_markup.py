"""Quizzes in pages: author text rendered once with the page, then wrapped in quiz markup.

A quiz reaches the page in two steps. `quiz_markdown` writes its author text (prompts, options, feedback,
explanations, source links) into the page's Markdown as blocks between marker comments, so MkDocs renders them
in the same pass as the page: the site's own extensions, link rewriting and link checks, one Markdown run per
page. `assemble_quiz` then cuts the rendered blocks out of the page's HTML and wraps them in the quiz markup:
mkdocs-quiz's markup for a self-assessment quiz, the course's own form for the final assessment.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model.pages import without_code
from . import mkdocs_quiz
from .mkdocs_quiz import SCRIPT_PATH, STYLE_PATH
from ..model.quizzes import Question, Quiz
from .templating import package_templates

PLACEMENT_MARKER = re.compile(r"^[ \t]*<!--\s*quiz\s*-->[ \t]*$", re.MULTILINE)
DEFAULT_TITLE = "Check your understanding"
QUIZ_START, QUIZ_END = "<!--course-quiz-start-->", "<!--course-quiz-end-->"
FRAGMENT = re.compile(r"<!--course-fragment:([0-9a-z.]+)-->")
RENDERED_QUIZ = re.compile(re.escape(QUIZ_START) + r"(.*?)" + re.escape(QUIZ_END), re.DOTALL)
PARAGRAPH = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)
BULLET_OR_HEADING_START = re.compile(r"^(?=[-*+#])")
NUMBERED_START = re.compile(r"^(\d+)(?=[.)])")

_templates = package_templates("templates", ["html.j2"])

def escape_text(text: str) -> str:
    """Author Markdown that can never become HTML, script, or quiz syntax.

    `<`, `>` and `&` become entities, which also defuses marker comments and blockquote lines; `{` too, so
    `attr_list` can give author text no attributes (`{: onclick=...}`); `[[` and answer-like lines lose their
    literal bracket. Emphasis, lists and links still work (their targets are checked when the quiz is read).
    """
    return mkdocs_quiz.defuse_quiz_syntax(html.escape(text, quote=False).replace("{", "&#123;"))


def escape_line(text: str) -> str:
    """One-line author text (an option, a title) that must not start a list, heading or numbered item."""
    text = BULLET_OR_HEADING_START.sub("\\\\", escape_text(text), count=1)
    return NUMBERED_START.sub(r"\1\\", text, count=1)


def option_order(question: Question) -> list[int]:
    """The order the options are shown in: shuffled, the same in every build, never the order written.

    Seeded by the question's id, so a learner's saved answers stay valid and every build agrees. A question
    whose order means something (`keep_order`) keeps it.
    """
    order = list(range(len(question.options)))
    if question.keep_order or len(order) < 2:
        return order
    seed = int.from_bytes(hashlib.sha256(question.id.encode()).digest()[:8], "big")
    random.Random(seed).shuffle(order)
    if order == sorted(order):
        order = order[1:] + order[:1]
    return order


def quiz_markdown(quiz: Quiz, with_text: bool = True) -> str:
    """The quiz's heading and author text as Markdown blocks between markers, for MkDocs to render with the page.

    Without text, only the heading and empty markers: the text's rendering comes from the cache.
    """
    blocks = [f"## {escape_line(quiz.title or DEFAULT_TITLE)}", QUIZ_START]
    if not with_text:
        return "\n\n".join([*blocks, QUIZ_END]) + "\n"

    def block(key: str, markdown: str) -> None:
        blocks.extend([f"<!--course-fragment:{key}-->", markdown])

    for q, question in enumerate(quiz.questions):
        block(f"{q}.prompt", escape_text(question.prompt))
        for o, option in enumerate(question.options):
            block(f"{q}.{o}.text", escape_line(option.text))
            if option.feedback:
                block(f"{q}.{o}.feedback", escape_text(option.feedback))
        if question.explanation:
            block(f"{q}.explanation", escape_text(question.explanation))
        if question.source:
            block(f"{q}.source", source_link(question.source, quiz.page, q))
    blocks.append(QUIZ_END)
    return "\n\n".join(blocks) + "\n"


class HeadingNames:
    """Names of the sections that quiz questions link to, known only once MkDocs has rendered every page.

    A question's source link carries a placeholder (`@@course-heading-3@@` for the quiz's fourth question);
    `resolve` reads the section names from the rendered pages' tables of contents, and `fill` writes them into
    that quiz's HTML.
    """

    def __init__(self) -> None:
        self.names: dict[str, dict[int, str]] = {}

    def resolve(self, quizzes: Iterable[Quiz], rendered: dict[str, Any]) -> None:
        """`Investigations` on its own page; `Module title: Investigations` seen from another page."""
        self.names = {}
        for quiz in quizzes:
            names = self.names.setdefault(quiz.page, {})
            for q, question in enumerate(quiz.questions):
                if question.source:
                    target, _, anchor = question.source.rpartition("#")
                    page = rendered[target or quiz.page]
                    name = toc_titles(page.toc).get(anchor, page.title)
                    title = page.title
                    names[q] = f"{title}: {name}" if target not in ("", quiz.page) and title and title != name else name

    def fill(self, page: str, quiz_html: str) -> str:
        names = self.names.get(page, {})
        return HEADING_PLACEHOLDER.sub(lambda match: html.escape(names.get(int(match.group(1)), "")), quiz_html)


HEADING_PLACEHOLDER = re.compile(r"@@course-heading-(\d+)@@")


def toc_titles(toc: Any) -> dict[str, str]:
    """anchor -> heading text, for every heading in a MkDocs table of contents."""
    titles = {}
    for item in toc:
        titles[item.id] = html.unescape(re.sub(r"<[^>]+>", "", item.title))
        titles.update(toc_titles(item.children))
    return titles


def source_link(source: str, page: str, question_number: int) -> str:
    """`source` as a Markdown link back to the section that teaches the answer (its name filled in later)."""
    target, _, anchor = source.rpartition("#")
    target = target or page
    href = "" if target == page else posixpath.relpath(target, posixpath.dirname(page) or ".")
    return f"Where this is taught: [@@course-heading-{question_number}@@]({href}#{anchor})"


def place_quiz(page_markdown: str, quiz_markdown: str) -> str:
    """Put the quiz at the page's `<!-- quiz -->` line, or at the end when it has none."""
    match = PLACEMENT_MARKER.search(without_code(page_markdown))
    if match:
        return page_markdown[: match.start()] + quiz_markdown + page_markdown[match.end():]
    return page_markdown.rstrip("\n") + "\n\n" + quiz_markdown


@dataclass(frozen=True)
class ShownOption:
    index: int
    """Position as written in the quiz file: the value saved answers refer to."""
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class ShownQuestion:
    id: str
    multiple: bool
    keep_order: bool
    prompt: str
    options: list[ShownOption]
    explanation: str
    source: str


INLINE_FRAGMENTS = ("text", "feedback", "source")
"""Fragments shown inline (an option's label, its feedback, the source link): their one paragraph is unwrapped."""


def rendered_fragments(fragment_html: str) -> dict[str, str]:
    """The rendered blocks between the markers, by key."""
    parts = FRAGMENT.split(fragment_html)
    fragments = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        value = value.strip()
        match = PARAGRAPH.match(value)
        inline = key.rsplit(".", 1)[-1] in INLINE_FRAGMENTS and match and "<p>" not in match.group(1)
        fragments[key] = match.group(1) if inline else value
    return fragments


def shown_questions(quiz: Quiz, fragments: dict[str, str]) -> list[ShownQuestion]:
    return [
        ShownQuestion(
            id=question.id,
            multiple=question.type == "multiple",
            keep_order=question.keep_order,
            prompt=fragments[f"{q}.prompt"],
            options=[
                ShownOption(o, fragments[f"{q}.{o}.text"], question.options[o].correct,
                            fragments.get(f"{q}.{o}.feedback", ""))
                for o in option_order(question)
            ],
            explanation=fragments.get(f"{q}.explanation", ""),
            source=fragments.get(f"{q}.source", ""),
        )
        for q, question in enumerate(quiz.questions)
    ]


REVIEW_SCRIPT = "assets/course/final-review.{digest}.js"


QUIZ_SLOT = re.compile(r"<!--course-quiz-slot-->.*?<!--/course-quiz-slot-->", re.DOTALL)


def rendered_quiz_text(page_html: str) -> dict[str, str] | None:
    """The quiz's rendered text blocks in a page's HTML, by key; None when the page holds none (a cached quiz)."""
    match = RENDERED_QUIZ.search(page_html)
    return rendered_fragments(match.group(1)) if match and FRAGMENT.search(match.group(1)) else None


def assemble_quiz(page_html: str, quiz: Quiz, fragments: dict[str, str], *, final: bool,
                  asset_url: Callable[[str], str], labels: dict[str, str]) -> tuple[str, str, tuple[str, str] | None]:
    """The quiz in quiz markup, and the page's HTML with a slot where it goes; for the final assessment also the
    script that holds its feedback (site path, content), which the page loads but does not carry.

    The slot holds only the questions' prompts, for search to index; the quiz replaces it once the page is
    indexed (see fill_quiz_slot). The rendered blocks are already safe HTML (author text was escaped before MkDocs
    rendered it); the templates mark them safe and escape everything else.
    """
    questions = shown_questions(quiz, fragments)
    review = None
    assets = {"js": asset_url(SCRIPT_PATH), "css": asset_url(STYLE_PATH)}
    if final:
        review = review_script(questions)
        assets["review"] = asset_url(review[0])
    if final:
        quiz_html = _templates.get_template("assessment.html.j2").render(
            quiz=quiz, questions=questions, assets=assets, labels=labels, pass_mark=quiz.pass_mark)
    else:
        quiz_html = mkdocs_quiz.quiz_html(quiz=quiz, questions=questions, assets=assets, labels=labels)
    slot = "<!--course-quiz-slot-->" + "".join(q.prompt for q in questions) + "<!--/course-quiz-slot-->"
    return RENDERED_QUIZ.sub(lambda _: slot, page_html, count=1), quiz_html, review


def fill_quiz_slot(page_html: str, quiz_html: str) -> str:
    return QUIZ_SLOT.sub(lambda _: quiz_html, page_html, count=1)


def review_script(questions: list[ShownQuestion]) -> tuple[str, str]:
    """The final assessment's feedback, explanations and source links as a script (site path, content): loaded
    with the page, shown only once the assessment is submitted, and kept out of the page so it stays small."""
    data = {
        question.id: {
            "feedback": {str(option.index): option.feedback for option in question.options if option.feedback},
            "explanation": question.explanation,
            "source": question.source,
        }
        for question in questions
    }
    content = f"window.CourseFinalReview = {json.dumps(data, ensure_ascii=False, separators=(',', ':'))};\n"
    return REVIEW_SCRIPT.format(digest=hashlib.sha256(content.encode()).hexdigest()[:12]), content
