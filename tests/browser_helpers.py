"""What a learner does in the browser, shared by the browser tests."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe
from icalendar import Calendar

from build_tools.model.strings import course_strings
from conftest import Served
from course_facts import course_facts


def axe_violations(page: object) -> list[str]:
    """axe-core's violations on the page (or in one frame of it: axe checks the frame it runs in, not the frames
    in that) once its transitions have settled, one line each, for a readable failure.

    Material fades the header title in as the page scrolls; half-way through, any text is "low contrast". The
    fade starts in the frame after the scroll, which under load can come after the check of running animations:
    two frames are let pass first.
    From a disk axe does not fetch the page's stylesheets for its CSS rules: the browser refuses a page opened
    from a file any such request, and logs the refusal as an error of the page.
    """
    page.evaluate("""new Promise(frame => requestAnimationFrame(() => requestAnimationFrame(frame))).then(() =>
        Promise.race([
            Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null))),
            new Promise(resolve => setTimeout(resolve, 2000)),
        ]))""")
    results = Axe().run(page, options={**DEFAULT_OPTIONS, "preload": not page.url.startswith("file:")})
    return [
        f"{v['id']}: {v['help']} ({', '.join(str(n['target']) for n in v['nodes'])})"
        for v in results.response["violations"]
    ]


REFLOW_WIDTHS_AND_SCHEMES = pytest.mark.parametrize(
    ("watched", "scheme"), [((320, 720), "light"), ((390, 844), "light"), ((1280, 900), "light"), ((390, 844), "dark")],
    indirect=["watched"], ids=["320", "390", "1280", "dark-390"])
"""Where an answered quiz or a marked assessment must reflow and pass axe: every width in the light scheme, and the
dark scheme once, at a phone's width. The layout does not change with the scheme, nor the feedback's colours with
the width."""


RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
    event => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
"""
"""An init script: every breach of the page's Content-Security-Policy, in window.__violations."""


def assert_policy(page: object) -> None:
    """The page carries one strict Content-Security-Policy and nothing on it broke the policy (RECORD_VIOLATIONS)."""
    policy = page.locator("meta[http-equiv='Content-Security-Policy']")
    assert policy.count() == 1, page.url
    content = policy.get_attribute("content")
    assert "script-src 'self'" in content and "'unsafe-inline'" not in content and "*" not in content, page.url
    assert page.evaluate("window.__violations") == [], page.url


def open_page(site: Served, page: object, url: str) -> None:
    page.goto(site.base_url + url)
    page.wait_for_load_state("networkidle")


CHOOSE = """(quiz, correctly) => {
    const label = input => quiz.querySelector(`label[for="${input.id}"]`);
    const longest = (one, other) => label(other).textContent.length > label(one).textContent.length ? other : one;
    return (correctly ? [...quiz.querySelectorAll('input[data-correct]')]
        : [[...quiz.querySelectorAll('input:not([data-correct])')].reduce(longest)]).map(label);
}"""
"""The labels to click in a quiz: of every right option, or of its wrong option with the longest label (the most
for its feedback to lay out)."""
ANSWER_IN_PAGE = """(quizzes, correctly) => quizzes.forEach(quiz => {
    (CHOOSE)(quiz, correctly).forEach(label => label.click());
    [...quiz.querySelectorAll('button')].find(button => button.textContent.trim() === 'Submit').click();
})""".replace("CHOOSE", CHOOSE)


def answer_module_quiz(page: object, correctly: bool, by_hand: bool = False) -> None:
    """Answer every question of a module quiz, all right or all wrong, as a learner would: choose, then submit.

    By hand, every choice and every Submit is a Playwright click: the mouse of a learner, which finds the control
    visible, still and uncovered. Otherwise the same clicks are made in the page, all in one call, for the tests
    whose subject is what the answers lead to (a Playwright click costs a tenth of a second of processor time).
    """
    quizzes = page.locator(".quiz")
    if not by_hand:
        # mkdocs-quiz adds each quiz's (hidden) reset button as it binds the quiz: until then, Submit would send
        # the form to the server (after instant navigation its runtime runs later than the page's content shows).
        page.wait_for_function("() => [...document.querySelectorAll('.quiz')]"
                               ".every(quiz => quiz.querySelector('.quiz-reset-button'))")
        quizzes.evaluate_all(ANSWER_IN_PAGE, correctly)
    for index in range(quizzes.count()):
        quiz = quizzes.nth(index)
        if by_hand:
            for target in quiz.evaluate(f"(quiz, correctly) => ({CHOOSE})(quiz, correctly).map(label => label.htmlFor)",
                                        correctly):
                quiz.locator(f"label[for='{target}']").click()
            quiz.get_by_role("button", name="Submit").click()
        quiz.locator(".quiz-feedback:not(.hidden)").wait_for()


