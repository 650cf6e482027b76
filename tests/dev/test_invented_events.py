"""The invented events dev set (tests/data/invented/events: reports we wrote in other outlets' styles, then
tuned on, so a dev set and not a held-out one) keeps an events floor.

The events stage was tuned on the five dev seeds; these reports (fourteen, then a blind round of eight:
wire, monitor, strike release,
humanitarian update, state media, Kurdish outlet, protest coverage, and one full of things that did not
happen) check that it generalises. The floors sit below what the stage reaches, so they catch
regressions, not noise. The scorer is the shared one (../shared/eval/score.py); the test skips where
it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "tests" / "data" / "invented" / "events"
GOLD = FOLDER / "gold.json"
EVENTS_F1_FLOOR = 0.50  # 0.549 with the learned coder (2026-12-06); 0.83 was the rules tuned on this set
SUB_EVENT_FLOOR = 0.80
IRREALIS_REPORT = "e08_irrealis_deir.txt"


@pytest.fixture(scope="module")
def analyses(invented_bench, pipeline):
    return invented_bench.analyse_folder(FOLDER, pipeline)


@pytest.fixture(scope="module")
def scores(invented_bench, analyses) -> dict:
    return invented_bench.score(analyses, gold=GOLD, texts=FOLDER)


def test_every_report_is_annotated():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    assert {d["name"] for d in gold["documents"]} == {p.name for p in FOLDER.glob("*.txt")}


def test_events_f1_floor(scores):
    assert scores["events"]["f1"] >= EVENTS_F1_FLOOR, scores["events"]


def test_sub_event_type_floor(scores):
    accuracy, n = scores["attributes"]["sub_event_type"]
    assert n > 0 and accuracy >= SUB_EVENT_FLOOR


def test_every_evidence_quotes_the_text(scores):
    assert scores["bad_spans"] == 0 and not scores["contract_errors"]


def test_a_report_of_plans_threats_and_cancellations_codes_only_what_happened(analyses):
    """Plans, threats, a cancelled protest and 'no clashes' are no events; the one air strike that happened
    is the only event it may code (whether the coder finds it is the F1's business)."""
    report = next(a for a in analyses if a.document.name == IRREALIS_REPORT)
    assert {(e.event_type, e.sub_event_type) for e in report.events} <= {
        ("Explosions/Remote violence", "Air/drone strike")}
