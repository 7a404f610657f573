"""`review-due`: the maintainer's early warning of a review falling due."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from mkdocs.structure.files import get_files

from ..model.course import CONFIG_FILE, load_course
from ..model.dates import long_date, parse_date
from ..model.pages import read_page
from ..model.review import today
from ..model.setting_lines import setting_lines
from .config_file import load


def count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def review_due(config_file: Path, days: int) -> int:
    """The maintainer's early warning: exit 1, naming each date and where it is set, while a review of the course
    or of a page falls due within `days` days (from the day after it, the site no longer builds)."""
    with tempfile.TemporaryDirectory(prefix="course-review-") as scratch:
        config = load(config_file, Path(scratch) / "site")
    course, docs = load_course(config.extra, config.config_file_path), Path(config.docs_dir)
    line = setting_lines(config.config_file_path)("extra", "course", "next_review")
    reviews = [(course.next_review, f"{CONFIG_FILE}:{line}" if line else CONFIG_FILE, "the course's next review "
                "('extra.course.next_review', which every page without a date of its own follows)")]
    for file in sorted(get_files(config).documentation_pages(), key=lambda file: file.src_uri):
        text = (docs / file.src_uri).read_text(encoding="utf-8-sig")
        page = read_page(docs, file.src_uri, text, course, [])
        if page.review.next_review_line is not None and parse_date(page.meta["next_review"]) is not None:
            reviews.append((page.review.next_review, f"{docs.name}/{file.src_uri}:{page.review.next_review_line}",
                            "this page's next review ('next_review' in its front matter)"))
    day = today()
    due = sorted(review for review in reviews if (review[0] - day).days < days)
    for date, where, what in due:
        left = (date - day).days
        when = (f"was due on {long_date(date)}: the site does not build until it is moved on" if left < 0 else
                f"is due on {long_date(date)}, {'today' if left == 0 else count(left, 'day') + ' from now'}: from "
                f"{long_date(date + dt.timedelta(days=1))} the site no longer builds")
        print(f"{where}: {what} {when}. Review the clinical content, then move 'next_review' (and "
              "'last_reviewed') on.", file=sys.stderr)
    if due:
        print(f"{count(len(due), 'review')} due within {days} days of {long_date(day)}.", file=sys.stderr)
        return 1
    date, where, _ = min(reviews)
    print(f"OK: no review is due within {days} days of {long_date(day)}; the next is on {long_date(date)} ({where}).")
    return 0
