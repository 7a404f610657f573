"""The course's own metadata, read from `extra.course` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .dates import parse_date
from .errors import Problem, raise_if_any
from .strings import override_problems

CONFIG_FILE = "mkdocs.yml"


DEFAULT_KICKER = "Course summary"
DEFAULT_REFLECTION = ("What did I learn?", "How will it change my practice?", "What will I do next?")
DEFAULT_FOLLOW_UPS = (("revision", 14), ("change", 56))
"""Days after a pass of the learner's calendar reminders: a revision check, and 'what did I change?'."""
VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+-]{0,19}")


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
    strings: tuple[tuple[str, str], ...] = ()
    """The course's own wording of learner-facing sentences (`extra.course.strings`), replacing the package's."""
    version: str | None = None
    """The edition of the content (`version: "1.0"`), shown on the certificate with the build date."""
    follow_ups: tuple[tuple[str, int], ...] = DEFAULT_FOLLOW_UPS
    """Each calendar reminder ('revision', 'change') with the days after a pass it falls on."""

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
    kicker = raw.get("summary_kicker", DEFAULT_KICKER)
    if not isinstance(kicker, str) or not kicker.strip():
        fail("summary_kicker", "must be a short line of text, e.g. 'summary_kicker: CPD course summary'")
    prompts = raw.get("reflection_prompts", list(DEFAULT_REFLECTION))
    if not (isinstance(prompts, list) and prompts and all(isinstance(p, str) and p.strip() for p in prompts)):
        fail("reflection_prompts", "must be a list of one or more questions, e.g. '- What did I learn?'")
    slug = raw.get("slug", title_slug(title) if isinstance(title, str) else "")
    if not (isinstance(slug, str) and SLUG.fullmatch(slug)):
        fail("slug", "must name the course's files in lower-case Latin letters, digits and hyphens, e.g. "
             "'slug: asthma-in-children' (needed when the title has no Latin letters or digits to make it from)")
    locale = raw.get("locale")
    if locale is not None and not (isinstance(locale, str) and re.fullmatch(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", locale)):
        fail("locale", "must be a language tag such as 'fr-CA', which sets how dates are written")
    authors = raw.get("authors")
    if not (isinstance(authors, list) and authors and all(isinstance(a, str) and a.strip() for a in authors)):
        fail("authors", "must be a list of one or more names, e.g. 'authors: [Dr A Smith]'")
    strings = raw.get("strings", {})
    for why in override_problems(strings):
        fail("strings", why)
    for key, why in edition_problems(raw):
        fail(key, why)
    known = {"strings", "title", "slug", "cpd_hours", "last_reviewed", "next_review", "authors", "summary_kicker", "reflection_prompts",
             "locale", "version", "follow_ups"}
    unknown = sorted(set(raw) - known)
    for key in unknown:
        fail(key, "is not a course setting: remove it or check its spelling")
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
        strings=tuple(strings.items()) if isinstance(strings, dict) else (),
        version=raw.get("version"),
        follow_ups=tuple((kind, raw.get("follow_ups", {}).get(kind, days)) for kind, days in DEFAULT_FOLLOW_UPS),
    )


def edition_problems(raw: dict[str, Any]) -> list[tuple[str, str]]:
    """The edition's and the follow-ups' problems, each with the setting it is about."""
    return ([("version", why) for why in version_problems(raw.get("version"))]
            + [("follow_ups", why) for why in follow_up_problems(raw.get("follow_ups", {}))])


def version_problems(version: Any) -> list[str]:
    """What is wrong with `extra.course.version`, each as the end of a sentence naming the setting."""
    if version is None or (isinstance(version, str) and VERSION.fullmatch(version)):
        return []
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        return [f"is the number {version}: write the edition in quotes, e.g. 'version: \"1.0\"' (without them, "
                "1.10 would read as 1.1)"]
    return ["must name the content's edition in up to 20 letters, digits, dots and hyphens, e.g. "
            "'version: \"1.0\"'"]


def follow_up_problems(follow_ups: Any) -> list[str]:
    """What is wrong with `extra.course.follow_ups`: days after a pass for 'revision' and 'change'."""
    if not isinstance(follow_ups, dict):
        return ["must give the days after a pass of each reminder, e.g. 'follow_ups: {revision: 14, change: 56}'"]
    kinds = dict(DEFAULT_FOLLOW_UPS)
    return [
        f"has '{kind}', which is not a reminder: the reminders are 'revision' and 'change'" if kind not in kinds
        else f"gives '{kind}' {days!r}: write a whole number of days from 1 to 730, e.g. '{kind}: {kinds[kind]}'"
        for kind, days in follow_ups.items()
        if kind not in kinds or isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 730
    ]
