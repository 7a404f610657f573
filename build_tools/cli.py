"""`python -m build_tools`: build, check, preview or start a course, with authoring errors and never a traceback.

- `build` makes the site strictly into a fresh folder and only then swaps it in, so a failed build leaves the
  previous site as it was.
- `check` runs exactly what `build` runs, into a throwaway folder, so the two always agree.
- `serve` previews with live reload (MkDocs' own), after the same first look at mkdocs.yml.
- `offline` zips a copy that works opened from disk; `scorm` zips a SCORM 1.2 package for a learning system.
- `new DIR` writes a new course that builds at once.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from .commands.config_file import ConfigProblem, load, preflight
from .commands.new_course import new_course
from .commands.review_due import count, review_due
from .model.course_model import CourseModel
from .model.errors import AuthoringError
from .model.folders import build_folder_problems
from .plugin import CoursePlugin
from .preview import MkDocsServeChanged, check_mkdocs_serve, write_error_pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, text in (("build", "build the site strictly into SITE_DIR (the previous site stays if it fails)"),
                       ("check", "check every page, quiz and setting exactly as the build does, writing nothing"),
                       ("serve", "preview the course with live reload"),
                       ("offline", "zip a copy of the course that works opened from disk, into dist/"),
                       ("scorm", "zip a SCORM 1.2 package of the course for a learning management system, into dist/")):
        command = commands.add_parser(name, help=text)
        command.add_argument("-f", "--config-file", default="mkdocs.yml", help="the course's mkdocs.yml")
        if name == "build":
            command.add_argument("-d", "--site-dir", default="site", help="where the site goes (default: site)")
        if name == "serve":
            command.add_argument("-a", "--dev-addr", default=None, help="IP:PORT to serve on (default 127.0.0.1:8000)")
        if name in ("offline", "scorm"):
            command.add_argument("-o", "--dist-dir", default="dist", help="where the zip goes (default: dist)")
    due = commands.add_parser("review-due", help="fail while a review date falls within DAYS days (the weekly check)")
    due.add_argument("-f", "--config-file", default="mkdocs.yml", help="the course's mkdocs.yml")
    due.add_argument("--days", type=int, default=60, help="how many days ahead to warn (default: 60)")
    new = commands.add_parser("new", help="write a new course into DIR")
    new.add_argument("directory", type=Path)
    new.add_argument("--title", default="My Course", help="the course's title")
    args = parser.parse_args(argv)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    logging.getLogger("mkdocs").propagate = True
    try:
        if args.command == "new":
            return new_course(args.directory, args.title)
        preflight(Path(args.config_file))
        if args.command == "serve":
            return preview(args.config_file, args.dev_addr)
        if args.command == "review-due":
            return review_due(Path(args.config_file), args.days)
        if args.command == "check":
            return check(Path(args.config_file))
        if args.command in ("offline", "scorm"):
            return package(Path(args.config_file), Path(args.dist_dir), args.command)
        return build_site(Path(args.config_file), Path(args.site_dir))
    except (ConfigProblem, AuthoringError, MkDocsServeChanged) as problem:
        print(problem, file=sys.stderr)
        return 1


def preview(config_file: str, dev_addr: str | None) -> int:
    """MkDocs' live preview, which also starts, and shows the problems in the browser, when the first build fails."""
    from mkdocs.commands import serve as serving

    check_mkdocs_serve()

    def build_or_show_problems(config: MkDocsConfig, **options: object) -> None:
        try:
            build(config, **options)
        except Abort:
            plugin = next((p for p in config.plugins.values() if isinstance(p, CoursePlugin)), None)
            write_error_pages(Path(config.site_dir), plugin.last_error if plugin else "")

    serving.build = build_or_show_problems  # the preview's builds, the first one included
    serving.serve(config_file=config_file, livereload=True, dev_addr=dev_addr)
    return 0


def run_build(config: MkDocsConfig) -> CourseModel | None:
    """One strict build, with the plugins' start and end events as the `mkdocs` command runs them: the course
    model it built, or None when it failed."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        return course_plugin(config).model
    except Abort as abort:
        logging.getLogger("mkdocs").error(str(abort))
        return None
    finally:
        config.plugins.on_shutdown()


def refuse_folder(config: MkDocsConfig, setting: str, folder: Path) -> None:
    """Stop before anything is written when `folder` would overwrite the course's sources."""
    problems = build_folder_problems(config, course_plugin(config).config, {setting: folder})
    if problems:
        raise ConfigProblem("\n".join(str(problem) for problem in problems))


def course_plugin(config: MkDocsConfig) -> CoursePlugin:
    return next(p for p in config.plugins.values() if isinstance(p, CoursePlugin))


def build_site(config_file: Path, site_dir: Path) -> int:
    site_dir = (config_file.parent / site_dir).resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building")
    config = load(config_file, staging)
    refuse_folder(config, "the site folder (-d)", site_dir)
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / "index.html").is_file():
        raise ConfigProblem(f"{site_dir}: this folder is not a built site (it has no index.html) and building "
                            "into it would delete what it holds: give -d a new or empty folder")
    shutil.rmtree(staging, ignore_errors=True)
    if run_build(config) is None:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"The site was not built; {site_dir.name}/ is as it was.", file=sys.stderr)
        return 1
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    return 0


def check(config_file: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="course-check-") as scratch:
        config = load(config_file, Path(scratch) / "site")
        model = run_build(config)
        if model is None:
            return 1
    print(f"OK: {len(model.pages)} pages, {count(len(model.modules), 'module')}, "
          f"{count(len(model.quizzes), 'quiz file')}, {count(len(model.question_ids), 'question')}")
    return 0


def package(config_file: Path, dist_dir: Path, kind: str) -> int:
    """Build the course as files that work without a server, and zip it as an offline copy or a SCORM package."""
    from .outputs import offline, scorm
    from .outputs.site_copy import file_site_config, inline_search_index

    dist_dir = dist_dir if dist_dir.is_absolute() else config_file.parent / dist_dir
    with tempfile.TemporaryDirectory(prefix=f"course-{kind}-") as scratch:
        config = file_site_config(load(config_file, Path(scratch) / "site"))
        refuse_folder(config, "the zip's folder (-o)", dist_dir)
        if kind == "offline":
            course_plugin(config).config["offline_shell"] = offline.SHELL_PAGE
        model = run_build(config)
        if model is None:
            print(f"The course was not built, so no {kind} zip was made.", file=sys.stderr)
            return 1
        inline_search_index(config)
        make = offline.package if kind == "offline" else scorm.package
        target = make(Path(config.site_dir), dist_dir, model)
    print(f"Wrote {target} ({max(1, round(target.stat().st_size / 1024))} KB)")
    return 0
