"""The quiz model: a quiz file's questions and options, as typed, immutable data."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str | None


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt: str
    options: tuple[Option, ...]
    explanation: str | None
    source: str | None
    """Where the answer is taught: `anchor` on the quiz's page, or `page.md#anchor` elsewhere."""
    keep_order: bool = False
    """The options' written order means something (small to large, say): they are never shuffled."""
    source_line: int | None = None
    """Line of `source:` in the quiz file, for problems found once pages are rendered."""


@dataclass(frozen=True)
class Quiz:
    file: str
    page: str
    title: str | None
    pass_mark: int | None
    questions: tuple[Question, ...]
    draw: int | None = None
    """Questions an attempt takes from the bank (the final assessment only); None: every question."""

    @property
    def attempt_size(self) -> int:
        return self.draw or len(self.questions)

    def groups(self) -> dict[str, list[str]]:
        """Question ids by the page their `source` names (the quiz's own page when it names none): an attempt
        draws from each, so every attempt covers every part of the course."""
        found: dict[str, list[str]] = {}
        for question in self.questions:
            target = (question.source or "").rpartition("#")[0] or self.page
            found.setdefault(target, []).append(question.id)
        return found

    def shares(self) -> list[int]:
        """How many questions an attempt takes from each group (in `groups` order): in proportion to the group's
        size, at least one from each, by largest remainder."""
        sizes = [len(group) for group in self.groups().values()]
        exact = [self.attempt_size * size / len(self.questions) for size in sizes]
        shares = [max(1, int(share)) for share in exact]
        while sum(shares) > self.attempt_size:  # one from each overshot: take back where most over the exact share
            shares[max((i for i, s in enumerate(shares) if s > 1), key=lambda i: shares[i] - exact[i])] -= 1
        while sum(shares) < self.attempt_size:  # then the largest remainders, as far as each group holds
            shares[max((i for i, s in enumerate(shares) if s < sizes[i]), key=lambda i: exact[i] - shares[i])] += 1
        return shares

    @property
    def fingerprint(self) -> str:
        """Changes whenever a question, an option, an answer or the draw changes: saved answers are then stale."""
        shape = [[q.id, q.type, q.prompt, q.keep_order, [[o.text, o.correct] for o in q.options]] for q in self.questions]
        if self.draw is not None:
            shape.append(self.draw)
        return hashlib.sha256(json.dumps(shape).encode()).hexdigest()[:12]


AnchorLookup = Callable[[str], "Collection[str] | None"]
"""Heading anchors of a docs/ page, or None when there is no such page."""
