"""The course summary's content, gathered from the course's own Markdown (nothing is written twice)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import markdown

from ..model.course import Course
from ..model.dates import long_date
from ..model.errors import Problem
from ..model.pages import Module, Page, list_items, section
from ..model.strings import course_strings

PARAGRAPH = re.compile(r"^\s*<p>(.*)</p>\s*$", re.DOTALL)


@dataclass(frozen=True)
class SummaryModule:
    title: str
    description: str
    minutes: int
    callouts: list[dict[str, Any]]
    """[{"kind": "danger" | "warning", "title": str, "items": [html, ...]}, ...]"""
    key_points: list[str]


@dataclass(frozen=True)
class Summary:
    """Everything the PDF shows, as plain data (HTML fragments and strings) so another process can render it."""

    title: str
    language: str
    aim: str
    objectives: list[str]
    audience: str
    source: str
    cpd_hours: str
    last_reviewed: str
    next_review: str
    authors: list[str]
    modules: list[SummaryModule]
    resources: list[str]
    kicker: str
    colour: str
    """The brand colour of headings and rules (from the site's palette)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


COURSE_LINK = re.compile(r"\[([^\]]+)\]\((?!https?:|mailto:)[^)]*\)")


class Fragments:
    """Summary fragments in HTML, rendered with the site's own Markdown extensions (one converter, reset for each).

    A link to one of the course's pages becomes its plain text: the summary travels as a PDF, where such a link
    would lead nowhere. Links to the web stay links.
    """

    def __init__(self, extensions: list[Any] | None = None, configs: dict[str, Any] | None = None) -> None:
        kept = [e for e in extensions or [] if e != "toc"]  # no permalink marks on a fragment's headings
        self.converter = markdown.Markdown(extensions=kept, extension_configs=configs or {})

    def block(self, text: str) -> str:
        return self.converter.reset().convert(COURSE_LINK.sub(r"\1", text))

    def inline(self, text: str) -> str:
        """A list item or a sentence, without its paragraph."""
        html = self.block(text)
        match = PARAGRAPH.match(html)
        return match.group(1) if match and "<p>" not in match.group(1) else html


def required_section(page: Page, title: str, docs_name: str, problems: list[Problem]) -> str:
    """A section the summary is built from; its absence is a problem naming the page."""
    text = section(page.body, title)
    if text is None:
        problems.append(Problem(f"{docs_name}/{page.src_path}", None, f"has no '## {title}' section, which the "
                                "course summary PDF is built from: add it"))
    return text or ""


def build_summary(course: Course, modules: list[Module], home: Page, about: Page | None, resources: Page | None,
                  docs_name: str, language: str, colour: str, fragments: Fragments) -> tuple[Summary, list[Problem]]:
    """The summary of a course, with any problem in the pages it is built from."""
    problems: list[Problem] = []
    aim = required_section(home, "Aim", docs_name, problems)
    objectives = list_items(required_section(home, "Learning objectives", docs_name, problems))
    audience = required_section(about, "Audience", docs_name, problems) if about else ""
    source = required_section(about, "Source", docs_name, problems) if about else ""
    hours = course_strings(language, course.strings)["cpd-hours-one" if course.cpd_hours == 1 else "cpd-hours-other"]
    hours = hours.replace("{hours}", f"{course.cpd_hours:g}")
    summary = Summary(
        title=course.title,
        language=language,
        aim=fragments.block(aim),
        objectives=[fragments.inline(item) for item in objectives],
        audience=fragments.block(audience),
        source=fragments.block(source),
        cpd_hours=hours,
        last_reviewed=long_date(course.last_reviewed),
        next_review=long_date(course.next_review),
        authors=list(course.authors),
        modules=[
            SummaryModule(
                title=module.title,
                description=fragments.inline(module.description),
                minutes=module.minutes,
                callouts=[{"kind": box.kind, "title": box.title, "items": [fragments.inline(i) for i in box.items]}
                          for box in module.callouts],
                key_points=[fragments.inline(point) for point in module.key_points],
            )
            for module in modules
        ],
        resources=[fragments.inline(item) for item in list_items(resources.body)] if resources else [],
        kicker=course.summary_kicker,
        colour=colour,
    )
    return summary, problems
