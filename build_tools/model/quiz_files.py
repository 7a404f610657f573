"""Quiz files: load every `quizzes/*.yml`, check the whole authoring contract, return the quiz model (quizzes.py).

The contract is in the project's design notes and in `schemas/quiz.schema.json`; a test holds the two together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

from .errors import Problem, raise_if_any
from .located_yaml import LocatedDict, LocatedList, YamlProblem, load_located
from .located_fields import optional_text, reject_unknown, required_text
from .quizzes import AnchorLookup, Option, Question, Quiz

QUIZ_KEYS = {"page", "title", "pass_mark", "draw", "questions"}
QUESTION_KEYS = {"id", "type", "prompt", "options", "explanation", "source", "keep_order"}
OPTION_KEYS = {"text", "correct", "feedback"}
QUESTION_TYPES = ("single", "multiple")
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MIN_OPTIONS, MAX_OPTIONS = 2, 8


def load_quizzes(quiz_dir: Path, anchors_of: AnchorLookup, required_pass_mark: str | None = None) -> list[Quiz]:
    """Every quiz file under quiz_dir, checked together; raises AuthoringError listing every problem."""
    quizzes, problems = read_quizzes(quiz_dir, anchors_of, required_pass_mark)
    raise_if_any(problems)
    return quizzes


def read_quizzes(quiz_dir: Path, anchors_of: AnchorLookup,
                 required_pass_mark: str | None = None) -> tuple[list[Quiz], list[Problem]]:
    """The quiz files that are sound, and the problems of those that are not."""
    problems: list[Problem] = []
    quizzes: list[Quiz] = []
    ids: dict[str, str] = {}
    for path in sorted(quiz_dir.glob("*.y*ml")) if quiz_dir.is_dir() else []:
        quiz = load_quiz_file(path, f"{quiz_dir.name}/{path.name}", anchors_of, problems, ids)
        if quiz is not None:
            quizzes.append(quiz)
    check_across_files(quizzes, problems, required_pass_mark)
    return quizzes, problems


def load_quiz_file(path: Path, name: str, anchors_of: AnchorLookup, problems: list[Problem],
                   ids: dict[str, str]) -> Quiz | None:
    if not path.resolve().is_relative_to(path.parent.resolve()):
        problems.append(Problem(name, None, "this is a link to a file outside the quizzes folder: copy the quiz "
                                "file into the folder instead"))
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(name, None, f"cannot be read ({error.strerror})"))
        return None
    return parse_quiz(data, name, anchors_of, problems, ids)


def parse_quiz(raw_file: bytes, name: str, anchors_of: AnchorLookup, problems: list[Problem],
               ids: dict[str, str] | None = None) -> Quiz | None:
    """One file's quiz, or None with its problems appended.

    `ids` maps every question id seen so far in the course to where it is (`file:line`); a repeat is a problem
    even in a file with other problems.
    """
    ids = {} if ids is None else ids
    before = len(problems)

    def fail(line: int | None, message: str) -> None:
        problems.append(Problem(name, line, message))

    data = quiz_mapping(raw_file, fail)
    if data is None:
        return None
    reject_unknown(data, QUIZ_KEYS, "quiz file", fail)
    page, anchors = quiz_page(data, anchors_of, fail)
    title = optional_text(data, "title", fail)
    pass_mark = data.get("pass_mark")
    if "pass_mark" in data and (isinstance(pass_mark, bool) or not isinstance(pass_mark, int)
                                or not 1 <= pass_mark <= 100):
        fail(data.key_lines["pass_mark"], "'pass_mark' must be a whole percentage from 1 to 100, e.g. 'pass_mark: 80'")
    draw = data.get("draw")
    if "draw" in data and (isinstance(draw, bool) or not isinstance(draw, int) or draw < 1):
        fail(data.key_lines["draw"], "'draw' must be the whole number of questions an attempt takes from the bank, "
             "e.g. 'draw: 18'")
        draw = None
    questions = quiz_questions(data, page, anchors, anchors_of, fail, name, ids)
    if len(problems) > before:
        return None
    quiz = Quiz(name, page, title, pass_mark, tuple(questions), draw)
    if draw is not None:
        check_draw(quiz, data.key_lines["draw"], fail)
    return quiz if len(problems) == before else None


def quiz_mapping(raw_file: bytes, fail: Callable[[int | None, str], None]) -> LocatedDict | None:
    """The file's top-level mapping, or None when it is not YAML or not a mapping."""
    try:
        data = load_located(raw_file)
    except YamlProblem as error:
        fail(error.line, error.message)
        return None
    if data is None:
        fail(None, "the file is empty: it needs 'page:' and 'questions:' (see an existing quiz file)")
        return None
    if not isinstance(data, LocatedDict):
        fail(getattr(data, "line", 1), "a quiz file must start with 'page:', 'title:' and 'questions:' lines, "
             "not a list or plain text")
        return None
    return data


