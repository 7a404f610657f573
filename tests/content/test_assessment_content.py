"""The final assessment's bank as a learner meets it: sourced to the modules, drawn across them, and not passable by
guessing.

Every number here comes from the quiz files and the course's navigation: the bank's size, the draw, the pass mark
and the modules. An author who adds a question changes the facts, not the tests. The only constants are the rules
themselves (the words that mark a wrong option, the share of attempts a guessing strategy may pass).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from build_tools.model.quiz_files import load_quizzes
from build_tools.model.quizzes import Question, Quiz
from build_tools.model.sources import EVERY_ANCHOR
from build_tools.render.quiz_markup import option_order
from course_facts import COURSE


def read_course() -> tuple[list[Quiz], str, list[str]]:
    """The quizzes as the build reads them (as in course_facts), the final assessment's page and the module pages in
    course order."""
    config = load_config(str(COURSE / "mkdocs.yml"))
    files = get_files(config)
    final_page = dict(config.plugins["course"].config)["final_assessment"]
    pages = {file.src_uri for file in files.documentation_pages()}
    quizzes = load_quizzes(COURSE / "quizzes", lambda src: EVERY_ANCHOR if src in pages else None, final_page)
    modules = [page.file.src_uri for page in get_navigation(files, config).pages
               if page.file.src_uri.startswith("modules/")]
    return quizzes, final_page, modules


QUIZZES, FINAL_PAGE, MODULE_PAGES = read_course()
FINAL: Quiz = next(quiz for quiz in QUIZZES if quiz.page == FINAL_PAGE)

ABSOLUTE_WORDS = ("never", "always", "rules out", "ruled out")
"""Words that give a wrong option away: the source states nothing so absolutely."""
HEDGE_WORDS = ("may", "can", "some", "often", "might")
ATTEMPTS = 1000
MAX_GUESSING_PASS_RATE = 0.01
MAX_SHARE_RIGHT_AT_AN_EXTREME = 1 / 3
"""Of single-answer questions, the share whose right option may be the longest (and, apart, the shortest)."""
MIN_BANK_PER_DRAW = 1.5


def draw_of(quiz: Quiz) -> int:
    """Questions per attempt: the quiz's `draw`, or the `draw:` line written in its file (commented out until the
    generator reads it), or every question."""
    if getattr(quiz, "draw", None):
        return quiz.draw  # type: ignore[attr-defined]
    found = re.search(r"^#?\s*draw:\s*(\d+)\s*$", (COURSE / quiz.file).read_text(encoding="utf-8"), re.MULTILINE)
    return int(found.group(1)) if found else len(quiz.questions)


DRAW = draw_of(FINAL)


def page_of(question: Question) -> str:
    return (question.source or "").partition("#")[0]


def groups(quiz: Quiz) -> dict[str, list[Question]]:
    """The bank's questions by the page their source names, in course order."""
    by_page: dict[str, list[Question]] = {page: [] for page in MODULE_PAGES}
    for question in quiz.questions:
        by_page.setdefault(page_of(question), []).append(question)
    return {page: questions for page, questions in by_page.items() if questions}


def shares(sizes: dict[str, int], draw: int) -> dict[str, int]:
    """Each group's questions per attempt: in proportion to its size, at least one each, largest remainders first.

    The generator's own `Quiz.shares` decides when it has one (see `per_attempt`); this is the same rule, for a
    generator that does not yet draw."""
    total = sum(sizes.values())
    exact = {page: draw * size / total for page, size in sizes.items()}
    share = {page: min(sizes[page], max(1, math.floor(exact[page]))) for page in sizes}
    by_remainder = sorted(sizes, key=lambda page: exact[page] - share[page], reverse=True)
    while sum(share.values()) < draw:
        page = next(page for page in by_remainder if share[page] < sizes[page])
        share[page] += 1
        by_remainder.remove(page)
        by_remainder.append(page)
    while sum(share.values()) > draw:
        page = next(page for page in reversed(by_remainder) if share[page] > 1)
        share[page] -= 1
        by_remainder.remove(page)
        by_remainder.insert(0, page)
    return share


def per_attempt(quiz: Quiz, bank: dict[str, list[Question]]) -> dict[str, int]:
    """Questions an attempt takes from each page's group, as the generator draws them."""
    if hasattr(quiz, "shares") and hasattr(quiz, "groups"):
        return dict(zip(quiz.groups(), quiz.shares(), strict=True))
    return shares({page: len(questions) for page, questions in bank.items()}, DRAW)


def wrong_options(question: Question) -> list[str]:
    return [option.text for option in question.options if not option.correct]


def hedges(text: str) -> int:
    return sum(len(re.findall(rf"\b{word}\b", text, re.IGNORECASE)) for word in HEDGE_WORDS)


# A strategy is shown the options' texts in the order the learner sees them and picks the positions it selects.
# On a single-answer question it picks one; on a "select all that apply" question it ticks every option its rule
# favours (the first or last half, those longer or shorter than the average, the most hedged).
Strategy = Callable[[Sequence[str], bool, random.Random], set[int]]


