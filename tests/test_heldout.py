"""The held-out reports (tests/data/heldout, invented, in other outlets' styles) keep a claims floor.

The floors sit below what the stage reaches, so they catch regressions, not noise; the scorer is the
shared one (../shared/eval/score.py) and the test skips where it is absent.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[1]
CLAIMS_F1_FLOOR = 0.90
QUALIFIER_FLOOR = 0.90
ROLE_FLOOR = 0.80  # subject and claimant on matched claims


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("score_heldout", ROOT / "bench" / "score_heldout.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shared_or_skip(module.SCORER)
    return module


@pytest.fixture(scope="module")
def scores(bench, pipeline) -> dict:
    return bench.score(bench.analyse_folder(bench.HELDOUT, pipeline))


def test_every_report_is_annotated(bench):
    import json

    gold = json.loads(bench.GOLD.read_text(encoding="utf-8"))
    names = {d["name"] for d in gold["documents"]}
    assert names == {p.name for p in bench.HELDOUT.glob("*.txt")}


def test_claims_f1_floor(scores):
    assert scores["claims"]["f1"] >= CLAIMS_F1_FLOOR, scores["claims"]


def test_qualifier_floor(scores):
    accuracy, n = scores["attributes"]["qualifier"]
    assert n > 0 and accuracy >= QUALIFIER_FLOOR


@pytest.mark.parametrize("role", ["subject", "claimant"])
def test_role_floor(scores, role):
    accuracy, n = scores["attributes"][role]
    assert n > 0 and accuracy >= ROLE_FLOOR, (role, accuracy, n)


def test_every_evidence_quotes_the_text(scores):
    assert scores["bad_spans"] == 0
