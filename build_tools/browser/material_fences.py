"""Fences around the places the plugin depends on Material for MkDocs' internals, which no API covers.

- theme/partials/search.html and theme/partials/javascripts/base.html are copies of Material's own partials with
  one change each (see their first lines); Material offers no block to change them by. The build fails when the
  installed Material's originals differ from the ones they were copied from, so an upstream change is never hidden.
- The offline copy runs Material's offline plugin's last step (the search index as a script) by hand, after the
  build (outputs/site_copy.py); the build fails when that plugin is not the one this was written against.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from importlib.resources import files

from mkdocs.exceptions import PluginError

COPIED_FROM = "9.8.2"
"""The Material version the partials were copied from."""
COPIED_PARTIALS = {
    "partials/search.html": "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
    "partials/javascripts/base.html": "d6113712bc4deb30b4bd810ee0dfc28b6f04d2f88cc0016c0f1766eac7b762b6",
}
"""Each copied partial, with the SHA-256 of Material's original it was copied from."""
OFFLINE_PLUGIN_SERIES = "9."
"""The Material series whose offline plugin `site_copy.inline_search_index` runs."""


def check_copied_partials() -> None:
    """Fail with what to do when Material's original of a copied partial has changed."""
    changed = [name for name, digest in COPIED_PARTIALS.items()
               if hashlib.sha256((files("material") / "templates" / name).read_bytes()).hexdigest() != digest]
    if changed:
        raise PluginError(
            f"Material for MkDocs {version('mkdocs-material')} has changed {', '.join(changed)}, which "
            f"build_tools/theme/ holds a changed copy of (copied from Material {COPIED_FROM}): install the Material "
            "version requirements/site.txt pins, or copy Material's new file over the old copy, make the change its "
            "first lines describe again, and record the new file's SHA-256 in build_tools/browser/material_fences.py")


def check_offline_plugin(plugin: object) -> None:
    """Fail with what to do unless Material's offline plugin is the one the offline copy was written against."""
    installed = version("mkdocs-material")
    if not installed.startswith(OFFLINE_PLUGIN_SERIES) or not callable(getattr(plugin, "on_post_build", None)):
        raise PluginError(
            f"the offline copy and SCORM package run Material's offline plugin as Material {OFFLINE_PLUGIN_SERIES}x "
            f"has it, and Material {installed} is installed: install the Material version requirements/site.txt "
            "pins, or check build_tools/outputs/site_copy.py against the new offline plugin")
