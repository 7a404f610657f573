"""The test suite's own layout: one folder per tier, whose marker `-m` selects, run by `make test` on two processes."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from conftest import ROOT, TIERS


def test_a_tier_marker_selects_exactly_its_folder() -> None:
    """One tier stands for all four (each collection of the whole suite takes seconds): the conftest marks them alike."""
    tier = "content"
    assert tier in TIERS
    listed = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", tier],
                            cwd=ROOT, capture_output=True, text=True)
    assert listed.returncode == 0, listed.stdout[-2000:] + listed.stderr[-2000:]
    tests = [line for line in listed.stdout.splitlines() if "::" in line]
    assert tests and all(line.startswith(f"tests/{tier}/") for line in tests), tests[:5]


def test_make_test_runs_whole_files_on_two_processes() -> None:
    recipe = re.search(r"^test:.*\n\t(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert recipe.endswith("-m pytest -n 2 --dist loadfile")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(requirement.startswith("pytest-xdist==") for requirement in extras["test"])
