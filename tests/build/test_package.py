"""The generator installs from its wheel alone: a fresh environment holds its files (the quiz schema editors use among
them), scaffolds, checks and builds a new course."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path


from conftest import ROOT


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


def test_the_wheel_alone_scaffolds_checks_and_builds_a_course(tmp_path: Path) -> None:
    # Built from a copy, so the build leaves nothing behind in the checkout.
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "site", "dist", ".cache", "build",
                                                                 "node_modules", "*.egg-info", "__pycache__"))
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "wheel", source, cwd=tmp_path)
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("build_tools/theme/main.html", "build_tools/theme/assets/course/store.js",
                    "build_tools/templates/widgets/certificate.html", "build_tools/scaffold/mkdocs.yml",
                    "build_tools/schemas/quiz.schema.json", "build_tools/fonts/SourceSans3_400Regular.ttf"):
        assert shipped in names, shipped
    run(sys.executable, "-m", "venv", tmp_path / "venv", cwd=tmp_path)
    python = tmp_path / "venv/bin/python"
    # Its dependencies resolved from the wheel's own metadata, as an author's install resolves them (not compiled to
    # bytecode, which this test does not need: a fifth of the install's time).
    run(python, "-m", "pip", "install", "--quiet", "--no-compile", wheel, cwd=tmp_path)
    shipped_schema = run(python, "-c", "from importlib.resources import files; "
                         "print(files('build_tools').joinpath('schemas/quiz.schema.json').read_text(), end='')",
                         cwd=tmp_path).stdout
    assert shipped_schema == (ROOT / "build_tools/schemas/quiz.schema.json").read_text(), "the installed package's schema"
    run(python, "-m", "build_tools", "new", "course", "--title", "A Second Course", cwd=tmp_path)
    course = tmp_path / "course"
    assert "A Second Course" in run(python, "-m", "build_tools", "check", cwd=course).stdout + \
        (course / "mkdocs.yml").read_text()
    run(tmp_path / "venv/bin/mkdocs", "build", "--strict", cwd=course)
    home = (course / "site/index.html").read_text()
    assert "A Second Course" in home and re.search(r"assets/bundles/course\.[0-9a-f]+\.js", home)
    assert next((course / "site").glob("*-course-summary.pdf")).stat().st_size > 1000
