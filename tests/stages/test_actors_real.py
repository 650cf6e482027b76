"""Floors for actor recognition on real labelled text (bench/actors_dev.py prints the full figures).

ACLED dev split (../shared/data/acled, SPLITS.md; the base and its aliases were fit on the train split): the first
notes of the dev split, actor1 and actor2 among the recognised actors (generic ones settled by the note's country).
re3d (../shared/data/re3d): recall and precision on its Organisation and Nationality spans. The floors sit a little
below what the stage reaches, so they catch regressions, not noise. Skipped where the data is absent.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, shared_or_skip

pytestmark = pytest.mark.slow

NOTES = 1500
ACTOR1_FLOOR = 0.40
ACTOR2_FLOOR = 0.50
NOT_CODED_CEILING = 0.45
RE3D_RECALL_FLOOR = 0.46
RE3D_PRECISION_FLOOR = 0.78


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("actors_dev", ROOT / "bench" / "actors_dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_acled_dev_actors_are_found(bench) -> None:
    shared_or_skip(Path(bench.ACLED))
    result = bench.run_acled(NOTES, None)
    tally = result.all
    assert tally.actor1 / tally.rows >= ACTOR1_FLOOR, tally.line("all")
    assert tally.actor2 / tally.with_actor2 >= ACTOR2_FLOOR, tally.line("all")
    assert tally.uncoded / tally.recognised <= NOT_CODED_CEILING, tally.line("all")
    outside = result.outside_syria_iraq
    assert outside.actor1 / outside.rows >= ACTOR1_FLOOR, outside.line("outside Syria and Iraq")


def test_re3d_organisations_and_nationalities(bench) -> None:
    shared_or_skip(Path(bench.RE3D))
    score = bench.run_re3d(None)
    recall = sum(score.found.values()) / sum(score.gold.values())
    assert recall >= RE3D_RECALL_FLOOR, dict(score.found)
    assert score.right / score.mentions >= RE3D_PRECISION_FLOOR, (score.right, score.mentions)
