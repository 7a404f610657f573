"""Changes an author makes to a course, as the README describes them: add, rename and remove a module."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import yaml

ADDED_MODULE = """\
    ---
    title: {title}
    description: A module an author adds by following the README.
    minutes: 7
    objectives:
      - Show up everywhere the course is listed.
    ---

    # {title}

    !!! warning "Presenting symptoms"
        - A new symptom, as the source words it.

    ## Key points

    - A freshly added key point that every list of the course must carry.
    """
ADDED_QUIZ = """\
    # yaml-language-server: $schema=../build_tools/schemas/quiz.schema.json
    page: modules/{slug}.md
    questions:
      - id: {slug}-question
        type: single
        prompt: Does the added module appear in every list of the course?
        options:
          - text: Only on the home page
            feedback: It appears on every page that lists the course.
          - text: "Yes"
            correct: true
            feedback: Yes.
          - text: Only in the navigation
            feedback: It appears on every page that lists the course.
        explanation: Every page that lists the course is generated from the modules.
        source: key-points
    """
ADDED_FINAL_QUESTION = """\
  - id: final-{slug}
    type: single
    prompt: Where does an added module appear?
    options:
      - text: On the home page alone
        feedback: No. It appears on every page that lists the course.
      - text: On every page that lists the course
        correct: true
        feedback: Yes.
      - text: In the navigation alone
        feedback: No. It appears on every page that lists the course.
      - text: Nowhere until the course is rebuilt by hand
        feedback: No. Every page that lists the course is generated from the modules.
    explanation: Every page that lists the course is generated from the modules.
    source: modules/{slug}.md#key-points
"""
BANK_PER_DRAW = 1.5
"""This course's rule (tests/content/test_assessment_content.py): the final's bank is half as large again as a draw."""


def nav_modules(course: Path) -> list[str]:
    """The module pages in mkdocs.yml's nav, read with plain YAML (not the generator's reader)."""
    text = (course / "mkdocs.yml").read_text(encoding="utf-8")
    return re.findall(r"^\s+- (modules/[\w-]+\.md)\s*$", text, re.MULTILINE)


def replace_everywhere(course: Path, old: str, new: str) -> None:
    """Replace a page's name in every text file of the course, as an author's search-and-replace does."""
    for path in [course / "mkdocs.yml", *(course / "docs").rglob("*.md"), *(course / "quizzes").glob("*.yml")]:
        text = path.read_text(encoding="utf-8")
        if old in text:
            path.write_text(text.replace(old, new), encoding="utf-8")


def final_quiz(course: Path) -> Path:
    """The quiz file that sets a pass mark: the final assessment's."""
    [final] = [path for path in (course / "quizzes").glob("*.yml") if "pass_mark" in yaml.safe_load(path.read_text())]
    return final


def add_module(course: Path, after: str, slug: str = "added-module", title: str = "Added module") -> None:
    """README 'Adding a module': a page in docs/modules/, a line in nav after the last module, a quiz file, and (as
    this course's tests ask: every attempt draws from every module) a question on it in the final's bank."""
    fill = {"slug": slug, "title": title}
    (course / f"docs/modules/{slug}.md").write_text(textwrap.dedent(ADDED_MODULE).format(**fill), encoding="utf-8")
    (course / f"quizzes/{slug}.yml").write_text(textwrap.dedent(ADDED_QUIZ).format(**fill), encoding="utf-8")
    final = final_quiz(course)
    final.write_text(final.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + ADDED_FINAL_QUESTION.format(**fill),
                     encoding="utf-8")
    config = course / "mkdocs.yml"
    line = re.search(rf"^(\s+)- {re.escape(after)}\n", config.read_text(encoding="utf-8"), re.MULTILINE)
    config.write_text(config.read_text(encoding="utf-8").replace(
        line.group(0), f"{line.group(0)}{line.group(1)}- modules/{slug}.md\n"), encoding="utf-8")


def rename_module(course: Path, page: str, new_page: str) -> None:
    """Rename the page's file and every mention of it: nav, quiz `page:` and `source:`, links between pages."""
    (course / "docs" / page).rename(course / "docs" / new_page)
    replace_everywhere(course, page, new_page)
    replace_everywhere(course, f"]({Path(page).name}", f"]({Path(new_page).name}")


def remove_module(course: Path, page: str) -> None:
    """Remove the page, its nav line, its quiz file, the final assessment's questions on it and links to it; lower
    the final's draw if the smaller bank would break this course's rule of a bank half as large again."""
    (course / "docs" / page).unlink()
    for quiz in (course / "quizzes").glob("*.yml"):
        text = quiz.read_text(encoding="utf-8")
        if yaml.safe_load(text).get("page") == page:
            quiz.unlink()
            continue
        head, *questions = re.split(r"(?m)^(?=  - id: )", text)
        kept = [question for question in questions if f"source: {page}" not in question]
        if len(kept) != len(questions):
            draw = min(int(re.search(r"(?m)^draw: (\d+)$", head).group(1)), int(len(kept) / BANK_PER_DRAW))
            head = re.sub(r"(?m)^draw: \d+$", f"draw: {draw}", head)
            quiz.write_text(head + "".join(kept).rstrip("\n") + "\n", encoding="utf-8")
    config = course / "mkdocs.yml"
    config.write_text(re.sub(rf"(?m)^\s+- {re.escape(page)}\n", "", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    link = re.compile(rf"\[([^\]]+)\]\((?:\.\./)?(?:modules/)?{re.escape(Path(page).name)}[^)]*\)")
    for path in (course / "docs").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if link.search(text):
            path.write_text(link.sub(r"\1", text), encoding="utf-8")
