"""Heading anchors of a Markdown page, found the way MkDocs finds them: by rendering it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import markdown

ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')


def page_anchors(text: str, extensions: list[Any], extension_configs: dict[str, Any]) -> dict[str, str]:
    """Every `id` the page's HTML will carry, with the site's own extensions: anchor -> heading text."""
    renderer = markdown.Markdown(extensions=extensions, extension_configs=extension_configs)
    html = renderer.convert(text)
    anchors = {anchor: anchor for anchor in ID_ATTRIBUTE.findall(html)}
    anchors.update(heading_names(getattr(renderer, "toc_tokens", [])))
    return anchors


def heading_names(tokens: Iterable[dict[str, Any]]) -> Iterable[tuple[str, str]]:
    for token in tokens:
        yield token["id"], token["name"]
        yield from heading_names(token.get("children", []))
