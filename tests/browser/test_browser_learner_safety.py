"""The learner with two tabs, and stored state that was tampered with: nothing lost, nothing trusted blindly."""

from __future__ import annotations

import json

import pytest

from browser_helpers import answer_module_quiz, open_page, sit_final
from conftest import ROOT, Served, Watched, build_and_serve, copy_course
from course_facts import course_facts

FACTS = course_facts()
FINAL_URL = FACTS.url(FACTS.final.page)
STATE_KEY = f"course:{FACTS.course.slug}:state"
FIRST_PROMPT = FACTS.course.reflection_prompts[0]


def state_of(page: object) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem({STATE_KEY!r})") or "{}")


def certificate_unlocked(site: Served, page: object) -> bool:
    open_page(site, page, "certificate/")
    return page.locator("[data-course-certificate]").is_visible()


def test_a_second_tab_never_erases_a_pass(course_site: Served, watched: Watched) -> None:
    """Tab B is opened first and left alone; tab A passes; typing a note in tab B keeps the pass."""
    first = watched.page
    second = first.context.new_page()
    open_page(course_site, second, "certificate/")
    first.bring_to_front()  # the learner works in tab A; tab B waits behind it (a hidden tab's frames are throttled)
    open_page(course_site, first, FINAL_URL)
    assert sit_final(first, "knowing").startswith("Passed.")
    # Tab B hears of the pass at once: its certificate unlocks without a reload.
    second.locator("[data-course-certificate]").wait_for(state="visible")
    second.bring_to_front()
    second.get_by_label(FIRST_PROMPT).fill("Written in the second tab.")
    second.get_by_label("Your name, as it should appear on the certificate").fill("Dr Two Tabs")
    saved = state_of(first)
    assert len(saved["attempts"]) == 1 and saved["name"] == "Dr Two Tabs"
    assert "Written in the second tab." in saved["reflection"].values()
    assert certificate_unlocked(course_site, first)
    assert first.get_by_label(FIRST_PROMPT).input_value() == "Written in the second tab."


def test_a_stale_tab_merges_its_own_change_with_the_other_tabs(course_site: Served, watched: Watched) -> None:
    """Writes from a tab that has not heard of the other tab's changes (no storage event yet) merge, not overwrite."""
    first = watched.page
    second = first.context.new_page()
    open_page(course_site, second, FACTS.url(FACTS.modules[0].src_path))
    open_page(course_site, first, FACTS.url(FACTS.modules[1].src_path))
    second.evaluate("() => window.addEventListener('storage', e => e.stopImmediatePropagation(), true)")
    first.bring_to_front()  # each tab in front while the learner answers in it, as a learner switches tabs
    answer_module_quiz(first, correctly=True)
    second.bring_to_front()
    answer_module_quiz(second, correctly=True)
    saved = state_of(first)
    assert {FACTS.modules[0].src_path, FACTS.modules[1].src_path} <= set(saved["quizzes"])


FORGED = [
    ("a v2 attempt with every answer wrong", lambda ids: {"version": 2, "attempts": [
        {"date": "2026-11-30T10:00:00.000Z", "answers": {qid: ["9"] for qid in ids}}]}),
    ("a pass flag with a 0% score", lambda ids: {"version": 1, "attempts": [
        {"date": "2026-11-30T10:00:00.000Z", "correct": 0, "total": 10, "passed": True}]}),
    ("a v1 pass flag beside a 'submitted' exam of wrong answers", lambda ids: {"version": 1, "attempts": [
        {"date": "2026-11-30T10:00:00.000Z", "correct": 24, "total": 24, "passed": True}],
        "exam": {"submitted": True, "answers": {qid: ["9"] for qid in ids}}}),
    ("an attempt that answers one question only", lambda ids: {"version": 2, "attempts": [
        {"date": "2026-11-30T10:00:00.000Z", "answers": {ids[0]: []}, "correct": 1, "total": 1, "passed": True}]}),
]


@pytest.mark.parametrize("forged", [f for _, f in FORGED], ids=[name for name, _ in FORGED])
def test_a_stored_pass_unlocks_nothing(course_site: Served, watched: Watched, forged: object) -> None:
    page = watched.page
    open_page(course_site, page, "")
    state = forged([q.id for q in FACTS.final.questions])
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STATE_KEY, json.dumps(state)])
    assert not certificate_unlocked(course_site, page)
    open_page(course_site, page, "")
    assert "certificate" not in page.locator("[data-course-continue] a").inner_text()
    assert watched.page_errors == []


