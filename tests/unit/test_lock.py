"""The Python lock files: every package that `make site`, `make test` and CI install is pinned with its hashes
(pip and setuptools too), at the versions pyproject.toml pins, and installed only with --require-hashes; npm
installs run no package's scripts."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from conftest import ROOT


LOCKS = {"site": ROOT / "requirements" / "site.txt", "test": ROOT / "requirements" / "test.txt"}
MAKEFILE = ROOT / "Makefile"
ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)\s*(?:;\s*(?P<marker>[^\\]+?))?\s*$")


def entries(lock: Path) -> list[tuple[str, str, str | None, list[str]]]:
    """(name, version, marker, hashes) of every requirement in a pip requirements file with hashes."""
    found = []
    logical = re.sub(r"\\\n", " ", lock.read_text(encoding="utf-8"))
    for line in logical.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        head, *options = re.split(r"\s+(?=--)", line)
        match = ENTRY.match(head)
        assert match, f"{lock.name}: not an exact pin: {line!r}"
        hashes = [option.split("=", 1)[1] for option in options if option.startswith("--hash=")]
        others = [option for option in options if not option.startswith("--hash=")]
        assert others == [], f"{lock.name}: unexpected options {others}"
        found.append((canonicalize_name(match["name"]), match["version"], match["marker"], hashes))
    return found


def versions(lock: Path) -> dict[str, set[str]]:
    pinned: dict[str, set[str]] = {}
    for name, version, _, _ in entries(lock):
        pinned.setdefault(name, set()).add(version)
    return pinned


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.mark.parametrize("kind", sorted(LOCKS))
def test_every_locked_package_has_sha256_hashes(kind: str) -> None:
    found = entries(LOCKS[kind])
    assert len(found) > 20, f"{LOCKS[kind].name} holds only {len(found)} packages"
    for name, version, _, hashes in found:
        assert hashes, f"{name}=={version} has no hash"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), f"{name}=={version}: {hashes}"


@pytest.mark.parametrize(("kind", "extras"), [("site", []), ("test", ["test"])])
def test_the_lock_holds_every_dependency_at_its_pinned_version(kind: str, extras: list[str]) -> None:
    locked = versions(LOCKS[kind])
    wanted = project()["dependencies"] + [dep for extra in extras for dep in project()["optional-dependencies"][extra]]
    for line in wanted:
        requirement = Requirement(line)
        [pin] = list(requirement.specifier)
        assert pin.operator == "==", f"pyproject.toml pins {requirement.name} exactly, not {line!r}"
        assert locked.get(canonicalize_name(requirement.name)) == {pin.version}, (
            f"{LOCKS[kind].name} has {requirement.name} at {locked.get(canonicalize_name(requirement.name))}, "
            f"pyproject.toml at {pin.version}: run make lock")


def test_the_site_lock_is_the_test_lock_without_the_test_tools() -> None:
    site, test = versions(LOCKS["site"]), versions(LOCKS["test"])
    differing = {name: (site[name], test.get(name)) for name in site if test.get(name) != site[name]}
    assert differing == {}, "the site's packages must be the same in both locks: run make lock"
    assert not any(canonicalize_name(Requirement(dep).name) in site for dep in project()["optional-dependencies"]["test"])


@pytest.mark.parametrize("kind", sorted(LOCKS))
def test_pip_and_setuptools_are_locked_too(kind: str) -> None:
    locked = versions(LOCKS[kind])
    assert "pip" in locked and "setuptools" in locked


def test_the_makefile_installs_python_packages_only_from_the_locks_with_hashes() -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    assert "--upgrade pip" not in makefile
    variables = dict(re.findall(r"^([A-Z_]+) := (.*)$", makefile, re.MULTILINE))
    assert "--require-hashes" in variables["PIP_LOCKED"].split() and "--no-deps" in variables["PIP_LOCKED"].split()
    assert variables["PIP_PROJECT"].split()[-3:] == ["--no-build-isolation", "-e", "."]
    assert "--no-deps" in variables["PIP_PROJECT"].split()
    # The only other pip install (make lock's own tool, uv) is hash-checked as well.
    installs = [line.strip() for line in makefile.splitlines() if "pip install" in line and ":=" not in line]
    assert installs and all("--require-hashes" in line for line in installs), installs
    for target, lock in ((".site-installed", "site"), (".test-installed", "test")):
        recipe = re.search(rf"^\$\(VENV\)/{re.escape(target)}:(?P<needs>.*)\n(?P<body>(?:\t.*\n)+)", makefile,
                           re.MULTILINE)
        assert recipe, target
        assert f"requirements/{lock}.txt" in recipe["needs"], f"{target} is redone when its lock changes"
        assert recipe["body"].splitlines()[0] == f"\t$(PIP_LOCKED) -r requirements/{lock}.txt"
        assert recipe["body"].splitlines()[1] == "\t$(PIP_PROJECT)"


def test_make_lock_rewrites_both_locks_with_hashes() -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    assert re.search(r"^lock:", makefile, re.MULTILINE)
    assert "--generate-hashes" in makefile
    for kind in LOCKS:
        assert f"-o requirements/{kind}.txt" in makefile
        assert "make lock" in LOCKS[kind].read_text(encoding="utf-8").splitlines()[1]
    entries(ROOT / "requirements" / "lock-tools.txt")  # uv itself, pinned with hashes


def test_npm_installs_run_no_install_scripts() -> None:
    makefile = MAKEFILE.read_text(encoding="utf-8")
    npm = [line.strip() for line in makefile.splitlines() if re.search(r"\bnpm (ci|install)\b", line)]
    assert npm, "make test installs the test LMS with npm"
    assert all("npm ci" in line and "--ignore-scripts" in line for line in npm), npm
