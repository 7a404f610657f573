"""The offline copy: the course as a folder of files a learner opens from disk (a USB stick, a shared drive).

Its pages run inside one holder page (`course.html`), whose storage keeps the learner's progress for the whole
copy: some browsers give every file opened from disk a storage of its own (see offline_shell/shell.js).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..browser.bundle import OFFLINE_SHELL, make_bundle
from ..model.course_model import CourseModel
from ..render.csp import with_policy
from ..render.learner_manifest import SHELL_PARAMETER
from ..render.templating import package_templates
from .site_copy import zip_folder

SHELL_PAGE = "course.html"
START_PAGE = "index.html"
_templates = package_templates("outputs/offline_shell", ["html"])

OPENING = """{title}: offline copy

Open index.html in this folder with a web browser (double-click it). Everything works from these files,
with no internet connection: the modules, the quizzes, your progress, the final assessment, the certificate
and the reflective note. Your progress is kept by this browser on this computer only.
"""


def package(site_dir: Path, dist_dir: Path, model: CourseModel) -> Path:
    """dist/<course>-offline.zip, holding one folder with index.html at its top."""
    course, manifest = model.course, model.manifest
    (site_dir / "README.txt").write_text(OPENING.format(title=course.title), encoding="utf-8")
    (site_dir / "404.html").unlink(missing_ok=True)  # no server shows it, and its links are the website's
    bundle = make_bundle(OFFLINE_SHELL)
    bundle.write(site_dir)
    data = {"kept": manifest["storage"]["kept"], "start": START_PAGE, "param": SHELL_PARAMETER}
    shell = _templates.get_template(SHELL_PAGE).render(
        lang=manifest["locale"], title=course.title, bundle=bundle, start=START_PAGE,
        data=json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
    (site_dir / SHELL_PAGE).write_text(with_policy(shell), encoding="utf-8")
    folder = f"{course.slug}-offline"
    return zip_folder(site_dir, dist_dir / f"{folder}.zip", inside=folder)
