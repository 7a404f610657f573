"""Dismissible banners configured in mkdocs.yml: an upcoming event and a podcast promotion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from .course import CONFIG_FILE
from .errors import Problem, raise_if_any

BANNER_KEYS = ("announcement", "podcast")
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Promotion:
    id: str
    text: str
    link: str | None
    """As the author wrote it: a page such as `resources.md#podcast`, or a web address."""


def load_promotions(extra: dict[str, Any]) -> list[Promotion]:
    """The banners that are configured, in a fixed order; a banner that is absent is simply not shown."""
    problems: list[Problem] = []
    promotions: list[Promotion] = []
    for key in BANNER_KEYS:
        raw = extra.get(key)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(CONFIG_FILE, None, f"'extra.{key}' must have 'id', 'text' and optionally 'link'"))
            continue
        text, banner_id, link = raw.get("text"), raw.get("id"), raw.get("link")
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(CONFIG_FILE, None, f"'extra.{key}.text' must be the words to show"))
        if not isinstance(banner_id, str) or not ID_PATTERN.fullmatch(banner_id):
            problems.append(Problem(CONFIG_FILE, None, f"'extra.{key}.id' must be lower-case letters, digits and "
                                    "hyphens, e.g. 'spring-webinar-2027'; change it to show the banner again "
                                    "to learners who dismissed the last one"))
        if link is not None and not isinstance(link, str):
            problems.append(Problem(CONFIG_FILE, None, f"'extra.{key}.link' must be a page or a web address"))
        for unknown in sorted(set(raw) - {"id", "text", "link"}):
            problems.append(Problem(CONFIG_FILE, None, f"'extra.{key}.{unknown}' is not a banner setting"))
        if not problems:
            promotions.append(Promotion(banner_id, text.strip(), link))
    raise_if_any(problems)
    return promotions


def is_web_address(link: str) -> bool:
    return link.startswith(("http://", "https://", "mailto:"))


def link_problems(promotions: list[Promotion], url_of: Callable[[str], str | None]) -> list[Problem]:
    """Banners whose link names a docs/ page that does not exist."""
    problems = []
    for promotion in promotions:
        if promotion.link and not is_web_address(promotion.link):
            target = promotion.link.partition("#")[0]
            if url_of(target) is None:
                problems.append(Problem(CONFIG_FILE, None, f"banner '{promotion.id}' links to '{target}', which is "
                                        "not a page in docs/: fix the link or add the page"))
    return problems


def promotion_url(link: str | None, url_of: Callable[[str], str | None]) -> str | None:
    """A banner link as a site URL: author pages (`resources.md#x`) become the page's address."""
    if link is None or is_web_address(link):
        return link
    target, _, anchor = link.partition("#")
    url = url_of(target)
    return f"{url}#{anchor}" if anchor else url
