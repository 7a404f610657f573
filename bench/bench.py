"""Build speed and page weight of the course generator, side by side with plain Material, in one run.

`make bench` (or `.venv/bin/python bench/bench.py [repeats]`). Every build is a whole `mkdocs build` command in a
fresh process, imports included, as an author or CI runs it; each figure is the median of `repeats` runs. The
plain-Material baseline builds the same Markdown with the search plugin only. "+200 modules" adds a synthetic
course of 200 modules of 5 questions each, generated here. Targets are those of the project's build-speed issue.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EXTRA_MODULES = 200
MEASURE_RSS = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); " \
              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"

MODULE = """\
---
title: Synthetic module {n}
description: A generated module for measuring build time.
minutes: 5
objectives:
  - Recognise the synthetic sign {n}.
  - Know what to do about it.
---

# Synthetic module {n}

Synthetic text {n}. A plain paragraph with **some emphasis**, a [link](../index.md) and a list below.

!!! warning "Presenting symptoms"
    - Synthetic symptom {n}, sometimes with another.
    - A second symptom {n}.

## Symptoms

- First point about module {n}, written as an author would.
- Second point, with a little more text so the page has a realistic length for a teaching module.

## Investigations

Paragraph on investigations for module {n}. It goes on for a sentence or two, as teaching text does.

## Key points

- Key point one of module {n}.
- Key point two of module {n}, a little longer than the first.
- Key point three of module {n}.
"""


def quiz(n: int) -> str:
    questions = []
    for q in range(5):
        questions.append(textwrap.dedent(f"""\
              - id: synthetic-{n}-{q}
                type: single
                prompt: Synthetic question {q} of module {n}. Which option is right?
                options:
                  - text: The right option {q}
                    correct: true
                    feedback: Yes, this is the right one.
                  - text: A wrong option
                    feedback: No, this one is wrong.
                  - text: Another wrong option
                    feedback: No, this one is wrong too.
                explanation: The right option is the first one written.
                source: key-points
            """))
    return f"page: modules/synthetic-{n}.md\nquestions:\n" + "".join(textwrap.indent(q, "  ") for q in questions)


def course_copy(directory: Path, extra_modules: int, plain: bool) -> Path:
    """The course (and optional synthetic modules), as the course plugin or plain Material builds it."""
    for part in ("docs", "quizzes", "overrides"):
        shutil.copytree(ROOT / part, directory / part)
    config = (ROOT / "mkdocs.yml").read_text()
    nav_entry = "      - modules/referral-and-management.md\n"
    for n in range(extra_modules):
        (directory / f"docs/modules/synthetic-{n}.md").write_text(MODULE.format(n=n))
        (directory / f"quizzes/synthetic-{n}.yml").write_text(quiz(n))
        config = config.replace(nav_entry, nav_entry + f"      - modules/synthetic-{n}.md\n", 1)
        nav_entry = f"      - modules/synthetic-{n}.md\n"
    if plain:
        config = re.sub(r"\nplugins:\n(?:  .*\n|\n)*?(?=\S)", "\nplugins:\n  - search\n\n", config, count=1)
        assert "  - course" not in config
    (directory / "mkdocs.yml").write_text(config)
    return directory


def build(directory: Path) -> tuple[float, int]:
    """Seconds and peak memory (KiB, the largest process) of one whole `mkdocs build`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(directory / "mkdocs.yml"),
               "-d", str(directory / "site")]
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURE_RSS, *command], check=True, env=ENV, capture_output=True,
                            text=True)
    return time.perf_counter() - start, int(result.stdout.strip().splitlines()[-1])


