"""Run scormhost, the test LMS server, on loopback: `python serve.py DATA_DIR PORT`, with the LMS's own Python.

tests/test_lms_server.py starts this in the LMS's virtual environment and stops it when its tests end. Everything
the LMS keeps is under DATA_DIR: its users (SQLite), the imported packages and one JSON file of SCORM data per
learner and package.
"""

from __future__ import annotations

import secrets
import sys

import uvicorn
from scormhost import create_scorm_app


def main(data_dir: str, port: int) -> None:
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
    main(sys.argv[1], int(sys.argv[2]))
