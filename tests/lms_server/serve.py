"""Run scormhost, the test LMS server, on loopback: `python serve.py DATA_DIR PORT PARENT_PID`, with the LMS's own
Python.

tests/test_lms_server.py starts this in the LMS's virtual environment and stops it when its tests end; should the
test run end without stopping it (killed), the server ends itself once PARENT_PID is no longer its parent. Everything
the LMS keeps is under DATA_DIR: its users (SQLite), the imported packages and one JSON file of SCORM data per
learner and package.
"""

from __future__ import annotations

import os
import secrets
import sys
import threading
import time

import uvicorn
from scormhost import create_scorm_app


def stop_with_parent(parent: int) -> None:
    """Ends this server when the test run that started it has ended, however it ended."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main(data_dir: str, port: int, parent: int) -> None:
    stop_with_parent(parent)
    app = create_scorm_app(
        data_dir=data_dir,
        title="Test LMS",
        secret_key=secrets.token_urlsafe(32),  # tokens of this run only
        allow_registration=True,  # the first account (the fixture's instructor) becomes the admin
        require_auth=False,  # scormhost's default: learners who log in keep their progress in their account
        auto_migrate=True,
    )
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