def median_build(directory: Path, repeats: int, clean_cache: bool) -> tuple[float, int]:
    runs = []
    for _ in range(repeats):
        if clean_cache:
            shutil.rmtree(directory / ".cache", ignore_errors=True)
        runs.append(build(directory))
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def pdf_floor(directory: Path, repeats: int) -> tuple[float, float]:
    """WeasyPrint alone: importing it and rendering this summary in a fresh process (the PDF's own cost); and the
    same render run twice at once, which shows what running two processes side by side costs on this machine."""
    code = ("import json, sys; sys.path.insert(0, sys.argv[2]); from build_tools.plugin import CoursePlugin; "
            "from mkdocs.config import load_config; from mkdocs.commands.build import build; "
            "c = load_config(sys.argv[1], site_dir=sys.argv[3]); p = next(x for x in c.plugins.values() "
            "if isinstance(x, CoursePlugin)); p.config['summary_pdf'] = False; build(c); "
            "print(json.dumps(p.model.summary.to_json()))")
    summary = subprocess.run([sys.executable, "-c", code, str(directory / "mkdocs.yml"), str(ROOT),
                              str(directory / "floor-site")], check=True, env=ENV, capture_output=True,
                             text=True).stdout.strip().splitlines()[-1]

    def render(copies: int) -> float:
        start = time.perf_counter()
        workers = [subprocess.Popen([sys.executable, "-m", "build_tools.outputs.pdf", "-", str(directory / f"floor-{n}.pdf")],
                                    stdin=subprocess.PIPE, text=True, env=ENV) for n in range(copies)]
        for worker in workers:
            worker.stdin.write(summary)
            worker.stdin.close()
        for worker in workers:
            if worker.wait() != 0:
                raise SystemExit(f"the PDF renderer failed (exit code {worker.returncode})")
        return time.perf_counter() - start

    alone = statistics.median(render(1) for _ in range(repeats))
    side_by_side = statistics.median(render(2) for _ in range(repeats))
    return alone, side_by_side


