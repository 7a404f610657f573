"""The weekly warning before a review date: `python -m build_tools review-due` fails, naming each date and where it
is set, while the course's or a page's next review is less than the given number of days away."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.cli import main
from conftest import FIXTURE_COURSE, copy_course

# The fixture course: its module's own next review is 30 June 2098 (line 7), the course's 1 January 2099 (line 24).
MODULE = "docs/modules/only-module.md:7"
COURSE = "mkdocs.yml:24"


def review_due(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day: str, *args: str) -> int:
    monkeypatch.setenv("COURSE_TODAY", day)
    config_file = tmp_path / "mkdocs.yml"
    if not config_file.exists():
        copy_course(FIXTURE_COURSE, tmp_path)
    return main(["review-due", "-f", str(config_file), *args])


def test_far_reviews_pass_and_name_the_next_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert review_due(tmp_path, monkeypatch, "2098-01-01", "--days", "60") == 0
    out = capsys.readouterr().out
    assert "OK: no review is due within 60 days" in out
    assert f"the next is on 30 June 2098 ({MODULE})" in out


@pytest.mark.parametrize(("day", "status"), [("2098-05-01", 0), ("2098-05-02", 1)])
def test_sixty_days_ahead_passes_and_fifty_nine_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      day: str, status: int) -> None:
    assert review_due(tmp_path, monkeypatch, day, "--days", "60") == status


def test_a_page_review_within_the_window_names_the_page_line_and_date(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert review_due(tmp_path, monkeypatch, "2098-05-15") == 1  # 60 days by default
    err = capsys.readouterr().err
    assert (f"{MODULE}: this page's next review ('next_review' in its front matter) is due on 30 June 2098, "
            "46 days from now: from 1 July 2098 the site no longer builds") in err
    assert COURSE not in err, "the course's own review is 231 days away"
    assert "1 review due within 60 days of 15 May 2098." in err


def test_an_overdue_page_and_a_near_course_review_are_both_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert review_due(tmp_path, monkeypatch, "2098-11-10", "--days", "60") == 1
    err = capsys.readouterr().err
    assert f"{MODULE}: this page's next review ('next_review' in its front matter) was due on 30 June 2098" in err
    assert f"{COURSE}: the course's next review ('extra.course.next_review'" in err
    assert "is due on 1 January 2099, 52 days from now" in err
    assert err.index(MODULE) < err.index(COURSE), "earliest date first"
    assert "2 reviews due within 60 days" in err


def test_a_page_without_its_own_date_follows_the_course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    copy_course(FIXTURE_COURSE, tmp_path)
    module = tmp_path / "docs/modules/only-module.md"
    module.write_text(module.read_text(encoding="utf-8").replace("next_review: 2098-06-30\n", ""), encoding="utf-8")
    assert review_due(tmp_path, monkeypatch, "2098-05-15") == 0
    assert f"the next is on 1 January 2099 ({COURSE})" in capsys.readouterr().out
