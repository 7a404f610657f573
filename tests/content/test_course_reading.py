"""The generator's readers and plain PyYAML read this course's files alike.

Most tests of this course take their expectations from `course_facts()`, which uses the generator's readers; here
those readings are held to `plain_course()`, which uses PyYAML and a regular expression alone, so a reader bug
cannot move an expected value along with the actual one.
"""

from __future__ import annotations

from course_facts import course_facts, plain_course

FACTS = course_facts()
PLAIN = plain_course()


def test_the_course_title_and_authors_read_alike() -> None:
    assert (FACTS.course.title, list(FACTS.course.authors)) == (PLAIN.title, PLAIN.authors)


def test_the_modules_read_alike_in_nav_order() -> None:
    read = [(m.src_path, m.title, m.description, m.minutes, list(m.objectives)) for m in FACTS.modules]
    plain = [(m.src_path, m.title.strip(), m.description.strip(), m.minutes, [o.strip() for o in m.objectives])
             for m in PLAIN.modules]
    assert read == plain


def test_the_quiz_files_read_alike() -> None:
    read = {quiz.file: quiz for quiz in FACTS.quizzes.values()}
    assert set(read) == set(PLAIN.quizzes)
    for name, raw in PLAIN.quizzes.items():
        quiz = read[name]
        assert (quiz.page, quiz.pass_mark, quiz.draw) == (raw["page"], raw.get("pass_mark"), raw.get("draw")), name
        assert [q.id for q in quiz.questions] == [q["id"] for q in raw["questions"]], name
        for question, plain in zip(quiz.questions, raw["questions"], strict=True):
            assert (question.type, question.source) == (plain["type"], plain.get("source")), question.id
            assert [o.correct for o in question.options] == [o.get("correct", False) for o in plain["options"]]
