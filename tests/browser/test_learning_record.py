"""The certificate as a learning record: the edition studied, a reflection checked for patient-identifiable
details, follow-ups in the learner's calendar, and a copy that says when it is past its next review."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
from pypdf import PdfReader

from browser_helpers import axe_violations, follow_up_events, open_page, sit_final, wait_for_announcement
from build_tools.browser.assets import COURSE_DATA
from build_tools.model.dates import long_date
from build_tools.model.review import today as build_day
from build_tools.model.strings import course_strings
from conftest import Served, Watched
from course_facts import course_facts

pytestmark = pytest.mark.browser
FACTS = course_facts()
COURSE = FACTS.course
STRINGS = course_strings("en", COURSE.strings)
NAME_LABEL = "Your name, as it should appear on the certificate"
COURSE_BUNDLE = "**/assets/bundles/course.*.js"
REFERENCE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def said(key: str, **values: str) -> str:
    """A sentence of the course's language file, filled in as the browser fills it."""
    return re.sub(r"\{([a-z-]+)\}", lambda m: str(values.get(m[1], m[0])), STRINGS[key])


def passed_to_certificate(site: Served, page: object, name: str = "Dr Ada Lovelace") -> object:
    open_page(site, page, FACTS.url(FACTS.final.page))
    sit_final(page, "knowing")
    page.locator("[data-course-result][data-outcome='pass']").wait_for()
    open_page(site, page, FACTS.url(FACTS.widget_pages("certificate")[0]))
    page.get_by_label(NAME_LABEL).fill(name)
    return page.locator("[data-course-certificate]")


def edition_fields(certificate: object) -> dict[str, str]:
    labels = certificate.locator("[data-course-edition] dt").all_inner_texts()
    values = certificate.locator("[data-course-edition] dd").all_inner_texts()
    return dict(zip((label.strip() for label in labels), (value.strip() for value in values), strict=True))


def test_the_certificate_and_the_note_carry_the_edition_studied(course_site: Served, watched: Watched) -> None:
    page = watched.page
    certificate = passed_to_certificate(course_site, page)
    built = long_date(build_day())
    fields = edition_fields(certificate)
    version = said("edition-value", version=COURSE.version, date=built) if COURSE.version else \
        said("edition-built", date=built)
    assert fields[STRINGS["edition-course"]] == version
    assert fields[STRINGS["edition-last-review"]] == long_date(COURSE.last_reviewed)
    assert fields[STRINGS["edition-next-review"]] == long_date(COURSE.next_review)
    assert fields[STRINGS["edition-in-date"]] == STRINGS["edition-in-date-yes"]
    assert fields[STRINGS["edition-cpd"]] == said("edition-cpd-value", hours=f"{COURSE.cpd_hours:g} hour"
                                                  + ("" if COURSE.cpd_hours == 1 else "s"))
    reference = fields[STRINGS["edition-reference"]]
    assert REFERENCE.match(reference), reference
    text = certificate.inner_text()
    assert text.count(STRINGS["certificate-self-assessed"]) == 1, "the certificate says it once"
    assert certificate.locator("[data-edition='overdue']").is_hidden()
    assert axe_violations(page) == []

    page.reload()
    assert edition_fields(certificate)[STRINGS["edition-reference"]] == reference, "the same pass, the same reference"
    page.get_by_label(NAME_LABEL).fill("Dr Ada King")
    assert edition_fields(certificate)[STRINGS["edition-reference"]] != reference, "another name, another reference"
    page.get_by_label(NAME_LABEL).fill("Dr Ada Lovelace")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reflective note (text file)").click()
    note = open(download.value.path(), encoding="utf-8").read()
    for label, value in edition_fields(certificate).items():
        assert f"{label}: {value}\n" in note
    assert STRINGS["certificate-self-assessed"] in note
    printed = " ".join(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text().split())
    assert reference in printed and STRINGS["edition-in-date"] in printed and version in printed

    # The course is published again as a new edition, already past its review: the certificate still shows the
    # edition the pass was made in, in date then, and says that this copy is now overdue.
    studied = edition_fields(certificate)
    republished(page, edition={"version": "99.0", "built": "1999-12-01", "lastReviewed": "1999-11-01",
                               "nextReview": "2000-01-01"})
    page.reload()
    assert page.evaluate("window.CourseData.edition.version") == "99.0"
    assert edition_fields(certificate) == studied
    overdue = certificate.locator("[data-edition='overdue']")
    assert overdue.is_visible() and overdue.inner_text() == said("review-overdue", date=long_date(dt.date(2000, 1, 1)))
    assert watched.console_errors == []


