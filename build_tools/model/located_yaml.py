"""YAML that remembers where things are, so every problem can name its line."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import not_utf8

MAX_BYTES = 1_000_000


class LocatedDict(dict):
    """A YAML mapping with the line of the mapping and of each of its keys (1-based)."""

    line: int
    key_lines: dict[Any, int]
    value_lines: dict[Any, int]
    """Line on which each value's text starts (the line after `key: |` for a block of text)."""
    plain_text: dict[Any, str]
    """Unquoted values as written (`Yes`, `2027`, `on`), for fields that are always text: YAML 1.1 would read
    them as a boolean, a number or a date."""

    def text(self, key: Any) -> Any:
        """The value, or the words as written where YAML read an unquoted value as something other than text."""
        value = self[key]
        if value is not None and not isinstance(value, str) and key in self.plain_text:
            return self.plain_text[key]
        return value


class LocatedList(list):
    """A YAML sequence with the line of the sequence and of each of its items (1-based)."""

    line: int
    item_lines: list[int]


class YamlProblem(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(message)


# libyaml is fast and refuses absurd nesting by itself; PyYAML's pure-Python scanner is quadratic in depth.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc, valid-type]
    def construct_located_mapping(self, node: yaml.MappingNode) -> LocatedDict:
        self.flatten_mapping(node)
        mapping = LocatedDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        mapping.value_lines = {}
        mapping.plain_text = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                raise YamlProblem(line, f"'{key}' is not a name: keys must be words such as 'prompt' or 'text'")
            if key in mapping:
                raise YamlProblem(line, f"'{key}' is given twice in the same block: keep one")
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = line
            block = isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")
            mapping.value_lines[key] = value_node.start_mark.line + 1 + block
            if isinstance(value_node, yaml.ScalarNode) and not value_node.style:  # plain: neither quoted nor a block
                mapping.plain_text[key] = value_node.value
        return mapping

    def construct_located_sequence(self, node: yaml.SequenceNode) -> LocatedList:
        items = LocatedList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_located_mapping)
# Quiz files hold no dates: a date-like value is text, so `2027-02-30` is words, not a crash.
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_scalar)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _Loader.construct_located_sequence)


def load_located(data: bytes) -> Any:
    """Parse one YAML document from raw bytes; any failure is a YamlProblem written for an author."""
    if len(data) > MAX_BYTES:
        raise YamlProblem(None, f"the file is {len(data) // 1000} KB; a quiz file must be under "
                          f"{MAX_BYTES // 1000} KB: split it or remove what is not a question")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem = not_utf8("", data, error)
        raise YamlProblem(problem.line, problem.message) from None
    if "\x00" in text:
        raise YamlProblem(text[: text.index("\x00")].count("\n") + 1,
                          "the file contains binary data: it must be plain text")
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YamlProblem(event.start_mark.line + 1, "YAML aliases ('*name') are not used in quiz files: "
                                  "write the text out, and put text that starts with '*' or '&' in quotes")
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a safe loader
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as error:
        raise YamlProblem(*explain(error, text)) from None
    except yaml.YAMLError as error:
        raise YamlProblem(None, f"this is not valid YAML ({error})") from None
    except RecursionError:
        raise YamlProblem(None, "the file is nested too deeply to be a quiz: check its indentation") from None


def explain(error: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """Turn PyYAML's parser message into advice an author can act on."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = error.problem or ""
    lines = text.splitlines()
    line_text = lines[mark.line] if mark and mark.line < len(lines) else ""
    if "\t" in line_text or "'\\t'" in problem:
        return line, "a tab character is used for indentation: YAML needs spaces, so replace tabs with spaces"
    if "mapping values are not allowed" in problem:
        return line, ("YAML found a ':' it did not expect: if the ':' is part of the text, put the whole text "
                      'in double quotes (prompt: "Which is true: A or B?"); if the line is indented too far, '
                      "line it up with the line above")
    if "found undefined alias" in problem or "found character" in problem and "*" in problem:
        return line, "text that starts with '*' or '&' must be put in double quotes"
    if "nesting depth" in problem:
        return line, "the file is nested too deeply to be a quiz: check its indentation and brackets"
    if "<stream end>" in problem or "end of stream" in problem or re.search(r"expected ',' or '[]}]'", problem):
        return line, "a bracket or quote opened before this line is never closed: close it, or put the text in double quotes"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return line, f"the indentation or quoting is off here ({problem}): line items up under their parent"
    return line, f"this is not valid YAML here: {problem or error}"
