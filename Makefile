# Two commands set everything up on a fresh machine:
#   make site   builds the course into site/
#   make test   runs the whole test suite (installs a browser if it must)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check offline scorm bench browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.site-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.site-installed

# A strict build into a fresh folder, swapped in only when it succeeds: a failed build leaves site/ as it was.
site: $(VENV)/.site-installed
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

# Browser tests drive Debian's Chromium; install it when it is missing and we may.
CHROMIUM ?= /usr/bin/chromium
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install Debian's 'chromium' package (as root: apt-get install chromium)"; exit 1; \
	  fi; \
	fi

# The SCORM tests' stand-in LMS (npm scorm-again), installed as tests/lms/package-lock.json pins it.
tests/lms/node_modules/.installed: tests/lms/package-lock.json
	npm ci --prefix tests/lms --no-audit --no-fund
	touch $@

test: $(VENV)/.test-installed browser tests/lms/node_modules/.installed
	$(BIN)/python -m pytest

bench: $(VENV)/.site-installed
	$(BIN)/python bench/bench.py

clean:
	rm -rf site dist .cache $(VENV)
