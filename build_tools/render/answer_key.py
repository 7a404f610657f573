"""The final assessment's key as the browser gets it: salted hashes of each question's right answer, never the
right options themselves.

A self-assessment marked in the browser can never be secret; this keeps the key out of plain sight (the page's
HTML and the course data hold no marker of the right options) while the browser can still mark every attempt
from its answers. The hash is the same as `marking.js`'s.
"""

from __future__ import annotations

import struct
from itertools import combinations

from ..model.quizzes import Question, Quiz


def fnv1a(text: str) -> str:
    """FNV-1a, 32 bits, over UTF-16 code units (as JavaScript's charCodeAt sees them), as eight hex digits."""
    units = struct.unpack(f"<{len(text.encode('utf-16-le')) // 2}H", text.encode("utf-16-le"))
    value = 0x811C9DC5
    for unit in units:
        value = ((value ^ unit) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


def answer_hash(salt: str, question_id: str, values: list[str]) -> str:
    return fnv1a(f"{salt}|{question_id}|{','.join(sorted(values))}")


def right_values(question: Question) -> list[str]:
    return [str(index) for index, option in enumerate(question.options) if option.correct]


def unique_for(salt: str, question: Question) -> bool:
    """No wrong choice of options hashes like the right one (a 32-bit hash could, rarely, collide)."""
    right = answer_hash(salt, question.id, right_values(question))
    values = [str(index) for index in range(len(question.options))]
    return all(answer_hash(salt, question.id, list(choice)) != right or list(choice) == right_values(question)
               for size in range(1, len(values) + 1) for choice in combinations(values, size))


def quiz_key(quiz: Quiz) -> dict[str, object]:
    """{"salt": ..., "answers": {question id: hash}}: the salt changes with the quiz, and is chosen so that no
    wrong answer is ever marked right."""
    attempt = 0
    while True:
        salt = f"{quiz.fingerprint}.{attempt}"
        if all(unique_for(salt, question) for question in quiz.questions):
            return {"salt": salt, "answers": {q.id: answer_hash(salt, q.id, right_values(q)) for q in quiz.questions}}
        attempt += 1
