"""Render a course summary to an accessible PDF with WeasyPrint.

Run as `python -m build_tools.outputs.pdf - OUTPUT.pdf` with the summary's JSON on standard input, so that the build
can make the PDF in a separate process while MkDocs renders the pages.
"""

from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

PACKAGE = files("build_tools")
_templates = Environment(
    loader=PackageLoader("build_tools", "templates"), autoescape=select_autoescape(["j2"]), undefined=StrictUndefined
)


def summary_html(summary: dict[str, Any]) -> str:
    """The summary as one HTML document; its fragments are HTML already, everything else is escaped."""
    stylesheet = (PACKAGE / "templates" / "summary.css").read_text(encoding="utf-8")
    return _templates.get_template("summary.html.j2").render(stylesheet=stylesheet, **summary)


def package_files_only(url: str) -> str | None:
    """Why the renderer may not load `url`, or None for the package's own files (its fonts) and inline data.

    The summary's HTML comes from author Markdown: an image of `file:///etc/passwd` or of a web address must not
    put a file of the build machine, or anything from the network, into the published PDF.
    """
    scheme, _, rest = url.partition(":")
    if scheme == "data":
        return None
    if scheme != "file":
        return f"the course summary PDF loads nothing from the network: {url}"
    path = Path(url2pathname(urlsplit(url).path)).resolve()
    if not path.is_relative_to(Path(str(PACKAGE)).resolve()):
        return f"the course summary PDF reads no files but its own: {url}"
    return None


def write_pdf(summary: dict[str, Any], output: Path) -> None:
    from weasyprint import HTML  # imported here: it is slow to import and only this process needs it
    from weasyprint.urls import URLFetcher

    class PackageFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            refused = package_files_only(url)
            if refused:
                raise ValueError(refused)
            return super().fetch(url, headers)

    document = HTML(string=summary_html(summary), base_url=f"{PACKAGE}/", url_fetcher=PackageFetcher())
    document.write_pdf(output, pdf_variant="pdf/ua-1", pdf_identifier=b"course-summary")


def inputs_fingerprint_parts() -> list[bytes]:
    """The renderer's own files that change the PDF's bytes: this module, its template, stylesheet and fonts."""
    parts = [Path(__file__).read_bytes()]
    for name in ("summary.html.j2", "summary.css"):
        parts.append((PACKAGE / "templates" / name).read_bytes())
    for font in sorted((PACKAGE / "fonts").iterdir(), key=lambda f: f.name):
        parts.append(font.read_bytes())
    return parts


if __name__ == "__main__":
    import weasyprint  # noqa: F401 - imported while the build still reads the pages, before the summary arrives

    write_pdf(json.loads(sys.stdin.buffer.read()), Path(sys.argv[2]))