def republished(page: object, **changes: object) -> None:
    """The course data as a rebuild with other settings (another edition, another published address) writes it,
    the pages and scripts as they are."""
    def serve_changed(route: object) -> None:
        response = route.fetch()
        data_line, scripts = response.text().split("\n", 1)
        data = json.loads(data_line.removeprefix(f"{COURSE_DATA} = ").removesuffix(";"))
        route.fulfill(response=response, body=f"{COURSE_DATA} = {json.dumps({**data, **changes})};\n{scripts}")
    page.unroute(COURSE_BUNDLE)
    page.route(COURSE_BUNDLE, serve_changed)


# What the warning finds, and the near misses it must leave alone, on a fixed day (ages count from its year).
TODAY = "2026-12-01T12:00:00"
FINDS = [
    ("NHS number 943 476 5919 on the letter", [("nhs-number", "943 476 5919")]),
    ("her number is 9434765919.", [("nhs-number", "9434765919")]),
    ("ref 943-476-5919", [("nhs-number", "943-476-5919")]),
    ("DOB 12/03/1962, seen in clinic", [("date-of-birth", "12/03/1962")]),
    ("Date of birth: 3 March 1962", [("date-of-birth", "3 March 1962")]),
    ("a woman born on 3rd March 1962 with back pain", [("date-of-birth", "3rd March 1962")]),
    ("She is 64 years old (13.03.1962) and has a cough", [("date-of-birth", "13.03.1962")]),
    ("a 64-year-old, 1961-05-01, with jaundice", [("date-of-birth", "1961-05-01")]),
    ("lives at SW1A 1AA", [("postcode", "SW1A 1AA")]),
    ("moved from M1 1AE to B33 8TH", [("postcode", "M1 1AE"), ("postcode", "B33 8TH")]),
    ("her postcode is ls1 4ap now, was Ls2 7ue", [("postcode", "ls1 4ap"), ("postcode", "Ls2 7ue")]),
    ("Mrs Patel came back", [("title-and-surname", "Mrs Patel")]),
    ("seen with Mr SMITH, as the letter has it", [("title-and-surname", "Mr SMITH")]),
    ("Mr O'Brien and Mx Jones", [("title-and-surname", "Mr O'Brien"), ("title-and-surname", "Mx Jones")]),
    # A title and a name, whatever it names: the check cannot tell a guide from a person, and only warns.
    ("I read Dr Foster's guide", [("title-and-surname", "Dr Foster's")]),
]
NEAR_MISSES = [
    "call the practice on 020 7946 0018",
    "or the mobile 07700 900123",
    "the number 943 476 5918 fails its check digit",
    "a ten-digit 1234567890 fails it too",
    "I went to the course on 12/03/2026",
    "the course on 3 March 2026 was for women aged 50 to 70",
    "diagnosed 5 years ago, in March 2021",
    "following NICE NG101 and CG80",
    "Mrs X and Dr A, as I call them here",
    "the MS Trust",
    "grade a1 2nd time",
    "on ward b2 4th floor",
    "vitamin d3 2bd and a g3 4hr wait",
    "Dr AB, as I call him, and Mr GP",
    "born in 1962",
]


