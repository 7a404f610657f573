"""The course's own metadata, read from `extra.course` in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from mkdocs.config.base import Config

from .dates import parse_date
from .errors import Problem, raise_if_any
from .strings import override_problems
from .setting_lines import setting_lines
from .settings_schema import Checked, is_text, is_text_list, read_settings, stripped_texts

CONFIG_FILE = "mkdocs.yml"


DEFAULT_KICKER = "Course summary"
DEFAULT_REFLECTION = ("What did I learn?", "How will it change my practice?", "What will I do next?")
DEFAULT_FOLLOW_UPS = (("revision", 14), ("change", 56))
"""Days after a pass of the learner's calendar reminders: a revision check, and 'what did I change?'."""
MOST_CONFIDENCE_STATEMENTS = 10
"""Each rating takes a character of the learning system's small store (SCORM suspend_data): a few are enough."""
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
    confidence: tuple[str, ...] = ()
    """Statements the learner rates their confidence in, before the course and again before the certificate."""

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LOCALE = re.compile(r"[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*")


def title_slug(title: str) -> str:
    """`Asthma in Children` -> `asthma-in-children`; empty for a title with no Latin letters or digits."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def date_setting() -> Checked:
    return Checked(lambda value: f"is '{value}', which is not a date: write a real date as YYYY-MM-DD (year, month, "
                   "day), e.g. '2027-11-01'", lambda value: parse_date(value) is not None, parse_date)


SLUG_WHY = ("must name the course's files in lower-case Latin letters, digits and hyphens, e.g. 'slug: "
            "asthma-in-children' (needed when the title has no Latin letters or digits to make it from)")


class CourseSettings(Config):
    """`extra.course`, as an author may write it."""

    title = Checked("must be the course's title, e.g. 'title: Asthma in Children'", is_text, str.strip)
    cpd_hours = Checked("must be a positive number of hours, e.g. 'cpd_hours: 1'",
                        lambda value: not isinstance(value, bool) and isinstance(value, (int, float)) and value > 0)
    last_reviewed = date_setting()
    next_review = date_setting()
    summary_kicker = Checked("must be a short line of text, e.g. 'summary_kicker: CPD course summary'", is_text,
                             str.strip, default=DEFAULT_KICKER)
    reflection_prompts = Checked("must be a list of one or more questions, e.g. '- What did I learn?'",
                                 is_text_list, stripped_texts, default=list(DEFAULT_REFLECTION))
    slug = Checked(SLUG_WHY, lambda value: value is None or (isinstance(value, str) and SLUG.fullmatch(value)))
    locale = Checked("must be a language tag such as 'fr-CA', which sets how dates are written",
                     lambda value: value is None or (isinstance(value, str) and LOCALE.fullmatch(value)))
    strings = Checked(lambda value: "; ".join(override_problems(value)),
                      lambda value: value is None or not override_problems(value), dict.items, default={})
    version = Checked(lambda value: version_problems(value)[0], lambda value: not version_problems(value))
    follow_ups = Checked(lambda value: "; ".join(follow_up_problems(value)), lambda value: not follow_up_problems(value),
                         lambda value: tuple((kind, value.get(kind, days)) for kind, days in DEFAULT_FOLLOW_UPS),
                         default={})
    confidence = Checked(lambda value: confidence_problems(value)[0], lambda value: not confidence_problems(value),
                         stripped_texts, default=[])
    authors = Checked("must be a list of one or more names, e.g. 'authors: [Dr A Smith]'", is_text_list,
                      stripped_texts)


def load_course(extra: dict[str, Any], config_file: str | None = None) -> Course:
    """Check `extra.course` and return it; every problem is reported at once, at its line of `config_file`."""
    line = setting_lines(config_file)
    raw = extra.get("course")
    if not isinstance(raw, dict):
        raise_if_any([Problem(CONFIG_FILE, line("extra", "course"), "'extra.course' is missing: add the course's "
                              "title, cpd_hours, last_reviewed, next_review and authors under 'extra: course:'")])
    settings, failed, unknown = read_settings(CourseSettings, raw)
    failed += [(key, "is not a course setting: remove it or check its spelling") for key in unknown]
    bad = {key for key, _ in failed}
    if not {"last_reviewed", "next_review"} & bad and settings.last_reviewed > settings.next_review:
        failed.append(("last_reviewed", "is after 'next_review': the next review must come after the last one"))
    slug = settings.slug
    if slug is None:  # made from the title, which may have no Latin letters or digits to make it from
        slug = title_slug(raw["title"]) if isinstance(raw.get("title"), str) else ""
        if not SLUG.fullmatch(slug):
            failed.append(("slug", SLUG_WHY))
    raise_if_any([Problem(CONFIG_FILE, line("extra", "course", key), f"'extra.course.{key}' {why}")
                  for key, why in failed])
    return Course(
        title=settings.title, slug=slug, cpd_hours=settings.cpd_hours, last_reviewed=settings.last_reviewed,
        next_review=settings.next_review, authors=settings.authors, summary_kicker=settings.summary_kicker,
        reflection_prompts=settings.reflection_prompts, locale=settings.locale,
        strings=tuple(settings.strings), version=settings.version, follow_ups=settings.follow_ups,
        confidence=settings.confidence,
    )


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


def confidence_problems(raw: Any) -> list[str]:
    """What is wrong with `extra.course.confidence`, each as the end of a sentence naming the setting."""
    if not isinstance(raw, list) or not all(is_text(item) for item in raw):
        return ["must be a list of short statements the learner rates their confidence in, one per line, "
                "e.g. '- Recognising the symptoms of ...'"]
    if len(raw) > MOST_CONFIDENCE_STATEMENTS:
        return [f"has {len(raw)} statements: keep it to {MOST_CONFIDENCE_STATEMENTS} or fewer, so every rating fits "
                "in a learning system's saved progress"]
    texts = [item.strip().casefold() for item in raw]
    return [f"lists '{item.strip()}' twice: each statement once" for at, item in enumerate(raw) if texts.index(texts[at]) < at]
