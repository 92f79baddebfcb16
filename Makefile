# Plain verbs for factcheck. `make run` and `make test` are the README's two commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PYTEST_ARGS ?=

.PHONY: run test check lint types pytest bench snap-update system-deps clean

# setup.py compiles these modules with mypyc; editing one rebuilds the extensions.
COMPILED_SOURCES := $(wildcard factcheck/dates.py factcheck/extract/*.py factcheck/extract/numbers/*.py \
	factcheck/resolve/*.py factcheck/compare/*.py)
$(BIN)/factcheck: pyproject.toml setup.py $(COMPILED_SOURCES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $@

# The main job: ingest the bundled seeds into the default SQLite database and open the editors' UI.
run: $(BIN)/factcheck
	$(BIN)/factcheck ingest seeds/
	$(BIN)/factcheck

# Everything the tests need: a PostgreSQL server and Chromium from Debian's packages, the venv.
system-deps:
	@bash scripts/system-deps.sh

test: system-deps $(BIN)/factcheck check pytest

check: lint types

lint: $(BIN)/factcheck
	$(BIN)/ruff check setup.py factcheck tests benchmarks migrations
	$(BIN)/ruff format --check setup.py factcheck tests benchmarks migrations

types: $(BIN)/factcheck
	$(BIN)/mypy

pytest: $(BIN)/factcheck
	$(BIN)/pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

bench: $(BIN)/factcheck
	$(BIN)/python benchmarks/run.py

snap-update: $(BIN)/factcheck
	$(BIN)/pytest tests -k snapshot --snapshot-update

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
	find factcheck -name '*.so' -delete
