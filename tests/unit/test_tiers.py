"""The test suite's own layout: one folder per tier, whose marker `-m` selects, run by `make test` on three processes;
browser tests that change their whole context ask for a context of their own."""

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


def test_make_test_runs_whole_files_on_three_processes() -> None:
    recipe = re.search(r"^test:.*\n\t(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert recipe.endswith("-m pytest -n 3 --dist loadfile")
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(requirement.startswith("pytest-xdist==") for requirement in extras["test"])


def test_a_test_that_changes_its_whole_browser_context_must_have_its_own() -> None:
    """`watched` pages share one context; what a test sets on a context would reach the next test's page."""
    from conftest import OWN_CONTEXT

    for changes in ("page.clock.install(time=DAY_AFTER)", "page.context.route('https://**/*', fulfil)",
                    "with page.context.expect_page() as opened:", "watched.page.context.add_init_script(SCRIPT)",
                    "browser_context.route_from_har(har)", "ctx.expose_function('f', f)", "page.context.on('page', f)",
                    "clock = page.clock"):
        assert OWN_CONTEXT.search(changes), changes
    for keeps in ("second = first.context.new_page()", "page.add_init_script(SCRIPT)", "page.route('**/x', f)",
                  "fresh = browser.new_context()"):
        assert not OWN_CONTEXT.search(keeps), keeps