def test_a_stored_last_page_leads_only_to_the_course(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, "")
    for url in ("javascript:window.pwned=1", "https://example.org/phish", "//example.org/", "../../elsewhere/"):
        state = {"version": 2, "lastPage": {"url": url, "title": "Bait"}}
        page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STATE_KEY, json.dumps(state)])
        open_page(course_site, page, "")
        link = page.locator("[data-course-continue] a")
        assert "Bait" not in link.inner_text()
        assert link.get_attribute("href").startswith(course_site.base_url), link.get_attribute("href")
    module = FACTS.modules[2]
    state = {"version": 2, "lastPage": {"url": FACTS.url(module.src_path), "title": "ignored"}}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [STATE_KEY, json.dumps(state)])
    open_page(course_site, page, "")
    page.wait_for_function("title => document.querySelector('[data-course-continue] a').textContent.includes(title)",
                           arg=module.title)


def test_the_website_says_what_the_website_does_with_the_learners_data(course_site: Served, watched: Watched) -> None:
    page = watched.page
    pages = FACTS.widget_pages("privacy")
    assert pages, "the course says somewhere what happens to the learner's data"
    for src in pages:
        open_page(course_site, page, FACTS.url(src))
        shown = page.locator("[data-course-delivery]:visible")
        assert shown.count() == 1 and shown.get_attribute("data-course-delivery") == "web", src
        assert "nothing you do here is sent anywhere" in shown.inner_text()


def test_one_malformed_quiz_answer_breaks_nothing(course_site: Served, watched: Watched) -> None:
    page = watched.page
    quiz = FACTS.module_quizzes[0]
    url = FACTS.url(quiz.page)
    open_page(course_site, page, url)
    answer_module_quiz(page, correctly=True)
    key = f"quiz_progress_/{url}"
    saved = json.loads(page.evaluate(f"localStorage.getItem({key!r})"))
    saved["quiz-0"] = {"answered": True}  # no selectedValues
    saved["quiz-99"] = "junk"
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(saved)])
    page.reload()
    page.wait_for_load_state("networkidle")
    assert watched.page_errors == []
    # The sound answers are restored; the broken one can be answered again.
    quizzes = page.locator(".quiz")
    quizzes.nth(1).locator("input:checked").first.wait_for(state="attached")  # restored by mkdocs-quiz, once loaded
    first = quizzes.nth(0)
    first.locator("label").first.click()
    first.get_by_role("button", name="Submit").click()
    first.locator(".quiz-feedback:not(.hidden)").wait_for()
    assert watched.page_errors == []


ODD_IDS = ["constructor", "hasownproperty", "proto", "valueof", "tostring", "isprototypeof"]
"""Question ids the schema allows that name JavaScript's own object properties."""


def odd_ids() -> list[str]:
    """Enough odd ids for one group of the bank that every attempt shows at least one of them."""
    group, share = next(zip(FACTS.final.groups().values(), FACTS.final.shares(), strict=True))
    return ODD_IDS[: len(group) - share + 1]


@pytest.fixture(scope="module")
def odd_ids_site(tmp_path_factory: pytest.TempPathFactory) -> object:
    """The course with final assessment questions named as JavaScript's own object properties."""
    folder = tmp_path_factory.mktemp("odd-ids")
    config = copy_course(ROOT, folder)
    final = folder / "quizzes" / "final-assessment.yml"
    text = final.read_text()
    group = next(iter(FACTS.final.groups().values()))
    for old, new in zip(group, odd_ids(), strict=False):
        text = text.replace(f"id: {old}\n", f"id: {new}\n", 1)
    final.write_text(text)
    yield from build_and_serve(config, folder / "site")


def test_question_ids_are_data_whatever_they_are(odd_ids_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(odd_ids_site, page, FINAL_URL)
    shown = [qid for qid in odd_ids() if page.locator(f"[data-question='{qid}']:not([hidden])").count()]
    assert shown, "every attempt draws at least one of them"
    for qid in shown:
        page.locator(f"[data-question='{qid}'] input").first.check()
    page.reload()
    page.wait_for_load_state("networkidle")
    for qid in shown:
        assert page.locator(f"[data-question='{qid}'] input:checked").count() == 1, qid
    assert watched.page_errors == []


def test_the_certificate_and_about_page_say_the_assessment_is_self_marked(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, FINAL_URL)
    assert sit_final(page, "knowing").startswith("Passed.")
    open_page(course_site, page, FACTS.url(next(src for src in FACTS.nav_pages if "<!-- course: certificate -->" in
                                                 (ROOT / "docs" / src).read_text())))
    assert "self-assessment, completed and marked in the learner's own browser" in \
        page.locator("[data-course-certificate]").inner_text()
    assert "self-assessment" in (ROOT / "README.md").read_text()
    assert any("It is marked in your own\nbrowser" in (ROOT / "docs" / src).read_text() for src in FACTS.nav_pages)
