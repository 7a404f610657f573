"""Where author Markdown links to: only the web, email and the course's own pages are allowed.

Python-Markdown writes any link target into the page as it stands, so `[x](javascript:alert(1))` would become
working script and `![x](file:///etc/passwd)` would make the PDF renderer read a file of the build machine.
The targets are found generously (any `](` and any reference definition), so a link in unusual spelling is
still found; a false alarm costs the author one edit, a miss costs the learner.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

SAFE_SCHEMES = ("http", "https", "mailto")
INLINE_TARGET = re.compile(r"\[[^\n]*?\]\([ \t]*<?([^)>\n]*)")
REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^>\s]*)", re.MULTILINE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]")
"""Browsers drop control characters and white space inside a URL, and Markdown drops backslash escapes."""


@dataclass(frozen=True)
class LinkProblem:
    offset: int
    """Where in the text the problem starts, so callers can turn it into a line."""
    message: str


def scheme_of(target: str) -> str | None:
    """The scheme a browser would see (`javascript` for `java&#09;script\\:x`), or None for a relative target."""
    cleaned = INVISIBLE.sub("", html.unescape(html.unescape(target))).lower()
    if cleaned.startswith("//"):
        return "//"
    match = SCHEME.match(cleaned)
    return match.group(1) if match else None


def link_problems(markdown: str) -> list[LinkProblem]:
    """Links whose target is not a web or email address or a relative path, and images that are not files of
    the course (a web image is a request to another website; the PDF renderer must read no other file)."""
    found: list[LinkProblem] = []
    targets = [(m.start(), m.group(1), markdown[max(0, m.start() - 1)] == "!") for m in INLINE_TARGET.finditer(markdown)]
    targets += [(m.start(), m.group(1), False) for m in REFERENCE_DEFINITION.finditer(markdown)]
    for offset, target, image in sorted(targets):
        scheme = scheme_of(target)
        if image and (scheme is not None or target.startswith("/")):
            found.append(LinkProblem(offset, f"the image '{target}' is not a file of the course: put the image in "
                                     "the docs folder and give its path from this page (images/figure.png)"))
        elif scheme is not None and scheme not in SAFE_SCHEMES:
            found.append(LinkProblem(offset, f"the link '{target}' is not allowed: link only to web addresses "
                                     "(https://...), email addresses (mailto:...) or pages of the course "
                                     "(other-page.md#heading)"))
    return found


def line_of(text: str, offset: int) -> int:
    """The 0-based line of an offset in text."""
    return text.count("\n", 0, offset)
