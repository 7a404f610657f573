"""Learner widgets an author places in a page with one line, e.g. `<!-- course: progress -->`.

The build renders each widget's static HTML (titles, links, objectives); the browser fills in what only the
learner's own browser knows (answers, attempts, name, reflection).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..model.errors import Problem
from ..model.pages import Page, without_code
from .templating import package_templates

MARKER = re.compile(r"^[ \t]*<!--\s*course\s*:\s*(?P<name>[\w-]*)\s*-->[ \t]*$", re.MULTILINE | re.IGNORECASE)
WIDGETS = ("modules", "summary", "summary-download", "continue", "progress", "assessment-result", "certificate",
           "privacy", "confidence-before", "confidence-after")

_templates = package_templates("templates/widgets", ["html"])


def find_widgets(page: Page, docs_name: str, problems: list[Problem]) -> list[str]:
    """The widgets a page asks for; an unknown name is a problem at its line."""
    found = []
    for match in MARKER.finditer(without_code(page.body)):
        name = match.group("name").lower()
        if name in WIDGETS:
            found.append(name)
        else:
            line = page.body_line + page.body[: match.start()].count("\n")
            problems.append(Problem(f"{docs_name}/{page.src_path}", line, f"'<!-- course: {name} -->' is not a "
                                    f"widget; the widgets are: {', '.join(WIDGETS)}"))
    return found


FIRST_HEADING = re.compile(r"^#[ \t].*$", re.MULTILINE)


def place_module_intro(markdown: str, minutes: int, objectives: list[str]) -> str:
    """A module's estimated minutes and objectives (from its front matter), under its title."""
    intro = _templates.get_template("module-intro.html").render(minutes=minutes, objectives=objectives).strip()
    heading = FIRST_HEADING.search(markdown)
    at = heading.end() if heading else 0
    return f"{markdown[:at]}\n\n{intro}\n\n{markdown[at:]}"


def place_widgets(markdown: str, context: Callable[[], dict[str, Any]]) -> str:
    """Replace every widget line (outside code blocks) with the widget's HTML, rendered with what the build knows.

    `context` is asked for only when the page has a widget: most pages have none.
    """
    parts, end, known = [], 0, None
    for match in MARKER.finditer(without_code(markdown)):
        known = known or context()
        parts += [markdown[end: match.start()],
                  _templates.get_template(f"{match.group('name').lower()}.html").render(**known).strip()]
        end = match.end()
    return "".join(parts) + markdown[end:]


HEADING_ID = re.compile(r'<h[1-6]\b[^>]*?\sid="(?P<id>[^"]+)"')
TOC_HEADING = re.compile(r'<h(?P<level>[2-6]) id="(?P<id>[^"]+)" data-toc>(?P<title>.*?)</h(?P=level)>', re.DOTALL)


def add_widget_headings(toc: TableOfContents, html: str) -> None:
    """Put the headings a widget marks `data-toc` into the page's table of contents, where they stand in the page.

    A widget is HTML, whose headings Markdown's table of contents never sees.
    """
    added = [AnchorLink(match["title"].strip(), match["id"], int(match["level"])) for match in TOC_HEADING.finditer(html)]
    if not added:
        return
    where: dict[str, int] = {}
    for heading in HEADING_ID.finditer(html):
        where.setdefault(heading["id"], heading.start())
    entries = [*entries_of(toc.items), *added]
    entries.sort(key=lambda entry: where.get(entry.id, len(html)))
    roots: list[AnchorLink] = []
    open_entries: list[AnchorLink] = []
    for entry in entries:
        entry.children = []
        while open_entries and open_entries[-1].level >= entry.level:
            open_entries.pop()
        (open_entries[-1].children if open_entries else roots).append(entry)
        open_entries.append(entry)
    toc.items = roots


def entries_of(items: list[AnchorLink]) -> list[AnchorLink]:
    return [found for item in items for found in (item, *entries_of(item.children))]
