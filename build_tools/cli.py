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
import datetime as dt
import json
import logging
import shutil
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from .errors import AuthoringError, not_utf8
from .plugin import CoursePlugin, write_error_pages
from .review import today

SCAFFOLD = files("build_tools") / "scaffold"


class ConfigProblem(Exception):
    """mkdocs.yml cannot be read; the message says where and how to fix it."""


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
    except (ConfigProblem, AuthoringError) as problem:
        print(problem, file=sys.stderr)
        return 1


def preflight(config_file: Path) -> None:
    """Problems in mkdocs.yml that MkDocs itself would meet with a traceback, said plainly instead."""
    if not config_file.is_file():
        raise ConfigProblem(f"{config_file}: there is no such file: run this in the course's folder, or give "
                            "its mkdocs.yml with -f")
    data = config_file.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigProblem(str(not_utf8(config_file.name, data, error))) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else "?"
        raise ConfigProblem(f"{config_file.name}:{line}: this is not valid YAML here ({error.problem}): check the "
                            "indentation, and quote text that contains a colon") from None
    if expanded_size(root, config_file.name, {}, set()) > MAX_CONFIG_NODES:
        raise ConfigProblem(f"{config_file.name}: its YAML aliases ('*name') expand to more than "
                            f"{MAX_CONFIG_NODES:,} values, far more than any course needs: write the settings out "
                            "instead of repeating them through aliases")
    today()  # a mistyped COURSE_TODAY is said now, before any page is read
    for key, node in scalars(root):
        if node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.SafeLoader("").construct_yaml_timestamp(node)
            except ValueError:
                raise ConfigProblem(f"{config_file.name}:{node.start_mark.line + 1}: '{key}: {node.value}' is not a "
                                    "date: write a real date as YYYY-MM-DD (year, month, day), e.g. "
                                    "'2027-11-01'") from None


MAX_CONFIG_NODES = 20_000
"""Values mkdocs.yml may expand to once aliases are followed; a real course has a few hundred."""


