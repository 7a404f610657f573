"""`new DIR`: a new course, from the scaffold folder, that builds at once."""

from __future__ import annotations

import datetime as dt
import json
import sys
from importlib.resources import files
from pathlib import Path

from ..model.review import today

SCAFFOLD = files("build_tools") / "scaffold"


def new_course(directory: Path, title: str) -> int:
    if directory.exists() and any(directory.iterdir()):
        print(f"{directory}: the folder is not empty: choose a new folder for the course", file=sys.stderr)
        return 1
    start = today()
    values = {
        "{title_yaml}": json.dumps(title, ensure_ascii=False),
        "{title}": title,
        "{today}": start.isoformat(),
        "{next_year}": (start.replace(year=start.year + 1) if (start.month, start.day) != (2, 29)
                        else start + dt.timedelta(days=365)).isoformat(),
    }
    written = copy_tree(SCAFFOLD, directory, values)
    (directory / ".gitignore").write_text("# Build output and the summary PDF cache\nsite/\n.cache/\n", encoding="utf-8")
    schema = directory / "quizzes" / "quiz.schema.json"
    schema.write_text((files("build_tools") / "schemas" / "quiz.schema.json").read_text(encoding="utf-8"),
                      encoding="utf-8")
    python = sys.executable
    print(f"Wrote a new course to {directory}/ ({written + 2} files). Next:\n  cd {directory}\n"
          f"  {python} -m build_tools serve   # preview it while you write\n"
          f"  {python} -m build_tools check   # check it\n"
          f"  {python} -m build_tools build   # build it into site/ (the previous site stays if it fails)")
    return 0


def copy_tree(source: object, target: Path, values: dict[str, str]) -> int:
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for entry in source.iterdir():
        if entry.is_dir():
            count += copy_tree(entry, target / entry.name, values)
        elif entry.name.endswith((".md", ".yml")):
            text = entry.read_text(encoding="utf-8")
            for placeholder, value in values.items():
                text = text.replace(placeholder, value)
            (target / entry.name).write_text(text, encoding="utf-8")
            count += 1
    return count
