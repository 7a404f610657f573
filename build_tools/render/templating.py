"""The Jinja environment for the generator's own templates: strict about missing values, escaping HTML."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape


def package_templates(folder: str, escaped: list[str]) -> Environment:
    """Templates in a folder of the build_tools package; those ending in one of `escaped` are autoescaped."""
    return Environment(
        loader=PackageLoader("build_tools", folder),
        autoescape=select_autoescape(escaped),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
