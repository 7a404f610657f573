"""Publishing: this course's address comes from the SITE_URL environment variable (its mkdocs.yml), and only there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import one_build_at_a_time
from course_facts import COURSE, course_facts


def built_sitemap(site: Path, env: dict[str, str]) -> str:
    with one_build_at_a_time(COURSE):
        result = subprocess.run([sys.executable, "-m", "build_tools", "build", "-d", str(site)], cwd=COURSE,
                                capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    return (site / "sitemap.xml").read_text()


def test_site_url_comes_from_the_environment(tmp_path: Path) -> None:
    facts = course_facts()
    address = "https://example-owner.github.io/course-repo/"
    sitemap = built_sitemap(tmp_path / "site", {**os.environ, "SITE_URL": address})
    assert f"<loc>{address}</loc>" in sitemap
    assert f"<loc>{address}{facts.url(facts.modules[0].src_path)}</loc>" in sitemap
    local = {name: value for name, value in os.environ.items() if name != "SITE_URL"}
    assert "example-owner" not in built_sitemap(tmp_path / "local", local)
