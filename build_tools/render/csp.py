"""A Content-Security-Policy for every page: scripts, styles, fonts, images and connections from the site only.

Delivered as a `<meta>` element, so it holds on any host, inside a learning system's frame and opened from disk,
where no server sends headers. The few inline scripts the theme writes into each page are allowed by their
hashes, worked out page by page (they name the page's base URL); everything else must be a file of the site.
Author text can then never run as script, even if it got past the build's own escaping, and nothing on the page
can load from or send to another host.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL)
INLINE_STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.DOTALL)
DATA_TYPE = re.compile(r"""\btype=["']?application/(?:ld\+)?json""")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)

FIXED = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
"""Directives that are the same on every page. `data:` images are the theme's own icons (in its stylesheet)."""


def digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, sources: tuple[str, ...] = ()) -> str:
    """The policy for one page: its own inline scripts and styles by hash, plus any extra `sources` (such as
    `blob:` for the offline copy's search) for scripts."""
    scripts = [digest(m.group("body")) for m in INLINE_SCRIPT.finditer(html)
               if "src=" not in m.group("attributes") and not DATA_TYPE.search(m.group("attributes"))]
    styles = [digest(m.group("body")) for m in INLINE_STYLE.finditer(html)]
    directives = {**FIXED, "script-src": ["'self'", *sources, *sorted(set(scripts))],
                  "style-src": ["'self'", *sorted(set(styles))]}
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_policy(html: str, sources: tuple[str, ...] = ()) -> str:
    """The page with its policy as the first thing after its character set (it covers only what comes after)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, sources)}">'
    match = CHARSET.search(html)
    if match is None:
        raise ValueError("the page has no <meta charset>: the security policy has nowhere to go")
    return html[: match.end()] + meta + html[match.end():]
