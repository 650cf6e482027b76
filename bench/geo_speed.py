"""Speed and size of the places stage: gazetteer load time and memory, per-report resolution time.

    python bench/geo_speed.py [REPORTS_DIR] [REPEATS]

REPORTS_DIR holds one report per .txt file (default: the seeds; the issue's figure is over the 89 VOA stories
written one per file). Prints gazetteer load time and resident memory after loading, then the cost of the places
stage alone (`geo.stage.analyse_places`: recognition + resolution) per 500 words of report. What is measured: this
process's CPU time (`time.process_time`: what the stage costs on a core of its own, so a shared machine's waiting
for a core does not count), around `analyse_places` only: spaCy's parse and the actors stage run once before,
untimed, and a warm-up pass fills the gazetteer's caches first (a long run's steady state). Each of REPEATS passes
(default 7) times every report and divides the pass's CPU time by its words (x 500); printed are the minimum over
the passes (the figure to compare: noise only ever adds time) and their median, the median of the single reports'
figures, the wall-clock median, and the load average; then recognition alone timed the same way, and resolution as
the stage's minimum less recognition's (the issue's figure is resolution). Then the same with an outlet home for
every report (its first place's region, as if learned: `thucydides.geo.outlets`), and the learned step's own cost:
learning the homes over a store of the reports (`corpus.outlet_homes.stored_reports` + `learn_homes`, as `thucydides
run` does), per report. Compare branches by taking turns on the same machine. Printed, never asserted."""

from __future__ import annotations

import gc
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
from thucydides.geo.stage import analyse_places, recognised
from thucydides.knowledge import outside
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline
from thucydides.store.db import Store

SHARED = outside.shared()
REPEATS = 7


def main() -> int:
    seeds = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED / "seeds"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else REPEATS
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
    stage_line = _timed(parsed, gaz, None, repeats)
    print("places stage per 500 words, " + stage_line)
    print(_split(parsed, gaz, repeats, float(stage_line.split("CPU min ")[1].split(" ms")[0])))
    print("with an outlet home each, " + _timed(parsed, gaz, _homes(warm), repeats))
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


def _timed(parsed: list[Analysis], gaz: Gazetteer, homes: OutletHomes | None, repeats: int) -> str:
    """The stage's CPU time per 500 words: per pass over all the reports (min and median of the passes), per
    report (median), and the wall clock's per-report median."""
    words = sum(max(len(a.document.text.split()), 1) for a in parsed)
    passes, single, wall = [], [], []
    for _ in range(repeats):
        gc.collect()  # not the previous pass's garbage: each pass pays for its own
        total = 0.0
        for a in parsed:
            fresh = Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors)
            scale = 1000 * 500 / max(len(a.document.text.split()), 1)
            t, c = time.perf_counter(), time.process_time()
            analyse_places(fresh, gaz, homes)
            cpu = time.process_time() - c
            wall.append((time.perf_counter() - t) * scale)
            single.append(cpu * scale)
            total += cpu
        passes.append(total * 1000 * 500 / words)
    return (f"over {len(parsed)} reports, {words} words, {repeats} passes: CPU min {min(passes):.2f} ms, "
            f"median {statistics.median(passes):.2f} ms (per report median {statistics.median(single):.2f}, "
            f"wall median {statistics.median(wall):.2f}); load average {os.getloadavg()[0]:.1f} on "
            f"{os.cpu_count()} cores")

def _split(parsed: list[Analysis], gaz: Gazetteer, repeats: int, stage_min: float) -> str:
    """The issue's figure is resolution: the stage less recognition (`geo.stage.recognised`: finding the names),
    timed alone the same way (CPU, min of the passes), so the two shares can be told apart."""
    words = sum(max(len(a.document.text.split()), 1) for a in parsed)
    passes = []
    for _ in range(repeats):
        gc.collect()
        total = 0.0
        for a in parsed:
            fresh = Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors)
            c = time.process_time()
            recognised(fresh, gaz)
            total += time.process_time() - c
        passes.append(total * 1000 * 500 / words)
    found = min(passes)
    return (f"  of which recognition CPU min {found:.2f} ms (median {statistics.median(passes):.2f}); "
            f"resolution and the rest (stage min less recognition min) {stage_min - found:.2f} ms")


if __name__ == "__main__":
    sys.exit(main())
