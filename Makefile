# Two entry points: `make demo` and `make test`. Each builds its own virtualenv first.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RULES := $(VENV)/.rules-compiled

.PHONY: demo test install clean bench

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The extraction rules compiled to C with mypyc (cartelscope.extract.native), rebuilt when a
# rule module changes. Without a C compiler the build fails and the sources are used instead.
$(RULES): $(STAMP) $(wildcard src/cartelscope/extract/*.py)
	$(BIN)/python scripts/compile_rules.py || echo "cartelscope: running the extraction rules as plain Python"
	touch $(RULES)

install: $(STAMP) $(RULES)

demo: install
	$(BIN)/cartelscope demo --db demo.db

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) demo.db build *.egg-info src/*.egg-info src/cartelscope/extract/_compiled
