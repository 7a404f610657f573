"""Review dates: which pages are past their next review, and what the author and the previewer are told."""

from __future__ import annotations

import datetime as dt
import html
import os

from .dates import long_date, parse_date
from .errors import AuthoringError, Problem
from .pages import Page

TODAY_VARIABLE = "COURSE_TODAY"
"""Set to a YYYY-MM-DD date to build as if it were that day (tests, or checking a course before a review)."""


def today() -> dt.date:
    """Today, unless COURSE_TODAY names another day."""
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if not pinned:
        return dt.date.today()
    day = parse_date(pinned)
    if day is None:
        raise AuthoringError([Problem(TODAY_VARIABLE, None, f"'{pinned}' is not a date: set it to a real date "
                                      "written as YYYY-MM-DD (e.g. 2027-11-01), or unset it to use today")])
    return day


def overdue_message(page: Page) -> str:
    return (f"its review was due on {long_date(page.review.next_review)}, so it is not published. Review the clinical "
            "content, then set 'next_review' (and 'last_reviewed') in the page's front matter")


def course_overdue_message(due: dt.date) -> str:
    return (f"the course's review was due on {long_date(due)}, so no page that follows the course's dates is "
            "published. Review the clinical content, then set 'extra.course.next_review' (and 'last_reviewed')")


def overdue_notice(page: Page) -> str:
    """A box at the top of an overdue page, shown only while previewing with `mkdocs serve`."""
    due = html.escape(long_date(page.review.next_review))
    return ('<div class="admonition danger course-overdue" role="alert"><p class="admonition-title">Review overdue'
            f"</p><p>This page's review was due on {due}. It is shown here for preview only: the site will not "
            "build for publishing until the page is reviewed and its review dates are updated.</p></div>\n\n")
