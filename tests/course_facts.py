"""What the tests of this course expect, read from the course's own files.

An author who adds a module, a question or a page changes these facts, not the tests: counts, order, titles and
the next page all come from mkdocs.yml, docs/ and quizzes/. `course_facts()` reads them with the generator's own
readers (for what only they can work out: boxes, key points, anchors); `plain_course()` reads the plainest facts
with nothing but PyYAML and a regular expression, so that a bug in a reader cannot move the expected value along
with the actual one (tests/content/test_course_reading.py holds the two readings to each other).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

import re

import yaml
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from build_tools.model.banners import Banner, load_banners
from build_tools.model.course import Course, load_course
from build_tools.model.pages import Module, read_module, read_page
from build_tools.model.sources import EVERY_ANCHOR
from build_tools.model.quiz_files import load_quizzes
from build_tools.model.quizzes import Quiz

ROOT = Path(__file__).resolve().parents[1]
COURSE = Path(os.environ.get("COURSE_ROOT", ROOT)).resolve()
"""The course the content tests check: this repository's, or a copy of it named by COURSE_ROOT (its mkdocs.yml,
docs/ and quizzes/), as the test that adds, renames and removes a module runs them."""


@dataclass(frozen=True)
class CourseFacts:
    course: Course
    modules: list[Module]
    """In course (navigation) order."""
    quizzes: dict[str, Quiz]
    """By the page that shows them."""
    final: Quiz
    nav_pages: list[str]
    """Every page in navigation order (its src path)."""
    nav_titles: dict[str, str]
    banners: list[Banner]

    @property
    def module_quizzes(self) -> list[Quiz]:
        return [self.quizzes[m.src_path] for m in self.modules if m.src_path in self.quizzes]

    @property
    def module_questions(self) -> int:
        return sum(len(quiz.questions) for quiz in self.module_quizzes)

    def url(self, src_path: str) -> str:
        """The site URL of a page: `modules/bone.md` -> `modules/bone/`, `index.md` -> ``."""
        return "" if src_path == "index.md" else src_path.removesuffix(".md").removesuffix("/index") + "/"

    def widget_pages(self, widget: str) -> list[str]:
        """The pages (src paths) whose Markdown holds the widget's line, as an author writes it."""
        return [src for src in self.nav_pages
                if f"<!-- course: {widget} -->" in (COURSE / "docs" / src).read_text(encoding="utf-8")]

    def next_page(self, src_path: str) -> str:
        """The title of the page after src_path in the navigation (what the footer's Next link names)."""
        return self.nav_titles[self.nav_pages[self.nav_pages.index(src_path) + 1]]


@functools.cache
def course_facts(config_file: Path = COURSE / "mkdocs.yml") -> CourseFacts:
    config = load_config(str(config_file))
    docs = Path(config.docs_dir)
    course = load_course(config.extra)
    files = get_files(config)
    nav = get_navigation(files, config)
    problems: list = []
    modules = []
    for page in nav.pages:
        src = page.file.src_uri
        if src.startswith("modules/"):
            text = (docs / src).read_text(encoding="utf-8")
            modules.append(read_module(read_page(docs, src, text, course, problems), docs.name, problems))
    assert problems == [], problems
    exists = {file.src_uri for file in files.documentation_pages()}
    plugin_config = dict(config.plugins["course"].config)
    quizzes = {quiz.page: quiz for quiz in load_quizzes(config_file.parent / "quizzes",
                                                        lambda src: EVERY_ANCHOR if src in exists else None,
                                                        plugin_config["final_assessment"])}
    titles = {}
    for page in nav.pages:
        page.read_source(config)
        titles[page.file.src_uri] = page.title
    return CourseFacts(course, modules, quizzes, quizzes[plugin_config["final_assessment"]],
                       [page.file.src_uri for page in nav.pages], titles, load_banners(config.extra))


@dataclass(frozen=True)
class PlainModule:
    src_path: str
    title: str
    description: str
    minutes: int
    objectives: list[str]


@dataclass(frozen=True)
class PlainCourse:
    title: str
    authors: list[str]
    modules: list[PlainModule]
    """In nav order."""
    quizzes: dict[str, dict]
    """Each quiz file (`quizzes/<name>.yml`) as PyYAML reads it."""


class TaggedLoader(yaml.SafeLoader):
    """PyYAML's safe loader that reads MkDocs' `!ENV [NAME, default]` as its default."""


TaggedLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


@functools.cache
def plain_course(course: Path = COURSE) -> PlainCourse:
    """The course's title, authors, modules (nav order, front matter) and quiz files, read with PyYAML alone."""
    config = yaml.load((course / "mkdocs.yml").read_text(encoding="utf-8"), Loader=TaggedLoader)  # noqa: S506
    modules = []
    for src in re.findall(r"modules/[\w-]+\.md", yaml.safe_dump(config["nav"])):
        text = (course / "docs" / src).read_text(encoding="utf-8")
        meta = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", text, re.DOTALL).group(1))
        modules.append(PlainModule(src, meta["title"], meta["description"], meta["minutes"], meta["objectives"]))
    quizzes = {f"quizzes/{path.name}": yaml.safe_load(path.read_text(encoding="utf-8"))
               for path in sorted((course / "quizzes").glob("*.yml"))}
    return PlainCourse(config["extra"]["course"]["title"], config["extra"]["course"]["authors"], modules, quizzes)
