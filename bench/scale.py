"""Scale: export, reconciliation, disputes, series and list queries on synthetic stores of 10,000,
20,000 and 50,000 reports, for this code and, given `--before REV`, for an earlier revision's code on
the same stores (figures, not a test).

How the stores are made: no pipeline run. Each synthetic report is an analysed result written straight
into the store's tables (documents, places, mentions, claims, events), shaped like the pipeline's: a
~400-character text, 3 events, 4 claims, 8 mentions. Reports 2k and 2k+1 tell the same happenings (so
events merge and figures dispute); places come from a pool of 800, actors from 6, and the reports
spread over time at 20 a day, so a larger store covers a longer period (as a larger corpus does) rather
than packing more reports into the same days. The oldest revision measured writes them, so every revision
opens them (a newer schema migrates its own copy on opening, before anything is timed).

Each revision is measured in its own processes on its own copy of each store: `git archive REV` is
unpacked into a temporary folder and imported instead of this checkout. Every figure is given as wall
seconds and, in brackets, CPU seconds: on a machine shared with other work the CPU time is the steadier
of the two, and neither is steady. So the rebuild (step by step) and the queries run `--repeat` times per
size, each on a fresh copy of the store, the sizes taking turns; the tables give medians, and each pair of
sizes given at 2x gives the ratio of every timed figure, with the CPU ratio of each pair of runs. The
rebuild's page reads and writes are counted too (read and write calls): a count that a busy machine does
not change, and that grows faster than the store once the pages a rebuild rewrites outgrow its cache. The
exports run once per size, with the budget of issue 13 printed: json of 10,000 reports in under 5 s,
peak RSS under 300 MB. `--legacy REV` also times, once on the first size, the export of a revision from
before reconciliation was stored (it read the whole store into memory and merged there; e.g. d7b1fde).

    .venv/bin/python bench/scale.py [--sizes 10000 20000 50000] [--repeat 3] [--before a3cedb3]
                                    [--legacy d7b1fde] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

PLACES = 800
ACTORS = ("ISIS", "SDF", "HTS", "Syrian Army", "Al Shabaab", "Wagner")
PER_DAY = 20
BASE = date(2019, 1, 1)


def use_tree(tree: str | None) -> None:
    """Import `thucydides` from `tree` (an unpacked revision) instead of this checkout: the editable
    install's import hook would otherwise take precedence over sys.path."""
    if tree:
        sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in getattr(f, "__module__", "")]
        sys.path.insert(0, tree)
    else:
        sys.path.insert(0, str(ROOT))


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
        Event(id=f"event-{r:06}-0", docs=[doc.id], event_type="Battles", sub_event_type="Armed clash", evidence=[ev],
              actor1=ACTORS[k % 6], actor2=ACTORS[(k + 1) % 6], place=ids[0], geo_precision=1, date=when,
              time_precision=1, fatalities=10 + r % 7, claims=[claims[0].id]),
        Event(id=f"event-{r:06}-1", docs=[doc.id], event_type="Explosions/Remote violence",
              sub_event_type="Shelling/artillery/missile attack", evidence=[ev], actor1=ACTORS[(k + 2) % 6],
              place=ids[1], geo_precision=1, date=when, time_precision=1),
        Event(id=f"event-{r:06}-2", docs=[doc.id], event_type="Explosions/Remote violence",
              sub_event_type="Remote explosive/landmine/IED", evidence=[ev], place=ids[2] if r % 3 else None,
              date=when, time_precision=1),
    ]
    toponyms = [Toponym(text.index(f"Town {p}"), text.index(f"Town {p}") + len(f"Town {p}"), f"Town {p}",
                        f"syn-{p}") for p in places]
    return Analysis(doc, toponyms=toponyms, places=pl, claims=claims, events=events)


def build(db: Path, n: int) -> float:
    """A store of n synthetic reports, written in bulk, every one queued; returns seconds taken."""
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


# --- measured in a worker process, with one revision's code -----------------------------------------
Timing = tuple[float, float]
"""(wall seconds, CPU seconds)"""


@contextmanager
def timer(into: dict[str, Timing], name: str) -> Iterator[None]:
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    into[name] = (time.perf_counter() - wall, time.process_time() - cpu)


IO_CALLS = "rebuild: page reads + writes (calls)"


