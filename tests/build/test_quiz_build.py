"""Quizzes rendered by the generator: author text stays text, saved answers are versioned per quiz."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_COURSE, Served, build_course, copy_course, course_data
from quiz_helpers import quiz_blocks


def test_author_text_stays_text(fixture_site: Served) -> None:
    html = (fixture_site.site_dir / "index.html").read_text()
    blocks = quiz_blocks(html)
    assert len(blocks) == 2
    first = blocks[0]
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.pwned = true&lt;/script&gt;" in first
    assert "&lt;img src=x onerror=window.pwned=true&gt; shows as text" in first
    assert "--&gt; &#91;&#91;blank]] &lt;/quiz&gt;" in first
    assert first.count('name="answer"') == 2, "a '- [x]' line in the prompt must not become an answer"
    assert '<label for="quiz-0-1">- &#91; ] a bracket option</label>' in first
    assert "Tricky &lt;b&gt;title&lt;/b&gt;" in html
    assert "&gt; still feedback, not a quote" in first
    assert not any('type="text"' in block for block in blocks), "'[[...]]' must not make a fill-in-the-blank"


def test_saved_answers_are_versioned_per_quiz(fixture_site: Served, tmp_path: Path) -> None:
    home = (fixture_site.site_dir / "index.html").read_text()
    version = course_data(home, fixture_site.site_dir)["quizzes"]["index.md"]["version"]
    config_file = copy_course(FIXTURE_COURSE, tmp_path)
    quiz = tmp_path / "quizzes/home.yml"
    quiz.write_text(quiz.read_text().replace("Pick **both** true things.", "Pick the two true things."))
    build_course(config_file, tmp_path / "site")
    changed = course_data((tmp_path / "site/index.html").read_text(), tmp_path / "site")["quizzes"]["index.md"]["version"]
    assert changed != version
