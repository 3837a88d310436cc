# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

install: $(STAMP)

# setuptools explains an editable install with a warning that reads like a failure: not shown.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	PYTHONWARNINGS=ignore::UserWarning $(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# On Telegram when TELEGRAM_BOT_TOKEN is set, else a console chat over the shipped corpus.
run: install
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then $(BIN)/samrad run; else $(BIN)/samrad chat; fi

lint: install
	$(BIN)/ruff check bot knowledge handlers tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test: lint
	$(BIN)/pytest

bench: install
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) data/*.db data/*.db-*