def io_calls() -> int | None:
    """Read and write calls this process has made (Linux; None elsewhere): SQLite reads and writes a page a
    call, so this counts what a rebuild moves between its cache and the files, whatever else the machine does."""
    try:
        fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    except OSError:
        return None
    return int(fields["syscr"]) + int(fields["syscw"])


STEPS = {"event merging (whole)": ("event merging",),
         "disputes + sources (whole)": ("claim keys", "disputes", "sources")}
"""A rebuild's steps, timed one by one, and the totals the budget is set on."""


def reconcile_timed(db: Path, out: dict[str, Any]) -> None:
    """A whole rebuild, step by step: event merging, claim keys, disputes, sources (revisions without
    a keys step of their own count it in disputes)."""
    from thucydides.corpus import reconcile as rc
    from thucydides.store import reconciled as rs
    from thucydides.store.db import Store

    store = Store(db)
    report = rc.ReconcileReport(rebuilt=True)
    calls = io_calls()
    cache = getattr(rs, "page_cache", None)  # what `rebuild` does around these (revisions that have it)
    sized = getattr(rc, "rebuild_cache_mb", lambda conn, settings: settings.rebuild_cache_mb)
    keys = getattr(rc, "_rebuild_keys", None)
    with store.engine.begin() as conn, (cache(conn, sized(conn, rc.ReconcileSettings())) if cache
                                         else nullcontext()):
        rs.lock(conn)
        rs.clear_all(conn)
        with timer(out, "event merging"):
            rc._rebuild_events(conn, report)
        if keys:
            with timer(out, "claim keys"):
                keys(conn)
        with timer(out, "disputes"):
            (rc._rebuild_disputes if keys else rc._rebuild_claims)(conn, report)
        with timer(out, "sources"):
            rs.rate_all_sources(conn)
    store.close()
    done = io_calls()
    if calls is not None and done is not None:
        out[IO_CALLS] = done - calls  # the commit and the checkpoint included
    for total, steps in STEPS.items():
        parts = [out[step] for step in steps if step in out]
        out[total] = (sum(w for w, _ in parts), sum(c for _, c in parts))
    out["merged events"], out["disputes found"] = report.added, report.disputes


def add_reports_timed(db: Path, first: int, count: int, out: dict[str, Any]) -> None:
    """Reconciling `count` new reports on top of the reconciled store (incremental)."""
    from thucydides.corpus.reconcile import reconcile
    from thucydides.export.acled import event_day
    from thucydides.model import Interval
    from thucydides.store.db import Store

    event_day(Interval(BASE, BASE))  # the ACLED vocabulary, read once per process, is not what is timed
    store = Store(db)
    batch = [synthetic(r) for r in range(first, first + count)]
    store.add_documents([a.document for a in batch])
    for a in batch:
        store.save_analysis(a)
    with timer(out, f"{count} new reports (incremental)"):
        reconcile(store)
    store.close()


def queries_timed(db: Path, out: dict[str, Any]) -> None:
    from thucydides.export.records import StoreRecords
    from thucydides.store.db import Store

    store = Store(db)
    records = StoreRecords(store)
    with timer(out, "series territory_held (all)"):
        for key in records.series_keys("territory_held"):
            for _ in records.series_points(key):
                pass
    for name, stream in (("documents", records.documents), ("claims", records.claims), ("events", records.events),
                         ("disputes", records.disputes)):
        with timer(out, f"first 100 {name}"):
            for i, _ in enumerate(stream()):
                if i == 99:
                    break
    store.close()


def worker(db: Path, n: int, tree: str | None, phase: str) -> None:
    """One phase's figures, as JSON on stdout: 'build' makes the store, 'whole' rebuilds, 'rest' adds reports and
    queries."""
    use_tree(tree)
    out: dict[str, Any] = {}
    if phase == "build":
        out["built"] = build(db, n)
    elif phase == "whole":
        reconcile_timed(db, out)
    else:
        add_reports_timed(db, n, 64, out)
        queries_timed(db, out)
    print(json.dumps(out))


EXPORT = """
import resource, sys
sys.path.insert(0, {bench!r})
from scale import use_tree
use_tree({tree!r})
from thucydides.cli.main import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def export_timed(db: Path, out: Path, tree: str | None, fmt: str = "json") -> tuple[float, float, float]:
    """`thucydides export --format FMT` as a command: (wall s, CPU s, peak RSS MB) of its whole process,
    its start (imports, command line) included."""
    code = EXPORT.format(bench=str(ROOT / "bench"), tree=tree)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, "export", "--db", str(db), "--format", fmt, "-o", str(out)],
                          capture_output=True, text=True, check=True)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, float(done.stdout.split()[-1])


# --- driving -----------------------------------------------------------------------------------------
def unpack(rev: str, folder: Path) -> str:
    """`rev`'s thucydides package, unpacked under `folder`; returns the folder to import it from."""
    target = folder / f"rev-{rev}"
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "thucydides"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return str(target)


