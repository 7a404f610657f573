"""This course's quiz files: each declares the JSON Schema editors use, and passes it."""

from __future__ import annotations

import json

import jsonschema
import yaml

from conftest import ROOT
from course_facts import COURSE

SCHEMA = json.loads((ROOT / "build_tools/schemas/quiz.schema.json").read_text())


def test_every_course_quiz_file_declares_and_passes_the_schema() -> None:
    for path in sorted((COURSE / "quizzes").glob("*.yml")):
        text = path.read_text()
        assert text.startswith("# yaml-language-server: $schema=../build_tools/schemas/quiz.schema.json\n"), path
        jsonschema.validate(yaml.safe_load(text), SCHEMA)
