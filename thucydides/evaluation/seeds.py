"""The five development reports (shared/seeds) scored by the shared scorer against shared/gold/seeds.json.

The pipeline was built looking at them, so this row guards against regressions; it says little
about real text.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from thucydides.evaluation import adapter, scorer
from thucydides.knowledge import outside


@dataclass(frozen=True)
class SeedsResult:
    documents: int
    figures: scorer.ScorerFigures
    seconds: float


def evaluate(pipeline: adapter.Pipe | None = None, folder: Path | None = None, gold: Path | None = None) -> SeedsResult:
    began = time.perf_counter()
    folder = folder or outside.seeds()
    docs = adapter.read_folder(folder)
    export = adapter.export(pipeline or adapter.build_pipeline(), docs)
    figures = scorer.score(gold or outside.seeds_gold(), export, folder)
    return SeedsResult(len(docs), figures, time.perf_counter() - began)
