"""The course's own metadata, read from `extra.course` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from .dates import parse_date
from .errors import Problem, raise_if_any

CONFIG_FILE = "mkdocs.yml"


DEFAULT_KICKER = "Course summary"
DEFAULT_REFLECTION = ("What did I learn?", "How will it change my practice?", "What will I do next?")


@dataclass(frozen=True)
class Course:
    title: str
    slug: str
    """`asthma-in-children`: names the course's files and storage keys; from the title unless set."""
    cpd_hours: float
    last_reviewed: dt.date
    next_review: dt.date
    authors: tuple[str, ...]
    summary_kicker: str = DEFAULT_KICKER
    """The line above the title on the summary PDF's cover, e.g. 'CPD course summary'."""
    reflection_prompts: tuple[str, ...] = DEFAULT_REFLECTION
    """The questions of the learner's reflective note, in order."""
    locale: str | None = None
    """How the learner's browser writes dates (a language tag such as 'de-AT'); None: the site's theme.language."""

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def title_slug(title: str) -> str:
    """`Asthma in Children` -> `asthma-in-children`; empty for a title with no Latin letters or digits."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def load_course(extra: dict[str, Any]) -> Course:
    """Check `extra.course` and return it; every problem is reported at once."""
    raw = extra.get("course")
    if not isinstance(raw, dict):
        raise_if_any([Problem(CONFIG_FILE, None, "'extra.course' is missing: add the course's title, "
                              "cpd_hours, last_reviewed, next_review and authors under 'extra: course:'")])
    problems: list[Problem] = []

    def fail(key: str, why: str) -> None:
        problems.append(Problem(CONFIG_FILE, None, f"'extra.course.{key}' {why}"))

    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        fail("title", "must be the course's title, e.g. 'title: Asthma in Children'")
    hours = raw.get("cpd_hours")
    if isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours <= 0:
        fail("cpd_hours", "must be a positive number of hours, e.g. 'cpd_hours: 1'")
    dates: dict[str, dt.date | None] = {}
    for key in ("last_reviewed", "next_review"):
        dates[key] = parse_date(raw.get(key))
        if dates[key] is None:
            fail(key, f"is '{raw.get(key)}', which is not a date: write a real date as YYYY-MM-DD (year, month, "
                 "day), e.g. '2027-11-01'")
    if dates["last_reviewed"] and dates["next_review"] and dates["last_reviewed"] > dates["next_review"]:
        fail("last_reviewed", "is after 'next_review': the next review must come after the last one")
    slug = raw.get("slug", title_slug(title) if isinstance(title, str) else "")
    if not (isinstance(slug, str) and SLUG.fullmatch(slug)):
        fail("slug", "must name the course's files in lower-case Latin letters, digits and hyphens, e.g. "
             "'slug: asthma-in-children' (needed when the title has no Latin letters or digits to make it from)")
    kicker, prompts, locale, authors = check_texts(raw, fail)
    raise_if_any(problems)
    return Course(
        title=title.strip(),
        slug=slug,
        cpd_hours=hours,
        last_reviewed=dates["last_reviewed"],  # type: ignore[arg-type]
        next_review=dates["next_review"],  # type: ignore[arg-type]
        authors=tuple(a.strip() for a in authors),
        summary_kicker=kicker.strip(),
        reflection_prompts=tuple(p.strip() for p in prompts),
        locale=locale,
    )


def check_texts(raw: dict[str, Any], fail: Callable[[str, str], None]
                ) -> tuple[Any, Any, Any, Any]:
    """The summary kicker, reflection prompts, locale and authors as written (each checked), and no unknown key."""
    kicker = raw.get("summary_kicker", DEFAULT_KICKER)
    if not isinstance(kicker, str) or not kicker.strip():
        fail("summary_kicker", "must be a short line of text, e.g. 'summary_kicker: CPD course summary'")
    prompts = raw.get("reflection_prompts", list(DEFAULT_REFLECTION))
    if not (isinstance(prompts, list) and prompts and all(isinstance(p, str) and p.strip() for p in prompts)):
        fail("reflection_prompts", "must be a list of one or more questions, e.g. '- What did I learn?'")
    locale = raw.get("locale")
    if locale is not None and not (isinstance(locale, str) and re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", locale)):
        fail("locale", "must be a language tag such as 'fr-CA', which sets how dates are written")
    authors = raw.get("authors")
    if not (isinstance(authors, list) and authors and all(isinstance(a, str) and a.strip() for a in authors)):
        fail("authors", "must be a list of one or more names, e.g. 'authors: [Dr A Smith]'")
    known = {"title", "slug", "cpd_hours", "last_reviewed", "next_review", "authors", "summary_kicker", "reflection_prompts",
             "locale"}
    unknown = sorted(set(raw) - known)
    for key in unknown:
        fail(key, "is not a course setting: remove it or check its spelling")
    return kicker, prompts, locale, authors