def startup(directory: Path, repeats: int) -> float:
    """Python and MkDocs starting and loading mkdocs.yml, plugins imported: before this no plugin code runs."""
    code = "import sys; from mkdocs.config import load_config; load_config(sys.argv[1])"
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code, str(directory / "mkdocs.yml")], check=True, env=ENV,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def page_weights(site: Path) -> dict[str, object]:
    """HTML sizes, inline code, and the bytes a browser loads (gzip, as GitHub Pages serves) for two pages."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, free_port, serve

    pages = sorted(site.rglob("*.html"))
    inline = {}
    for page in pages:
        html = page.read_text()
        scripts = sum(len(m) for m in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S))
        styles = sum(len(m) for m in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S))
        inline[str(page.relative_to(site))] = scripts + styles
    largest = max(pages, key=lambda p: p.stat().st_size)
    port = free_port()
    loaded: list[list[str]] = []
    for base in serve(site, port):
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            requested: list[str] = []
            page.on("request", lambda request, into=requested: into.append(request.url))
            for url in ("", "modules/bone-metastases/"):
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
                loaded.append(list(dict.fromkeys(requested)))
                requested.clear()
            browser.close()

    def gzipped(url: str) -> int:
        path = site / url.split(f":{port}/", 1)[1].split("#")[0].split("?")[0]
        path = path / "index.html" if path.is_dir() or url.endswith("/") else path
        return len(gzip.compress(path.read_bytes(), 9)) if path.is_file() else 0

    first = sum(gzipped(u) for u in loaded[0])
    second = sum(gzipped(u) for u in loaded[1] if u not in loaded[0])  # what the browser's cache already holds
    return {
        "largest HTML": (str(largest.relative_to(site)), largest.stat().st_size),
        "largest inline script and style": max(inline.items(), key=lambda item: item[1]),
        "first page (home), gzip": (len(loaded[0]), first),
        "second page (a module), gzip": (len(set(loaded[1]) - set(loaded[0])), second),
    }


def bundle_sizes() -> list[tuple[str, int, int, int]]:
    """Each kind of page's script and style bundle, its code only (the course page's also leads with the course
    data): (name, bytes of its sources, minified bytes, gzip bytes)."""
    sys.path.insert(0, str(ROOT))
    from build_tools.bundle import KINDS, make_bundle, package_source

    rows = []
    for kind in KINDS:
        bundle = make_bundle(kind)
        for suffix, sources, text in (("js", kind.scripts, bundle.script_text), ("css", kind.styles, bundle.style_text)):
            rows.append((f"{kind.name}.{suffix}", sum(len(package_source(s).encode()) for s in sources),
                         len(text.encode()), len(gzip.compress(text.encode(), 9))))
    return rows


def print_weights(weights: dict[str, object], bundles: list[tuple[str, int, int, int]]) -> None:
    print("\nPage weight (course as it is):")
    name, size = weights["largest HTML"]
    print(f"  largest HTML: {name}, {size / 1024:.1f} KiB (target ≤ 60 KiB)")
    name, size = weights["largest inline script and style"]
    print(f"  most inline script and style on a page: {name}, {size / 1024:.1f} KiB (target ≤ 5 KiB)")
    for key in ("first page (home), gzip", "second page (a module), gzip"):
        count, size = weights[key]
        print(f"  {key}: {count} requests, {size / 1024:.0f} KiB" + (" (target ≤ 10 requests)" if "first" in key else ""))
    print("  bundles (sources → minified, gzip): " + "; ".join(
        f"{name} {sources / 1024:.1f} → {size / 1024:.1f} KiB, {zipped / 1024:.1f} KiB"
        for name, sources, size, zipped in bundles))


def main(repeats: int) -> None:
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, median of {repeats} whole builds each\n")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for label, extra in (("course as it is", 0), (f"+{EXTRA_MODULES} modules", EXTRA_MODULES)):
            course = course_copy(Path(scratch) / f"course-{extra}", extra, plain=False)
            plain = course_copy(Path(scratch) / f"plain-{extra}", extra, plain=True)
            plain_time, plain_rss = median_build(plain, repeats, clean_cache=False)
            clean_time, clean_rss = median_build(course, repeats, clean_cache=True)
            rebuild_time, rebuild_rss = median_build(course, repeats, clean_cache=False)
            no_pdf = course_copy(Path(scratch) / f"nopdf-{extra}", extra, plain=False)
            (no_pdf / "mkdocs.yml").write_text((no_pdf / "mkdocs.yml").read_text().replace(
                "  - course:\n", "  - course:\n      summary_pdf: false\n", 1))
            pages_time, _ = median_build(no_pdf, repeats, clean_cache=True)  # a clean page build: no caches
            floor, floor_pair = pdf_floor(no_pdf, repeats)
            rows.append((label, plain_time, plain_rss, rebuild_time, rebuild_rss, clean_time, clean_rss, pages_time,
                         floor, floor_pair))
            if extra == 0:
                mkdocs_start = startup(no_pdf, repeats)
                weights = page_weights(course / "site")
                bundles = bundle_sizes()
    print("| case | plain Material | course: rebuild (PDF cached) | ratio | target | course: clean build | "
          "pages alone | PDF alone (WeasyPrint import + render) | clean / max(pages, PDF) | target |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for (label, plain_t, _, rebuild_t, _, clean_t, _, pages_t, floor_t, _), target in zip(rows, (1.2, 1.5),
                                                                                         strict=True):
        clean_ratio = clean_t / max(pages_t, floor_t)
        print(f"| {label} | {plain_t:.2f} s | {rebuild_t:.2f} s | {rebuild_t / plain_t:.2f}× | ≤ {target}× | "
              f"{clean_t:.2f} s | {pages_t:.2f} s | {floor_t:.2f} s | {clean_ratio:.2f}× | ≤ 1.10× |")
    print("\nPeak memory (largest process, MiB):")
    for label, _, plain_rss, _, rebuild_rss, _, clean_rss, _, _, _ in rows:
        print(f"  {label}: plain {plain_rss / 1024:.0f}, rebuild {rebuild_rss / 1024:.0f}, clean {clean_rss / 1024:.0f}")
    print("\nTwo processes side by side on this machine (the PDF render alone, then two copies of it at once):")
    for label, *_, floor_t, pair_t in rows:
        print(f"  {label}: {floor_t:.2f} s alone, {pair_t:.2f} s for two at once ({pair_t / floor_t:.2f}×)")
    print(f"\nMkDocs start-up before any plugin code runs (course as it is): {mkdocs_start:.2f} s")
    print_weights(weights, bundles)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
