"""The course's own metadata, read from `extra.course` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .dates import parse_date
from .errors import Problem, raise_if_any

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Course:
    title: str
    cpd_hours: float
    last_reviewed: dt.date
    next_review: dt.date
    authors: tuple[str, ...]

    @property
    def slug(self) -> str:
        """`Breast Cancer Recurrence` -> `breast-cancer-recurrence`: names files and storage keys."""
        return re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")


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
        fail("title", "must be the course's title, e.g. 'title: Breast Cancer Recurrence'")
    hours = raw.get("cpd_hours")
    if isinstance(hours, bool) or not isinstance(hours, (int, float)) or hours <= 0:
        fail("cpd_hours", "must be a positive number of hours, e.g. 'cpd_hours: 1'")
    dates: dict[str, dt.date | None] = {}
    for key in ("last_reviewed", "next_review"):
        dates[key] = parse_date(raw.get(key))
        if dates[key] is None:
            fail(key, "must be a date written as YYYY-MM-DD, e.g. '2027-11-01'")
    authors = raw.get("authors")
    if not (isinstance(authors, list) and authors and all(isinstance(a, str) and a.strip() for a in authors)):
        fail("authors", "must be a list of one or more names, e.g. 'authors: [Dr A Smith]'")
    unknown = sorted(set(raw) - {"title", "cpd_hours", "last_reviewed", "next_review", "authors"})
    for key in unknown:
        fail(key, "is not a course setting: remove it or check its spelling")
    raise_if_any(problems)
    return Course(
        title=title.strip(),
        cpd_hours=hours,
        last_reviewed=dates["last_reviewed"],  # type: ignore[arg-type]
        next_review=dates["next_review"],  # type: ignore[arg-type]
        authors=tuple(a.strip() for a in authors),
    )
