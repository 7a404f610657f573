"""Where a quiz goes in its page, and which folder `mkdocs serve` watches for quiz files."""

from __future__ import annotations

from build_tools.plugin import CoursePlugin
from build_tools.render.quiz_markup import place_quiz
from conftest import FIXTURE_COURSE


def test_quiz_goes_at_the_marker_or_the_end() -> None:
    assert place_quiz("# T\n\nIntro\n\n<!-- quiz -->\n\n## After\n", "QUIZ\n") == "# T\n\nIntro\n\nQUIZ\n\n\n## After\n"
    assert place_quiz("# T\n\nBody\n", "QUIZ\n") == "# T\n\nBody\n\nQUIZ\n"
    assert place_quiz("# T\n\n```\n<!-- quiz -->\n```\n", "QUIZ\n").endswith("```\n\nQUIZ\n"), "not inside code"


def test_serve_rebuilds_when_a_quiz_file_changes() -> None:
    from mkdocs.config import load_config

    watched: list[str] = []

    class Server:
        builder = None

        def watch(self, path: str) -> None:
            watched.append(path)

    config = load_config(str(FIXTURE_COURSE / "mkdocs.yml"))
    plugin = next(p for p in config.plugins.values() if isinstance(p, CoursePlugin))
    plugin.on_serve(Server(), config=config, builder=lambda: None)
    assert watched == [str(FIXTURE_COURSE / "quizzes")]