def quiz_page(data: LocatedDict, anchors_of: AnchorLookup, fail: Callable[[int | None, str], None]
              ) -> tuple[Any, Collection[str] | None]:
    """The docs/ page the quiz is on, and that page's anchors (None when there is no such page)."""
    page = data.get("page")
    anchors = None
    if "page" not in data:
        fail(1, "'page' is missing: name the docs/ page that shows this quiz, e.g. 'page: modules/bone.md'")
    elif not isinstance(page, str) or not page.strip().endswith(".md"):
        fail(data.key_lines["page"], "'page' must be a docs/ page ending in .md, e.g. 'page: modules/bone.md'")
    else:
        page = page.strip()
        anchors = anchors_of(page)
        if anchors is None:
            fail(data.key_lines["page"], f"'page: {page}' is not a page in docs/: check the spelling and folder")
    return page, anchors


def quiz_questions(data: LocatedDict, page: Any, anchors: Collection[str] | None, anchors_of: AnchorLookup,
                   fail: Callable[[int | None, str], None], name: str, ids: dict[str, str]) -> list[Question]:
    raw_questions = data.get("questions")
    questions: list[Question] = []
    if "questions" not in data:
        fail(None, "'questions' is missing: add a 'questions:' list")
    elif not isinstance(raw_questions, LocatedList) or not raw_questions:
        fail(data.key_lines["questions"], "'questions' must be a list of questions, each starting '- id:'")
    else:
        for raw, line in zip(raw_questions, raw_questions.item_lines, strict=True):
            question = read_question(raw, line, page, anchors, anchors_of, fail, name, ids)
            if question is not None:
                questions.append(question)
    return questions


def check_draw(quiz: Quiz, line: int, fail: Callable[[int | None, str], None]) -> None:
    """A draw the bank can give: no more questions than it holds, at least one from each page it teaches."""
    groups = quiz.groups()
    if quiz.draw > len(quiz.questions):
        fail(line, f"'draw: {quiz.draw}' asks for more questions than the file's {len(quiz.questions)}: add "
             "questions or draw fewer")
    elif quiz.draw < len(groups):
        fail(line, f"'draw: {quiz.draw}' is fewer than the {len(groups)} pages the questions' sources name "
             f"({', '.join(groups)}), and every attempt takes at least one question from each: draw at least "
             f"{len(groups)}")


def read_question(raw: Any, line: int, page: str, anchors: Collection[str] | None, anchors_of: AnchorLookup,
                  fail: Callable[[int | None, str], None], file: str, ids: dict[str, str]) -> Question | None:
    if not isinstance(raw, LocatedDict):
        fail(line, "each question must be a block of 'id:', 'type:', 'prompt:' and 'options:' lines")
        return None
    qid = raw.text("id") if "id" in raw else None
    label = f"question '{qid}'" if isinstance(qid, str) else "question"
    if "id" not in raw:
        fail(line, "question has no 'id': give it a short unique name such as 'bone-commonest-site'")
    elif not isinstance(qid, str) or not ID_PATTERN.fullmatch(qid):
        fail(raw.key_lines["id"], f"id '{qid}' must be lower-case letters and digits joined by single hyphens, "
             "e.g. 'bone-commonest-site'")
    elif qid in ids:
        fail(raw.key_lines["id"], f"question id '{qid}' is already used in {ids[qid]}: ids must be unique across "
             "the course")
    else:
        ids[qid] = f"{file}:{raw.key_lines['id']}"

    def qfail(at: int | None, message: str) -> None:
        fail(at, f"{label}: {message}")

    reject_unknown(raw, QUESTION_KEYS, label, fail)
    qtype = raw.get("type")
    if qtype not in QUESTION_TYPES:
        qfail(raw.key_lines.get("type", line), "'type' must be 'single' (one correct option) or 'multiple' "
              "(two or more correct options)")
    prompt = required_text(raw, "prompt", line, qfail)
    explanation = optional_text(raw, "explanation", qfail)
    source = optional_text(raw, "source", qfail)
    if source is not None and anchors is not None:
        check_source(source, raw.key_lines["source"], page, anchors, anchors_of, qfail)
    keep_order = raw.get("keep_order", False)
    if not isinstance(keep_order, bool):
        qfail(raw.key_lines["keep_order"], "'keep_order' must be true or false (or left out for false): true keeps "
              "the options in the order written, for options whose order means something")
    options = read_options(raw, line, qfail)
    if options is not None and qtype in QUESTION_TYPES:
        correct = sum(option.correct for option in options)
        if qtype == "single" and correct != 1:
            qfail(raw.key_lines["type"], f"type single needs exactly one correct option, found {correct}: "
                  "mark one option 'correct: true', or make the question 'type: multiple'")
        if qtype == "multiple" and correct < 2:
            qfail(raw.key_lines["type"], f"type multiple needs two or more correct options, found {correct}: "
                  "mark them 'correct: true', or make the question 'type: single'")
    if not (isinstance(qid, str) and qtype in QUESTION_TYPES and prompt and options):
        return None
    return Question(qid, qtype, prompt, options, explanation, source, keep_order is True,
                    raw.key_lines.get("source"))


