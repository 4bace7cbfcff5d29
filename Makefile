# Two commands for a fresh machine: `make demo` and `make test`.
# Both create .venv and install the pinned dependencies first (requirements/lock.txt, with hashes).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
DB ?= eventwire.duckdb
SHARED ?= ../shared

.PHONY: install demo test test-fast lint format bench bench-extraction bench-ingest bench-eval lock clean

$(STAMP): requirements/lock.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements/lock.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(VENV)/bin/eventwire demo --db $(DB)

test: install
	./scripts/ensure-chromium
	$(PY) -m pytest

test-fast: install
	$(PY) -m pytest -m "not slow"

lint: install
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

format: install
	$(VENV)/bin/ruff format src tests benchmarks
	$(VENV)/bin/ruff check --fix src tests benchmarks

bench: bench-extraction bench-ingest bench-eval

bench-extraction: install
	$(PY) benchmarks/extraction.py --set all --shared $(SHARED)

bench-ingest: install
	$(PY) benchmarks/ingest_throughput.py --shared $(SHARED)

bench-eval: install
	$(PY) benchmarks/eval_all.py --shared $(SHARED)

# Regenerate the lock after changing dependencies in pyproject.toml (needs pip-tools).
lock: install
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
		--extra dev --extra web --extra ray -o requirements/lock.txt pyproject.toml

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build src/*.egg-info $(DB) $(DB).wal
