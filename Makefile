# Every target that needs Python tools creates the virtualenv itself (idempotently).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Stoplight Prism (pinned in package.json / package-lock.json) validates sandbox traffic in the tests.
NODE_STAMP := node_modules/.installed
# The benchmarks get their own environment: the official SDK they compare with never lands in .venv.
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed
SDK_PIN := auth0-python==6.8.0
# The tests that run the official SDKs against the HTTPS sandbox: auth0-python lives in its own
# environment (the pinned node `auth0` is in package.json).
SDK_VENV := .venv-sdk
SDK_STAMP := $(SDK_VENV)/.installed
SPEC ?=

.PHONY: help demo test docs pytest generate check-generated update-spec lint format bench prism sdk clean

help:
	@echo "make demo             walk through the client against a local sandbox (or AUTH0_DOMAIN)"
	@echo "make test             check generated/, lint, and run the test suite"
	@echo "make generate         regenerate generated/ from the spec openapi/pin.json pins (SPEC=where it is)"
	@echo "make check-generated  fail, naming the files, when generated/ is not what the pinned spec makes"
	@echo "make update-spec SPEC=path-or-url  adopt another spec: pin it, regenerate, report what changed"
	@echo "make lint             ruff, mypy --strict and the import layers (import-linter)"
	@echo "make docs             build the documentation site into build/docs, warnings as errors"
	@echo "make prism            install the pinned Stoplight Prism into node_modules/"
	@echo "make sdk              install the pinned official SDKs the tests run against the sandbox"
	@echo "make bench            benchmarks side by side with auth0-python and raw httpx (BENCH_ARGS=--help)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed: make PYTHON=python3.11 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

prism: $(NODE_STAMP)

$(SDK_STAMP): Makefile
	test -x $(SDK_VENV)/bin/python || $(PYTHON) -m venv $(SDK_VENV)
	$(SDK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SDK_VENV)/bin/python -m pip install --quiet '$(SDK_PIN)'
	touch $(SDK_STAMP)

sdk: $(SDK_STAMP) $(NODE_STAMP)

demo: $(STAMP)
	$(BIN)/python -m auth0_users.demo

test: check-generated lint docs pytest

pytest: $(STAMP) $(NODE_STAMP) $(SDK_STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

generate: $(STAMP)
	$(BIN)/python openapi/generate.py $(if $(SPEC),--spec '$(SPEC)')

check-generated: $(STAMP)
	$(BIN)/python openapi/generate.py --check $(if $(SPEC),--spec '$(SPEC)')

# SOURCE=url records that URL in the pin when SPEC is a local copy of it.
update-spec: $(STAMP)
	@test -n '$(SPEC)' || { echo "usage: make update-spec SPEC=path-or-url [SOURCE=url]" >&2; exit 2; }
	$(BIN)/python openapi/update_spec.py '$(SPEC)' $(if $(SOURCE),--source '$(SOURCE)')

docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -q -b html docs build/docs

lint: $(STAMP)
	$(BIN)/ruff check overrides openapi tests docs
	$(BIN)/ruff format --check overrides openapi tests docs
	$(BIN)/mypy overrides/auth0_users tests/typed_usage.py
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix overrides openapi tests docs
	$(BIN)/ruff format overrides openapi tests docs

$(BENCH_STAMP): pyproject.toml Makefile
	test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet -e '.[bench]' '$(SDK_PIN)'
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)
	$(BENCH_VENV)/bin/python tests/bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(BENCH_VENV) $(SDK_VENV) build node_modules .mypy_cache .ruff_cache
