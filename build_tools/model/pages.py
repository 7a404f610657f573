"""Author pages: front matter, review dates, and the teaching modules' objectives, callout boxes and key points."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config.base import Config

from .course import Course
from .dates import parse_date
from .errors import Problem
from .links import line_of, link_problems
from .settings_schema import Checked, is_text, is_text_list, read_settings, stripped_texts

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
NEXT_SECTION = re.compile(r"^#{1,2}[ \t]", re.MULTILINE)
CALLOUT = re.compile(r'^!!![ \t]+(?P<kind>danger|warning)(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*\n'
                     r'(?P<body>(?:(?:[ \t]{4}.*)?\n)+)', re.MULTILINE)
CALLOUT_TITLES = {"danger": "Red flag", "warning": "Warning"}
"""What a callout box is called when its author gave it no title (Material shows the same)."""


@dataclass(frozen=True)
class Review:
    last_reviewed: dt.date
    next_review: dt.date
    next_review_line: int | None = None
    """Line of the page's own `next_review` in its file; None when the page follows the course's date."""


@dataclass(frozen=True)
class Callout:
    """A `!!! danger` or `!!! warning` box: what a module asks the reader to act on, carried into the summary."""

    kind: str
    title: str
    items: tuple[str, ...]
    """Markdown, one entry per list item (or paragraph)."""


@dataclass(frozen=True)
class Module:
    src_path: str
    title: str
    description: str
    minutes: int
    objectives: tuple[str, ...]
    callouts: tuple[Callout, ...]
    key_points: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """One docs/ page as the author wrote it: its front matter, body and review dates."""

    src_path: str
    meta: dict[str, Any]
    body: str
    body_line: int
    """Line of the file on which `body` starts, so problems can point into the file."""
    review: Review


class FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Front matter as written: a date stays text, so an impossible one (2027-02-30) is a clear problem, not a crash."""


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_scalar)


def read_page(docs_dir: Path, src_path: str, text: str, course: Course, problems: list[Problem]) -> Page:
    """Split front matter from body and resolve review dates (the page's own override the course's)."""
    where = f"{docs_dir.name}/{src_path}"
    text = text.removeprefix("\ufeff")
    meta: dict[str, Any] = {}
    body, body_line = text, 1
    match = FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.load(match.group(1) or "", Loader=FrontMatterLoader)  # noqa: S506 - a safe loader
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            problems.append(Problem(where, line, "the front matter between the '---' lines is not valid YAML: "
                                    "check indentation and quote text that contains a colon"))
            loaded = {}
        if isinstance(loaded, dict):
            meta = loaded
        else:
            problems.append(Problem(where, 2, "the front matter must be 'key: value' lines"))
        body, body_line = text[match.end():], text[: match.end()].count("\n") + 1
    dates = {"last_reviewed": course.last_reviewed, "next_review": course.next_review}
    for key in dates:
        if key in meta:
            value = parse_date(meta[key])
            if value is None:
                problems.append(Problem(where, front_matter_line(text, key), date_problem(key, meta[key])))
            else:
                dates[key] = value
    own = {key for key in dates if key in meta}
    if own and dates["last_reviewed"] > dates["next_review"]:
        problems.append(Problem(where, front_matter_line(text, sorted(own)[0]), "'last_reviewed' is after "
                                "'next_review': the next review must come after the last one"))
    line = front_matter_line(text, "next_review") if "next_review" in meta else None
    problems += [Problem(where, body_line + line_of(body, p.offset), p.message) for p in link_problems(without_code(body))]
    return Page(src_path, meta, body, body_line, Review(**dates, next_review_line=line))


def title_problem(title: str | None) -> str | None:
    """Titles are plain text: the theme prints them as HTML in the navigation, header and footer."""
    if title and "<" in title:
        return (f"the title '{title}' contains '<': titles are plain text and cannot hold HTML; write it out "
                "in words (for example 'less than')")
    return None


def date_problem(key: str, value: object) -> str:
    return (f"'{key}: {value}' is not a date: write a real date as YYYY-MM-DD (year, month, day), "
            "e.g. '2027-11-01'")


