"""A problem with a setting in mkdocs.yml names the line it is written on."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_tools.model.banners import load_banners
from build_tools.model.course import load_course
from build_tools.model.errors import AuthoringError
from build_tools.model.setting_lines import setting_lines

pytestmark = pytest.mark.unit

CONFIG = """\
site_name: Asthma in Children
site_url: !ENV [SITE_URL, ""]
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
extra:
  generator: false
  course:
    title: Asthma in Children
    cpd_hours: an hour
    last_reviewed: 2026-01-01
    next_review: 2027-01-01
    authors: [Dr A Smith]
    colour: blue
  banners:
  - id: Spring Webinar
    text: Join us
  -   id: podcast
      text: Listen
      link: nowhere.md
"""


@pytest.fixture
def config_file(tmp_path: Path) -> str:
    path = tmp_path / "mkdocs.yml"
    path.write_text(CONFIG, encoding="utf-8")
    return str(path)


def test_each_setting_is_found_by_its_path_whatever_tags_the_file_holds(config_file: str) -> None:
    line = setting_lines(config_file)
    assert line("extra", "course", "cpd_hours") == 10
    assert line("extra", "banners", 1, "link") == 20
    assert line("extra", "banners", 1) == 18
    assert line("extra", "course", "version") == 8, "a setting not written: the line of the one it belongs in"
    assert line("nav") is None
    assert line("extra", "banners", 5) == 15


def test_a_key_written_twice_is_found_where_yaml_keeps_it_the_last(tmp_path: Path) -> None:
    twice = tmp_path / "mkdocs.yml"
    twice.write_text("extra:\n  analytics: {}\nsite_name: x\nextra:\n  course:\n    cpd_hours: 1\n    cpd_hours: bad\n",
                     encoding="utf-8")
    assert setting_lines(str(twice))("extra", "course", "cpd_hours") == 7


def test_a_file_that_inherits_names_only_the_settings_it_writes(tmp_path: Path) -> None:
    child = tmp_path / "mkdocs.yml"
    child.write_text("INHERIT: base.yml\nextra:\n  banners: []\n  course:\n    title: x\n", encoding="utf-8")
    line = setting_lines(str(child))
    assert line("extra", "course", "title") == 5
    assert line("extra", "course", "cpd_hours") is None, "it may be written in base.yml"


def test_a_file_that_cannot_be_read_gives_no_lines(tmp_path: Path) -> None:
    (tmp_path / "broken.yml").write_text("extra: [unclosed", encoding="utf-8")
    (tmp_path / "deep.yml").write_text("extra: " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    for missing_or_broken in (None, str(tmp_path / "absent.yml"), str(tmp_path / "broken.yml"), str(tmp_path / "deep.yml")):
        assert setting_lines(missing_or_broken)("extra", "course") is None


def test_course_and_banner_problems_name_their_lines(config_file: str) -> None:
    extra = yaml.safe_load(CONFIG.replace("!ENV ", "").replace("!!python/name:", ""))["extra"]
    with pytest.raises(AuthoringError) as course_problems:
        load_course(extra, config_file)
    assert "mkdocs.yml:10: 'extra.course.cpd_hours' must be a positive number" in str(course_problems.value)
    assert "mkdocs.yml:14: 'extra.course.colour' is not a course setting" in str(course_problems.value)
    with pytest.raises(AuthoringError) as banner_problems:
        load_banners(extra, config_file)
    assert "mkdocs.yml:16: 'extra.banners' item 1: 'id' must be lower-case" in str(banner_problems.value)
