"""The one adapter to mkdocs-quiz: its plugin kept off the pages, its words, and its browser runtime.

mkdocs-quiz's markup is written by templates/quiz.html.j2 (through quiz_markup.py); its runtime is served as two
files the browser caches, loaded by quiz pages only.

mkdocs-quiz itself inlines about 50 KB of script and style into every quiz page; the course writes the quiz
markup itself (see render.py) and serves the same runtime once, set up for the course: no progress sidebar of
its own (the course shows one progress model), no confetti, its words in the site's language.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs_quiz.translations import TranslationManager

from .templating import package_templates

STORAGE_PREFIX = "quiz_progress_"
"""How mkdocs-quiz's runtime names the browser storage entry of a page's answers (the page's path follows)."""
SCRIPT_PATH = "assets/course/quiz.js"
STYLE_PATH = "assets/course/quiz.css"


TRACKER_INIT = "this.totalQuizzes = document.querySelectorAll(\".quiz\").length;\n      this.loadFromStorage();"
# Loaded as a file, the runtime may start a page before the browser has run it again, with the last page's
# answers still in its tracker (it only overwrites them when the new page has some saved): start empty.
TRACKER_INIT_PER_PAGE = ("this.totalQuizzes = document.querySelectorAll(\".quiz\").length;\n"
                         "      this.quizzes = {}; this.answeredQuizzes = 0; this.correctQuizzes = 0;\n"
                         "      this.loadFromStorage();")


ANSWER_LIKE_LINE = re.compile(r"^([ \t]*[-*+][ \t]*)\[", re.MULTILINE)
"""A line mkdocs-quiz's Markdown would read as an answer checkbox ("- [")."""
_templates = package_templates("templates", ["html.j2"])


def defuse_quiz_syntax(text: str) -> str:
    """Author text that mkdocs-quiz can never read as quiz syntax: "[[...]]" (a fill-in-the-blank) and lines
    starting "- [" (an answer) lose their literal bracket."""
    text = text.replace("[[", "&#91;&#91;")
    return ANSWER_LIKE_LINE.sub(r"\1&#91;", text)


def quiz_html(**context: Any) -> str:
    """A self-assessment quiz in mkdocs-quiz's markup (templates/quiz.html.j2), so its runtime runs it."""
    return _templates.get_template("quiz.html.j2").render(**context)


def keep_off_pages(config: MkDocsConfig) -> None:
    """The course writes the quiz markup itself; mkdocs-quiz would otherwise inline its runtime into pages."""
    quiz_plugin = config.plugins.get("mkdocs_quiz")
    if quiz_plugin is not None:
        quiz_plugin.config["enabled_by_default"] = False


def runtime_files(config: MkDocsConfig, language: str) -> list[File]:
    """The runtime's script and style, set up for the course, as files of the site."""
    return [File.generated(config, SCRIPT_PATH, content=runtime_script(language)),
            File.generated(config, STYLE_PATH, content=runtime_style())]


def quiz_labels(language: str) -> dict[str, str]:
    """The words the quiz markup shows, in mkdocs-quiz's translation for the site's language."""
    return {"submit": TranslationManager(language).get("Submit")}


def runtime_script(language: str) -> str:
    """mkdocs-quiz's script, preceded by the settings it reads from `window`."""
    settings = {"confetti": False, "showProgress": False, "progressSidebarPosition": "top"}
    prelude = (
        "/* Settings for mkdocs-quiz's runtime, which follows unchanged. */\n"
        f"window.mkdocsQuizTranslations = {json.dumps(TranslationManager(language).to_dict(), ensure_ascii=False)};\n"
        f"window.mkdocsQuizConfig = {json.dumps(settings)};\n"
        # Saved answers of a quiz whose questions changed are dropped before the runtime reads them.
        "(function () {\n"
        "  function drop() { if (window.Course && Course.store) Course.store.dropStaleAnswers(); }\n"
        "  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', drop); else drop();\n"
        "})();\n"
    )
    runtime = (files("mkdocs_quiz") / "js" / "quiz.js").read_text(encoding="utf-8")
    if TRACKER_INIT not in runtime:
        raise RuntimeError("mkdocs-quiz's runtime has changed: check quiz_runtime.TRACKER_INIT against it")
    return prelude + runtime.replace(TRACKER_INIT, TRACKER_INIT_PER_PAGE, 1)


def runtime_style() -> str:
    return (files("mkdocs_quiz") / "css" / "quiz.css").read_text(encoding="utf-8")
