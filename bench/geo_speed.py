"""Speed and size of the places stage: gazetteer load time and memory, per-report resolution time.

    python bench/geo_speed.py [SEEDS_DIR]

Prints gazetteer load time and resident memory after loading, then the median time of the
places stage alone (recognition + resolution) per 500 words of report, over the reports in
SEEDS_DIR, after spaCy has parsed them: wall-clock time, and this process's CPU time (what the
stage costs on a core of its own; on a shared machine the wall clock also counts waiting for one),
with the load average. Then the same with an outlet home for every report (its first place's region, as
if learned: `thucydides.geo.outlets`), and the learned step's own cost: learning the homes over a store of
the reports (`corpus.outlet_homes.stored_reports` + `learn_homes`, as `thucydides run` does), per report.
Printed, never asserted.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import psutil

from thucydides.corpus.outlet_homes import stored_reports
from thucydides.geo.gazetteer import Gazetteer, default_path, open_gazetteer
from thucydides.geo.outlets import OutletHome, OutletHomes, learn_homes
from thucydides.geo.stage import analyse_places
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline
from thucydides.store.db import Store

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
    docs = [Document.from_text(p.read_text(encoding="utf-8"), url=f"https://outlet-{i}.example.org/a")
            for i, p in enumerate(sorted(seeds.glob("*.txt")))]
    parsed = Pipeline(["nlp", "actors"]).run_documents(docs)
    warm = [Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors) for a in parsed]
    for a in warm:  # warm-up: the first pass fills the gazetteer's caches
        analyse_places(a, gaz)
    print("places stage per 500 words, " + _timed(parsed, gaz, None))
    print("with an outlet home each, " + _timed(parsed, gaz, _homes(warm)))
    with TemporaryDirectory() as folder:
        store = Store(Path(folder) / "speed.db")
        store.add_documents([a.document for a in warm])
        for a in warm:
            store.save_analysis(a)
        t = time.perf_counter()
        for _ in range(5):
            learn_homes(stored_reports(store, gaz))
        store.close()
    per_report = (time.perf_counter() - t) * 1000 / (5 * max(len(warm), 1))
    print(f"learning outlet homes over a store: {per_report:.2f} ms per report")
    return 0


def _homes(analyses: list[Analysis]) -> OutletHomes:
    """Each report's outlet at home in its first resolved place's region, as learning would give it."""
    homes = {}
    for a in analyses:
        place = next((a.places[t.place] for t in a.toponyms if t.place and a.places[t.place].admin1), None)
        if place and place.country and a.document.url:
            homes[a.document.url.split("/")[2]] = OutletHome(place.country, place.admin1)
    return OutletHomes(homes)


def _timed(parsed: list[Analysis], gaz: Gazetteer, homes: OutletHomes | None) -> str:
    wall, cpu = [], []
    for _ in range(5):
        for a in parsed:
            fresh = Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors)
            scale = 1000 * 500 / max(len(a.document.text.split()), 1)
            t, c = time.perf_counter(), time.process_time()
            analyse_places(fresh, gaz, homes)
            wall.append((time.perf_counter() - t) * scale)
            cpu.append((time.process_time() - c) * scale)
    return (f"over {len(parsed)} reports x 5: wall median {statistics.median(wall):.2f} ms (max {max(wall):.2f}), "
            f"CPU median {statistics.median(cpu):.2f} ms (max {max(cpu):.2f}); load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    sys.exit(main())
