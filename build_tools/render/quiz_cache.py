"""Rendered quiz text kept between builds, so an author's edit re-renders only the quizzes it changed.

An entry is a quiz's rendered text blocks (prompts, options, feedback, explanations, source links), keyed by
everything that shapes them: the quiz's own content, the page it is on, the site's Markdown settings and URL
style, this renderer, and the names of the site's files (MkDocs checks a quiz's links only when it renders them,
so a page added, renamed or removed renders every quiz again). After a build the cache holds exactly that build's
quizzes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

from ..model.folders import is_own, make_own
from ..model.quizzes import Quiz


def salt(config: Any) -> str:
    """What shapes every quiz's rendering besides its own content."""
    parts = [
        repr(config.markdown_extensions), repr(sorted(config.mdx_configs.items(), key=str)),
        str(config.use_directory_urls), version("mkdocs"), version("markdown"),
        (Path(__file__).parent / "quiz_markup.py").read_text(encoding="utf-8"),
        (Path(__file__).parent / "mkdocs_quiz.py").read_text(encoding="utf-8"),
        *sorted(path.relative_to(config.docs_dir).as_posix() for path in Path(config.docs_dir).rglob("*")),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class QuizCache:
    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt
        self.used: set[str] = set()

    def key(self, quiz: Quiz) -> str:
        content = json.dumps([self.salt, quiz.page, asdict(quiz)], sort_keys=True, default=str)
        return hashlib.sha256(content.encode()).hexdigest()[:32]

    def get(self, quiz: Quiz) -> dict[str, str] | None:
        key = self.key(quiz)
        self.used.add(key)
        try:
            return json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, quiz: Quiz, fragments: dict[str, str]) -> None:
        key = self.key(quiz)
        self.used.add(key)
        make_own(self.folder)
        partial = self.folder / f"{key}.tmp"
        partial.write_text(json.dumps(fragments, ensure_ascii=False), encoding="utf-8")
        partial.replace(self.folder / f"{key}.json")

    def keep_only_used(self) -> None:
        if is_own(self.folder):
            for entry in [*self.folder.glob("*.json"), *self.folder.glob("*.tmp")]:
                if entry.stem not in self.used:
                    entry.unlink(missing_ok=True)
