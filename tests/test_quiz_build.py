"""Quizzes rendered into real built pages: counts, escaping, placement, the check command, live reload."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.plugin import CoursePlugin
from build_tools.render import place_quiz
from conftest import FIXTURE_COURSE, ROOT, Served, build_course, copy_course, failed_build_log

MODULE_QUIZ_PAGES = [
    "modules/risk-of-recurrence",
    "modules/bone-metastases",
    "modules/lung-metastases",
    "modules/liver-metastases",
    "modules/brain-metastases",
    "modules/referral-and-management",
]


def html_of(site: Served, page: str) -> str:
    return (site.site_dir / page / "index.html").read_text()


def quiz_blocks(html: str) -> list[str]:
    return re.findall(r'<div class="quiz" .*?</section>', html, re.DOTALL)


@pytest.mark.parametrize("page", MODULE_QUIZ_PAGES)
def test_every_module_has_four_to_six_questions(course_site: Served, page: str) -> None:
    blocks = quiz_blocks(html_of(course_site, page))
    assert 4 <= len(blocks) <= 6
    for block in blocks:
        assert block.count('data-correct="true"') >= 1
        assert "Where this is taught:" in block


def test_final_assessment_spans_the_course(course_site: Served) -> None:
    html = html_of(course_site, "final-assessment")
    blocks = quiz_blocks(html)
    assert len(blocks) >= 15
    linked_pages = set(re.findall(r'Where this is taught: <a href="\.\./([a-z-]+/[a-z-]*)', html))
    for module in MODULE_QUIZ_PAGES:
        assert any(link.startswith(module) for link in linked_pages), module
    assert any('type="checkbox"' in b for b in blocks) and any('type="radio"' in b for b in blocks)


def test_every_wrong_option_has_feedback_and_every_question_an_explanation(course_site: Served) -> None:
    for page in MODULE_QUIZ_PAGES + ["final-assessment"]:
        for block in quiz_blocks(html_of(course_site, page)):
            answers = re.findall(r'<div><input (.*?)</div></div>', block, re.DOTALL)
            for answer in answers:
                if 'data-correct="true"' not in answer:
                    assert 'class="answer-feedback hidden"' in answer, (page, answer)
            content = block[block.index('<section class="content hidden">'):]
            assert len(re.sub(r"<[^>]+>|\s", "", content)) > len("Wherethisistaught:") + 5, page


def test_only_quiz_pages_load_quiz_code(course_site: Served) -> None:
    quiz_pages = set(MODULE_QUIZ_PAGES + ["final-assessment"])
    for html_file in course_site.site_dir.rglob("index.html"):
        page = str(html_file.parent.relative_to(course_site.site_dir))
        html = html_file.read_text()
        assert ("quizTracker" in html) == (page in quiz_pages), page
        assert "mkdocs-quiz-source" not in html, "embed_source must be off: answers would be in a comment"


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


def test_quiz_goes_at_the_marker_or_the_end() -> None:
    assert place_quiz("# T\n\nIntro\n\n<!-- quiz -->\n\n## After\n", "QUIZ\n") == "# T\n\nIntro\n\nQUIZ\n\n\n## After\n"
    assert place_quiz("# T\n\nBody\n", "QUIZ\n") == "# T\n\nBody\n\nQUIZ\n"


def test_final_assessment_quiz_sits_at_its_marker(course_site: Served) -> None:
    html = html_of(course_site, "final-assessment")
    assert html.index("Answer every question.") < html.index('<div class="quiz"') < html.index('class="course-review"')


def test_saved_answers_are_versioned_per_quiz(fixture_site: Served, tmp_path: Path) -> None:
    html = (fixture_site.site_dir / "index.html").read_text()
    version = re.search(r'"course:fixture-course-on-testing:quiz-version:index\.md", "([0-9a-f]{12})"', html)
    assert version
    changed_dir = tmp_path / "changed"
    config_file = copy_course(FIXTURE_COURSE, changed_dir)
    quiz = changed_dir / "quizzes/home.yml"
    quiz.write_text(quiz.read_text().replace("Pick **both** true things.", "Pick the two true things."))
    (changed_dir / "mkdocs.yml").write_text(config_file.read_text().replace("../../overrides", str(ROOT / "overrides")))
    build_course(changed_dir / "mkdocs.yml", changed_dir / "site")
    changed = (changed_dir / "site/index.html").read_text()
    assert version.group(1) not in changed


def test_broken_quiz_stops_the_build_before_any_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    failed_build_log(tmp_path, caplog, "quizzes/bone-metastases.yml",
                     ("    type: multiple\n    prompt: Which bones", "    type: single\n    prompt: Which bones"),
                     ("source: investigations", "source: nowhere"))
    assert "2 problems in the course sources:" in caplog.text
    assert "quizzes/bone-metastases.yml:22: question 'bone-sites-affected': type single needs exactly one" in caplog.text
    assert "quizzes/bone-metastases.yml:" in caplog.text and "'source: nowhere' is not a heading anchor" in caplog.text
    assert not list((tmp_path / "site").rglob("*.html"))


def run_check(config_file: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", "check", "-f", str(config_file)],
                          capture_output=True, text=True, cwd=config_file.parent)


def test_check_command_passes_the_course() -> None:
    result = run_check(ROOT / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert re.match(r"OK: \d+ pages, 6 modules, 7 quiz files, \d+ questions", result.stdout)


def test_check_command_lists_every_problem_without_a_traceback(tmp_path: Path) -> None:
    config_file = copy_course(ROOT, tmp_path)
    (tmp_path / "quizzes/lung-metastases.yml").write_text("page: modules/lung-metastases.md\nquestions:\n\t- x\n")
    (tmp_path / "quizzes/extra.yml").write_bytes(b"\xff\xfe binary")
    result = run_check(config_file)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "quizzes/lung-metastases.yml:3: a tab character is used for indentation" in result.stderr
    assert "quizzes/extra.yml:1: this is not a text file saved as UTF-8" in result.stderr


def test_serve_rebuilds_when_a_quiz_file_changes() -> None:
    from mkdocs.config import load_config

    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    config = load_config(str(ROOT / "mkdocs.yml"))
    plugin = next(p for p in config.plugins.values() if isinstance(p, CoursePlugin))
    plugin.on_serve(Server(), config=config, builder=None)
    assert watched == [str(ROOT / "quizzes")]
