# Two entry points for a fresh machine (see README):
#   make demo   set up, then run the main job on the demo corpus (embedded SQLite store)
#   make test   set up, then lint, type-check and run the tests
#   make eval   set up, then measure on real labelled data in ../shared (one table)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup demo test bench eval clean

$(BIN)/thucydides: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(BIN)/thucydides

setup: $(BIN)/thucydides

demo: setup
	rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	mkdir -p $(OUT)
	$(BIN)/thucydides run demo/reports --db $(OUT)/demo.db --out $(OUT)

test: setup
	$(BIN)/ruff check thucydides tests bench
	$(BIN)/mypy thucydides
	$(BIN)/pytest -q

bench: setup
	$(BIN)/python bench/throughput.py

# Real-data figures (ACLED dev, LGL, GeoVirus, seeds, VOA, throughput) from ../shared; see docs/eval/baseline.md
eval: setup
	$(BIN)/python bench/eval.py $(EVAL_ARGS)

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache
