"""A quiz's text comes from the quiz cache when the quiz is unchanged; the links in it are still checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import FIXTURE_COURSE, build_course, copy_course

FEEDBACK = "feedback: They do."
LINKED_FEEDBACK = "feedback: They do; see [the extra page](../extra.md)."


def course_linking_to_an_extra_page(folder: Path) -> Path:
    """The fixture course with a page of its own, extra.md, linked from a module quiz's feedback."""
    config_file = copy_course(FIXTURE_COURSE, folder)
    (folder / "docs/extra.md").write_text("# Extra\n\nA page the quiz links to.\n", encoding="utf-8")
    config_file.write_text(config_file.read_text().replace("  - modules/only-module.md\n",
                                                           "  - modules/only-module.md\n  - extra.md\n"))
    quiz = folder / "quizzes/only-module.yml"
    assert FEEDBACK in quiz.read_text()
    quiz.write_text(quiz.read_text().replace(FEEDBACK, LINKED_FEEDBACK))
    return config_file


def remove_extra_page(folder: Path) -> None:
    """What an author does to remove a page: the file and its nav line; the quiz that links to it is left as it was."""
    (folder / "docs/extra.md").unlink()
    config_file = folder / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace("  - extra.md\n", ""))


def test_a_quiz_link_to_a_removed_page_stops_a_build_without_a_cache(tmp_path: Path) -> None:
    config_file = course_linking_to_an_extra_page(tmp_path)
    remove_extra_page(tmp_path)
    with pytest.raises(Abort):
        build_course(config_file, tmp_path / "site")


def test_a_quiz_link_to_a_removed_page_stops_the_build_when_the_quiz_is_a_cache_hit(tmp_path: Path) -> None:
    config_file = course_linking_to_an_extra_page(tmp_path)
    build_course(config_file, tmp_path / "first")
    assert list((tmp_path / ".cache/course-quizzes").glob("*.json")), "the first build filled the quiz cache"
    remove_extra_page(tmp_path)
    with pytest.raises(Abort):
        build_course(config_file, tmp_path / "second")
    shutil.rmtree(tmp_path / ".cache", ignore_errors=True)
