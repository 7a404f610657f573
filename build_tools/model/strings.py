"""Learner-facing sentences: the package's file for the site's language, with the course's own overrides."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

DEFAULT_LANGUAGE = "en"


@cache
def package_strings(language: str) -> dict[str, str]:
    """The package's sentences for a language (a regional tag reads its language's file), else the default's."""
    folder = resources.files("build_tools") / "language"
    file = folder / f"{language.split('-')[0].lower()}.yml"
    if not file.is_file():
        file = folder / f"{DEFAULT_LANGUAGE}.yml"
    return yaml.safe_load(file.read_text(encoding="utf-8"))


def override_problems(raw: Any) -> list[str]:
    """What is wrong with `extra.course.strings`, each as the end of a sentence naming the setting."""
    if not isinstance(raw, dict):
        return ["must be a list of 'key: sentence' lines, e.g. \"review-overdue: 'Ask for the new edition.'\""]
    known = package_strings(DEFAULT_LANGUAGE)
    return [
        f"has '{key}', which is not a sentence the course shows: remove it or check its spelling"
        if key not in known else f"gives '{key}' a value that is not text: write the sentence in quotes"
        for key, text in raw.items() if key not in known or not isinstance(text, str)
    ]


def course_strings(language: str, overrides: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Every sentence the browser may show: the package's for the language, replaced where the course says."""
    return {**package_strings(language), **dict(overrides)}
