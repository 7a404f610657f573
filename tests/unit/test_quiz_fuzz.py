"""Whatever bytes an author saves as a quiz file, the loader answers with its own error, never a traceback."""

from __future__ import annotations


import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.model.errors import Problem
from build_tools.model.quiz_files import parse_quiz
from quiz_helpers import VALID, anchors_of


KEYS = ["page", "title", "pass_mark", "questions", "id", "type", "prompt", "options", "text", "correct",
        "feedback", "explanation", "source"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30),
                    st.sampled_from(["single", "multiple", "modules/a.md", "symptoms", "a-first"]))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=9),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=6),
    ),
    max_leaves=40,
)


def parse(data: bytes) -> None:
    problems: list[Problem] = []
    quiz = parse_quiz(data, "quizzes/fuzz.yml", anchors_of, problems)
    assert (quiz is None) == bool(problems)
    for problem in problems:
        assert problem.path == "quizzes/fuzz.yml" and problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_random_yaml_structures(document: object) -> None:
    parse(yaml.safe_dump({"page": "modules/a.md", "questions": document}).encode())
    parse(yaml.safe_dump(document).encode())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes(data: bytes) -> None:
    parse(data)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(VALID)), st.text(max_size=12))
def test_random_edits_of_a_valid_file(position: int, inserted: str) -> None:
    parse((VALID[:position] + inserted + VALID[position:]).encode())