# How a learner picks options in the final assessment: given the inputs (in the order shown) and the right
# option values (from the course's quiz file), returns the indexes to tick.
STRATEGIES = {
    "knowing": "(inputs, right) => inputs.map((input, i) => right.includes(input.value) ? i : -1).filter(i => i >= 0)",
    "first": "inputs => [0]",
    "last": "inputs => [inputs.length - 1]",
    "longest": """inputs => {
        const lengths = inputs.map(input => input.labels[0].textContent.trim().length);
        return [lengths.indexOf(Math.max(...lengths))];
    }""",
    "shortest": """inputs => {
        const lengths = inputs.map(input => input.labels[0].textContent.trim().length);
        return [lengths.indexOf(Math.min(...lengths))];
    }""",
    "wrong": "(inputs, right) => [inputs.findIndex(input => !right.includes(input.value))]",
    "all": "inputs => inputs.map((input, i) => i)",
}


TICK = """(questions, {strategy, rightFirst, right}) => {
    const strategies = {STRATEGIES};
    questions.forEach((question, index) => {
        const name = rightFirst === null ? strategy : (index < rightFirst ? 'knowing' : 'wrong');
        const inputs = [...question.querySelectorAll('input')];
        for (const pick of strategies[name](inputs, right[question.dataset.question])) {
            if (!inputs[pick].checked) inputs[pick].click();
        }
    });
}""".replace("{STRATEGIES}", "{" + ", ".join(f"{name}: {source}" for name, source in STRATEGIES.items()) + "}")
"""Ticks a strategy's options in every question on screen, as clicks on the options in the page itself: one call for
the whole attempt (a Playwright click per option costs more than the rest of a test; the keyboard test ticks as a
learner does)."""


def sit_final(page: object, strategy: str, right_first: int | None = None) -> str:
    """Answer every question of the final assessment the strategy's way, submit it, and return the result text.

    With `right_first`, the first that many questions are answered knowingly and the rest wrongly. The page holds
    no marker of the right options, so the knowing learner takes them from the course's own quiz file.
    """
    right = {question.id: right_values(question.id) for question in course_facts().final.questions}
    page.locator("[data-course-exam][data-bound]").wait_for(state="attached")  # drawn, and listening for answers
    page.locator("[data-question]:not([hidden])").evaluate_all(
        TICK, {"strategy": strategy, "rightFirst": right_first, "right": right})
    page.get_by_role("button", name="Submit assessment").click()
    page.locator("[data-course-result][data-outcome]").wait_for()
    return page.locator("[data-course-result]").inner_text()


def most_right_to_fail(quiz: object) -> int:
    """The most questions of an attempt a learner can answer rightly and still not pass (14 of 18 at 80%: 77%)."""
    return (quiz.pass_mark * quiz.attempt_size + 99) // 100 - 1


def right_values(question_id: str) -> list[str]:
    """The values of a final assessment question's right options, as its quiz file marks them."""
    [question] = [q for q in course_facts().final.questions if q.id == question_id]
    return [str(index) for index, option in enumerate(question.options) if option.correct]


def wait_for_announcement(page: object, words: str) -> str:
    """What the live region says, once it says `words` (it speaks shortly after the change, as screen readers need)."""
    page.wait_for_function("words => document.getElementById('course-announcer').textContent.includes(words)",
                           arg=words)
    return page.locator("#course-announcer").inner_text()


def horizontal_overflow(page: object) -> list[str]:
    """Elements wider than the viewport, or text cut off inside its box (an ellipsis or a clipped scroll width)."""
    return page.evaluate("""() => {
        const found = [];
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth > width) found.push('page scrolls sideways: ' +
            document.documentElement.scrollWidth + ' > ' + width);
        for (const el of document.querySelectorAll('article *')) {
            if (el.closest('.md-typeset__scrollwrap, [role=region], pre, code, .course-visually-hidden, [hidden]')) continue;
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden') continue;
            const box = el.getBoundingClientRect();
            if (box.width && box.right > width + 1) found.push('beyond the viewport: ' + el.outerHTML.slice(0, 80));
            if ((style.textOverflow === 'ellipsis' || style.overflow === 'hidden') && el.scrollWidth > el.clientWidth + 1
                && el.textContent.trim()) found.push('cut off: ' + el.outerHTML.slice(0, 80));
        }
        return found;
    }""")


def follow_up_events(page: object, shown: object | None = None) -> list[object]:
    """The events of the follow-ups calendar file the certificate page gives (in `shown`, a frame of `page`, or in
    `page` itself), its RFC 5545 lines and file name checked."""
    facts = course_facts()
    button = course_strings("en", facts.course.strings)["follow-ups-button"]
    with page.expect_download() as download:
        (shown or page).get_by_role("button", name=button).click()
    assert download.value.suggested_filename == f"{facts.course.slug}-follow-ups.ics"
    raw = open(download.value.path(), "rb").read()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line and len(line) <= 75 for line in lines)
    return Calendar.from_ical(raw).walk("VEVENT")
