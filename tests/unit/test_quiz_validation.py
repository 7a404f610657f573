"""One test per rule of the quiz contract: the message an author sees, and the line it points at."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.model.errors import Problem
from build_tools.model.quiz_files import load_quizzes
from quiz_helpers import VALID, anchors_of, load, problems_for


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def edit(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


def test_valid_file_loads_into_the_model(tmp_path: Path) -> None:
    [quiz] = load(tmp_path, {"a.yml": VALID})
    assert quiz.page == "modules/a.md" and quiz.title == "Check your understanding"
    [question] = quiz.questions
    assert question.id == "a-first" and question.type == "single" and question.source == "symptoms"
    assert [(o.text, o.correct, o.feedback) for o in question.options] == [("Right", True, "Yes."), ("Wrong", False, "No.")]


# (what the author wrote, file line the problem must point at, words the message must contain)
RULES = [
    pytest.param(edit("title:", "colour: blue\ntitle:"), 2, "'colour' is not a quiz file setting", id="unknown-top-key"),
    pytest.param(edit("    explanation:", "    hint: x\n    explanation:"), 13, "'hint' is not a question 'a-first' setting",
                 id="unknown-question-key"),
    pytest.param(edit("        feedback: No.", "        feedback: No.\n        score: 1"), 13,
                 "'score' is not a option setting", id="unknown-option-key"),
    pytest.param(VALID.replace("page: modules/a.md\n", ""), 1, "'page' is missing", id="page-missing"),
    pytest.param(edit("page: modules/a.md", "page: modules/a.html"), 1, "'page' must be a docs/ page ending in .md",
                 id="page-not-markdown"),
    pytest.param(edit("page: modules/a.md", "page: modules/z.md"), 1,
                 "'page: modules/z.md' is not a page in docs/", id="page-does-not-exist"),
    pytest.param(edit("title: Check your understanding", "title: [a, b]"), 2, "'title' must be text", id="title-not-text"),
    pytest.param("page: modules/a.md\nquestions: []\n", 2, "'questions' must be a list of questions",
                 id="questions-empty"),
    pytest.param("page: modules/a.md\n", None, "'questions' is missing", id="questions-missing"),
    pytest.param(edit("  - id: a-first\n", "  - \n"), 5, "question has no 'id'", id="id-missing"),
    pytest.param(edit("id: a-first", "id: A First"), 4, "id 'A First' must be lower-case letters and digits",
                 id="id-format"),
    pytest.param(edit("type: single", "type: truefalse"), 5, "'type' must be 'single'", id="type-unknown"),
    pytest.param(edit("    prompt: Which is right?\n", ""), 4, "'prompt' is missing", id="prompt-missing"),
    pytest.param(edit("prompt: Which is right?", "prompt:"), 6, "'prompt' must be text", id="prompt-empty"),
    pytest.param(edit("""      - text: Wrong
        feedback: No.
