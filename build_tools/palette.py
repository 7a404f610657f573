"""The course's brand colour, derived from the Material palette it chose, for outputs outside the site (the PDF)."""

from __future__ import annotations

import re
from importlib.resources import files
from typing import Any

FALLBACK = "#263238"
"""Dark blue-grey: readable on white when the palette names no primary colour Material knows."""


def primary_dark(palette: Any) -> str:
    """The dark shade of the palette's primary colour, e.g. '#303fa1' for indigo."""
    first = palette[0] if isinstance(palette, list) and palette else palette
    name = first.get("primary", "indigo") if isinstance(first, dict) else "indigo"
    stylesheets = files("material") / "templates" / "assets" / "stylesheets"
    for sheet in stylesheets.iterdir():
        if sheet.name.startswith("palette.") and sheet.name.endswith(".css"):
            pattern = (rf"\[data-md-color-primary={re.escape(str(name))}\]\{{[^}}]*"
                       r"--md-primary-fg-color--dark:(#[0-9a-fA-F]{3,8})")
            match = re.search(pattern, sheet.read_text(encoding="utf-8"))
            if match:
                return match.group(1)
    return FALLBACK
