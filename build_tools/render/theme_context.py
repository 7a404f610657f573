"""What the theme's templates (main.html and the partials) are given: the course, its banners, the summary's
download link and the course data file; and the compiled-template cache kept between builds."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.structure.files import Files

from ..model.banners import banner_url
from ..model.course_model import CourseModel
from ..model.dates import long_date
from ..model.folders import make_own
from ..model.sources import site_url_of


def set_up_theme(env: Environment, model: CourseModel, files: Files, templates_cache: Path,
                 summary: dict[str, str] | None) -> None:
    # Compiled templates (Material's and ours) kept between builds: Jinja checks each template's source.
    make_own(templates_cache)
    env.bytecode_cache = FileSystemBytecodeCache(str(templates_cache))
    env.filters["long_date"] = long_date
    env.globals["course"] = model.course
    env.globals["course_summary"] = summary
    env.globals["course_banners"] = [
        {"id": b.id, "text": b.text, "url": banner_url(b.link, functools.partial(site_url_of, files))}
        for b in model.extra.banners
    ]


def page_review(model: CourseModel, src_path: str) -> object:
    """The review dates a page's footer shows (None for a page the course did not read)."""
    known = model.pages.get(src_path)
    return known.review if known else None
