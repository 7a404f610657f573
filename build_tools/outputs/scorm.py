"""The SCORM 1.2 package: the course as one SCO, for a learning management system (LMS).

A SCO of many pages keeps one LMS session across page loads, so the LMS launches `scorm.html`, which holds the
session for the whole visit and shows the course, unchanged, in a full-window frame: the same files as the offline
copy. Its script (scorm_launch/scorm.js) writes the progress the LMS kept into the browser's storage before the
course loads, reports what the course stores (status, score, last page, progress as cmi.suspend_data), and ends
the session when the learner leaves. Outside an LMS it only shows the course.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree


from ..browser.bundle import SCORM_LAUNCH, make_bundle
from ..model.course import Course
from ..model.course_model import CourseModel
from ..render.csp import with_policy
from ..render.templating import package_templates
from .site_copy import zip_folder

LAUNCH_PAGE = "scorm.html"
"""The page the LMS opens: the resource's href in the manifest."""
START_PAGE = "index.html"
"""The course page the launch page shows first (its home page leads on to where the learner left off)."""
MANIFEST = "imsmanifest.xml"

CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
ElementTree.register_namespace("", CP)
ElementTree.register_namespace("adlcp", ADLCP)

_templates = package_templates("outputs/scorm_launch", ["html"])


def package(site_dir: Path, dist_dir: Path, model: CourseModel) -> Path:
    """dist/<course>-scorm12.zip, with imsmanifest.xml and the launch page at its root."""
    course = model.course
    (site_dir / LAUNCH_PAGE).write_text(launch_page(site_dir, model), encoding="utf-8")
    listed = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    final = model.final_quiz
    (site_dir / MANIFEST).write_bytes(package_manifest(course, listed, final.pass_mark if final else None))
    return zip_folder(site_dir, dist_dir / f"{course.slug}-scorm12.zip", inside="")


def launch_page(site_dir: Path, model: CourseModel) -> str:
    """The launch page, told what the course keeps in the browser and how to find the final assessment's answers;
    its bundle is written beside it."""
    bundle = make_bundle(SCORM_LAUNCH)
    bundle.write(site_dir)
    data = {"manifest": model.manifest}
    return with_policy(_templates.get_template("scorm.html").render(
        lang=model.language,
        title=model.course.title,
        icon=model.icon,
        data=json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c"),
        bundle=bundle,
        start=START_PAGE,
    ))


def package_manifest(course: Course, listed: list[str], pass_mark: int | None) -> bytes:
    """imsmanifest.xml: SCORM 1.2, one organisation of one item, one SCO resource listing every file. The pass
    mark is the item's mastery score, so an LMS that works the status out from the score agrees with the course."""
    def element(parent: ElementTree.Element | None, tag: str, text: str | None = None, **attributes: str
                ) -> ElementTree.Element:
        node = ElementTree.Element(tag, attributes) if parent is None else ElementTree.SubElement(parent, tag, attributes)
        node.text = text
        return node

    identifier = f"course-{course.slug}"
    root = element(None, f"{{{CP}}}manifest", identifier=identifier, version="1.0")
    metadata = element(root, f"{{{CP}}}metadata")
    element(metadata, f"{{{CP}}}schema", "ADL SCORM")
    element(metadata, f"{{{CP}}}schemaversion", "1.2")
    organizations = element(root, f"{{{CP}}}organizations", default=f"{identifier}-organization")
    organization = element(organizations, f"{{{CP}}}organization", identifier=f"{identifier}-organization")
    element(organization, f"{{{CP}}}title", course.title)
    item = element(organization, f"{{{CP}}}item", identifier=f"{identifier}-item", identifierref=f"{identifier}-sco",
                   isvisible="true")
    element(item, f"{{{CP}}}title", course.title)
    if pass_mark is not None:
        element(item, f"{{{ADLCP}}}masteryscore", str(pass_mark))
    resources = element(root, f"{{{CP}}}resources")
    resource = element(resources, f"{{{CP}}}resource", identifier=f"{identifier}-sco", type="webcontent",
                       href=LAUNCH_PAGE, **{f"{{{ADLCP}}}scormtype": "sco"})
    for name in listed:
        element(resource, f"{{{CP}}}file", href=quote(name))
    tree = ElementTree.ElementTree(root)
    ElementTree.indent(tree)
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
