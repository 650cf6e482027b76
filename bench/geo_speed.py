"""Speed and size of the places stage: gazetteer load time and memory, per-report resolution time.

    python bench/geo_speed.py [SEEDS_DIR]

Prints gazetteer load time and resident memory after loading, then the median time of the
places stage alone (recognition + resolution) per 500 words of report, over the reports in
SEEDS_DIR, after spaCy has parsed them: wall-clock time, and this process's CPU time (what the
stage costs on a core of its own; on a shared machine the wall clock also counts waiting for one),
with the load average. Printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import psutil

from thucydides.geo.gazetteer import Gazetteer, default_path, open_gazetteer
from thucydides.geo.stage import analyse_places
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


def main() -> int:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "seeds"
    open_gazetteer()  # make sure it is built; the build is not what we time
    rss0 = psutil.Process().memory_info().rss
    t0 = time.perf_counter()
    gaz = Gazetteer(default_path())
    load_s = time.perf_counter() - t0
    rss = psutil.Process().memory_info().rss
    print(f"gazetteer load {load_s:.2f} s, +{(rss - rss0) / 2**20:.0f} MB resident ({rss / 2**20:.0f} MB total), "
          f"{gaz.count()} places, {len(gaz.keys)} name keys")
    docs = [Document.from_text(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]
    parsed = Pipeline(["nlp", "actors"]).run_documents(docs)
    for a in parsed:  # warm-up: the first pass fills the gazetteer's caches
        analyse_places(Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors), gaz)
    wall, cpu = [], []
    for _ in range(5):
        for a in parsed:
            fresh = Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors)
            scale = 1000 * 500 / max(len(a.document.text.split()), 1)
            t, c = time.perf_counter(), time.process_time()
            analyse_places(fresh, gaz)
            wall.append((time.perf_counter() - t) * scale)
            cpu.append((time.process_time() - c) * scale)
    print(f"places stage per 500 words over {len(parsed)} reports x 5: wall median {statistics.median(wall):.2f} ms "
          f"(max {max(wall):.2f}), CPU median {statistics.median(cpu):.2f} ms (max {max(cpu):.2f}); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
