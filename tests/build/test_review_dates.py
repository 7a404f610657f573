"""Review dates guard publishing on every path: any build refuses an overdue page; a preview shows it, flagged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import FIXTURE_COURSE, copy_course

MODULE = "docs/modules/only-module.md"


def overdue_fixture(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture course on the day after its module's own next review (30 June 2098)."""
    monkeypatch.setenv("COURSE_TODAY", "2098-07-01")
    return copy_course(FIXTURE_COURSE, tmp_path)


def test_overdue_content_fails_a_plain_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(str(overdue_fixture(tmp_path, monkeypatch)), strict=False, site_dir=str(tmp_path / "site"))
    with pytest.raises(Abort):
        build(config)
    assert f"{MODULE}:7: its review was due on 30 June 2098, so it is not published" in caplog.text
    assert "set 'next_review'" in caplog.text
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_preview_shows_overdue_content_with_a_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    config = load_config(str(overdue_fixture(tmp_path, monkeypatch)), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    module = (tmp_path / "site/modules/only-module/index.html").read_text()
    assert "Review overdue" in module and "30 June 2098" in module
    assert "Review overdue" not in (tmp_path / "site/index.html").read_text(), "only the overdue page is flagged"
    assert any("its review was due on 30 June 2098" in r.getMessage() for r in caplog.records)


def test_the_day_before_the_review_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COURSE_TODAY", "2098-06-30")
    config = load_config(str(copy_course(FIXTURE_COURSE, tmp_path)), site_dir=str(tmp_path / "site"))
    build(config)
    assert "Review overdue" not in (tmp_path / "site/modules/only-module/index.html").read_text()


def test_a_course_past_its_review_is_reported_once_at_its_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("COURSE_TODAY", "2099-01-02")
    config = load_config(str(copy_course(FIXTURE_COURSE, tmp_path)), site_dir=str(tmp_path / "site"))
    with pytest.raises(Abort):
        build(config)
    assert caplog.text.count("the course's review was due on 1 January 2099") == 1
    assert "mkdocs.yml:24: the course's review was due" in caplog.text
    assert f"{MODULE}:7: its review was due on 30 June 2098" in caplog.text


@pytest.mark.parametrize(("edit", "message"), [
    (("next_review: 2098-06-30", "last_reviewed: 2098-07-01\nnext_review: 2098-06-30"),
     f"{MODULE}:7: 'last_reviewed' is after 'next_review'"),
    (("next_review: 2098-06-30", "last_reviewed: 2097-01-01\nnext_review: 2098-06-30"),
     f"{MODULE}: 'last_reviewed' is in the future"),
])
def test_review_dates_that_make_no_sense_are_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                     edit: tuple[str, str], message: str) -> None:
    config_file = copy_course(FIXTURE_COURSE, tmp_path)
    module = tmp_path / MODULE
    module.write_text(module.read_text().replace(*edit))
    with pytest.raises(Abort):
        build(load_config(str(config_file), site_dir=str(tmp_path / "site")))
    assert message in caplog.text
