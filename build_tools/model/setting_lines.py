"""Where a setting is written in mkdocs.yml, so a problem with it can name its line."""

from __future__ import annotations

from collections.abc import Callable

import yaml

# Composing builds only the document's nodes, with their positions: tags such as MkDocs' `!ENV` or a Python name
# are kept as written, never run.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SettingLine = Callable[..., "int | None"]
"""A setting's line by its path: `line("extra", "course", "version")`, or an item's (0-based) of a list."""


def setting_lines(config_file: str | None) -> SettingLine:
    """A function giving each setting's line in `config_file` (1-based), or None where it is not written or the
    file cannot be read; for a setting not written, the line of the deepest part of its path that is (a missing
    course setting names the course's line)."""
    try:
        with open(config_file or "", encoding="utf-8-sig") as file:
            document = yaml.compose(file, Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        document = None
    # A file that inherits from another (MkDocs' INHERIT) may hold a setting in that one: a line is named only
    # for a setting this file writes out in full.
    inherits = isinstance(document, yaml.MappingNode) and any(
        getattr(key, "value", None) == "INHERIT" for key, _ in document.value)

    def line(*path: str | int) -> int | None:
        node, found = document, None
        for part in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                keyed = [(key, value) for key, value in node.value if getattr(key, "value", None) == part]
                child = (keyed[-1][0].start_mark.line + 1, keyed[-1][1]) if keyed else None  # YAML keeps the last
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = (node.value[part].start_mark.line + 1, node.value[part])
            if child is None:
                return None if inherits else found
            found, node = child
        return found

    return line
