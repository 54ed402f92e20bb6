# One task runner for everything. `make serve` and `make test` set up a fresh machine on their own.
PYTHON ?= python3
PORT ?= 8000
# The folder `make validate` checks (the tests point it at a fixture)
FRAMEWORK ?= framework
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
DEV_READY := $(VENV)/.ready-dev
CHROMIUM := /usr/bin/chromium
# LibreOffice's layout engine, headless: the DOCX worksheets' page tests convert with it
SOFFICE := /usr/bin/soffice
# Counts the instructions a build executes, for `make bench`'s figures that do not drift with the machine's load
VALGRIND := /usr/bin/valgrind
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The oldest Python Ladder runs on (pyproject.toml's requires-python), as a version_info tuple.
MIN_PYTHON := (3, 11, 4)
IS_RECENT := import sys; sys.exit(sys.version_info < $(MIN_PYTHON))

.PHONY: serve build test lint format bench screenshots validate zensical clean python port

# Before anything is installed: a Python that is too old is one line, and a virtualenv that
# another Python made (too old, or gone since) is made again rather than reused.
python:
	@$(PYTHON) -c "$(IS_RECENT)" 2>/dev/null || { \
	  echo "make: Ladder needs Python 3.11.4 or newer, and '$(PYTHON)' is" \
	       "$$($(PYTHON) -c 'import sys; print(sys.version.split()[0])' 2>/dev/null || echo 'not a working Python');" \
	       "install a newer one and run: make $(or $(MAKECMDGOALS),serve) PYTHON=python3.12" >&2; exit 1; }
	@if [ -d $(VENV) ] && ! $(BIN)/python -c "$(IS_RECENT)" 2>/dev/null; then \
	  echo "make: $(VENV) was made by another Python; making it again with $(PYTHON)"; rm -rf $(VENV); fi

# The virtualenv with Ladder and what building and serving the handbook needs (constraints.txt pins
# every package); the test tools join it only for `make test` and the other developer targets.
$(READY): pyproject.toml constraints.txt | python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	rm -f $(DEV_READY)
	touch $(READY)

$(DEV_READY): $(READY)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(DEV_READY)

# Debian's Chromium for the browser tests; Playwright drives it, and never downloads a browser.
$(CHROMIUM):
	$(SUDO) apt-get install -y -qq chromium || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

$(SOFFICE):
	$(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui)

$(VALGRIND):
	$(SUDO) apt-get install -y -qq valgrind || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq valgrind)

# A port another program holds is one line before the build, not a traceback after it.
port: $(READY)
	@$(BIN)/python -c "import socket, sys; port = '$(PORT)'; \
	  port.isdigit() or sys.exit(f'make serve: PORT={port} is not a port number; for example: make serve PORT=8001'); \
	  socket.socket().connect_ex(('127.0.0.1', int(port))) and sys.exit(0); \
	  sys.exit(f'make serve: port {port} is in use (another make serve?); choose another: make serve PORT=8001')"

serve: python $(READY) port  ## Build the handbook from framework/ and serve it on http://127.0.0.1:8000 (PORT=8001 for another)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: python $(READY)  ## Build the handbook into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

validate: python $(READY)  ## Check framework/ (warnings fail) and that every published id is on record
	$(BIN)/ladder validate --strict $(FRAMEWORK)
	$(BIN)/ladder lock --check $(FRAMEWORK)

zensical: python $(DEV_READY)  ## Build the same handbook with Zensical into build/zensical/site/ (see README)
	$(BIN)/ladder render build/zensical --config mkdocs.yml --force
	$(BIN)/zensical build --strict -f build/zensical/mkdocs.yml

test: lint $(CHROMIUM) $(SOFFICE)  ## Lint, then the whole test suite (browser and LibreOffice tests included)
	$(BIN)/pytest -q

lint: python $(DEV_READY)  ## ruff, then mypy (strict) on ladder/, hooks/ and benchmarks/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: python $(DEV_READY)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: python $(DEV_READY) $(VALGRIND)  ## Print the performance figures and ratios
	$(BIN)/python -m benchmarks

screenshots: python $(DEV_READY) $(CHROMIUM)  ## Photograph the built handbook for the README (screenshots/)
	$(BIN)/python -m benchmarks.screenshots

clean:
	rm -rf $(VENV) site build .cache .pytest_cache .ruff_cache .mypy_cache
