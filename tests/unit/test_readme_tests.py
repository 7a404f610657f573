"""The README names the test behind each promise: every test and test file it names exists, so a renamed test
cannot leave a promise without its check."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_test_the_readme_names_exists() -> None:
    named = set(re.findall(r"`(test_\w+)`", (ROOT / "README.md").read_text(encoding="utf-8")))
    defined = {name for path in (ROOT / "tests").rglob("test_*.py")
               for name in re.findall(r"^\s*def (test_\w+)", path.read_text(encoding="utf-8"), re.MULTILINE)}
    assert len(named) > 20
    assert named - defined == set()


def test_every_file_under_tests_the_readme_names_exists() -> None:
    named = set(re.findall(r"`(tests/[^`\s]*)`", (ROOT / "README.md").read_text(encoding="utf-8")))
    assert "tests/js/progress-file.test.js" in named
    assert {path for path in named if not (ROOT / path).exists()} == set()
