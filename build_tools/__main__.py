"""`python -m build_tools check`: validate a course's quizzes and pages without building the site."""

from __future__ import annotations

import argparse
import logging
import sys

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.structure.files import get_files

from .plugin import CoursePlugin


class WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="check quiz files, module pages and course settings")
    check.add_argument("-f", "--config-file", default="mkdocs.yml", help="the course's mkdocs.yml")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)
    warnings = WarningCounter()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(args.config_file)
    except (ConfigurationError, OSError) as error:
        print(f"{args.config_file}: cannot be loaded: {error}", file=sys.stderr)
        return 2
    plugin = next((p for p in config.plugins.values() if isinstance(p, CoursePlugin)), None)
    if plugin is None:
        print(f"{args.config_file}: the 'course' plugin is not listed under 'plugins:'", file=sys.stderr)
        return 2
    try:
        plugin.on_config(config)
        plugin.on_files(get_files(config), config=config)
    except PluginError as error:
        print(error, file=sys.stderr)
        return 1
    if warnings.count:
        print(f"{warnings.count} warning(s): the strict build would refuse to publish", file=sys.stderr)
        return 1
    questions = sum(len(quiz.questions) for quiz in plugin.quizzes.values())
    print(f"OK: {len(plugin.pages)} pages, {len(plugin.modules)} modules, {len(plugin.quizzes)} quiz files, "
          f"{questions} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
