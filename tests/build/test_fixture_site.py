"""The fixture course's own settings reach its pages: review dates from front matter, banners from mkdocs.yml."""

from __future__ import annotations

from conftest import Served


def test_page_front_matter_overrides_course_review_dates(fixture_site: Served) -> None:
    module = (fixture_site.site_dir / "modules/only-module/index.html").read_text()
    home = (fixture_site.site_dir / "index.html").read_text()
    assert '<time datetime="2098-06-30">30 June 2098</time>' in module
    assert '<time datetime="2099-01-01">1 January 2099</time>' in home


def test_fixture_banners_are_links_with_their_text_escaped(fixture_site: Served) -> None:
    fixture = (fixture_site.site_dir / "index.html").read_text()
    assert '<a href="https://example.org/event">Fixture event &lt;b&gt;not bold&lt;/b&gt;</a>' in fixture
    assert '<a href="modules/only-module/#key-points">Fixture podcast</a>' in fixture