def build_with(db: Path, n: int, tree: str | None) -> float:
    """`build` with one revision's code, the oldest measured: its store's schema is one every revision opens (a
    newer one migrates its own copy when it opens it, before anything is timed)."""
    done = subprocess.run([sys.executable, __file__, "--worker", str(db), str(n), tree or "", "build"],
                          capture_output=True, text=True, check=True)
    return float(json.loads(done.stdout.splitlines()[-1])["built"])


def copy_store(db: Path, to: Path) -> Path:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(db, to)
    return to


def measure(db: Path, n: int, tree: str | None, folder: Path, exports: bool) -> dict[str, Any]:
    """Every figure for one revision (None: this checkout) on its own copy of the store; the exports
    (long, and only one run of each is needed for their budgets) when `exports`."""
    def phase(name: str) -> dict[str, Any]:
        done = subprocess.run([sys.executable, __file__, "--worker", str(db), str(n), tree or "", name],
                              capture_output=True, text=True, check=True)
        return dict(json.loads(done.stdout.splitlines()[-1]))

    figures = phase("whole")
    for kind in ("json", "geojson", "csv", "acled") if exports else ():
        wall, cpu, peak = export_timed(db, folder / f"export.{kind}", tree, kind)
        figures[f"export --format {kind}"] = (wall, cpu)
        figures[f"export --format {kind} peak RSS MB"] = peak
    return figures | phase("rest")


def legacy_export(db: Path, tree: str, folder: Path) -> tuple[float, float, float]:
    """The export of a revision from before stored reconciliation (schema version 1: the newer tables
    are there but unread)."""
    copy = copy_store(db, folder / "legacy.db")
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    return export_timed(copy, folder / "legacy.json", tree)


