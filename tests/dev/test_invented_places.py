"""The invented places dev set (tests/data/invented/places: Syria and Iraq reports we wrote, then tuned on,
so a dev set and not a held-out one) keeps a places floor.

The places stage was tuned on LGL and the five dev seeds; these eight reports name 55 real places of
many kinds (towns, districts, governorates, dams, bases, crossings, rivers) in several spellings. Their
gold was written before the system was run on them. The floor sits below what the stage reaches, so it
catches regressions, not noise. The scorer is the shared one; the test skips where it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "data" / "invented" / "places"
GOLD = FOLDER / "gold.json"
PLACES_F1_FLOOR = 0.90
PLACES_PRECISION_FLOOR = 0.93

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scores(pipeline, invented_bench) -> dict:
    return invented_bench.score(invented_bench.analyse_folder(FOLDER, pipeline), gold=GOLD, texts=FOLDER)


def test_every_report_is_annotated() -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert {d["name"] for d in gold["documents"]} == {p.name for p in FOLDER.glob("*.txt")}
    assert sum(1 for d in gold["documents"] for p in d["places"] if not p.get("optional")) >= 40


def test_places_f1_floor(scores) -> None:
    assert scores["places"]["f1"] >= PLACES_F1_FLOOR, scores["places"]


def test_places_precision_floor(scores) -> None:
    assert scores["places"]["p"] >= PLACES_PRECISION_FLOOR, scores["places"]
