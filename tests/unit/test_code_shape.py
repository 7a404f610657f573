"""The generator stays readable: a plugin that is only events, small modules, short functions."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest


PACKAGE = Path(__file__).parents[2] / "build_tools"
MODULE_LINES = 300
FUNCTION_LINES = 50
PLUGIN_LINES = 200


def python_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_its_length() -> None:
    long = {str(path.relative_to(PACKAGE)): n for path in python_modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert not long, f"modules over {MODULE_LINES} lines: {long}"


def test_no_function_is_over_its_length() -> None:
    long = {}
    for path in python_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > FUNCTION_LINES:
                    long[f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}"] = length
    assert not long, f"functions over {FUNCTION_LINES} lines: {long}"


RUN_ORDER = ["on_startup", "on_config", "on_pre_build", "on_files", "on_nav", "on_page_markdown", "on_page_content",
             "on_env", "on_post_template", "on_page_context", "on_post_page", "on_post_build", "on_build_error",
             "on_serve", "on_shutdown"]
"""MkDocs' events in the order a build (then `mkdocs serve`) runs them."""
GLUE_LINES = 10


def test_the_plugin_holds_events_in_run_order_and_little_else() -> None:
    source = (PACKAGE / "plugin.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < PLUGIN_LINES
    plugin = next(node for node in ast.parse(source).body
                  if isinstance(node, ast.ClassDef) and node.name.endswith("Plugin"))
    methods = [node for node in plugin.body if isinstance(node, ast.FunctionDef) and node.name != "__init__"]
    events = [node.name for node in methods if node.name.startswith("on_")]
    assert events == [name for name in RUN_ORDER if name in events], "events in MkDocs' run order"
    glue = {node.name: node.end_lineno - node.lineno + 1 for node in methods if not node.name.startswith("on_")}
    assert all(length <= GLUE_LINES for length in glue.values()), f"the plugin's own helpers are glue only: {glue}"
