"""`python -m build_tools`: build keeps the old site on failure, check agrees with build, new starts a course."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_COURSE, copy_course


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", *args], capture_output=True, text=True, cwd=cwd)


BROKEN = {
    "home page without its Aim": ("docs/index.md", "## Aim", "## Purpose",
                                  "docs/index.md: has no '## Aim' section"),
    "module left out of nav": ("mkdocs.yml", "  - modules/only-module.md\n", "",
                               "docs/modules/only-module.md: this module is not in the 'nav' of mkdocs.yml"),
    "quiz source that is no heading": ("quizzes/only-module.yml", "source: key-points", "source: nowhere",
                                       "'source: nowhere' is not a heading anchor on modules/only-module.md"),
    "impossible date in front matter": ("docs/modules/only-module.md", "next_review: 2098-06-30",
                                        "next_review: 2027-02-30",
                                        "docs/modules/only-module.md:7: 'next_review: 2027-02-30' is not a date"),
    "banner linking to no page": ("mkdocs.yml", "link: modules/only-module.md#key-points", "link: modules/gone.md",
                                  "mkdocs.yml:32: banner 'fixture-podcast' links to 'modules/gone.md', which is not a "
                                  "page in docs/"),
    "impossible date in mkdocs.yml": ("mkdocs.yml", "next_review: 2099-01-01", "next_review: 2027-02-30",
                                      "mkdocs.yml:24: 'next_review: 2027-02-30' is not a date: write a real date "
                                      "as YYYY-MM-DD"),
}


@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_check_and_build_give_one_verdict_with_no_traceback(tmp_path: Path, case: tuple[str, str, str, str]) -> None:
    path, old, new, message = case
    copy_course(FIXTURE_COURSE, tmp_path)
    target = tmp_path / path
    assert old in target.read_text()
    target.write_text(target.read_text().replace(old, new, 1))
    checked, built = run("check", cwd=tmp_path), run("build", cwd=tmp_path)
    for result in (checked, built):
        assert result.returncode == 1
        assert message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    copy_course(FIXTURE_COURSE, tmp_path)
    assert run("build", cwd=tmp_path).returncode == 0
    before = (tmp_path / "site/index.html").read_text()
    quiz = tmp_path / "quizzes/only-module.yml"
    quiz.write_text(quiz.read_text().replace("type: single", "type: essay", 1))
    result = run("build", cwd=tmp_path)
    assert result.returncode == 1 and "The site was not built; site/ is as it was." in result.stderr
    assert (tmp_path / "site/index.html").read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == []


def test_new_writes_a_course_that_builds_strictly_at_once(tmp_path: Path) -> None:
    result = run("new", "course", "--title", "Asthma: a review", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    course = tmp_path / "course"
    for part in ("mkdocs.yml", "docs/index.md", "docs/modules/first-module.md", "docs/final-assessment.md",
                 "docs/progress.md", "docs/certificate.md", "quizzes/first-module.yml",
                 "quizzes/final-assessment.yml", "quizzes/quiz.schema.json", "overrides/README.md", ".gitignore"):
        assert (course / part).is_file(), part
    assert "# Every page under docs/modules/ is a module" in (course / "docs/modules/first-module.md").read_text()
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], capture_output=True, text=True,
                           cwd=course)
    assert built.returncode == 0, built.stderr
    assert "Asthma: a review" in (course / "site/index.html").read_text()
    assert run("check", cwd=course).returncode == 0
    assert run("new", "course", cwd=tmp_path).returncode == 1, "an existing course is never overwritten"


def test_problems_of_different_kinds_come_in_one_report(tmp_path: Path) -> None:
    copy_course(FIXTURE_COURSE, tmp_path)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - modules/only-module.md\n", "", 1))
    quiz = tmp_path / "quizzes/only-module.yml"
    quiz.write_text(quiz.read_text().replace("type: single", "type: essay", 1))
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1 and "2 problems in the course sources:" in result.stderr
    assert "this module is not in the 'nav'" in result.stderr and "'type' must be 'single'" in result.stderr
