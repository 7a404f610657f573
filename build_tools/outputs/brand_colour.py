"""The course's brand colour for outputs outside the site (the PDF): the course plugin's `brand_colour`, else the
dark shade of the Material palette's primary colour, both from mkdocs.yml."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

FALLBACK = "#263238"
"""Dark blue-grey: readable on white when the palette names no primary colour Material knows."""
MATERIAL_PRIMARY_DARK = {
    "red": "#e53734", "pink": "#c3185d", "purple": "#8c24a8", "deep-purple": "#673ab6", "indigo": "#303fa1",
    "blue": "#1975d2", "light-blue": "#0287cf", "cyan": "#0097a8", "teal": "#007a6c", "green": "#398e3d",
    "light-green": "#689f38", "lime": "#b0b52c", "yellow": "#fbc02d", "orange": "#fa8900", "deep-orange": "#f4511f",
    "brown": "#5d4037", "grey": "#616161", "blue-grey": "#455a63",
}
"""Material for MkDocs' `--md-primary-fg-color--dark` for each primary colour it names (Material 9)."""


def primary_dark(palette: Any) -> str:
    """The dark shade of the palette's primary colour, e.g. '#303fa1' for indigo."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = first.get("primary", "indigo") if isinstance(first, dict) else "indigo"
    return MATERIAL_PRIMARY_DARK.get(str(name), FALLBACK)


def brand_colour(config: MkDocsConfig, chosen: str | None) -> str:
    """The colour the course chose (`brand_colour` under the course plugin), else its palette's."""
    return chosen or primary_dark(config.theme.get("palette"))
