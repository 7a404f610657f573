"""This course's quizzes in its built pages: every question, options shuffled, the final's key hidden, search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_tools.model.quizzes import Question
from build_tools.render.quiz_markup import option_order
from mkdocs.exceptions import Abort

from conftest import ROOT, Served, build_course, copy_course, course_data
from course_facts import COURSE, course_facts
from quiz_helpers import quiz_blocks

FACTS = course_facts()


def html_of(site: Served, src_path: str) -> str:
    return (site.site_dir / FACTS.url(src_path) / "index.html").read_text()


def exam_questions(html: str) -> list[str]:
    return re.findall(r'<fieldset class="course-exam__question".*?</fieldset>', html, re.DOTALL)


@pytest.mark.parametrize("quiz", FACTS.module_quizzes, ids=lambda quiz: quiz.page)
def test_every_question_of_a_module_quiz_is_on_its_page(course_site: Served, quiz: object) -> None:
    blocks = quiz_blocks(html_of(course_site, quiz.page))
    assert len(blocks) == len(quiz.questions)
    for block, question in zip(blocks, quiz.questions, strict=True):
        assert f'data-course-question="{question.id}"' in block
        assert block.count('data-correct="true"') == sum(o.correct for o in question.options)
        assert block.count('name="answer"') == len(question.options)
        assert "Where this is taught:" in block and "@@course-heading" not in block
        assert '<button type="submit" class="quiz-button">Submit</button>' in block, "answering is an explicit act"
        assert "data-auto-submit" not in block


def test_final_assessment_is_one_form_across_the_course(course_site: Served) -> None:
    html = html_of(course_site, FACTS.final.page)
    article = html[html.index("<article"): html.index("</article>")]
    assert article.count("<form") == article.count('<form class="course-exam"') == 1
    questions = exam_questions(html)
    assert len(questions) == len(FACTS.final.questions)
    review_file = re.search(r'<script src="\.\./(assets/course/final-review\.[0-9a-f]+\.js)"></script>', html).group(1)
    review = json.loads((course_site.site_dir / review_file).read_text().split(" = ", 1)[1].rstrip().rstrip(";"))
    assert set(review) == {question.id for question in FACTS.final.questions}
    for question in FACTS.final.questions:
        wrong = [str(i) for i, option in enumerate(question.options) if not option.correct]
        assert all(review[question.id]["feedback"].get(i) for i in wrong), question.id
        assert review[question.id]["explanation"] and "@@" not in review[question.id]["source"]
    assert "course-exam__feedback" not in html, "no feedback in the page before submitting"
    linked = set(re.findall(r'Where this is taught: <a href=\\?"\.\./([a-z-]+/[a-z-]*/)', json.dumps(review)))
    for module in FACTS.modules:
        assert any(link.startswith(FACTS.url(module.src_path)) for link in linked), module.src_path
    assert "Submit assessment" in html
    assert 'class="quiz"' not in html and "assets/course/quiz.js" not in html, "the final is not mkdocs-quiz's"


def test_the_final_key_is_out_of_plain_sight(course_site: Served) -> None:
    """No marker of the right options in the final's page, review script or course data: only salted hashes,
    which the browser's marking (the same hash, run here in Node) accepts for the right answers alone."""
    import subprocess
    from itertools import combinations

    html = html_of(course_site, FACTS.final.page)
    data = course_data(html, course_site.site_dir)
    key = data["quizzes"][FACTS.final.page]["key"]
    assert "data-correct" not in html and "correct" not in json.dumps(data["quizzes"][FACTS.final.page])
    checks = []
    for question in FACTS.final.questions:
        right = [str(i) for i, option in enumerate(question.options) if option.correct]
        values = [str(i) for i in range(len(question.options))]
        choices = [list(c) for n in range(1, len(values) + 1) for c in combinations(values, n)]
        checks += [[question.id, choice, choice == right] for choice in choices]
        assert key["answers"][question.id] not in html
    marking = (ROOT / "build_tools/theme/assets/course/marking.js").read_text()  # the site has it bundled
    script = (f"const window = {{}};\n{marking}\nconst key = {json.dumps(key)};\n"
              f"const wrong = {json.dumps(checks)}.filter(([id, values, right]) => "
              "window.Course.marking.isRight(key, id, values) !== right);\nconsole.log(JSON.stringify(wrong));")
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_final_assessment_cannot_be_passed_by_guessing() -> None:
    """Issue-level floor: three plausible options for a single answer, four for several; all cite their source."""
    for question in FACTS.final.questions:
        assert len(question.options) >= (4 if question.type == "multiple" else 3), question.id
        assert question.source and question.explanation, question.id
        for option in question.options:
            assert option.correct or option.feedback, (question.id, option.text)


def longest(question: Question) -> int:
    lengths = [len(option.text) for option in question.options]
    return lengths.index(max(lengths))


