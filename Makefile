# Two commands on a fresh machine with Python 3.11: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-spark install install-test bench bench-scale bytecode sanitize clean

run: $(STAMP) bytecode
	$(BIN)/claimcheck conflicts corpus --format table

test: $(TEST_STAMP) bytecode
	$(BIN)/python -m pytest -q -m "not spark"

# the differential on Spark local[2] (one session, a small fixed set); needs Java 17
SPARK_STAMP := $(VENV)/.installed-spark

$(SPARK_STAMP): $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $@

test-spark: $(SPARK_STAMP) bytecode
	$(BIN)/python -m pytest -q -m spark

install: $(STAMP)
install-test: $(TEST_STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setup.py builds claimcheck/_c*.c where a C compiler is found (else their Python twins run)
$(STAMP): $(BIN)/python pyproject.toml setup.py $(wildcard claimcheck/_c*.c)
	$(BIN)/python -m pip install --quiet -e .
	touch $@

# claimcheck's bytecode, compiled ahead as pip does for an installed package: where
# PYTHONDONTWRITEBYTECODE is set (as on our CI machines), an editable install would
# otherwise compile every module again on every run (0.1 s of each). Up-to-date files
# are skipped.
bytecode: $(STAMP)
	$(BIN)/python -m compileall -q claimcheck

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

BENCH_STAMP := $(VENV)/.installed-bench

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

bench: $(BENCH_STAMP)  # bench/run.py compiles the bytecode itself
	$(BIN)/python bench/run.py

# 100k, 1M and 10M claims as tables: the memory engine (where it fits), DuckDB and Spark
# local[2] side by side (see the README's Performance); SCALE chooses the sizes
SCALE ?= 100000 1000000 10000000
bench-scale: $(BENCH_STAMP) $(SPARK_STAMP)
	$(BIN)/python bench/run.py --scale $(SCALE)

# the C parts built with AddressSanitizer and UBSan into build/sanitize (the .venv's build
# stays as it is), the reader and validation tests run on them, then two minutes of
# fuzzing the fast readers against each other and libyaml (fuzz/sanitize.sh; FUZZ_SECONDS)
sanitize: $(TEST_STAMP)
	PYTHON=$(BIN)/python bash fuzz/sanitize.sh

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis claimcheck/*.so
	find claimcheck -name __pycache__ -type d -prune -exec rm -rf {} +