""", ""), 7, "needs 2 to 8 options, found 1", id="too-few-options"),
    pytest.param(edit("        feedback: No.\n", "        feedback: No.\n" + "".join(
        f"      - text: Extra {n}\n" for n in range(7))), 7, "needs 2 to 8 options, found 9", id="too-many-options"),
    pytest.param(edit("- text: Wrong", "- text: right "), 11, "option 'right' appears twice (first on line 8)",
                 id="duplicate-option-text"),
    pytest.param(edit("- text: Wrong", "- text: |\n          Two\n          lines"), 11, "option text must be one line",
                 id="multi-line-option"),
    pytest.param(edit("correct: true", "correct: sure"), 9, "'correct' must be true or false", id="correct-not-bool"),
    pytest.param(edit("        feedback: No.", "        correct: true\n        feedback: No."), 5,
                 "type single needs exactly one correct option, found 2", id="single-two-correct"),
    pytest.param(edit("type: single", "type: multiple"), 5, "type multiple needs two or more correct options, found 1",
                 id="multiple-one-correct"),
    pytest.param(edit("source: symptoms", "source: treatment"), 14,
                 "'source: treatment' is not a heading anchor on modules/a.md; its anchors are: a, key-points, "
                 "symptoms", id="source-anchor-missing"),
    pytest.param(edit("source: symptoms", "source: modules/q.md#x"), 14, "names a page that is not in docs/",
                 id="source-page-missing"),
    pytest.param(edit("source: symptoms", "source: modules/b.md#symptoms"), 14,
                 "is not a heading anchor on modules/b.md", id="source-other-page-anchor-missing"),
    pytest.param(edit("explanation: Because.", "explanation:"), 13, "'explanation' must be text",
                 id="explanation-empty"),
    pytest.param(edit("feedback: Yes.", "feedback: [a, b]"), 10, "'feedback' must be text", id="feedback-not-text"),
    pytest.param(edit("title: Check your understanding", "pass_mark: 120"), 2,
                 "'pass_mark' must be a whole percentage from 1 to 100", id="pass-mark-range"),
]


@pytest.mark.parametrize(("text", "line", "message"), RULES)
def test_rule(tmp_path: Path, text: str, line: int | None, message: str) -> None:
    problem = only(problems_for(tmp_path, {"a.yml": text}))
    assert problem.path == "quizzes/a.yml"
    assert message in problem.message
    assert problem.line == line


def test_cross_page_source_is_allowed(tmp_path: Path) -> None:
    assert problems_for(tmp_path, {"a.yml": edit("source: symptoms", "source: modules/b.md#investigations")}) == []


def test_ids_are_unique_across_the_course(tmp_path: Path) -> None:
    other = VALID.replace("modules/a.md", "modules/b.md").replace("source: symptoms", "source: b")
    problem = only(problems_for(tmp_path, {"a.yml": VALID, "b.yml": other}))
    assert str(problem) == ("quizzes/b.yml:4: question id 'a-first' is already used in quizzes/a.yml:4: "
                            "ids must be unique across the course")


def test_a_page_has_at_most_one_quiz_file(tmp_path: Path) -> None:
    problem = only(problems_for(tmp_path, {"a.yml": VALID, "b.yml": VALID.replace("a-first", "a-second")}))
    assert "page modules/a.md already has a quiz in quizzes/a.yml" in str(problem)


def test_final_assessment_needs_a_pass_mark(tmp_path: Path) -> None:
    final = VALID.replace("modules/a.md", "final.md").replace("source: symptoms", "source: final")
    problem = only(problems_for(tmp_path, {"final.yml": final}, final="final.md"))
    assert "the final assessment needs a 'pass_mark'" in str(problem)
    assert problems_for(tmp_path / "ok", {"final.yml": "pass_mark: 80\n" + final}, final="final.md") == []


def test_all_problems_of_all_files_are_reported_together(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, {
        "a.yml": edit("type: single", "type: multiple").replace("source: symptoms", "source: nowhere"),
        "b.yml": "page: modules/b.md\nquestions: nope\n",
    })
    assert [(p.path, p.line) for p in problems] == [("quizzes/a.yml", 14), ("quizzes/a.yml", 5), ("quizzes/b.yml", 2)]


@pytest.mark.parametrize(("content", "line", "message"), [
    pytest.param(b"", None, "the file is empty", id="empty"),
    pytest.param(b"- a\n- b\n", 1, "must start with 'page:'", id="a-list"),
    pytest.param(b"just some words\n", 1, "must start with 'page:'", id="plain-text"),
    pytest.param(b"page: [unclosed\n", 2, "never closed", id="not-yaml"),
    pytest.param(b"page: a.md\n  questions: x\n", 2, "indented too far", id="bad-indent"),
    pytest.param(b"page: a.md\nquestions:\n\t- id: x\n", 3, "a tab character is used for indentation", id="tabs"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", 1, "not a text file saved as UTF-8", id="binary"),
    pytest.param(b"page: a.md\x00\n", 1, "binary data", id="nul-byte"),
    pytest.param(b"page: a.md\npage: b.md\n", 2, "'page' is given twice", id="duplicate-key"),
    pytest.param(b"a: &x [1]\nb: *x\n", 2, "YAML aliases", id="alias"),
    pytest.param(b"prompt: Which: this?\n", 1, "put the whole text in double quotes", id="colon-in-text"),
    pytest.param(b"[" * 5000 + b"]" * 5000, 1, "nested too deeply", id="deep-nesting"),
    pytest.param(b"# " + b"x" * 1_200_000, None, "must be under 1000 KB", id="huge"),
])
def test_unreadable_files_get_a_message_not_a_traceback(tmp_path: Path, content: bytes, line: int | None,
                                                        message: str) -> None:
    (tmp_path / "quizzes").mkdir()
    (tmp_path / "quizzes" / "bad.yml").write_bytes(content)
    from build_tools.model.errors import AuthoringError
    from build_tools.model.quiz_files import load_quizzes
    from quiz_helpers import anchors_of

    with pytest.raises(AuthoringError) as caught:
        load_quizzes(tmp_path / "quizzes", anchors_of)
    problem = only(caught.value.problems)
    assert message in problem.message
    assert problem.line == line


def test_a_repeated_id_is_reported_beside_other_problems_in_its_file(tmp_path: Path) -> None:
    broken = VALID.replace("source: symptoms", "source: nowhere")
    problems = problems_for(tmp_path, {"a.yml": VALID, "b.yml": broken.replace("modules/a.md", "modules/b.md")})
    messages = [str(problem) for problem in problems]
    assert any("question id 'a-first' is already used in quizzes/a.yml:4" in m for m in messages), messages
    assert any("'source: nowhere' is not a heading anchor" in m for m in messages), messages


@pytest.mark.parametrize("written", ["Yes", "No", "on", "off", "2027", "1.5", "2027-02-30", "null-ish"])
def test_text_fields_read_unquoted_words_as_written(tmp_path: Path, written: str) -> None:
    quiz_file = VALID.replace("      - text: Wrong", f"      - text: {written}").replace("title: Check your understanding",
                                                                                      f"title: {written}")
    [quiz] = load(tmp_path, {"a.yml": quiz_file})
    assert quiz.title == written
    assert [option.text for option in quiz.questions[0].options] == ["Right", written]


def test_keep_order_must_be_true_or_false(tmp_path: Path) -> None:
    problem = only(problems_for(tmp_path, {"a.yml": VALID.replace("    source: symptoms", "    source: symptoms\n"
                                                                    "    keep_order: sometimes")}))
    assert "'keep_order' must be true or false" in str(problem)
    [quiz] = load(tmp_path, {"a.yml": VALID.replace("    source: symptoms", "    source: symptoms\n    keep_order: true")})
    assert quiz.questions[0].keep_order


BANK = """\
page: final.md
pass_mark: 80
draw: {draw}
questions:
""" + "".join(f"""\
  - id: bank-{n}
    type: single
    prompt: Question {n}?
    options:
      - text: Right
        correct: true
      - text: Wrong
    source: {source}
