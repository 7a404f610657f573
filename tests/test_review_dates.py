"""Review dates guard publishing on every path: any build refuses an overdue page; a preview shows it, flagged."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import FIXTURE_COURSE, copy_course

pytestmark = pytest.mark.build
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
    assert f"{MODULE}: its review was due on 30 June 2098, so it is not published" in caplog.text
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