def read_options(raw: LocatedDict, line: int, qfail: Callable[[int | None, str], None]) -> tuple[Option, ...] | None:
    items = raw.get("options")
    if "options" not in raw:
        qfail(line, "'options' is missing: list 2 to 8 options, each starting '- text:'")
        return None
    if not isinstance(items, LocatedList) or not MIN_OPTIONS <= len(items) <= MAX_OPTIONS:
        count = len(items) if isinstance(items, list) else 0
        qfail(raw.key_lines["options"], f"needs {MIN_OPTIONS} to {MAX_OPTIONS} options, found {count}")
        return None
    options: list[Option] = []
    seen: dict[str, int] = {}
    ok = True
    for item, item_line in zip(items, items.item_lines, strict=True):
        if not isinstance(item, LocatedDict):
            qfail(item_line, "each option must be a block starting '- text:' (with optional 'correct: true' "
                  "and 'feedback:')")
            ok = False
            continue
        reject_unknown(item, OPTION_KEYS, "option", qfail)
        text = required_text(item, "text", item_line, qfail)
        if text is not None and "\n" in text:
            qfail(item.key_lines["text"], "option text must be one line: move the detail into its 'feedback'")
            text = None
        correct = item.get("correct", False)
        if not isinstance(correct, bool):
            qfail(item.key_lines["correct"], "'correct' must be true or false (or left out for false)")
            ok = False
        feedback = optional_text(item, "feedback", qfail)
        if text is None:
            ok = False
            continue
        same = " ".join(text.split()).casefold()
        if same in seen:
            qfail(item.key_lines["text"], f"option '{text}' appears twice (first on line {seen[same]}): "
                  "each option's text must be different")
            ok = False
        seen.setdefault(same, item.key_lines["text"])
        options.append(Option(text, correct is True, feedback))
    return tuple(options) if ok else None


def check_source(source: str, line: int, page: str, anchors: Collection[str], anchors_of: AnchorLookup,
                 qfail: Callable[[int | None, str], None]) -> None:
    """`source` must name a heading that exists, on the quiz's own page or on the page it names."""
    target, _, anchor = source.rpartition("#")
    target_anchors = anchors
    if target:
        target_anchors = anchors_of(target)
        if target_anchors is None:
            qfail(line, f"'source: {source}' names a page that is not in docs/: write 'page.md#heading-anchor'")
            return
    if anchor not in target_anchors:
        where = target or page
        known = ", ".join(sorted(target_anchors)) or "none"
        qfail(line, f"'source: {source}' is not a heading anchor on {where}; its anchors are: {known}")


def source_problems(quizzes: Iterable[Quiz], anchors_of: AnchorLookup) -> list[Problem]:
    """Every question's `source` against the anchors its page really has (once MkDocs has rendered the pages)."""
    problems: list[Problem] = []
    for quiz in quizzes:
        anchors = anchors_of(quiz.page) or set()
        for question in quiz.questions:
            if question.source is None:
                continue

            def qfail(line: int | None, message: str, file: str = quiz.file, qid: str = question.id) -> None:
                problems.append(Problem(file, line, f"question '{qid}': {message}"))

            check_source(question.source, question.source_line, quiz.page, anchors, anchors_of, qfail)
    return problems


def check_across_files(quizzes: list[Quiz], problems: list[Problem], required_pass_mark: str | None) -> None:
    """Rules that span files: one quiz file per page, the assessment's pass mark."""
    first_page: dict[str, str] = {}
    for quiz in quizzes:
        if quiz.page in first_page:
            problems.append(Problem(quiz.file, None, f"page {quiz.page} already has a quiz in "
                                    f"{first_page[quiz.page]}: put all of a page's questions in one file"))
        first_page.setdefault(quiz.page, quiz.file)
        if quiz.page == required_pass_mark and quiz.pass_mark is None:
            problems.append(Problem(quiz.file, None, "the final assessment needs a 'pass_mark', e.g. 'pass_mark: 80'"))
        if quiz.draw is not None and quiz.page != required_pass_mark:
            problems.append(Problem(quiz.file, None, "'draw' works in the final assessment only: a module quiz shows "
                                    "all its questions (remove 'draw', or move the questions to the final assessment)"))