def test_correct_option_is_not_usually_the_longest() -> None:
    singles = [q for quiz in FACTS.quizzes.values() for q in quiz.questions if q.type == "single"]
    longest_right = [q.id for q in singles if q.options[longest(q)].correct]
    assert len(longest_right) * 3 <= len(singles), longest_right


def test_options_are_shown_in_a_stable_order_the_author_did_not_write() -> None:
    for quiz in FACTS.quizzes.values():
        for question in quiz.questions:
            order = option_order(question)
            assert sorted(order) == list(range(len(question.options)))
            assert order == option_order(question), "the same order in every build"
            if question.keep_order:
                assert order == sorted(order), question.id
            else:
                assert order != sorted(order), question.id
    positions = [option_order(q).index(next(i for i, o in enumerate(q.options) if o.correct))
                 for quiz in FACTS.quizzes.values() for q in quiz.questions if not q.keep_order]
    assert positions.count(0) * 2 < len(positions), "the correct option is not usually shown first"


def test_built_pages_show_options_in_the_shuffled_order(course_site: Served) -> None:
    quiz = FACTS.module_quizzes[0]
    block = quiz_blocks(html_of(course_site, quiz.page))[0]
    shown = [int(value) for value in re.findall(r'name="answer" value="(\d+)"', block)]
    assert shown == option_order(quiz.questions[0])


def test_quiz_code_is_a_cached_file_loaded_only_by_module_quiz_pages(course_site: Served) -> None:
    quiz_pages = {FACTS.url(quiz.page) for quiz in FACTS.module_quizzes}
    for html_file in course_site.site_dir.rglob("index.html"):
        page = str(html_file.parent.relative_to(course_site.site_dir)).replace(".", "")
        page = f"{page}/" if page else ""
        html = html_file.read_text()
        assert ("assets/course/quiz.js" in html) == (page in quiz_pages), page
        assert "quizTracker" not in html and "mkdocsQuizConfig" not in html, "no inline quiz runtime"
        assert "mkdocs-quiz-source" not in html and "quiz-progress-sidebar" not in html
    runtime = (course_site.site_dir / "assets/course/quiz.js").read_text()
    assert "quizTracker" in runtime and '"showProgress": false' in runtime and '"confetti": false' in runtime


def test_final_assessment_sits_at_its_marker(course_site: Served) -> None:
    html = html_of(course_site, FACTS.final.page)
    assert html.index("</h1>") < html.index('<form class="course-exam"') < html.index('id="your-result"')


def test_broken_quizzes_stop_the_build_before_any_page(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A quiz file's mistakes and another's link to a missing section are reported in the same run."""
    first, second = FACTS.module_quizzes[:2]
    first_path, second_path = (f"quizzes/{Path(quiz.file).name}" for quiz in (first, second))
    config_file = copy_course(COURSE, tmp_path)
    text = (tmp_path / first_path).read_text()
    first_type = re.search(r"    type: (single|multiple)\n", text).group(0)
    other = first_type.replace("single", "SWAP").replace("multiple", "single").replace("SWAP", "multiple")
    (tmp_path / first_path).write_text(text.replace(first_type, other, 1))
    source = f"source: {second.questions[0].source}"
    (tmp_path / second_path).write_text((tmp_path / second_path).read_text().replace(source, "source: nowhere", 1))
    with pytest.raises(Abort):
        build_course(config_file, tmp_path / "site")
    assert "2 problems in the course sources:" in caplog.text
    assert f"{first_path}:" in caplog.text and f"question '{first.questions[0].id}': type" in caplog.text
    assert re.search(rf"{second_path}:\d+: question '{second.questions[0].id}': 'source: nowhere' is not a heading "
                     "anchor", caplog.text)
    assert not list((tmp_path / "site").rglob("*.html"))


def test_search_finds_teaching_text_and_prompts_but_no_answers(course_site: Served) -> None:
    index = json.loads((course_site.site_dir / "search/search_index.json").read_text())
    everything = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])
    assert "@@" not in everything, "no build placeholder"
    assert " ".join(FACTS.modules[0].key_points[0].split()[:5]) in " ".join(everything.split())
    for quiz in FACTS.quizzes.values():
        title = quiz.title or "Check your understanding"
        [section] = [doc for doc in index["docs"] if doc["location"].startswith(FACTS.url(quiz.page))
                     and doc["title"] == title]
        text = " ".join(re.sub(r"<[^>]+>", " ", section["text"]).split())
        for question in quiz.questions:
            assert " ".join(question.prompt.split()[:6]) in text, question.id
            for option in question.options:
                assert not option.feedback or option.feedback[:30] not in text, (question.id, option.feedback)
            assert not question.explanation or question.explanation[:30] not in text, question.id
        assert "Correct" not in text and "data-correct" not in text
    home = " ".join(doc["text"] for doc in index["docs"] if doc["location"].split("#")[0] == "")
    assert FACTS.modules[0].description[:30] not in home, "the home page's module list is not a second search hit"
