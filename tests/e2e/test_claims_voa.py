"""Claims on the real VOA dev stories keep a floor (issue 11).

The gold is ours (tests/data/voa/gold, annotated blind); the texts live outside the repository
(../shared/data/voa), so the test skips where they are absent. Only the dev part is read here: a story whose
sha256(id) % 3 == 0 belongs to the test part, which nobody develops on. The floors sit below what the stage
reaches, so they catch regressions, not noise.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, shared_or_skip
from thucydides.knowledge.splits import is_voa_test

pytestmark = pytest.mark.slow

GOLD = ROOT / "tests" / "data" / "voa" / "gold"
STORIES = SHARED / "data" / "voa" / "voa_stories.jsonl"
SCORER = SHARED / "eval" / "score.py"
# Measured on the 57 dev stories of the whole gold (89 stories; 2026-12-06): claims F1 0.748, claimant 0.824,
# subject 0.775, agent 0.788, qualifier 0.982. On the first 32 dev stories alone (annotators a-c) F1 is 0.860:
# the 25 stories annotator d added later hold figures the stage reads as claims and the gold leaves out.
# With the scene's place and date carried to figures that name none, and fewer non-conflict figures (branch
# claims3): claims F1 0.862 (P 0.909), place 0.696 (n=56), time 0.649 (n=37), claimant 0.800, subject 0.773,
# agent 0.750, qualifier 0.984.
FLOORS = {"claims_f1": 0.82, "claimant": 0.78, "subject": 0.74, "agent": 0.72, "qualifier": 0.95, "place": 0.64,
          "time": 0.60}


def _without_text(item: dict) -> dict:
    out = {k: v for k, v in item.items() if k != "text"}
    if isinstance(out.get("alt"), list):
        out["alt"] = [_without_text(a) for a in out["alt"]]
    return out


@pytest.fixture(scope="module")
def scores(pipeline, tmp_path_factory) -> dict:
    from thucydides.export.bundle import ExportBundle
    from thucydides.export.contract import write_json
    from thucydides.ingest.documents import make_document

    shared_or_skip(STORIES)
    shared_or_skip(SCORER)
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json"))]
    golds = [g for g in golds if not is_voa_test(str(g["story"]))]
    stories = {str(d["id"]): d for d in map(json.loads, STORIES.read_text(encoding="utf-8").splitlines()) if d}
    work = tmp_path_factory.mktemp("voa")
    texts = work / "texts"
    texts.mkdir()
    docs = []
    for g in golds:
        story = stories[str(g["story"])]
        (texts / f"{story['id']}.txt").write_text(story["text"], encoding="utf-8", newline="")
        docs.append(make_document(story["text"], source="voa", name=f"{story['id']}.txt", title=story.get("title"),
                                  published=date.fromisoformat(story["published"][:10])))
    actors: dict[str, list[str]] = {}
    for g in golds:
        for key, aliases in g["actors"].items():
            actors.setdefault(key, []).extend(aliases)
    gold = {"format": "thucydides-gold", "version": 1, "actors": actors,
            "documents": [{"name": f"{g['story']}.txt", "claims": [_without_text(c) for c in g["claims"]],
                           "places": [], "events": []} for g in golds]}
    (work / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    write_json(ExportBundle.from_analyses(pipeline.run_documents(docs)), work / "export.json")
    subprocess.run([sys.executable, str(SCORER), str(work / "gold.json"), str(work / "export.json"),
                    "--texts", str(texts), "--json", str(work / "scores.json")], check=True, capture_output=True)
    return json.loads(Path(work / "scores.json").read_text(encoding="utf-8"))


def test_claims_f1_floor(scores):
    assert scores["claims"]["f1"] >= FLOORS["claims_f1"], scores["claims"]


@pytest.mark.parametrize("attribute", ["claimant", "subject", "agent", "qualifier", "place", "time"])
def test_attribute_floor(scores, attribute):
    accuracy, n = scores["attributes"][attribute]
    assert n > 0 and accuracy >= FLOORS[attribute], (attribute, accuracy, n)


def test_every_evidence_quotes_the_story(scores):
    assert scores["bad_spans"] == 0
