"""`python -m build_tools check` on this course: it passes and counts what the course's files hold."""

from __future__ import annotations

import re
import subprocess
import sys

from course_facts import COURSE, course_facts


def test_check_passes_the_course_and_counts_it() -> None:
    facts = course_facts()
    result = subprocess.run([sys.executable, "-m", "build_tools", "check"], capture_output=True, text=True, cwd=COURSE)
    assert result.returncode == 0, result.stderr
    questions = facts.module_questions + len(facts.final.questions)
    assert re.search(rf"OK: \d+ pages, {len(facts.modules)} modules, {len(facts.quizzes)} quiz files, "
                     rf"{questions} questions", result.stdout), result.stdout
