"""This course's review dates as the weekly check reads them."""

from __future__ import annotations

from build_tools.cli import main
from course_facts import COURSE


def test_the_real_course_is_not_due_on_its_last_review_day() -> None:
    # conftest pins COURSE_TODAY to the course's last review; a course whose review is due at once is a mistake.
    assert main(["review-due", "-f", str(COURSE / "mkdocs.yml")]) == 0
