"""Checks that wait for MkDocs to render every page: quiz source links against the anchors the pages have, and the
titles MkDocs settled."""

from __future__ import annotations

import functools
from pathlib import Path

from mkdocs.structure.pages import Page

from . import pages
from .course_model import CourseModel
from .errors import Problem
from .quiz_files import source_problems


def rendered_problems(model: CourseModel, quiz_problems: tuple[Problem, ...], rendered: dict[str, Page],
                      docs_dir: Path) -> list[Problem]:
    """The quiz files' problems, their links' problems and the titles' problems, all at once."""
    return (list(quiz_problems) + source_problems(model.quizzes.values(), functools.partial(page_anchor_ids, rendered))
            + title_problems(rendered, docs_dir))


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
