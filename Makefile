# One task runner for everything. `make serve` and `make test` set up a fresh machine on their own.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: serve build test lint format bench validate clean

# The virtualenv, with Ladder and its pinned dependencies (constraints.txt pins every package).
$(READY): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(READY)

# Debian's Chromium for the browser tests; Playwright drives it, and never downloads a browser.
$(CHROMIUM):
	$(SUDO) apt-get install -y -qq chromium || ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium)

serve: $(READY)  ## Build the handbook from framework/ and serve it on http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(READY)  ## Build the handbook into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

validate: $(READY)  ## Check framework/ (warnings fail) and that every published id is on record
	$(BIN)/ladder validate --strict framework
	$(BIN)/ladder lock --check framework

test: lint $(CHROMIUM)  ## Lint, then the whole test suite (browser tests included)
	$(BIN)/pytest -q

lint: $(READY)  ## ruff, then mypy (strict) on ladder/, hooks/ and benchmarks/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(READY)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(READY)  ## Print the performance figures and ratios
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) site .pytest_cache .ruff_cache