def test_the_identifiable_patterns_and_their_near_misses(course_site: Served, watched: Watched) -> None:
    page = watched.page
    open_page(course_site, page, "")
    found = page.evaluate("""([texts, today]) => texts.map(text =>
        window.Course.identifiable.find(text, new Date(today)).map(item => [item.kind, item.text]))""",
                          [[text for text, _ in FINDS] + NEAR_MISSES, TODAY])
    assert dict(zip([text for text, _ in FINDS], found, strict=False)) == {text: [list(f) for f in e] for text, e in FINDS}
    assert dict(zip(NEAR_MISSES, found[len(FINDS):], strict=True)) == {text: [] for text in NEAR_MISSES}


def test_the_note_warns_as_the_learner_types_and_never_blocks(course_site: Served, watched: Watched) -> None:
    page = watched.page
    passed_to_certificate(course_site, page)
    warning = page.locator("[data-course-identifiable]")
    assert warning.inner_text() == "" and warning.get_attribute("aria-live") == "polite"
    first = page.get_by_label(COURSE.reflection_prompts[0])
    first.fill("Mrs Patel, NHS number 943 476 5919, was referred back.")
    expected = said("identifiable-warning", found="; ".join([
        said("identifiable-title-and-surname", text="Mrs Patel"), said("identifiable-nhs-number", text="943 476 5919")]))
    page.wait_for_function("text => document.querySelector('[data-course-identifiable]').textContent === text",
                           arg=expected)
    assert axe_violations(page) == []
    page.evaluate("() => { window.print = () => { window.printAsked = true; }; }")
    page.get_by_role("button", name="Print or save as PDF").click()
    assert expected in wait_for_announcement(page, "may identify a patient")
    assert page.evaluate("window.printAsked") is True, "a warning, never a block"
    page.evaluate("() => { document.getElementById('course-announcer').textContent = ''; }")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reflective note (text file)").click()
    assert "943 476 5919" in open(download.value.path(), encoding="utf-8").read(), "a warning, never a block"
    assert expected in wait_for_announcement(page, "may identify a patient")
    first.fill("A woman in her sixties was referred back.")
    page.wait_for_function("() => document.querySelector('[data-course-identifiable]').textContent === ''")
    assert watched.console_errors == [] and watched.foreign_requests == []


@pytest.mark.own_context  # moves the browser's clock
def test_follow_ups_go_into_the_calendar_with_links_to_the_course(course_site: Served, watched: Watched) -> None:
    page = watched.page
    pass_day = COURSE.last_reviewed + dt.timedelta(days=1)
    page.clock.install(time=dt.datetime.combine(pass_day, dt.time(10, 0)))
    open_page(course_site, page, FACTS.url(FACTS.widget_pages("certificate")[0]))
    assert page.get_by_role("button", name=STRINGS["follow-ups-button"]).is_hidden(), "only after a pass"
    passed_to_certificate(course_site, page)
    assert axe_violations(page) == []
    # Downloaded three days after the pass: the reminders still count from the pass.
    page.clock.set_system_time(dt.datetime.combine(pass_day + dt.timedelta(days=3), dt.time(10, 0)))
    pages = [FACTS.widget_pages("summary")[0], FACTS.widget_pages("certificate")[0]]
    published = "https://learning.example.org/our-course/"
    days = dict(COURSE.follow_ups)
    # Built with a published address, the links go there; built without one, to the address in use.
    for site_url, links_to in ((published, published), ("", course_site.base_url)):
        republished(page, siteUrl=site_url)
        page.reload()
        events = follow_up_events(page)
        assert [event.decoded("DTSTART") for event in events] == [pass_day + dt.timedelta(days=days["revision"]),
                                                                  pass_day + dt.timedelta(days=days["change"])]
        assert [str(event["SUMMARY"]) for event in events] == [
            said("follow-up-revision-summary", course=COURSE.title), said("follow-up-change-summary", course=COURSE.title)]
        assert len({str(event["UID"]) for event in events}) == 2 and all("DTSTAMP" in event for event in events)
        for event, src in zip(events, pages, strict=True):
            url = str(event["URL"])
            assert url == links_to + FACTS.url(src) and f"Open the course: {url}" in str(event["DESCRIPTION"])
            assert page.request.get(course_site.base_url + FACTS.url(src)).status == 200, f"{src} is a page"
    assert watched.console_errors == []

