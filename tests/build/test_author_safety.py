"""The hurried or hostile author: each mistake ends in a located message, never a traceback or lost files."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE_COURSE, copy_course


def run(course: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "build_tools", *args], capture_output=True, text=True, cwd=course,
                          env={**os.environ, **(env or {})}, timeout=120)


def course_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "course"
    folder.mkdir()
    copy_course(FIXTURE_COURSE, folder)
    (folder / "overrides").mkdir()
    (folder / "overrides" / "keep.html").write_text("{% extends 'base.html' %}\n")
    return folder


def edit(course: Path, path: str, old: str, new: str) -> None:
    target = course / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")


def sources(course: Path) -> dict[str, str]:
    """Every file of the course's sources, by path, with a digest of its bytes."""
    return {str(p.relative_to(course)): hashlib.sha256(p.read_bytes()).hexdigest()
            for part in ("docs", "quizzes", "overrides", "mkdocs.yml")
            for p in ([course / part] if (course / part).is_file() else sorted((course / part).rglob("*")))
            if p.is_file()}


def refused(result: subprocess.CompletedProcess[str], *expected: str) -> str:
    """The command failed with a message (no traceback) holding every expected piece."""
    message = result.stdout + result.stderr
    assert result.returncode != 0, message
    assert "Traceback" not in message, message
    for piece in expected:
        assert piece in message, message
    return message


# Finding 1: quiz text that would become script.
@pytest.mark.parametrize("field, old, new, line", [
    ("option", "feedback: Correct.", "feedback: \"See [this](javascript:alert(1)).\"", 9),
    ("explanation", "explanation: Tests build real sites.", "explanation: |\n      Fine.\n\n      "
     "[x]( JaVa\tscript:alert(1) )", 15),
    ("reference", "explanation: Tests build real sites.", "explanation: |\n      See [x][a].\n\n      "
     "[a]: javascript:alert(1)", 15),
    ("entity", "feedback: Correct.", "feedback: \"[x](javascript&#58;alert(1))\"", 9),
    ("data", "feedback: Correct.", "feedback: \"[x](data:text/html,<script>alert(1)</script>)\"", 9),
])
def test_quiz_links_go_only_to_the_web_email_or_the_course(tmp_path: Path, field: str, old: str, new: str,
                                                            line: int) -> None:
    course = course_copy(tmp_path)
    edit(course, "quizzes/only-module.yml", old, new)
    message = refused(run(course, "build"), f"quizzes/only-module.yml:{line}:", "is not allowed: link only to web")
    assert not (course / "site").exists(), message


def test_quiz_text_gets_no_attributes_from_attr_list(tmp_path: Path) -> None:
    course = course_copy(tmp_path)
    attack = '{: onmouseover="window.pwned=1" }'
    edit(course, "quizzes/only-module.yml", "feedback: Correct.", f"feedback: |\n          Correct.\n          {attack}")
    edit(course, "quizzes/only-module.yml", "explanation: Tests build real sites.",
         "explanation: \"Tests build [real](https://example.org){: onclick='window.pwned=1' } sites.\"")
    edit(course, "mkdocs.yml", "  - admonition\n", "  - admonition\n  - attr_list\n")
    result = run(course, "build")
    assert result.returncode == 0, result.stderr
    page = (course / "site/modules/only-module/index.html").read_text()
    assert not re.search(r"<[^>]*\s(onmouseover|onclick)=", page), "no element gets an author attribute"
    assert "&#123;: onmouseover=" in page, "the attribute list stays visible as text"


# Finding 2: the summary PDF reads nothing but the course's and its own files.
def test_images_must_be_files_of_the_course(tmp_path: Path) -> None:
    course = course_copy(tmp_path)
    edit(course, "docs/modules/only-module.md", "- Tests build real sites.",
         "- Tests build real sites.\n- ![x](file:///etc/passwd)\n- ![y](https://example.org/track.png)")
    refused(run(course, "build"), "docs/modules/only-module.md:18: the image 'file:///etc/passwd' is not a file of "
            "the course", "docs/modules/only-module.md:19: the image 'https://example.org/track.png'")


