"""Dismissible banners configured in mkdocs.yml as a list under `extra.banners`, each with an id, text and link."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .course import CONFIG_FILE
from .errors import Problem, raise_if_any

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
BANNER_KEYS = {"id", "text", "link"}


@dataclass(frozen=True)
class Banner:
    id: str
    text: str
    link: str | None
    """As the author wrote it: a page such as `resources.md#events`, or a web address."""


def load_banners(extra: dict[str, Any]) -> list[Banner]:
    """The banners in the order written; every problem is reported at once."""
    raw_banners = extra.get("banners", [])
    if not isinstance(raw_banners, list):
        raise_if_any([Problem(CONFIG_FILE, None, "'extra.banners' must be a list of banners, each starting '- id:'")])
    problems: list[Problem] = []
    banners: list[Banner] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_banners, start=1):
        where = f"'extra.banners' item {number}"
        if not isinstance(raw, dict):
            problems.append(Problem(CONFIG_FILE, None, f"{where} must have 'id', 'text' and optionally 'link'"))
            continue
        text, banner_id, link = raw.get("text"), raw.get("id"), raw.get("link")
        before = len(problems)
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(CONFIG_FILE, None, f"{where}: 'text' must be the words to show"))
        if not isinstance(banner_id, str) or not ID_PATTERN.fullmatch(banner_id):
            problems.append(Problem(CONFIG_FILE, None, f"{where}: 'id' must be lower-case letters, digits and "
                                    "hyphens, e.g. 'spring-webinar-2027'; change it to show the banner again "
                                    "to learners who dismissed the last one"))
        elif banner_id in seen:
            problems.append(Problem(CONFIG_FILE, None, f"{where}: the id '{banner_id}' is used twice: give each "
                                    "banner its own id"))
        if link is not None and not isinstance(link, str):
            problems.append(Problem(CONFIG_FILE, None, f"{where}: 'link' must be a page or a web address"))
        for unknown in sorted(set(raw) - BANNER_KEYS):
            problems.append(Problem(CONFIG_FILE, None, f"{where}: '{unknown}' is not a banner setting; the settings "
                                    "are id, text and link"))
        if len(problems) == before:
            seen.add(banner_id)
            banners.append(Banner(banner_id, text.strip(), link))
    raise_if_any(problems)
    return banners


def is_web_address(link: str) -> bool:
    return link.startswith(("http://", "https://", "mailto:"))


def link_problems(banners: list[Banner], url_of: Callable[[str], str | None]) -> list[Problem]:
    """Banners whose link names a docs/ page that does not exist."""
    problems = []
    for banner in banners:
        if banner.link and not is_web_address(banner.link):
            target = banner.link.partition("#")[0]
            if url_of(target) is None:
                problems.append(Problem(CONFIG_FILE, None, f"banner '{banner.id}' links to '{target}', which is "
                                        "not a page in docs/: fix the link or add the page"))
    return problems


def banner_url(link: str | None, url_of: Callable[[str], str | None]) -> str | None:
    """A banner link as a site URL: author pages (`resources.md#x`) become the page's address."""
    if link is None or is_web_address(link):
        return link
    target, _, anchor = link.partition("#")
    url = url_of(target)
    return f"{url}#{anchor}" if anchor else url
