"""The test LMS's virtual environment, made once per version of its lock (requirements.txt beside this file, exact
versions, every file checked against its hash) and kept in .cache/lms-server-venv: none of its packages reach the
project's environment. `make test` makes it before the tests run (`python tests/lms_server/environment.py`); the LMS
tests make it themselves when run on their own."""

from __future__ import annotations

import fcntl
import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENTS = Path(__file__).resolve().parent / "requirements.txt"
VENV = ROOT / ".cache" / "lms-server-venv"


class LmsEnvironmentError(Exception):
    """The LMS's packages could not be installed; the message holds pip's own."""


def lms_python() -> Path:
    """The Python of the LMS's virtual environment, made (or remade, when the lock changed) under a file lock, so
    that two test runs at once never build it into each other."""
    key = hashlib.sha256(REQUIREMENTS.read_bytes() + sys.version.encode()).hexdigest()
    python = VENV / "bin" / "python"
    marker = VENV / ".installed"
    VENV.parent.mkdir(parents=True, exist_ok=True)
    with open(VENV.parent / "lms-server-venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if marker.is_file() and marker.read_text() == key and python.is_file():
            return python
        started = time.monotonic()
        shutil.rmtree(VENV, ignore_errors=True)
        # No pip of its own: the project's pip, itself installed from a hash-checked lock, installs into it.
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(VENV)], check=True)
        installed = subprocess.run(
            [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--disable-pip-version-check",
             "--require-hashes", "--no-deps", "--only-binary", ":all:", "-r", str(REQUIREMENTS)],
            capture_output=True, text=True,
        )
        if installed.returncode != 0:
            shutil.rmtree(VENV, ignore_errors=True)
            raise LmsEnvironmentError(f"The test LMS could not be installed from {REQUIREMENTS.relative_to(ROOT)}:\n"
                                      f"{installed.stderr}")
        marker.write_text(key)
        print(f"The test LMS's environment was made in {time.monotonic() - started:.1f} s", file=sys.stderr)
        return python


if __name__ == "__main__":
    try:
        lms_python()
    except LmsEnvironmentError as error:
        sys.exit(str(error))
