# The two commands of the README: `make run` and `make test`. Both build .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DATA ?= data

.PHONY: run test lint typecheck pytest fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setuptools warns at length (15 lines) that the compat editable mode is transitional; the
# mode is chosen (mypy and the tests import the package from the tree), so the warning is off.
QUIET_BUILD := PYTHONWARNINGS=ignore::UserWarning

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(QUIET_BUILD) $(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(QUIET_BUILD) $(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e '.[dev]'
	touch $@ $(VENV)/.installed

# The main job: the overview of the registry in data/.
run: $(VENV)/.installed
	$(BIN)/eerstelijn overview --data $(DATA)

test: $(VENV)/.installed-dev lint typecheck pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

pytest: $(VENV)/.installed-dev
	$(BIN)/pytest

# A longer fuzz campaign of the loader (atheris); crashes land in fuzz/crashes/.
FUZZ_SECONDS ?= 300
fuzz: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet atheris
	mkdir -p fuzz/crashes fuzz/work
	cp fuzz/corpus/* fuzz/work/
	$(BIN)/python fuzz/fuzz_load.py fuzz/work -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/crashes/

# Timings against python's floor and yamllint, real and synthetic registries (docs/performance.md).
BENCH_ROUNDS ?= 5
$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --config-settings editable_mode=compat -e '.[dev,bench]'
	touch $@ $(VENV)/.installed-dev $(VENV)/.installed

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py --rounds $(BENCH_ROUNDS)

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache .hypothesis
