"""What the learner's browser is told about the course, and what the learner widgets show.

Plain data in, plain data out: the plugin passes in the course as MkDocs has resolved it (URLs, nav order).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from mkdocs.utils import get_relative_url

from . import mkdocs_quiz
from .answer_key import quiz_key
from ..model.course import Course
from ..model.pages import Module
from ..model.quizzes import Quiz
from ..model.strings import course_strings
from ..outputs.summary import Summary

SHELL_PARAMETER = "course-state"
"""The query parameter in which the offline copy's holder page hands a page what it keeps."""
NAME_MAX_LENGTH = 80
"""The longest name a certificate shows; the browser enforces it too (it reads it from the manifest)."""
BROWSER_FORMATS = {"state": 2, "suspendData": 2}
"""The versions of what the browser keeps: the learner state (state.js migrates older ones) and SCORM's
cmi.suspend_data (suspend-data.js). Raise one when its shape changes, with a migration beside it."""


def keyed(texts: tuple[str, ...]) -> list[dict[str, str]]:
    """Each text with the key the learner's answer to it is kept under: made of the text's words in any script,
    else of its position, and never the same as another text's."""
    parts: list[dict[str, str]] = []
    for number, text in enumerate(texts, start=1):
        key = re.sub(r"[\W_]+", "-", text.casefold()).strip("-") or f"part-{number}"
        if any(part["key"] == key for part in parts):
            key = f"{key}-{number}"
        parts.append({"key": key, "label": text})
    return parts


def reflection_parts(course: Course) -> list[dict[str, str]]:
    """The reflective note's questions, each with the key the learner's answer is kept under."""
    return keyed(course.reflection_prompts)


def storage_prefix(course: Course) -> str:
    """Every key this course keeps in the learner's browser starts with this, so courses never collide."""
    return f"course:{course.slug}:"


def storage_keys(course: Course) -> dict[str, Any]:
    """The browser storage keys of this course's learner data, named once for every script that reads them."""
    prefix = storage_prefix(course)
    return {
        "state": f"{prefix}state",
        "quizVersion": f"{prefix}quiz-version:",
        "noteCut": f"{prefix}lms-note-cut",
        "probe": f"{prefix}probe",
        "fullNote": f"course-full-note:{course.slug}:",
        "quizAnswers": mkdocs_quiz.STORAGE_PREFIX,
        "kept": [prefix, mkdocs_quiz.STORAGE_PREFIX],
    }


def learner_manifest(course: Course, modules: list[tuple[str, Module]], quizzes: dict[str, Quiz],
                     widget_pages: dict[str, str], final: str | None, url_of: Callable[[str], str],
                     locale: str, language: str, review: str = "after-pass",
                     file_shell: str | None = None, built: dt.date = dt.date.min,
                     site_url: str = "") -> dict[str, Any]:
    """What the browser needs to track this course: modules (in course order), quizzes and learner pages, by URL.

    `modules` pairs each module's source path with its model; `url_of` gives a source path's site URL.
    """
    pages = {widget: url_of(src) for widget, src in widget_pages.items()}
    if final in quizzes:
        pages["assessment"] = url_of(final)
    return {
        "slug": course.slug,
        "title": course.title,
        "storagePrefix": storage_prefix(course),
        "storage": storage_keys(course),
        "formats": BROWSER_FORMATS,
        "locale": locale,
        "nameMaxLength": NAME_MAX_LENGTH,
        "reflection": reflection_parts(course),
        "confidence": keyed(course.confidence),
        "strings": course_strings(language, course.strings),
        "modules": [
            {"url": url_of(src), "title": module.title, "quiz": src if src in quizzes else None}
            for src, module in modules
        ],
        "quizzes": {
            src: {"url": url_of(src), "version": quiz.fingerprint, "total": quiz.attempt_size, "final": src == final,
                  "passMark": quiz.pass_mark, **(final_assessment(quiz, review) if src == final else {})}
            for src, quiz in quizzes.items()
        },
        "pages": pages,
        **edition(course, pages, built, site_url),
        **({"fileShell": {"page": file_shell, "param": SHELL_PARAMETER}} if file_shell else {}),
    }


def edition(course: Course, pages: dict[str, str], built: dt.date, site_url: str) -> dict[str, Any]:
    """What the certificate says of the content studied, and the calendar reminders after a pass, each with the
    page it links to (the course summary for revision, the certificate's reflective note for 'what did I change?')."""
    return {
        "edition": {"version": course.version, "built": built.isoformat(), "lastReviewed": course.last_reviewed.isoformat(),
                    "nextReview": course.next_review.isoformat()},
        "followUps": [{"kind": kind, "days": days, "url": pages.get("summary" if kind == "revision" else "certificate", "")}
                      for kind, days in course.follow_ups],
        "siteUrl": site_url,
    }


def final_assessment(quiz: Quiz, review: str) -> dict[str, Any]:
    """What the browser needs to draw, mark and review an attempt: the key (as hashes), the bank's groups with
    how many questions an attempt takes from each, and what a finished attempt shows."""
    return {"key": quiz_key(quiz), "bank": {"groups": list(quiz.groups().values()), "shares": quiz.shares()},
            "review": review}


def widget_rows(manifest: dict[str, Any], quizzes: dict[str, Quiz], summary: Summary) -> list[dict[str, Any]]:
    """Each module as the widgets list it, once per build: the manifest's and the summary's modules are the same
    modules in the same (navigation) order."""
    return [
        {**module, **asdict(summarised), "total": len(quizzes[module["quiz"]].questions) if module["quiz"] else 0}
        for module, summarised in zip(manifest["modules"], summary.modules, strict=True)
    ]


def widget_context(manifest: dict[str, Any], rows: list[dict[str, Any]], final: Quiz | None, summary: Summary,
                   page_url: str, summary_file: str | None, summary_size: str) -> dict[str, Any]:
    """What the widget templates show on the page at page_url, with links relative to it."""
    modules = [{**row, "href": get_relative_url(row["url"], page_url)} for row in rows]
    return {
        "summary_href": get_relative_url(summary_file, page_url) if summary_file else None,
        "summary_size": summary_size,
        "modules": modules,
        "total_minutes": sum(module["minutes"] for module in modules),
        "first_module_href": modules[0]["href"] if modules else "",
        "assessment_href": get_relative_url(manifest["pages"].get("assessment", ""), page_url),
        "pass_mark": final.pass_mark if final else None,
        "assessment_total": final.attempt_size if final else 0,
        "course_title": summary.title,
        "cpd_hours": summary.cpd_hours,
        "objectives": summary.objectives,
        "reflection_parts": manifest["reflection"],
        "confidence_statements": manifest["confidence"],
        "name_max_length": NAME_MAX_LENGTH,
        "strings": manifest["strings"],
    }