def fmt(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        wall, cpu = value
        return f"{wall:.2f} s ({cpu:.2f})" if wall >= 0.1 else f"{wall * 1000:.0f} ms ({cpu * 1000:.0f})"
    return f"{value:,.0f}" if isinstance(value, (int, float)) else str(value)


Runs = list[dict[str, Any]]
"""One revision's figures on one size, a dict per repeat."""


def median_of(runs: Runs, name: str) -> Any:
    """A figure's median over the repeats that have it (wall and CPU apart for a timing)."""
    values = [r[name] for r in runs if name in r]
    if not values:
        return ""
    if isinstance(values[0], (list, tuple)):
        return (statistics.median(v[0] for v in values), statistics.median(v[1] for v in values))
    return values[0]


def report(n: int, built: float, columns: dict[str, Runs]) -> None:
    repeats = max(len(runs) for runs in columns.values())
    print(f"\n== {n:,} reports (store built in {built:.1f} s); wall s (CPU s), median of {repeats} run(s)")
    fullest = sorted(columns.values(), key=lambda runs: -len(runs[0]))  # this checkout's steps first
    names = list(dict.fromkeys(name for runs in fullest for r in runs for name in r))
    print(f"  {'':42}" + "".join(f"{label:>20}" for label in columns))
    for name in names:
        print(f"  {name:42}" + "".join(f"{fmt(median_of(runs, name)):>20}" for runs in columns.values()))


def timed_names(runs: Runs) -> list[str]:
    return [name for name, value in runs[0].items() if isinstance(value, (list, tuple))]


def ratios(n1: int, a: Runs, n2: int, b: Runs, label: str) -> None:
    """Each timed figure at n2 over the same at n1: the ratio of the medians, wall and CPU, and the ratio of
    each pair of runs (run i at n1, run i at n2), wall (CPU)."""
    budget = "the budget for the rebuild's totals is x2.2" if n2 == 2 * n1 else f"linear: x{n2 / n1:g}"
    print(f"\n{n1:,} -> {n2:,} reports, {label}: time at {n2 / n1:g}x the store over the time at 1x "
          f"(median of {min(len(a), len(b))} run(s); {budget})")
    print(f"  {'':42}{'wall':>8}{'CPU':>8}   per run: wall (CPU)")
    for name in timed_names(a):
        if not median_of(b, name):
            continue
        (w1, c1), (w2, c2) = median_of(a, name), median_of(b, name)
        if min(w1, c1) <= 0:
            continue
        per_run = " ".join(f"x{y[name][0] / x[name][0]:.2f} (x{y[name][1] / x[name][1]:.2f})"
                           for x, y in zip(a, b, strict=False)
                           if name in x and name in y and min(x[name]) > 0) if len(a) > 1 else ""
        flag = "  <- over x2.2" if name in STEPS and n2 == 2 * n1 and min(w2 / w1, c2 / c1) > 2.2 else ""
        print(f"  {name:42}{f'x{w2 / w1:.2f}':>8}{f'x{c2 / c1:.2f}':>8}   {per_run}{flag}")
    if median_of(a, IO_CALLS) and median_of(b, IO_CALLS):
        print(f"  {IO_CALLS:42}{f'x{median_of(b, IO_CALLS) / median_of(a, IO_CALLS):.2f}':>16}   (a count: "
              "the same on a busy machine)")


def export_budget(n: int, columns: dict[str, Runs]) -> None:
    """The export's budget (issue 13): json of 10,000 reports in under 5 s, peak RSS under 300 MB at
    any size. On a shared machine the CPU time is the one to judge by; the wall time is printed too."""
    for label, runs in columns.items():
        timing, peak = median_of(runs, "export --format json"), median_of(runs, "export --format json peak RSS MB")
        if not timing:
            continue
        wall, cpu = timing
        fast = "" if n > 10_000 else f", CPU {'under' if cpu < 5 else 'OVER'} 5 s"
        print(f"export --format json, {n:,} reports, {label}: {wall:.2f} s wall, {cpu:.2f} s CPU, "
              f"peak RSS {peak:.0f} MB (budget: RSS {'under' if peak < 300 else 'OVER'} 300 MB{fast})")


def run_all(sizes: list[int], trees: dict[str, str | None], folder: Path, repeats: int,
            stores: dict[int, Path]) -> dict[int, dict[str, Runs]]:
    """Every revision on every size, `repeats` times, each on a fresh copy of the store; the sizes
    take turns (small first, then large first) so a busy spell of the machine falls on both."""
    runs: dict[int, dict[str, Runs]] = {n: {label: [] for label in trees} for n in sizes}
    for rep in range(repeats):
        for n in sizes if rep % 2 == 0 else sizes[::-1]:
            for k, (label, tree) in enumerate(trees.items()):
                copy = copy_store(stores[n], folder / f"scale-{n}-{k}.db")
                runs[n][label].append(measure(copy, n, tree, folder, exports=rep == 0))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000, 50_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the rebuild and queries per size (medians)")
    parser.add_argument("--before", help="also measure this revision's code (e.g. a3cedb3, stored reconciliation's "
                                         "first round)")
    parser.add_argument("--legacy", help="also time this revision's in-memory export once, on the first size")
    parser.add_argument("--keep", type=Path, default=None, help="keep the stores in this folder")
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(Path(args.worker[0]), int(args.worker[1]), args.worker[2] or None, args.worker[3])
        return
    use_tree(None)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="thucydides-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    trees: dict[str, str | None] = {"after": None}
    if args.before:
        trees = {f"before ({args.before})": unpack(args.before, folder), **trees}
    stores = {n: folder / f"scale-{n}.db" for n in args.sizes}
    built = {}
    for n, db in stores.items():
        db.unlink(missing_ok=True)
        built[n] = build_with(db, n, next(iter(trees.values())))
    runs = run_all(args.sizes, trees, folder, max(1, args.repeat), stores)
    if args.legacy:
        wall, cpu, peak = legacy_export(stores[args.sizes[0]], unpack(args.legacy, folder), folder)
        runs[args.sizes[0]][f"in memory ({args.legacy})"] = [{"export --format json": (wall, cpu),
                                                               "export --format json peak RSS MB": peak}]
    for n in args.sizes:
        report(n, built[n], runs[n])
    for n1, n2 in zip(args.sizes, args.sizes[1:], strict=False):
        for label in trees:
            ratios(n1, runs[n1][label], n2, runs[n2][label], label)
    print()
    for n in args.sizes:
        export_budget(n, {label: runs[n][label] for label in trees})
    print(f"\nstores in {folder}")


if __name__ == "__main__":
    main()
