"""Course pages read as MkDocs reads them: code stays code, lists keep their shape, other plugins' pages work."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pypdf import PdfReader

from build_tools.model.pages import list_items, section
from conftest import FIXTURE_COURSE, build_course, copy_course


MODULE = """\
    ---
    title: Only module
    description: The one module of the fixture course.
    minutes: 5
    objectives:
      - Pass the tests.
    next_review: 2098-06-30
    ---

    # Only module

    How a widget is written, shown as code:

    ```markdown
    <!-- course: progress -->
    ## Key points
    - not a key point: this is inside a code block
    ```

    ## Key points

    1. Numbered points count, and a link to the [home page](../index.md) reads as text in the PDF.
    2. A point with its own list:
        - a nested detail
        - another nested detail
    3. Tests build [real sites](https://example.org/sites).
    """

HOOK = """\
    from mkdocs.structure.files import File

    def on_files(files, config):
        files.append(File.generated(config, "generated.md", content="# Made by another plugin\\n\\nHello.\\n"))
        return files
    """


def test_sections_and_lists_are_read_as_markdown_means_them() -> None:
    body = textwrap.dedent(MODULE).split("---\n", 2)[2]
    points = list_items(section(body, "Key points"))
    assert len(points) == 3
    assert points[1] == "A point with its own list:\n- a nested detail\n- another nested detail"


def test_code_examples_links_and_plugin_pages_in_a_real_build(tmp_path: Path) -> None:
    config_file = copy_course(FIXTURE_COURSE, tmp_path)
    (tmp_path / "docs/modules/only-module.md").write_text(textwrap.dedent(MODULE))
    (tmp_path / "hooks.py").write_text(textwrap.dedent(HOOK))
    config_file.write_text(config_file.read_text() + "hooks:\n  - hooks.py\n")
    build_course(config_file, tmp_path / "site")
    module = (tmp_path / "site/modules/only-module/index.html").read_text()
    assert "&lt;!-- course: progress --&gt;" in module, "a marker inside code stays code"
    assert "data-course-progress-summary" not in module
    assert "Made by another plugin" in (tmp_path / "site/generated/index.html").read_text()
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(next((tmp_path / "site").glob("*.pdf"))).pages)
                    .split())
    assert "not a key point" not in text
    assert "a link to the home page reads as text" in text and "a nested detail" in text
    reader = PdfReader(next((tmp_path / "site").glob("*.pdf")))
    links = [annotation.get_object()["/A"]["/URI"] for page in reader.pages for annotation in page.get("/Annots", [])
             if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]]
    assert "https://example.org/sites" in links and not any(".md" in link for link in links)