def test_summary_pdf_embeds_no_file_named_in_raw_html(tmp_path: Path) -> None:
    from pypdf import PdfReader

    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40">'
                      '<text x="0" y="30">MACHINE-SECRET-TEXT</text></svg>')
    course = course_copy(tmp_path)
    edit(course, "docs/modules/only-module.md", "- Tests build real sites.",
         f'- Tests build real sites. <img src="{secret.as_uri()}" alt="">')
    result = run(course, "build")
    assert result.returncode == 0, result.stderr
    [pdf] = (course / "site").glob("*-course-summary.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Tests build real sites." in text and "MACHINE-SECRET-TEXT" not in text


def test_pdf_renderer_refuses_every_file_but_its_own() -> None:
    from build_tools.outputs.pdf import PACKAGE, package_files_only

    assert package_files_only((Path(str(PACKAGE)) / "fonts" / "OFL.txt").as_uri()) is None
    assert package_files_only("data:image/png;base64,AAAA") is None
    for url in ("file:///etc/passwd", (Path(str(PACKAGE)) / ".." / ".." / "secret").as_uri(),
                "https://example.org/x.png", "http://127.0.0.1/x.png", "ftp://example.org/x"):
        assert package_files_only(url), url


# Finding 3: no option or setting can replace or delete a source file.
OVERLAPS = "overlaps the course's sources"
HOLDS = "holds the course itself"


@pytest.mark.parametrize("args, setting, expected", [
    (["build", "-d", "docs"], None, OVERLAPS), (["build", "-d", "quizzes"], None, OVERLAPS),
    (["build", "-d", "overrides"], None, OVERLAPS), (["build", "-d", "."], None, HOLDS),
    (["build", "-d", ".."], None, HOLDS), (["build", "-d", "docs/modules"], None, "should not be within the 'docs_dir'"),
    (["offline", "-o", "quizzes"], None, OVERLAPS),
    (["build"], "quiz_cache_dir: quizzes", OVERLAPS), (["build"], "quiz_cache_dir: docs", OVERLAPS),
    (["build"], "cache_dir: docs/x", OVERLAPS), (["check"], "templates_cache_dir: overrides", OVERLAPS),
    (["build"], "quiz_cache_dir: .", HOLDS),
])
def test_no_command_or_setting_touches_the_sources(tmp_path: Path, args: list[str], setting: str | None,
                                                   expected: str) -> None:
    course = course_copy(tmp_path)
    edit(course, "mkdocs.yml", "theme:\n  name: material\n", "theme:\n  name: material\n  custom_dir: overrides\n")
    if setting:
        edit(course, "mkdocs.yml", "  - course\n", f"  - course:\n      {setting}\n")
    before = sources(course)
    refused(run(course, *args), expected)
    assert sources(course) == before


def test_build_will_not_replace_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    course = course_copy(tmp_path)
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "mine.txt").write_text("keep me")
    refused(run(course, "build", "-d", str(precious)), "is not a built site")
    assert (precious / "mine.txt").read_text() == "keep me"


def test_a_cache_folder_is_cleared_only_when_the_build_made_it(tmp_path: Path) -> None:
    course = course_copy(tmp_path)
    shared = course / "shared-cache"
    shared.mkdir()
    (shared / "someone-else.json").write_text("{}")
    edit(course, "mkdocs.yml", "  - course\n", "  - course:\n      quiz_cache_dir: shared-cache\n")
    assert run(course, "build").returncode == 0
    assert (shared / "someone-else.json").exists()
    assert run(course, "build").returncode == 0 and (course / "site/index.html").exists()


# Finding 4: links out of docs/.
def test_links_out_of_docs_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "private.txt"
    outside.write_text("not for publishing")
    course = course_copy(tmp_path)
    (course / "docs" / "leak.txt").symlink_to(outside)
    (course / "quizzes" / "leak.yml").symlink_to(course / "quizzes" / "only-module.yml")
    message = refused(run(course, "build"), "docs/leak.txt: this is a link to a file outside the docs folder")
    assert not (course / "site").exists(), message


# Finding 5: located messages instead of tracebacks, within seconds.
ALIAS_BOMB = "".join(f"x{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 9) + "]\n" for i in range(1, 10))


