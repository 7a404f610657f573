"""The one error type an author ever sees from the generator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an author's file, with where it is and how to fix it."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class AuthoringError(Exception):
    """Every problem found in the course's sources, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def not_utf8(path: str, data: bytes, error: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8 text, at the line of its first undecodable byte."""
    return Problem(path, data[: error.start].count(b"\n") + 1, "this is not a text file saved as UTF-8: save it "
                   "as plain text in UTF-8 (in most editors: Save As, then choose the UTF-8 encoding)")


def raise_if_any(problems: list[Problem]) -> None:
    """Raise one error holding all problems, so an author fixes them in one pass."""
    if problems:
        raise AuthoringError(problems)