def front_matter_line(text: str, key: str) -> int | None:
    """The line on which a front matter key is set, for error messages."""
    match = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.MULTILINE)
    return text[: match.start()].count("\n") + 1 if match else None


class ModuleFrontMatter(Config):
    """What a teaching module's front matter must carry."""

    title = Checked("is missing: give the module's title", is_text, str.strip)
    description = Checked("is missing: one sentence saying what the module teaches", is_text, str.strip)
    minutes = Checked("must be the estimated minutes to study the module, e.g. 'minutes: 10'",
                      lambda value: isinstance(value, int) and not isinstance(value, bool) and value > 0)
    objectives = Checked("must be a list of learning objectives, one '- ' line each", is_text_list, stripped_texts)


def read_module(page: Page, docs_name: str, problems: list[Problem]) -> Module:
    """Check what every teaching module must carry; problems are collected, not raised."""
    where = f"{docs_name}/{page.src_path}"
    meta = page.meta

    front, failed, _ = read_settings(ModuleFrontMatter, meta)  # other keys are the theme's (hide, icon, ...)
    problems += [Problem(where, None, f"front matter '{key}' {why}") for key, why in failed]
    key_points_section = section(page.body, "Key points")
    key_points = list_items(key_points_section) if key_points_section is not None else None
    if key_points is None:
        problems.append(Problem(where, None, "has no '## Key points' section: add one at the end of the module, "
                                "with the module's key points as a bulleted list (the course summary PDF is "
                                "built from it)"))
    elif not key_points:
        heading = heading_pattern("Key points").search(page.body)
        problems.append(Problem(where, page.body_line + page.body[: heading.start()].count("\n"),
                                "the '## Key points' section has no bulleted points"))
    bad = {key for key, _ in failed}
    return Module(
        src_path=page.src_path,
        title="" if "title" in bad else front.title,
        description="" if "description" in bad else front.description,
        minutes=0 if "minutes" in bad else front.minutes,
        objectives=() if "objectives" in bad else front.objectives,
        callouts=callouts(page.body),
        key_points=tuple(key_points or ()),
    )


FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])[ \t]+")


def without_code(markdown: str) -> str:
    """The Markdown with fenced code blanked out (same length, same lines), so markers and headings inside code
    blocks are never taken for real ones."""
    return FENCE.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), markdown)


def heading_pattern(title: str) -> re.Pattern[str]:
    return re.compile(rf"^##[ \t]+{re.escape(title)}[ \t]*#*[ \t]*$", re.MULTILINE | re.IGNORECASE)


def section(body: str, title: str) -> str | None:
    """The Markdown under a `## title` heading, up to the next heading of that level or above; None if absent."""
    masked = without_code(body)
    match = heading_pattern(title).search(masked)
    if not match:
        return None
    end = NEXT_SECTION.search(masked, match.end())
    return body[match.end(): end.start() if end else len(body)].strip()


def list_items(markdown: str) -> list[str]:
    """Top-level list items (bulleted or numbered) of a Markdown fragment, each with its nested lines."""
    items: list[list[str]] = []
    current: list[str] | None = None
    for line, bare in zip(markdown.splitlines(), without_code(markdown).splitlines(), strict=True):
        if LIST_ITEM.match(bare):
            current = [LIST_ITEM.sub("", line, count=1).strip()]
            items.append(current)
        elif current is not None and (line.startswith((" ", "\t")) or not line.strip()):
            current.append(line)
        else:
            current = None  # a paragraph between lists ends the item before it
    return [f"{lines[0]}\n{textwrap.dedent(chr(10).join(lines[1:]))}".strip() for lines in items]


def callouts(body: str) -> tuple[Callout, ...]:
    """The module's `!!! danger` and `!!! warning` boxes, in page order."""
    found = []
    for match in CALLOUT.finditer(without_code(body)):
        block = body[match.start("body"): match.end("body")]
        inner = "\n".join(line[4:] for line in block.splitlines())
        items = list_items(inner) or [" ".join(inner.split())]
        kind = match.group("kind")
        found.append(Callout(kind, match.group("title") or CALLOUT_TITLES[kind], tuple(items)))
    return tuple(found)
