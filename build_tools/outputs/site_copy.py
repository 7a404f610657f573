"""A strict build of the course into a folder of files that work without a web server, zipped for handing out.

An offline copy and a SCORM package both need this: every link to a file (`modules/bone.html`, never a folder),
search that works from the file system, and nothing fetched from another host.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from material.plugins.offline.plugin import OfflinePlugin
from mkdocs.config.defaults import MkDocsConfig

from ..browser.material_fences import check_offline_plugin

IFRAME_WORKER = "assets/course/vendor/iframe-worker-shim.js"
"""Material's offline search needs this shim; the plugin ships it rather than fetching it from a CDN."""


def file_site_config(config: MkDocsConfig) -> MkDocsConfig:
    """The course's config changed for a site opened from files: links to files, search without a server."""
    config.use_directory_urls = False
    config.site_url = None
    config.extra["polyfills"] = [IFRAME_WORKER]
    # Instant navigation fetches pages, which a browser refuses from the file system; it would also stop
    # Material's page events (document$) that the course's scripts run on.
    features = config.theme.get("features") or []
    config.theme["features"] = [f for f in features if not f.startswith("navigation.instant")]
    return config


def frame_script(theme_dir: Path) -> str:
    """The script the search shim writes into its frame: a page that loads the shim allows it by its hash."""
    shim = (theme_dir / IFRAME_WORKER).read_text(encoding="utf-8")
    return re.search(r"var FRAME_SCRIPT = '(.*?)';\n", shim).group(1)


def inline_search_index(config: MkDocsConfig) -> None:
    """What Material's offline plugin does after a build: the search index as a script a file page can load."""
    plugin = OfflinePlugin()
    check_offline_plugin(plugin)
    plugin.load_config({"enabled": True})
    plugin.on_post_build(config=config)


def zip_folder(folder: Path, target: Path, inside: str, extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    """Zip every file of folder under `inside/` (or at the root when inside is empty), in a stable order."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            archive.write(path, f"{inside}/{name}" if inside else name)
        if extra:
            extra(archive)
    partial.replace(target)
    return target


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
