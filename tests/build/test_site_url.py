"""Publishing: the site's address comes from the SITE_URL environment variable, and only from there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURE_COURSE


def test_site_url_comes_from_the_environment(tmp_path: Path) -> None:
    address = "https://example-owner.github.io/course-repo/"
    env = {**os.environ, "SITE_URL": address}
    result = subprocess.run([sys.executable, "-m", "build_tools", "build", "-d", str(tmp_path / "site")], cwd=FIXTURE_COURSE,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "site/sitemap.xml").read_text()
    assert f"<loc>{address}</loc>" in sitemap
    assert f"<loc>{address}modules/only-module/</loc>" in sitemap
    env.pop("SITE_URL")
    local = subprocess.run([sys.executable, "-m", "build_tools", "build", "-d", str(tmp_path / "local")], cwd=FIXTURE_COURSE,
                           capture_output=True, text=True, env=env)
    assert local.returncode == 0, local.stderr
    assert "example-owner" not in (tmp_path / "local/sitemap.xml").read_text()
