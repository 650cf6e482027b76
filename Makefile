# Two entry points for a fresh machine (see README):
#   make demo   set up (runtime packages only), then run the main job on the demo corpus (embedded SQLite store)
#   make test   set up with the developer tools too, then lint, type-check and run the tests
# Also: make eval (real labelled data in ../shared, one table), make bench (throughput, one core against all),
# make stress (hostile inputs at full size).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out
# pip as bundled with Python 3.11 warns about an extra spelled two ways (lxml's html-clean); a current pip does not.
# A machine whose pip configuration names a local package index that is not there gets one warning per package
# ("Location ... is ignored"): harmless, and not the project's, so it is filtered out; every other line shows.
# setuptools also prints a banner on every editable install ("Editable installation... be careful with folders
# named like your package"): a reminder, not a problem, silenced by a filter on exactly that message.
SHELL  := /bin/bash
.SHELLFLAGS := -o pipefail -c
PIP    := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip --disable-pip-version-check --quiet
QUIET  := 2>&1 | { grep -v "^WARNING: Location '.*' is ignored: it is neither a file nor a directory\.$$" || true; }

.PHONY: setup setup-dev demo test bench eval stress clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	@$(PIP) install --upgrade "pip>=24.1,<27" $(QUIET)

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	@echo "installing thucydides and its pinned dependencies into $(VENV) (one to two minutes, about 630 MB)"
	@$(PIP) install -c constraints.txt -e . $(QUIET)
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	@echo "installing the developer tools (pytest, ruff, mypy, the PostgreSQL driver) into $(VENV)"
	@$(PIP) install -c constraints.txt -e ".[dev]" $(QUIET)
	@touch $@

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev

demo: setup
	rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	mkdir -p $(OUT)
	$(BIN)/thucydides run demo/reports --db $(OUT)/demo.db --out $(OUT)

test: setup-dev
	$(BIN)/ruff check thucydides tests bench
	$(BIN)/mypy thucydides
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/throughput.py

# Real-data figures (ACLED dev, LGL, GeoVirus, seeds, VOA, throughput) from ../shared; see docs/eval/baseline.md
eval: setup-dev
	$(BIN)/python bench/eval.py $(EVAL_ARGS)

stress: setup
	$(BIN)/python bench/stress.py

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
