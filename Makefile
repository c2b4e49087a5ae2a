# Two commands do everything on a fresh machine: `make build` and `make test` (see README).
SHELL := /bin/bash
.ONESHELL:
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_PROJECT_DIR := $(CURDIR)
export DUCKDB_PATH ?= $(CURDIR)/target/support.duckdb
DBT := $(BIN)/dbt
STAMP := $(VENV)/.installed
DASHBOARD_PORT ?= 8501

.PHONY: help install seed build lint fmt test test-python test-postgres test-spark docs semantic dashboard clean lock demo-data catalog bench mutate

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned packages

seed: install ## Load the demo raw data (dbt seed)
	mkdir -p $(dir $(DUCKDB_PATH))
	$(DBT) seed --quiet

build: seed ## Install, load the demo data and run dbt build on DuckDB
	$(DBT) build
	@echo "Marts built in the DuckDB file: $(DUCKDB_PATH) (schema main_marts)"

lint: install ## sqlfluff on the SQL, ruff and mypy on the Python
	$(BIN)/sqlfluff lint models tests analyses
	for system in servicenow zendesk intercom; do scripts/lint_source_system.sh $$system; done
	$(BIN)/ruff check supportgen scripts bench dashboard tests/python
	$(BIN)/ruff format --check supportgen scripts bench dashboard tests/python
	$(BIN)/mypy --strict supportgen scripts bench dashboard
	$(BIN)/python scripts/metric_catalog.py --check

fmt: install ## Fix what the linters can fix
	$(BIN)/sqlfluff fix models tests analyses
	$(BIN)/ruff check --fix supportgen scripts bench dashboard tests/python
	$(BIN)/ruff format supportgen scripts bench dashboard tests/python

docs: install ## dbt docs generate (a static, offline HTML in target/)
	$(DBT) docs generate --static

dashboard: install ## The Streamlit dashboard over the DuckDB marts on http://127.0.0.1:$(DASHBOARD_PORT) (after make build)
	$(BIN)/streamlit run dashboard/app.py --server.address 127.0.0.1 --server.port $(DASHBOARD_PORT) \
	  --server.headless true --browser.gatherUsageStats false

semantic: install ## Validate the MetricFlow semantic layer against the DuckDB marts (after make build)
	$(DBT) parse --quiet
	$(BIN)/mf validate-configs

test-python: install ## pytest: generator, fault suites, reference checks, incremental, semantic layer, dashboard (AppTest and headless Chromium), PostgreSQL (a private server), Spark
	scripts/ensure_chromium.sh
	eval "$$(scripts/pg_server.sh start)"
	trap 'scripts/pg_server.sh stop' EXIT
	export SPARK_LOCAL_IP=127.0.0.1
	SUPPORT_REQUIRE_POSTGRES=1 SUPPORT_REQUIRE_SPARK=1 SUPPORT_REQUIRE_BROWSER=1 $(BIN)/pytest --durations=15 tests/python

test-spark: install ## The Spark tests alone (demo build and DuckDB parity, pyspark's in-process session)
	export SPARK_LOCAL_IP=127.0.0.1
	SUPPORT_REQUIRE_SPARK=1 $(BIN)/pytest -m spark tests/python

test-postgres: install ## The PostgreSQL tests alone (demo build, BI access, DuckDB parity) on a private server
	eval "$$(scripts/pg_server.sh start)"
	trap 'scripts/pg_server.sh stop' EXIT
	SUPPORT_REQUIRE_POSTGRES=1 $(BIN)/pytest -m postgres tests/python

test: lint build docs semantic test-python ## Everything CI checks: lint, dbt build with all tests, docs, semantic layer, pytest

mutate: install ## Mutation test of the metric macros (each boundary moved, each `and` an `or`) against the dbt unit tests; after make build; MACROS=... to pick some (slow, not in make test)
	$(BIN)/python scripts/mutate_metrics.py $(MACROS)

demo-data: install ## Regenerate the committed demo seeds with the generator
	$(BIN)/python -m supportgen --tickets 3000 --seed 7 --format csv --out seeds/demo

bench: install ## Benchmark dbt against the hand-written floor at 10k, 100k and 1M tickets (slow)
	$(BIN)/python bench/run_bench.py

catalog: install ## Regenerate the metric catalog's copies (macro docs, README table) from the seed
	$(BIN)/python scripts/metric_catalog.py

lock: ## Re-resolve constraints.txt from requirements.txt in a scratch venv
	rm -rf /tmp/support-lock && $(PYTHON) -m venv /tmp/support-lock
	/tmp/support-lock/bin/pip install --quiet -r requirements.txt
	{ echo "# Exact lock of every package the venv holds (pip freeze of a clean install of requirements.txt)."; \
	  echo "# Regenerate with \`make lock\` after changing requirements.txt."; \
	  /tmp/support-lock/bin/pip freeze; } > constraints.txt

clean: ## Remove build outputs and the venv
	rm -rf target logs dbt_packages $(VENV) .pytest_cache .mypy_cache .ruff_cache
