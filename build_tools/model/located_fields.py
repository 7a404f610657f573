"""Fields of a located YAML mapping, checked with the line the author wrote them on."""

from __future__ import annotations

from collections.abc import Callable

from .links import line_of, link_problems
from .located_yaml import LocatedDict


def reject_unknown(mapping: LocatedDict, allowed: set[str], what: str,
                   fail: Callable[[int | None, str], None]) -> None:
    for key in mapping:
        if key not in allowed:
            fail(mapping.key_lines[key], f"'{key}' is not a {what} setting; the settings are: "
                 f"{', '.join(sorted(allowed))}. Check the spelling and indentation")


def required_text(mapping: LocatedDict, key: str, line: int,
                  fail: Callable[[int | None, str], None]) -> str | None:
    if key not in mapping:
        fail(line, f"'{key}' is missing")
        return None
    return optional_text(mapping, key, fail)


def optional_text(mapping: LocatedDict, key: str, fail: Callable[[int | None, str], None]) -> str | None:
    """The stripped text under key; None when the key is absent. A key that is present must hold text."""
    if key not in mapping:
        return None
    value = mapping.text(key)
    if not isinstance(value, str) or not value.strip():
        fail(mapping.key_lines[key], f"'{key}' must be text (or leave the line out)")
        return None
    for problem in link_problems(value):
        fail(mapping.value_lines[key] + line_of(value, problem.offset), f"'{key}': {problem.message}")
    return value.strip()
