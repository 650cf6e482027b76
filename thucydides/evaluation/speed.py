"""Throughput on real articles: the whole pipeline and bare spaCy over all VOA stories.

Each measurement runs in its own child process (`python -m thucydides.evaluation.speed PHASE`) so its
peak resident memory is its own. The machine is shared, so each phase runs REPEATS times, interleaved,
and the fastest run counts; the load average at the start says how busy the machine was.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from thucydides.evaluation import adapter
from thucydides.evaluation.voa import read_stories, story_document


@dataclass(frozen=True)
class Phase:
    documents: int
    words: int
    seconds: float
    load_seconds: float
    peak_rss_mb: float

    @property
    def per_second(self) -> float | None:
        return self.documents / self.seconds if self.seconds else None


@dataclass(frozen=True)
class SpeedResult:
    pipeline: Phase
    spacy: Phase
    repeats: int
    load_average: float
    """The 1-minute load average when the measurement began (the machine has os.cpu_count() cores)."""
    seconds: float


REPEATS = 2
WARM_UP = "Fighters shelled a village near the river on Monday, officials said."
"""Run once before timing, so first-call set-up counts as loading in both phases (an invented sentence)."""


def _pipeline_phase(stories: Path | None) -> tuple[int, int, float, float]:
    began = time.perf_counter()
    docs = [story_document(s) for s in read_stories(stories).values()]
    pipeline = adapter.build_pipeline()
    adapter.export(pipeline, [adapter.document(WARM_UP, name="warm-up")])
    loaded = time.perf_counter()
    adapter.export(pipeline, docs)
    words = sum(len(adapter.doc_text(d).split()) for d in docs)
    return len(docs), words, time.perf_counter() - loaded, loaded - began


def _spacy_phase(stories: Path | None) -> tuple[int, int, float, float]:
    began = time.perf_counter()
    texts = [s.text for s in read_stories(stories).values()]
    nlp = adapter.spacy_model()
    list(nlp.pipe([WARM_UP]))
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return len(texts), sum(len(t.split()) for t in texts), time.perf_counter() - loaded, loaded - began


def child_main(phase: str, stories: str | None) -> int:
    fn = {"pipeline": _pipeline_phase, "spacy": _spacy_phase}[phase]
    n, words, seconds, load = fn(Path(stories) if stories else None)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": n, "words": words, "seconds": seconds, "load_seconds": load, "peak_rss_mb": peak}))
    return 0


def _run_child(phase: str, stories: Path | None) -> Phase:
    cmd = [sys.executable, "-m", "thucydides.evaluation.speed", phase, *([str(stories)] if stories else [])]
    raw = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    d = json.loads(raw.strip().splitlines()[-1])
    return Phase(d["documents"], d["words"], d["seconds"], d["load_seconds"], d["peak_rss_mb"])


def _fastest(runs: list[Phase]) -> Phase:
    best = min(runs, key=lambda r: r.seconds)
    return Phase(best.documents, best.words, best.seconds, best.load_seconds, max(r.peak_rss_mb for r in runs))


def evaluate(stories: Path | None = None, repeats: int = REPEATS) -> SpeedResult:
    began, load = time.perf_counter(), os.getloadavg()[0]
    runs: dict[str, list[Phase]] = {"pipeline": [], "spacy": []}
    for _ in range(max(1, repeats)):
        for phase, out in runs.items():
            out.append(_run_child(phase, stories))
    return SpeedResult(_fastest(runs["pipeline"]), _fastest(runs["spacy"]), max(1, repeats), load,
                       time.perf_counter() - began)


if __name__ == "__main__":
    sys.exit(child_main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None))