def ranked(texts: Sequence[str], multiple: bool, key: Callable[[str], float]) -> set[int]:
    scores = [key(text) for text in texts]
    if not multiple:
        return {scores.index(max(scores))}
    mean = sum(scores) / len(scores)
    above = {i for i, score in enumerate(scores) if score > mean}
    return above or {i for i, score in enumerate(scores) if score == max(scores)}


def first(texts: Sequence[str], multiple: bool, rng: random.Random) -> set[int]:
    return set(range(math.ceil(len(texts) / 2))) if multiple else {0}


def last(texts: Sequence[str], multiple: bool, rng: random.Random) -> set[int]:
    return set(range(len(texts) // 2, len(texts))) if multiple else {len(texts) - 1}


def longest(texts: Sequence[str], multiple: bool, rng: random.Random) -> set[int]:
    return ranked(texts, multiple, len)


def shortest(texts: Sequence[str], multiple: bool, rng: random.Random) -> set[int]:
    return ranked(texts, multiple, lambda text: -len(text))


def most_hedged(texts: Sequence[str], multiple: bool, rng: random.Random) -> set[int]:
    counts = [hedges(text) for text in texts]
    top = {i for i, count in enumerate(counts) if count == max(counts)}
    return top if multiple else {min(top)}


def at_random(texts: Sequence[str], multiple: bool, rng: random.Random) -> set[int]:
    if not multiple:
        return {rng.randrange(len(texts))}
    while True:
        ticked = {i for i in range(len(texts)) if rng.random() < 0.5}
        if ticked:
            return ticked


STRATEGIES: dict[str, Strategy] = {"first": first, "last": last, "longest": longest, "shortest": shortest,
                                   "most-hedged": most_hedged, "random": at_random}
ORDERS: dict[str, Callable[[Question], list[int]]] = {
    "as-written": lambda question: list(range(len(question.options))),
    "as-shown": option_order,
}


def answers_right(question: Question, strategy: Strategy, order: list[int], rng: random.Random) -> bool:
    texts = [question.options[i].text for i in order]
    picked = {order[i] for i in strategy(texts, question.type == "multiple", rng)}
    return picked == {i for i, option in enumerate(question.options) if option.correct}


def pass_rate(strategy: Strategy, order_of: Callable[[Question], list[int]], seed: int = 20261201) -> float:
    rng = random.Random(seed)
    orders = {question.id: order_of(question) for question in FINAL.questions}
    bank = groups(FINAL)
    taken = per_attempt(FINAL, bank)
    passes = 0
    for _ in range(ATTEMPTS):
        drawn = [question for page, questions in bank.items() for question in rng.sample(questions, taken[page])]
        right = sum(answers_right(question, strategy, orders[question.id], rng) for question in drawn)
        passes += right * 100 >= FINAL.pass_mark * len(drawn)
    return passes / ATTEMPTS


def test_the_final_sets_a_pass_mark_and_draws_from_a_bank_half_as_large_again() -> None:
    assert FINAL.pass_mark is not None
    assert 0 < DRAW <= len(FINAL.questions)
    assert len(FINAL.questions) >= MIN_BANK_PER_DRAW * DRAW, (len(FINAL.questions), DRAW)


@pytest.mark.parametrize("question", FINAL.questions, ids=lambda question: question.id)
def test_every_final_question_names_the_module_heading_that_teaches_it(question: Question) -> None:
    page, _, anchor = (question.source or "").partition("#")
    assert page in MODULE_PAGES and anchor, f"{question.id}: source {question.source!r} names no module heading"


def test_every_attempt_draws_from_every_module() -> None:
    bank = groups(FINAL)
    assert set(bank) == set(MODULE_PAGES)
    taken = per_attempt(FINAL, bank)
    assert set(taken) == set(bank), taken
    assert sum(taken.values()) == DRAW and all(share >= 1 for share in taken.values()), taken


@pytest.mark.parametrize("question", FINAL.questions, ids=lambda question: question.id)
def test_every_final_question_offers_enough_options(question: Question) -> None:
    assert len(question.options) >= (4 if question.type == "multiple" else 3), question.id
    assert all(option.feedback for option in question.options if not option.correct), question.id
    assert question.explanation, question.id


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda quiz: quiz.file)
def test_no_absolute_word_marks_a_wrong_option(quiz: Quiz) -> None:
    marked = [(question.id, text) for question in quiz.questions for text in wrong_options(question)
              if any(word in text.lower() for word in ABSOLUTE_WORDS)]
    assert marked == []


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("strategy", STRATEGIES)
def test_guessing_passes_in_fewer_than_one_attempt_in_a_hundred(strategy: str, order: str) -> None:
    rate = pass_rate(STRATEGIES[strategy], ORDERS[order])
    assert rate < MAX_GUESSING_PASS_RATE, f"picking the {strategy} option ({order}) passes {rate:.1%} of attempts"


@pytest.mark.parametrize("extreme", [max, min], ids=["longest", "shortest"])
def test_the_right_option_is_seldom_the_longest_or_the_shortest(extreme: Callable[..., int]) -> None:
    singles = [question for question in FINAL.questions if question.type == "single"]
    right_at_extreme = [question.id for question in singles
                        if len(next(o.text for o in question.options if o.correct))
                        == extreme(len(o.text) for o in question.options)]
    assert len(right_at_extreme) <= MAX_SHARE_RIGHT_AT_AN_EXTREME * len(singles), right_at_extreme
