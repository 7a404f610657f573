"""Build-time benchmark: `mkdocs build` of the course with and without the summary PDF, cold and warm.

Run with `make bench` (or `.venv/bin/python bench/build_time.py [repeats]`). Each figure is the median wall-clock
time of a whole `mkdocs build` command, imports included, as an author or CI would run it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"]


def course_copy(directory: Path, with_pdf: bool) -> Path:
    for part in ("docs", "quizzes", "overrides"):
        shutil.copytree(ROOT / part, directory / part)
    config = (ROOT / "mkdocs.yml").read_text()
    if not with_pdf:
        config = config.replace("  - course:\n", "  - course:\n      summary_pdf: false\n", 1)
    (directory / "mkdocs.yml").write_text(config)
    return directory


def timed_build(directory: Path) -> float:
    start = time.perf_counter()
    subprocess.run(MKDOCS + ["-f", str(directory / "mkdocs.yml"), "-d", str(directory / "site")], check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - start


def measure(repeats: int) -> dict[str, float]:
    results: dict[str, list[float]] = {"no PDF": [], "PDF, cold (no cached PDF)": [], "PDF, warm (cached PDF)": []}
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            without = course_copy(Path(tmp) / "without", with_pdf=False)
            results["no PDF"].append(timed_build(without))
            with_pdf = course_copy(Path(tmp) / "with", with_pdf=True)
            results["PDF, cold (no cached PDF)"].append(timed_build(with_pdf))
            results["PDF, warm (cached PDF)"].append(timed_build(with_pdf))
    return {name: statistics.median(times) for name, times in results.items()}


if __name__ == "__main__":
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    print(f"mkdocs build of the course, median of {repeats}, {os.cpu_count()} cores")
    for name, seconds in measure(repeats).items():
        print(f"  {name:28} {seconds:6.2f} s")
