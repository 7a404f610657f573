# Two commands set everything up on a fresh Debian machine:
#   make site   builds the course into site/
#   make test   runs the whole test suite
# Both first install the Debian packages they need when they are missing (scripts/install-system-packages, as
# root), then the Python packages exactly as requirements/*.txt lock them, every file checked against its hash.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SYSTEM_PACKAGES := scripts/install-system-packages
# Hash-checked installs of the lock; the course's own package comes last, with nothing more to fetch.
PIP_LOCKED := $(BIN)/python -m pip install --quiet --require-hashes --no-deps
PIP_PROJECT := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test js-check lms-server-env check offline scorm bench review-due clean lock workflow-debian system-build system-test

system-build:
	@$(SYSTEM_PACKAGES) build

system-test:
	@$(SYSTEM_PACKAGES) test

$(BIN)/python: | system-build
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements/site.txt pyproject.toml | $(BIN)/python
	$(PIP_LOCKED) -r requirements/site.txt
	$(PIP_PROJECT)
	touch $@

# The test lock holds the site's packages too, at the same versions.
$(VENV)/.test-installed: requirements/test.txt requirements/site.txt pyproject.toml | $(BIN)/python
	$(PIP_LOCKED) -r requirements/test.txt
	$(PIP_PROJECT)
	touch $@ $(VENV)/.site-installed

# A strict build into a fresh folder, swapped in only when it succeeds: a failed build leaves site/ as it was.
site: system-build $(VENV)/.site-installed
	$(BIN)/python -m build_tools build

serve: $(VENV)/.site-installed
	$(BIN)/python -m build_tools serve

check: $(VENV)/.site-installed
	$(BIN)/python -m build_tools check

# dist/<course>-offline.zip: a copy that works opened from disk.
offline: $(VENV)/.site-installed
	$(BIN)/python -m build_tools offline

# dist/<course>-scorm12.zip: a SCORM 1.2 package for a learning management system.
scorm: $(VENV)/.site-installed
	$(BIN)/python -m build_tools scorm

# The SCORM tests' stand-in LMS (npm scorm-again), exactly as tests/lms/package-lock.json pins it, running no
# package's install scripts.
tests/lms/node_modules/.installed: tests/lms/package-lock.json | system-test
	npm ci --prefix tests/lms --ignore-scripts --no-audit --no-fund
	touch $@

# The Firefox tests' driver (npm puppeteer-core, which downloads no browser: they drive Debian's firefox-esr),
# exactly as tests/firefox/package-lock.json pins it, running no package's install scripts.
tests/firefox/node_modules/.installed: tests/firefox/package-lock.json | system-test
	npm ci --prefix tests/firefox --ignore-scripts --no-audit --no-fund
	touch $@

# The browser scripts' lint (ESLint, exactly as tests/js/package-lock.json pins it, running no package's install
# scripts) and the unit tests of their pure modules (Node's own test runner: nothing to install).
tests/js/node_modules/.installed: tests/js/package-lock.json | system-test
	npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund
	touch $@

# The stand-in LMS server's own virtual environment (PyPI scormhost, exactly as tests/lms_server/requirements.txt
# locks it, hash-checked), made before the tests run rather than inside them.
lms-server-env: $(VENV)/.test-installed
	$(BIN)/python tests/lms_server/environment.py

js-check: tests/js/node_modules/.installed
	tests/js/node_modules/.bin/eslint --config tests/js/eslint.config.mjs build_tools tests/js
	node --test tests/js/*.test.js

# Three test processes (pytest-xdist), each taking whole files, so a file's fixtures are built once. On two cores a
# third process runs while the others wait on a browser: 13% less time than two (bench/README.md).
test: system-test $(VENV)/.test-installed tests/lms/node_modules/.installed tests/firefox/node_modules/.installed lms-server-env js-check
	$(BIN)/python -m pytest -n 3 --dist loadfile

# The weekly check of the workflow: fails while the course's or a page's next review is less than 60 days away.
review-due: $(VENV)/.site-installed
	$(BIN)/python -m build_tools review-due --days 60

bench: $(VENV)/.site-installed
	$(BIN)/python bench/bench.py

# Refresh the Python lock files to the newest releases that pyproject.toml allows (then run make test).
# uv resolves for every platform and Python 3.11 and up; it is itself installed from a hash-checked lock.
LOCK_TOOLS := .cache/lock-tools
LOCK := $(LOCK_TOOLS)/bin/uv pip compile --quiet --upgrade --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock"
lock:
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/pip install --quiet --require-hashes --no-deps -r requirements/lock-tools.txt
	$(LOCK) pyproject.toml requirements/tools.in -o requirements/site.txt
	$(LOCK) pyproject.toml requirements/tools.in --extra test -c requirements/site.txt -o requirements/test.txt

# Runs the GitHub Pages workflow's jobs step by step in a fresh Debian bookworm root, as its container does
# (as root: it uses debootstrap, mounts and chroot). JOBS="build" runs only some (default: all that run
# commands); WORKFLOW_OPTIONS=--no-timeout lets a job outlast its timeout-minutes on a busy machine.
JOBS ?=
WORKFLOW_OPTIONS ?=
workflow-debian: $(VENV)/.site-installed
	$(BIN)/python scripts/run-workflow-debian $(WORKFLOW_OPTIONS) $(JOBS)

# --one-file-system: never into a job root's bound /dev, /proc or /sys should one be left mounted.
clean:
	rm -rf --one-file-system site dist .cache $(VENV)
