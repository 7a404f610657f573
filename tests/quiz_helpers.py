"""Building quiz files in tests: a valid baseline, and the problems the loader reports for a file."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from build_tools.model.errors import AuthoringError, Problem
from build_tools.model.quiz_files import load_quizzes
from build_tools.model.quizzes import Quiz

PAGES = {
    "modules/a.md": {"a": "Module A", "symptoms": "Symptoms", "key-points": "Key points"},
    "modules/b.md": {"b": "Module B", "investigations": "Investigations"},
    "final.md": {"final": "Final"},
}

VALID = """\
page: modules/a.md
title: Check your understanding
questions:
  - id: a-first
    type: single
    prompt: Which is right?
    options:
      - text: Right
        correct: true
        feedback: Yes.
      - text: Wrong
        feedback: No.
    explanation: Because.
    source: symptoms
"""


def anchors_of(page: str) -> dict[str, str] | None:
    return PAGES.get(page)


def write_quizzes(directory: Path, files: dict[str, str]) -> Path:
    """Write files into directory/quizzes (so problems name `quizzes/<file>`) and return that folder."""
    directory = directory / "quizzes"
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (directory / name).write_text(textwrap.dedent(text))
    return directory


def problems_for(directory: Path, files: dict[str, str], final: str | None = None) -> list[Problem]:
    """The problems the loader reports; [] when the files are valid."""
    try:
        load_quizzes(write_quizzes(directory, files), anchors_of, final)
    except AuthoringError as error:
        return error.problems
    return []


def load(directory: Path, files: dict[str, str]) -> list[Quiz]:
    return load_quizzes(write_quizzes(directory, files), anchors_of)


def quiz_blocks(html: str) -> list[str]:
    """The mkdocs-quiz blocks of a built page, one per question."""
    return re.findall(r'<div class="quiz" .*?</section>', html, re.DOTALL)
