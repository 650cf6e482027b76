"""The invented claims dev set (tests/data/invented/claims: reports we wrote in other outlets' styles, then
tuned on, so a dev set and not a held-out one) keeps a claims floor.

The floors sit below what the stage reaches, so they catch regressions, not noise; the scorer is the
shared one (../shared/eval/score.py) and the test skips where it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLAIMS_F1_FLOOR = 0.90
QUALIFIER_FLOOR = 0.90
ROLE_FLOOR = 0.80  # subject and claimant on matched claims


@pytest.fixture(scope="module")
def scores(invented_bench, pipeline) -> dict:
    return invented_bench.score(invented_bench.analyse_folder(invented_bench.CLAIMS, pipeline))


def test_every_report_is_annotated(invented_bench):
    import json

    gold = json.loads(invented_bench.GOLD.read_text(encoding="utf-8"))
    names = {d["name"] for d in gold["documents"]}
    assert names == {p.name for p in invented_bench.CLAIMS.glob("*.txt")}


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
