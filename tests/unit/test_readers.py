"""The readers on literal inputs: small YAML and Markdown written out here, the values expected written out too."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from build_tools.model.course import Course
from build_tools.model.errors import Problem
from build_tools.model.located_yaml import YamlProblem, load_located
from build_tools.model.pages import Callout, Module, Review, read_module, read_page
from build_tools.model.quiz_files import parse_quiz
from build_tools.model.quizzes import Option, Question, Quiz

COURSE = Course(title="T", slug="t", cpd_hours=1, last_reviewed=dt.date(2026, 1, 1), next_review=dt.date(2027, 1, 1),
                authors=("A",))


def test_located_yaml_keeps_the_line_of_every_key_and_item() -> None:
    loaded = load_located(b"page: a.md\nquestions:\n  - id: one\n    type: single\n  - id: two\n")
    assert loaded == {"page": "a.md", "questions": [{"id": "one", "type": "single"}, {"id": "two"}]}
    assert loaded.line == 1 and loaded.key_lines == {"page": 1, "questions": 2}
    assert loaded["questions"].item_lines == [3, 5]
    assert loaded["questions"][0].key_lines == {"id": 3, "type": 4}


def test_located_yaml_keeps_unquoted_words_as_written() -> None:
    loaded = load_located(b"text: Yes\nyear: 2027\nquoted: 'on'\nday: 2027-02-30\n")
    assert (loaded.text("text"), loaded.text("year"), loaded.text("quoted"), loaded["day"]) == (
        "Yes", "2027", "on", "2027-02-30")


@pytest.mark.parametrize(("data", "line", "words"), [
    (b"a: 1\na: 2\n", 2, "'a' is given twice in the same block"),
    (b"a: &x 1\nb: *x\n", 2, "YAML aliases ('*name') are not used"),
    (b"a: [1\n", None, ""),
    (b"\xff\xfe", None, ""),
])
def test_located_yaml_refuses_with_a_line(data: bytes, line: int | None, words: str) -> None:
    with pytest.raises(YamlProblem) as refused:
        load_located(data)
    if line is not None:
        assert refused.value.line == line
    assert words in refused.value.message


QUIZ = b"""\
page: modules/a.md
pass_mark: 80
questions:
  - id: a-first
    type: multiple
    prompt: Which are right?
    options:
      - text: "Yes"
        correct: true
      - text: 2027
        correct: true
      - text: No
        feedback: Not this one.
    explanation: Both.
    source: symptoms
"""


def test_the_quiz_reader_gives_the_model_written_out() -> None:
    problems: list[Problem] = []
    quiz = parse_quiz(QUIZ, "quizzes/a.yml", lambda page: {"symptoms": "Symptoms"} if page == "modules/a.md" else None,
                      problems)
    assert problems == []
    assert quiz == Quiz(file="quizzes/a.yml", page="modules/a.md", title=None, pass_mark=80, questions=(
        Question(id="a-first", type="multiple", prompt="Which are right?",
                 options=(Option("Yes", True, None), Option("2027", True, None), Option("No", False, "Not this one.")),
                 explanation="Both.", source="symptoms", keep_order=False, source_line=15),), draw=None)


PAGE = """\
---
title: Bone metastases
description: What the module teaches.
minutes: 8
objectives:
  - Name the bones.
  - "Say: what next"
next_review: 2026-06-30
---

# Bone metastases

!!! danger "Red flag"
    - Haemoptysis.

!!! warning
    Pain at night.

## Key points

- First point.
1. Second point,
   on two lines.
"""


def test_the_page_reader_splits_front_matter_and_resolves_review_dates() -> None:
    problems: list[Problem] = []
    page = read_page(Path("docs"), "modules/bone.md", PAGE, COURSE, problems)
    assert problems == []
    assert page.meta == {"title": "Bone metastases", "description": "What the module teaches.", "minutes": 8,
                         "objectives": ["Name the bones.", "Say: what next"], "next_review": "2026-06-30"}
    assert page.body.startswith("\n# Bone metastases\n") and page.body_line == 10
    assert page.review == Review(dt.date(2026, 1, 1), dt.date(2026, 6, 30), next_review_line=8)


def test_the_module_reader_gives_the_module_written_out() -> None:
    problems: list[Problem] = []
    module = read_module(read_page(Path("docs"), "modules/bone.md", PAGE, COURSE, problems), "docs", problems)
    assert problems == []
    assert module == Module(
        src_path="modules/bone.md", title="Bone metastases", description="What the module teaches.", minutes=8,
        objectives=("Name the bones.", "Say: what next"),
        callouts=(Callout("danger", "Red flag", ("Haemoptysis.",)), Callout("warning", "Warning", ("Pain at night.",))),
        key_points=("First point.", "Second point,\non two lines."))


def test_a_module_without_its_front_matter_is_reported_not_read_as_blank() -> None:
    problems: list[Problem] = []
    read_module(read_page(Path("docs"), "modules/x.md", "# X\n\n## Key points\n\n- One.\n", COURSE, problems), "docs",
                problems)
    assert [(p.path, p.line, p.message.split("'")[1]) for p in problems] == [
        ("docs/modules/x.md", None, key) for key in ("title", "description", "minutes", "objectives")]