def expanded_size(node: yaml.Node | None, name: str, sizes: dict[int, int], open_nodes: set[int]) -> int:
    """How many values the document holds once every alias is expanded, worked out without expanding them."""
    if node is None or id(node) in sizes:
        return sizes.get(id(node), 0)
    if id(node) in open_nodes:
        raise ConfigProblem(f"{name}:{node.start_mark.line + 1}: this alias refers to the block it is in, which "
                            "would never end: write the value out instead")
    open_nodes.add(id(node))
    children = node.value if isinstance(node, yaml.SequenceNode) else (
        [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else [])
    sizes[id(node)] = 1 + sum(expanded_size(child, name, sizes, open_nodes) for child in children)
    open_nodes.discard(id(node))
    return sizes[id(node)]


def scalars(node: yaml.Node | None, key: str = "") -> list[tuple[str, yaml.ScalarNode]]:
    """Every scalar in a composed YAML document, with the key it is under."""
    if isinstance(node, yaml.ScalarNode):
        return [(key, node)]
    if isinstance(node, yaml.MappingNode):
        return [found for k, v in node.value for found in scalars(v, getattr(k, "value", key))]
    if isinstance(node, yaml.SequenceNode):
        return [found for item in node.value for found in scalars(item, key)]
    return []


def preview(config_file: str, dev_addr: str | None) -> int:
    """MkDocs' live preview, which also starts, and shows the problems in the browser, when the first build fails."""
    from mkdocs.commands import serve as serving

    def build_or_show_problems(config: MkDocsConfig, **options: object) -> None:
        try:
            build(config, **options)
        except Abort:
            plugin = next((p for p in config.plugins.values() if isinstance(p, CoursePlugin)), None)
            write_error_pages(Path(config.site_dir), plugin.last_error if plugin else "")

    serving.build = build_or_show_problems  # the preview's builds, the first one included
    serving.serve(config_file=config_file, livereload=True, dev_addr=dev_addr)
    return 0


def load(config_file: Path, site_dir: Path) -> MkDocsConfig:
    try:
        return load_config(str(config_file), strict=True, site_dir=str(site_dir))
    except (ConfigurationError, PluginError) as error:
        raise ConfigProblem(f"{config_file.name}: {error}") from None


def run_build(config: MkDocsConfig) -> bool:
    """One strict build, with the plugins' start and end events as the `mkdocs` command runs them."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        return True
    except Abort as abort:
        logging.getLogger("mkdocs").error(str(abort))
        return False
    finally:
        config.plugins.on_shutdown()


def refuse_folder(config: MkDocsConfig, setting: str, folder: Path) -> None:
    """Stop before anything is written when `folder` would overwrite the course's sources."""
    problems = course_plugin(config).folder_problems(config, {setting: folder})
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
    if not run_build(config):
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
        if not run_build(config):
            return 1
    plugin = course_plugin(config)
    questions = sum(len(quiz.questions) for quiz in plugin.quizzes.values())
    print(f"OK: {len(plugin.pages)} pages, {count(len(plugin.modules), 'module')}, "
          f"{count(len(plugin.quizzes), 'quiz file')}, {count(questions, 'question')}")
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
        if not run_build(config):
            print(f"The course was not built, so no {kind} zip was made.", file=sys.stderr)
            return 1
        inline_search_index(config)
        plugin = course_plugin(config)
        make = offline.package if kind == "offline" else scorm.package
        target = make(Path(config.site_dir), dist_dir, plugin.course, plugin.manifest)
    print(f"Wrote {target} ({max(1, round(target.stat().st_size / 1024))} KB)")
    return 0


def count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


def new_course(directory: Path, title: str) -> int:
    if directory.exists() and any(directory.iterdir()):
        print(f"{directory}: the folder is not empty: choose a new folder for the course", file=sys.stderr)
        return 1
    start = today()
    values = {
        "{title_yaml}": json.dumps(title, ensure_ascii=False),
        "{title}": title,
        "{today}": start.isoformat(),
        "{next_year}": (start.replace(year=start.year + 1) if (start.month, start.day) != (2, 29)
                        else start + dt.timedelta(days=365)).isoformat(),
    }
    written = copy_tree(SCAFFOLD, directory, values)
    (directory / ".gitignore").write_text("# Build output and the summary PDF cache\nsite/\n.cache/\n", encoding="utf-8")
    schema = directory / "quizzes" / "quiz.schema.json"
    schema.write_text((files("build_tools") / "schemas" / "quiz.schema.json").read_text(encoding="utf-8"),
                      encoding="utf-8")
    python = sys.executable
    print(f"Wrote a new course to {directory}/ ({written + 2} files). Next:\n  cd {directory}\n"
          f"  {python} -m build_tools serve   # preview it while you write\n"
          f"  {python} -m build_tools check   # check it\n"
          f"  {python} -m build_tools build   # build it into site/ (the previous site stays if it fails)")
    return 0


def copy_tree(source: object, target: Path, values: dict[str, str]) -> int:
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for entry in source.iterdir():
        if entry.is_dir():
            count += copy_tree(entry, target / entry.name, values)
        elif entry.name.endswith((".md", ".yml")):
            text = entry.read_text(encoding="utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, value)
            (target / entry.name).write_text(text, encoding="utf-8")
            count += 1
    return count


def review_due(config_file: Path, days: int) -> int:
    """The maintainer's early warning: exit 1, naming each date and where it is set, while a review of the course
    or of a page falls due within `days` days (from the day after it, the site no longer builds)."""
    from mkdocs.structure.files import get_files

    from .course import CONFIG_FILE, load_course
    from .dates import long_date, parse_date
    from .pages import read_page
    from .review import config_line

    with tempfile.TemporaryDirectory(prefix="course-review-") as scratch:
        config = load(config_file, Path(scratch) / "site")
    course, docs = load_course(config.extra), Path(config.docs_dir)
    line = config_line(config.config_file_path, "next_review")
    reviews = [(course.next_review, f"{CONFIG_FILE}:{line}" if line else CONFIG_FILE, "the course's next review "
                "('extra.course.next_review', which every page without a date of its own follows)")]
    for file in sorted(get_files(config).documentation_pages(), key=lambda file: file.src_uri):
        text = (docs / file.src_uri).read_text(encoding="utf-8-sig")
        page = read_page(docs, file.src_uri, text, course, [])
        if page.review.next_review_line is not None and parse_date(page.meta["next_review"]) is not None:
            reviews.append((page.review.next_review, f"{docs.name}/{file.src_uri}:{page.review.next_review_line}",
                            "this page's next review ('next_review' in its front matter)"))
    day = today()
    due = sorted(review for review in reviews if (review[0] - day).days < days)
    for date, where, what in due:
        left = (date - day).days
        when = (f"was due on {long_date(date)}: the site does not build until it is moved on" if left < 0 else
                f"is due on {long_date(date)}, {'today' if left == 0 else count(left, 'day') + ' from now'}: from "
                f"{long_date(date + dt.timedelta(days=1))} the site no longer builds")
        print(f"{where}: {what} {when}. Review the clinical content, then move 'next_review' (and "
              "'last_reviewed') on.", file=sys.stderr)
    if due:
        print(f"{count(len(due), 'review')} due within {days} days of {long_date(day)}.", file=sys.stderr)
        return 1
    date, where, _ = min(reviews)
    print(f"OK: no review is due within {days} days of {long_date(day)}; the next is on {long_date(date)} ({where}).")
    return 0
