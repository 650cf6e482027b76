"""Scale: export, reconciliation, disputes, series and list queries on synthetic stores of 10,000,
20,000 and 50,000 reports (figures, not a test).

How the stores are made: no pipeline run. Each synthetic report is an analysed result written straight
into the store's tables (documents, places, mentions, claims, events), shaped like the pipeline's: a
~400-character text, 3 events, 4 claims, 8 mentions. Reports 2k and 2k+1 tell the same happenings (so
events merge and figures dispute); places come from a pool of 800, actors from 6, and the reports
spread over time at 20 a day, so a larger store covers a longer period (as a larger corpus does) rather
than packing more reports into the same days.

    .venv/bin/python bench/scale.py [--sizes 10000 20000 50000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = 800
ACTORS = ("ISIS", "SDF", "HTS", "Syrian Army", "Al Shabaab", "Wagner")
PER_DAY = 20
BASE = date(2019, 1, 1)


def synthetic(r: int):  # type: ignore[no-untyped-def]
    """One analysed report (typed domain objects), deterministic in r."""
    from thucydides.model import Analysis, Claim, Document, Event, Evidence, Interval, Place, Toponym

    k = r // 2
    day = BASE + timedelta(days=k // (PER_DAY // 2))
    when = Interval(day, day)
    places = [(k * 7 + j * 131) % PLACES for j in range(3)]
    text = (f"Dispatch {r}. Fighting was reported near Town {places[0]} on {day:%d %B %Y}, where "
            f"{ACTORS[k % 6]} units clashed with {ACTORS[(k + 1) % 6]}; {10 + r % 7} people were killed. "
            f"Shelling hit Town {places[1]} the same day. Some {(k % 50) + 5 + (r % 2) * 60} square kilometres "
            f"near Town {places[2]} remain held, a monitor said. An explosion was heard in Town {places[2]}.")
    doc = Document.from_text(text, name=f"r{r:06}.txt", outlet=f"Outlet {r % 40}", published=when)
    ev = Evidence.of(doc, 0, min(len(text), 160))
    pl = {f"syn-{p}": Place(f"syn-{p}", f"Town {p}", 30 + (p % 90) / 10, 35 + (p // 90) / 10, country="SY",
                            admin1=f"Prov {p % 14}") for p in places}
    ids = [f"syn-{p}" for p in places]
    claims = [
        Claim(f"claim-{r}-k", doc.id, "killed", "person", 10 + r % 7, 10 + r % 7, "exact", ev, place=ids[0],
              claimant=f"Monitor {r % 9}", time=when),
        Claim(f"claim-{r}-t", doc.id, "territory_held", "km2", (k % 50) + 5 + (r % 2) * 60,
              (k % 50) + 5 + (r % 2) * 60, "approximately", ev, subject=ACTORS[k % 6], place=ids[2],
              claimant=f"Monitor {r % 9}", time=when),
        Claim(f"claim-{r}-f", doc.id, "fighters_present", "person", 100 + k % 300, None, "at_least", ev,
              subject=ACTORS[(k + 1) % 6], place=ids[0], time=when),
        Claim(f"claim-{r}-w", doc.id, "wounded", "person", 3, 3, "exact", ev, place=ids[1], time=when),
    ]
    events = [
        Event(f"event-{r:06}-0", [doc.id], "Battles", "Armed clash", [ev], actor1=ACTORS[k % 6],
              actor2=ACTORS[(k + 1) % 6], place=ids[0], geo_precision=1, date=when, time_precision=1,
              fatalities=10 + r % 7, claims=[claims[0].id]),
        Event(f"event-{r:06}-1", [doc.id], "Explosions/Remote violence", "Shelling/artillery/missile attack",
              [ev], actor1=ACTORS[(k + 2) % 6], place=ids[1], geo_precision=1, date=when, time_precision=1),
        Event(f"event-{r:06}-2", [doc.id], "Explosions/Remote violence", "Remote explosive/landmine/IED", [ev],
              place=ids[2] if r % 3 else None, date=when, time_precision=1),
    ]
    toponyms = [Toponym(text.index(f"Town {p}"), text.index(f"Town {p}") + len(f"Town {p}"), f"Town {p}",
                        f"syn-{p}") for p in places]
    return Analysis(doc, toponyms=toponyms, places=pl, claims=claims, events=events)


def build(db: Path, n: int) -> float:
    """A store of n synthetic reports, written in bulk; returns seconds taken."""
    from thucydides.store import codec, reconciled
    from thucydides.store import schema as t
    from thucydides.store.db import Store

    started = time.perf_counter()
    store = Store(db)
    seen_places: set[str] = set()
    for start in range(0, n, 2000):
        batch = [synthetic(r) for r in range(start, min(n, start + 2000))]
        with store.engine.begin() as conn:
            conn.execute(t.documents.insert(), [
                codec.document_row(a.document, start + i + 1) | {"status": "processed"} for i, a in enumerate(batch)])
            fresh = {p.id: codec.place_row(p) for a in batch for p in a.places.values() if p.id not in seen_places}
            seen_places |= set(fresh)
            if fresh:
                conn.execute(t.places.insert(), list(fresh.values()))
            conn.execute(t.mentions.insert(), [codec.mention_row(m) for a in batch for m in a.mentions()])
            conn.execute(t.claims.insert(), [codec.claim_row(c) for a in batch for c in a.claims])
            conn.execute(t.events.insert(), [codec.event_row(e, a.doc_id) for a in batch for e in a.events])
            reconciled.enqueue(conn, [a.doc_id for a in batch])
    store.close()
    return time.perf_counter() - started


def reconcile_timed(db: Path) -> tuple[float, float, int, int]:
    """A whole reconciliation: (event merging s, disputes s, merged events, disputes)."""
    from thucydides.corpus import reconcile as rc
    from thucydides.store import reconciled as rs
    from thucydides.store.db import Store

    store = Store(db)
    report = rc.ReconcileReport(rebuilt=True)
    with store.engine.begin() as conn:
        rs.lock(conn)
        entries = rs.queued(conn, 10**9)
        rs.clear_all(conn)
        t0 = time.perf_counter()
        rc._rebuild_events(conn, report)
        t1 = time.perf_counter()
        rc._rebuild_claims(conn, report)
        rs.rate_all_sources(conn)
        t2 = time.perf_counter()
        del entries
    store.close()
    return t1 - t0, t2 - t1, report.added, report.disputes


def add_reports_timed(db: Path, first: int, count: int) -> float:
    """Process-and-reconcile cost of `count` new reports on top of the store (incremental)."""
    from thucydides.corpus.reconcile import reconcile
    from thucydides.store.db import Store

    store = Store(db)
    batch = [synthetic(r) for r in range(first, first + count)]
    store.add_documents([a.document for a in batch])
    for a in batch:
        store.save_analysis(a)
    started = time.perf_counter()
    reconcile(store)
    took = time.perf_counter() - started
    store.close()
    return took


def export_timed(db: Path, out: Path) -> tuple[float, float]:
    """`thucydides export --format json` in a fresh process: (seconds, peak RSS MB)."""
    code = ("import resource, sys, time\n"
            "from thucydides.cli.main import app\n"
            "t = time.perf_counter()\n"
            "try:\n    app(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n")
    done = subprocess.run([sys.executable, "-c", code, "export", "--db", str(db), "--format", "json", "-o",
                           str(out)], capture_output=True, text=True, check=True)
    seconds, peak = done.stdout.split()[-2:]
    return float(seconds), float(peak)


def queries_timed(db: Path) -> dict[str, float]:
    from thucydides.export.records import StoreRecords
    from thucydides.store.db import Store

    store = Store(db)
    records = StoreRecords(store)
    out = {}
    started = time.perf_counter()
    for key in records.series_keys("territory_held"):
        for _ in records.series_points(key):
            pass
    out["series territory_held (all)"] = time.perf_counter() - started
    for name, stream in (("documents", records.documents()), ("claims", records.claims()),
                         ("events", records.events()), ("disputes", records.disputes())):
        started = time.perf_counter()
        for i, _ in enumerate(stream):
            if i == 99:
                break
        out[f"first 100 {name}"] = time.perf_counter() - started
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000])
    parser.add_argument("--keep", type=Path, default=None, help="keep the stores in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="thucydides-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        db = folder / f"scale-{n}.db"
        db.unlink(missing_ok=True)
        built = build(db, n)
        merging, disputing, merged, disputes = reconcile_timed(db)
        export_s, export_mb = export_timed(db, folder / f"scale-{n}.json")
        adding = add_reports_timed(db, n, 64)
        queries = queries_timed(db)
        rows.append((n, merging, disputing))
        print(f"\n== {n:,} reports (store built in {built:.1f} s)")
        print(f"  export --format json: {export_s:.2f} s, peak RSS {export_mb:.0f} MB")
        print(f"  reconciliation, whole: event merging {merging:.2f} s ({merged:,} merged events), "
              f"disputes + sources {disputing:.2f} s ({disputes:,} disputes)")
        print(f"  reconciliation, incremental: 64 new reports {adding:.3f} s")
        for name, seconds in queries.items():
            print(f"  {name}: {seconds * 1000:.1f} ms")
    for (n1, m1, d1), (n2, m2, d2) in zip(rows, rows[1:], strict=False):
        if n2 == 2 * n1:
            print(f"\n{n1:,} -> {n2:,}: event merging x{m2 / m1:.2f}, disputes x{d2 / d1:.2f}")
    print(f"\nstores in {folder}")


if __name__ == "__main__":
    main()
