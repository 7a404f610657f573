"""The SCORM 1.2 package: the course as one SCO, for a learning management system (LMS).

A SCO of many pages keeps one LMS session across page loads, so the LMS launches `scorm.html`, which holds the
session for the whole visit and shows the course, unchanged, in a full-window frame: the same files as the offline
copy. Its script (scorm_launch/scorm.js) writes the progress the LMS kept into the browser's storage before the
course loads, reports what the course stores (status, score, last page, progress as cmi.suspend_data), and ends
the session when the learner leaves. Outside an LMS it only shows the course.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote
from xml.etree import ElementTree


from ..bundle import SCORM_LAUNCH, make_bundle
from ..course import Course
from ..csp import with_policy
from ..templating import package_templates
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


def package(site_dir: Path, dist_dir: Path, course: Course, manifest: dict[str, Any]) -> Path:
    """dist/<course>-scorm12.zip, with imsmanifest.xml and the launch page at its root."""
    (site_dir / LAUNCH_PAGE).write_text(launch_page(site_dir, course, manifest), encoding="utf-8")
    listed = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    final = next((quiz for quiz in manifest["quizzes"].values() if quiz["final"]), None)
    (site_dir / MANIFEST).write_bytes(package_manifest(course, listed, final["passMark"] if final else None))
    return zip_folder(site_dir, dist_dir / f"{course.slug}-scorm12.zip", inside="")


def launch_page(site_dir: Path, course: Course, manifest: dict[str, Any]) -> str:
    """The launch page, told what the course keeps in the browser and how to find the final assessment's answers;
    its bundle is written beside it."""
    home = read_page(site_dir / START_PAGE)
    bundle = make_bundle(SCORM_LAUNCH)
    bundle.write(site_dir)
    data = {"manifest": manifest}
    return with_policy(_templates.get_template("scorm.html").render(
        lang=home.lang or manifest["locale"],
        title=course.title,
        icon=home.icon,
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


class PageFacts(HTMLParser):
    """What the launch page needs from the built home page: its language and icon."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.icon = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html" and found.get("lang"):
            self.lang = found["lang"] or ""
        if tag == "link" and found.get("rel") == "icon" and not self.icon:
            self.icon = found.get("href") or ""


def read_page(path: Path) -> PageFacts:
    facts = PageFacts()
    if path.is_file():
        facts.feed(path.read_text(encoding="utf-8"))
        facts.close()
    return facts
