"""Speed and size of the places stage: gazetteer load time and memory, per-report resolution time.

    python bench/geo_speed.py [SEEDS_DIR]

Prints gazetteer load time and resident memory after loading, then the median time of the
places stage alone (recognition + resolution) per report, over the reports in SEEDS_DIR,
after spaCy has parsed them. Printed, never asserted.
"""

from __future__ import annotations

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
    timings = []
    for _ in range(5):
        for a in parsed:
            fresh = Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors)
            t = time.perf_counter()
            analyse_places(fresh, gaz)
            timings.append((time.perf_counter() - t) * 1000 * 500 / max(len(a.document.text.split()), 1))
    print(f"places stage: median {statistics.median(timings):.2f} ms per 500 words "
          f"(max {max(timings):.2f} ms) over {len(parsed)} reports x 5")
    return 0


if __name__ == "__main__":
    sys.exit(main())