""" for n, source in enumerate(["modules/a.md#symptoms"] * 4 + ["modules/b.md#investigations"] * 2))


@pytest.mark.parametrize("draw, expected", [
    ("3", None),
    ("7", "quizzes/final.yml:3: 'draw: 7' asks for more questions than the file's 6: add questions or draw fewer"),
    ("1", "quizzes/final.yml:3: 'draw: 1' is fewer than the 2 pages the questions' sources name (modules/a.md, "
          "modules/b.md), and every attempt takes at least one question from each: draw at least 2"),
    ("0", "quizzes/final.yml:3: 'draw' must be the whole number of questions an attempt takes from the bank"),
    ("all", "quizzes/final.yml:3: 'draw' must be the whole number of questions an attempt takes from the bank"),
])
def test_a_draw_the_bank_can_give(tmp_path: Path, draw: str, expected: str | None) -> None:
    problems = problems_for(tmp_path, {"final.yml": BANK.format(draw=draw)}, final="final.md")
    if expected is None:
        assert problems == []
        [quiz] = load_quizzes(tmp_path / "quizzes", anchors_of, "final.md")
        assert quiz.groups() == {"modules/a.md": ["bank-0", "bank-1", "bank-2", "bank-3"],
                                 "modules/b.md": ["bank-4", "bank-5"]}
        assert quiz.shares() == [2, 1] and quiz.attempt_size == 3
    else:
        assert [str(p) for p in problems][0].startswith(expected)


def test_draw_is_for_the_final_assessment_only(tmp_path: Path) -> None:
    module = BANK.format(draw=3).replace("page: final.md", "page: modules/a.md").replace("pass_mark: 80\n", "")
    problem = only(problems_for(tmp_path, {"a.yml": module}, final="final.md"))
    assert "'draw' works in the final assessment only" in str(problem)


@pytest.mark.parametrize("sizes, draw, shares", [
    ([1, 1, 8], 5, [1, 1, 3]), ([10, 3, 2], 6, [4, 1, 1]), ([5] * 6, 18, [3] * 6), ([7, 1], 2, [1, 1]),
])
def test_each_module_gives_its_share_of_an_attempt(sizes: list[int], draw: int, shares: list[int]) -> None:
    from build_tools.model.quizzes import Option, Question, Quiz

    questions = [Question(f"q{group}-{n}", "single", "?", (Option("a", True, None), Option("b", False, None)), None,
                          f"p{group}.md#x") for group, size in enumerate(sizes) for n in range(size)]
    quiz = Quiz("final.yml", "final.md", None, 80, tuple(questions), draw)
    assert quiz.shares() == shares and sum(shares) == draw