@pytest.mark.parametrize("case, change, expected", [
    ("Latin-1 page", ("docs/modules/only-module.md", b"Tests build real sites.", "Tests b\u00e2tissent".encode("latin-1")),
     "docs/modules/only-module.md:17: this is not a text file saved as UTF-8"),
    ("Latin-1 mkdocs.yml", ("mkdocs.yml", b"Test Author", "Test Auteur \u00e9".encode("latin-1")),
     "mkdocs.yml:25: this is not a text file saved as UTF-8"),
    ("alias bomb", ("mkdocs.yml", b"extra:\n", ("x0: &x0 [lol]\n" + ALIAS_BOMB + "extra:\n").encode()),
     "mkdocs.yml: its YAML aliases ('*name') expand to more than"),
    ("recursive alias", ("mkdocs.yml", b"extra:\n", b"loop: &loop [*loop]\nextra:\n"),
     "mkdocs.yml:19: this alias refers to the block it is in"),
    ("nesting thousands deep", ("mkdocs.yml", b"extra:\n", b"deep: " + b"[" * 3000 + b"1" + b"]" * 3000 + b"\nextra:\n"),
     "mkdocs.yml: its settings are nested hundreds of levels deep"),
])
def test_author_mistakes_end_in_located_messages(tmp_path: Path, case: str, change: tuple[str, bytes, bytes],
                                                 expected: str) -> None:
    course = course_copy(tmp_path)
    path, old, new = change
    target = course / path
    assert old in target.read_bytes()
    target.write_bytes(target.read_bytes().replace(old, new, 1))
    started = time.monotonic()
    refused(run(course, "build"), expected)
    assert time.monotonic() - started < 30


def test_a_mistyped_course_today_is_said_plainly(tmp_path: Path) -> None:
    course = course_copy(tmp_path)
    refused(run(course, "build", env={"COURSE_TODAY": "01/12/2026"}), "COURSE_TODAY: '01/12/2026' is not a date")


# Finding 6: text in any script.
def test_titles_and_prompts_in_other_scripts(tmp_path: Path) -> None:
    from conftest import course_data

    course = course_copy(tmp_path)
    edit(course, "mkdocs.yml", "title: Fixture Course on Testing", "title: \u4e73\u817a\u764c\u590d\u53d1")
    refused(run(course, "build"), "'extra.course.slug' must name the course's files")
    edit(course, "mkdocs.yml", "    cpd_hours:", "    slug: ru-el-course\n    reflection_prompts:\n"
         "      - \u0427\u0442\u043e \u044f \u0443\u0437\u043d\u0430\u043b?\n"
         "      - \u03a4\u03b9 \u03ad\u03bc\u03b1\u03b8\u03b1;\n"
         "      - \u4f60\u5b66\u5230\u4e86\u4ec0\u4e48\uff1f\n      - '???'\n      - '!!!'\n    cpd_hours:")
    result = run(course, "build")
    assert result.returncode == 0, result.stderr
    assert (course / "site/ru-el-course-course-summary.pdf").is_file()
    data = course_data((course / "site/index.html").read_text(), course / "site")
    assert data["storagePrefix"] == "course:ru-el-course:"
    keys = [part["key"] for part in data["reflection"]]
    assert all(keys) and len(set(keys)) == len(keys), keys
    assert keys[:3] == ["\u0447\u0442\u043e-\u044f-\u0443\u0437\u043d\u0430\u043b",
                        "\u03c4\u03b9-\u03ad\u03bc\u03b1\u03b8\u03b1",
                        "\u4f60\u5b66\u5230\u4e86\u4ec0\u4e48"]


# Finding 8: titles are plain text.
@pytest.mark.parametrize("path, old, new, expected", [
    ("docs/modules/only-module.md", "title: Only module", 'title: "X <img src=x onerror=alert(1)>"',
     "docs/modules/only-module.md:2: the title 'X <img src=x onerror=alert(1)>' contains '<'"),
    ("mkdocs.yml", "  - modules/only-module.md", "  - <b>Module</b>: modules/only-module.md",
     "mkdocs.yml: the title '<b>Module</b>'"),
    ("mkdocs.yml", "site_name: Fixture Course", "site_name: Fixture <svg onload=alert(1)>",
     "mkdocs.yml: the title 'Fixture <svg onload=alert(1)>'"),
])
def test_html_in_a_title_is_refused(tmp_path: Path, path: str, old: str, new: str, expected: str) -> None:
    course = course_copy(tmp_path)
    edit(course, path, old, new)
    refused(run(course, "build"), expected)
