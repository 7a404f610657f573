"""The JSON Schema editors use and the build's loader must accept and reject the same files."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from build_tools.model.errors import Problem
from build_tools.model.quiz_files import parse_quiz
from conftest import ROOT
from quiz_helpers import VALID


SCHEMA = json.loads((ROOT / "build_tools/schemas/quiz.schema.json").read_text())


class EveryAnchor(dict):
    """Pages and anchors always exist here: the schema cannot know them, so the corpus leaves them out."""

    def __contains__(self, key: object) -> bool:
        return True


def loader_accepts(text: str) -> bool:
    problems: list[Problem] = []
    parse_quiz(text.encode(), "quizzes/x.yml", lambda page: EveryAnchor(), problems)
    return not problems


class Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as YAML 1.2 editors (and so the schema's users) do."""


Yaml12Loader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_scalar)


def schema_accepts(text: str) -> bool:
    return jsonschema.Draft202012Validator(SCHEMA).is_valid(yaml.load(text, Loader=Yaml12Loader))  # noqa: S506


def variant(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


VALID_FILES = {
    "baseline": VALID,
    "no-title-no-explanation": VALID.replace("title: Check your understanding\n", "").replace(
        "    explanation: Because.\n", ""),
    "pass-mark": "pass_mark: 80\n" + VALID,
    "multiple": variant("type: single", "type: multiple").replace("        feedback: No.", "        correct: true"),
    "cross-page-source": variant("source: symptoms", "source: modules/b.md#investigations"),
    "eight-options": variant("        feedback: No.\n", "        feedback: No.\n" + "".join(
        f"      - text: Extra {n}\n" for n in range(6))),
    "correct-false": variant("        feedback: No.", "        correct: false\n        feedback: No."),
}
INVALID_FILES = {
    "unknown-top-key": "colour: blue\n" + VALID,
    "unknown-question-key": variant("    explanation:", "    hint: x\n    explanation:"),
    "unknown-option-key": variant("        feedback: No.", "        score: 1"),
    "page-missing": VALID.replace("page: modules/a.md\n", ""),
    "page-not-md": variant("modules/a.md", "modules/a.html"),
    "questions-missing": "page: modules/a.md\n",
    "questions-empty": "page: modules/a.md\nquestions: []\n",
    "questions-not-list": "page: modules/a.md\nquestions: many\n",
    "id-missing": variant("  - id: a-first\n    type", "  - type"),
    "id-format": variant("a-first", "A_First"),
    "id-double-hyphen": variant("a-first", "a--first"),
    "type-unknown": variant("type: single", "type: essay"),
    "prompt-missing": variant("    prompt: Which is right?\n", ""),
    "prompt-blank": variant("prompt: Which is right?", 'prompt: "  "'),
    "one-option": variant("      - text: Wrong\n        feedback: No.\n", ""),
    "nine-options": variant("        feedback: No.\n", "        feedback: No.\n" + "".join(
        f"      - text: Extra {n}\n" for n in range(7))),
    "option-text-missing": variant("      - text: Wrong\n", "      - feedback: none\n"),
    "option-two-lines": variant("- text: Wrong", '- text: "Two\\nlines"'),
    "correct-not-bool": variant("correct: true", "correct: often"),
    "single-two-correct": variant("        feedback: No.", "        correct: true"),
    "single-none-correct": variant("        correct: true\n", ""),
    "multiple-one-correct": variant("type: single", "type: multiple"),
    "explanation-null": variant("explanation: Because.", "explanation:"),
    "feedback-list": variant("feedback: Yes.", "feedback: [a]"),
    "pass-mark-zero": "pass_mark: 0\n" + VALID,
    "pass-mark-text": "pass_mark: high\n" + VALID,
    "top-is-list": "- page: modules/a.md\n",
}

# Text fields take unquoted words as written, as editors reading YAML 1.2 do: these are text, not numbers or dates.
for name, value in {"number": "42", "yes": "Yes", "on": "on", "date": "2026-01-01", "impossible-date": "2027-02-30"}.items():
    VALID_FILES[f"prompt-{name}"] = variant("prompt: Which is right?", f"prompt: {value}")
    VALID_FILES[f"option-{name}"] = variant("- text: Wrong", f"- text: {value}")


@pytest.mark.parametrize("text", VALID_FILES.values(), ids=VALID_FILES.keys())
def test_both_accept(text: str) -> None:
    assert schema_accepts(text)
    assert loader_accepts(text)


@pytest.mark.parametrize("text", INVALID_FILES.values(), ids=INVALID_FILES.keys())
def test_both_reject(text: str) -> None:
    assert not schema_accepts(text)
    assert not loader_accepts(text)


def test_schema_names_every_key_the_loader_knows() -> None:
    from build_tools.model.quiz_files import OPTION_KEYS, QUESTION_KEYS, QUIZ_KEYS, QUESTION_TYPES

    assert set(SCHEMA["properties"]) == QUIZ_KEYS
    assert set(SCHEMA["$defs"]["question"]["properties"]) == QUESTION_KEYS
    assert set(SCHEMA["$defs"]["option"]["properties"]) == OPTION_KEYS
    assert tuple(SCHEMA["$defs"]["question"]["properties"]["type"]["enum"]) == QUESTION_TYPES
