"""Dismissible banners configured in mkdocs.yml as a list under `extra.banners`, each with an id, text and link."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.base import Config

from .course import CONFIG_FILE
from .errors import Problem, raise_if_any
from .setting_lines import setting_lines
from .settings_schema import Checked, is_text, read_settings

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


@dataclass(frozen=True)
class Banner:
    id: str
    text: str
    link: str | None
    """As the author wrote it: a page such as `resources.md#events`, or a web address."""


class BannerSettings(Config):
    """One item of `extra.banners`, as an author may write it."""

    id = Checked("'id' must be lower-case letters, digits and hyphens, e.g. 'spring-webinar-2027'; change it to "
                 "show the banner again to learners who dismissed the last one",
                 lambda value: isinstance(value, str) and ID_PATTERN.fullmatch(value))
    text = Checked("'text' must be the words to show", is_text, str.strip)
    link = Checked("'link' must be a page or a web address", lambda value: value is None or isinstance(value, str))


def load_banners(extra: dict[str, Any], config_file: str | None = None) -> list[Banner]:
    """The banners in the order written; every problem is reported at once, at its line of `config_file`."""
    line = setting_lines(config_file)
    raw_banners = extra.get("banners", [])
    if not isinstance(raw_banners, list):
        raise_if_any([Problem(CONFIG_FILE, line("extra", "banners"),
                              "'extra.banners' must be a list of banners, each starting '- id:'")])
    problems: list[Problem] = []
    banners: list[Banner] = []
    for index, raw in enumerate(raw_banners):
        where = f"'extra.banners' item {index + 1}"
        if not isinstance(raw, dict):
            problems.append(Problem(CONFIG_FILE, line("extra", "banners", index),
                                    f"{where} must have 'id', 'text' and optionally 'link'"))
            continue
        settings, failed, unknown = read_settings(BannerSettings, raw)
        whys = sorted(failed, key=lambda failure: failure[0] != "text")
        if "id" not in dict(failed) and any(banner.id == settings.id for banner in banners):
            whys.append(("id", f"the id '{settings.id}' is used twice: give each banner its own id"))
        whys += [(key, f"'{key}' is not a banner setting; the settings are id, text and link") for key in unknown]
        problems += [Problem(CONFIG_FILE, line("extra", "banners", index, key), f"{where}: {why}") for key, why in whys]
        if not whys:
            banners.append(Banner(settings.id, settings.text, settings.link))
    raise_if_any(problems)
    return banners


def is_web_address(link: str) -> bool:
    return link.startswith(("http://", "https://", "mailto:"))


def link_problems(banners: list[Banner], url_of: Callable[[str], str | None],
                  config_file: str | None = None) -> list[Problem]:
    """Banners whose link names a docs/ page that does not exist (the banners as written, all of them)."""
    line = setting_lines(config_file)
    problems = []
    for index, banner in enumerate(banners):
        if banner.link and not is_web_address(banner.link):
            target = banner.link.partition("#")[0]
            if url_of(target) is None:
                problems.append(Problem(CONFIG_FILE, line("extra", "banners", index, "link"),
                                        f"banner '{banner.id}' links to '{target}', which is not a page in docs/: "
                                        "fix the link or add the page"))
    return problems


def banner_url(link: str | None, url_of: Callable[[str], str | None]) -> str | None:
    """A banner link as a site URL: author pages (`resources.md#x`) become the page's address."""
    if link is None or is_web_address(link):
        return link
    target, _, anchor = link.partition("#")
    url = url_of(target)
    return f"{url}#{anchor}" if anchor else url
