"""The live preview (`serve`): a build that fails shows its problems in the browser instead of leaving it waiting.

MkDocs offers no hook for a failed build while serving, so this reaches into two of its internals: the `build`
that `mkdocs.commands.serve` calls (the first build, before any plugin event can wrap it) and the live-reload
server's `builder` (every rebuild). Both are fenced: `check_mkdocs_serve` fails loudly, saying what to do, on a
MkDocs whose `serve` is not the one this was written against.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.livereload import LiveReloadServer

SERVE_WRITTEN_FOR = "1.6."
"""The MkDocs series whose `serve` internals this module uses."""


class MkDocsServeChanged(Exception):
    """The installed MkDocs's `serve` is not the one the preview was written for."""


def check_mkdocs_serve(server: LiveReloadServer | None = None) -> None:
    """Fail with what to do unless MkDocs' serve still builds through `serve.build` and `server.builder`."""
    from mkdocs.commands import serve as serving

    fits = (mkdocs.__version__.startswith(SERVE_WRITTEN_FOR) and callable(getattr(serving, "build", None))
            and (server is None or hasattr(server, "builder")))
    if not fits:
        raise MkDocsServeChanged(
            f"the course preview was written for MkDocs {SERVE_WRITTEN_FOR}x, and MkDocs {mkdocs.__version__} is "
            "installed: install the MkDocs version requirements/site.txt pins, or check build_tools/preview.py "
            "against how the new MkDocs' 'serve' builds (mkdocs/commands/serve.py)")


def showing_errors(builder: Callable[..., None], site_dir: Path, last_error: Callable[[], str],
                   starting: Callable[[], None]) -> Callable[..., None]:
    """A rebuild that fails shows its problems in the browser (which reloads) instead of leaving it waiting."""
    def build(*args: Any, **kwargs: Any) -> None:
        starting()
        try:
            builder(*args, **kwargs)
        except Exception:  # noqa: BLE001 - MkDocs has logged it; the author must see it in the browser too
            write_error_pages(site_dir, last_error())
    return build


def write_error_pages(site_dir: Path, message: str) -> None:
    """Every page the author may have open shows the build's problems until the next build succeeds."""
    message = message or "The course could not be built: see the terminal for the reason."
    page = ("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>The course could not be built</title>"
            "<body style=\"font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem\">"
            "<h1>The course could not be built</h1><pre style=\"white-space:pre-wrap\">"
            f"{html.escape(message)}</pre><p>Fix the file and save it: this page reloads by itself.</p></body></html>")
    site_dir.mkdir(parents=True, exist_ok=True)
    # Every page there is, and 404.html, which MkDocs' preview server shows for any page the failed build left out.
    for html_file in {*site_dir.rglob("*.html"), site_dir / "index.html", site_dir / "404.html"}:
        html_file.write_text(page, encoding="utf-8")
