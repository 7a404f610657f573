"""Adding, renaming and removing a module as the README says keeps this course's own tests green.

A copy of the course gets all three changes at once (one copy, one run, to keep it affordable); then the course's
content tests run against the copy (COURSE_ROOT names it), in a pytest of their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_course
from course_changes import add_module, nav_modules, remove_module, rename_module
from course_facts import COURSE

def test_adding_renaming_and_removing_a_module_keeps_the_course_tests_green(tmp_path: Path) -> None:
    course = tmp_path / "course"
    copy_course(COURSE, course)
    first, second, *_, last = nav_modules(course)
    add_module(course, after=last)
    rename_module(course, first, first.replace(".md", "-renamed.md"))
    remove_module(course, second)
    assert "modules/added-module.md" in nav_modules(course) and second not in nav_modules(course)
    environment = {**os.environ, "COURSE_ROOT": str(course)}
    environment.pop("COURSE_TODAY", None)  # conftest sets it from the course it reads: the copy
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/content"],
                            cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
