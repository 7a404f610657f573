"""The browser scripts' lint and unit tests (`make js-check`), run here too so that a failure shows in pytest."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
JS_DIR = ROOT / "tests" / "js"


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_pure_browser_modules_pass_their_node_unit_tests() -> None:
    run(["node", "--test", *sorted(str(path.relative_to(ROOT)) for path in JS_DIR.glob("*.test.js"))])


def test_browser_scripts_pass_eslint() -> None:
    eslint = JS_DIR / "node_modules" / ".bin" / "eslint"
    if not eslint.exists():
        pytest.fail("ESLint is not installed: run `make js-check` (it runs `npm ci --prefix tests/js` first)")
    run([str(eslint), "--config", "tests/js/eslint.config.mjs", "build_tools", "tests/js"])
