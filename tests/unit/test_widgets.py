"""Widgets' HTML joins what Markdown made of the page: here, its table of contents."""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents

from build_tools.render.widgets import add_widget_headings


def shape(items: list[AnchorLink]) -> list:
    return [(item.id, item.title, item.level, shape(item.children)) for item in items]


def test_marked_widget_headings_join_the_contents_where_they_stand_in_the_page() -> None:
    title, intro, later = AnchorLink("Page", "page", 1), AnchorLink("Intro", "intro", 2), AnchorLink("Later", "later", 2)
    title.children = [intro, later]
    toc = TableOfContents([title])
    html = ('<div id="later">a quiz with a heading\'s id</div>'
            '<h1 id="page">Page</h1><h2 id="intro">Intro</h2><section><h2 id="w-1" data-toc>Bone &amp; lung</h2>'
            '<h3 id="w-1-points">Not marked</h3></section><h2 id="later">Later</h2><h2 id="w-2" data-toc>Last</h2>')
    add_widget_headings(toc, html)
    assert shape(toc.items) == [("page", "Page", 1, [
        ("intro", "Intro", 2, []), ("w-1", "Bone &amp; lung", 2, []), ("later", "Later", 2, []),
        ("w-2", "Last", 2, [])])]


def test_a_page_without_marked_headings_keeps_its_contents() -> None:
    title = AnchorLink("Page", "page", 1)
    toc = TableOfContents([title])
    add_widget_headings(toc, '<h1 id="page">Page</h1><h2 id="card">A card title</h2>')
    assert toc.items == [title] and title.children == []
