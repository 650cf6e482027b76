"""REST API latency on a large synthetic store: first page of every list endpoint, over loopback.

    .venv/bin/python bench/api.py [--reports 10000] [--db FILE] [--repeat 20]

The store is built synthetically, not by running the pipeline (which would take an hour): each report is a
few sentences we write from templates (a place, an actor, a figure, a date), and carries what an average
processed report carries on the development set (about 4 claims, 2 events, 50 mentions, places drawn from
the gazetteer's Syrian and Iraqi towns), with dates spread over two years. Rows go in with the store's own
codec in bulk. The server is the real one (uvicorn, FastAPI, the serve settings) on 127.0.0.1.

Printed: for each endpoint, the first request after start-up (cold: whole-quantity views such as series,
disputes and control are computed once per store version, at start-up by a warm-up thread, and the
first request waits for them when it comes first) and the median of --repeat requests (warm), in ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import update  # noqa: E402

from thucydides.model import Claim, Document, Event, Evidence, Interval, Mention, Place  # noqa: E402
from thucydides.store import codec  # noqa: E402
from thucydides.store import schema as t  # noqa: E402
from thucydides.store.db import Store  # noqa: E402

TOWNS = [("Hajin", 34.695, 40.831), ("Susah", 34.534, 40.958), ("Baghuz", 34.461, 40.947),
         ("Abu Kamal", 34.452, 40.919), ("Mayadin", 35.019, 40.452), ("Raqqa", 35.952, 39.009),
         ("Tabqa", 35.834, 38.548), ("Manbij", 36.528, 37.955), ("Mosul", 36.340, 43.130), ("Tal Afar", 36.377, 42.449),
         ("Ramadi", 33.426, 43.299), ("Fallujah", 33.349, 43.784), ("Idlib", 35.931, 36.633),
         ("Saraqib", 35.864, 36.806), ("Palmyra", 34.560, 38.267), ("Deir ez-Zor", 35.336, 40.141)]
ACTORS = ["SDF", "ISIS", "SAA", "HTS", "ISF", "PMF", "Coalition", "Turkey", "SNA"]
CLAIMANTS = [None, "SDF", "SOHR", "Amaq", "SANA"]
TYPES = [("Battles", "Armed clash"), ("Battles", "Non-state actor overtakes territory"),
         ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Arrests")]
METRICS = [("killed", "person"), ("wounded", "person"), ("fled", "person"), ("territory_held", "km2"),
           ("fighters_present", "person")]
TEMPLATE = ("{town}, {day}: {a} fighters clashed with {b} near {town} on Tuesday, officials said. "
            "At least {n} people were killed and {m} wounded, according to {claimant}. "
            "Residents said {a} held the eastern districts while {b} shelled the outskirts. "
            "Report number {i} in a synthetic series written for the benchmark.")


def _places() -> list[Place]:
    return [Place(f"bench-{i}", name, lat, lon, country="IQ" if lon > 42 else "SY")
            for i, (name, lat, lon) in enumerate(TOWNS)]


def _report(i: int, rng: random.Random, places: list[Place], start: date):
    place = rng.choice(places)
    when = start + timedelta(days=rng.randrange(730))
    a, b = rng.sample(ACTORS, 2)
    claimant = rng.choice(CLAIMANTS)
    text = TEMPLATE.format(town=place.name, day=when.isoformat(), a=a, b=b, n=rng.randrange(1, 90),
                           m=rng.randrange(1, 90), claimant=claimant or "the outlet", i=i)
    doc = Document.from_text(text, name=f"bench-{i:05d}.txt", published=Interval(when, when))
    span = Interval(when, when)
    claims = []
    for k in range(4):
        metric, unit = rng.choice(METRICS)
        value = float(rng.randrange(1, 3000))
        claims.append(Claim(id=f"claim-{i}-{k}", doc=doc.id, metric=metric, unit=unit, low=value,
                            high=value if k % 2 else value * 1.2, qualifier="exact" if k % 2 else "range",
                            evidence=Evidence.of(doc, 0, 60), subject=rng.choice(ACTORS), agent=a, claimant=claimant,
                            place=place.id, time=span if k % 3 else None))
    events = []
    for k in range(2):
        kind, sub = rng.choice(TYPES)
        events.append(Event(id=f"event-{i}-{k}", docs=[doc.id], event_type=kind, sub_event_type=sub,
                            evidence=[Evidence.of(doc, 0, 80)], actor1=a, actor2=b, place=place.id, date=span,
                            fatalities=rng.randrange(0, 20)))
    mentions = [Mention(doc.id, j, j + 3, text[j:j + 3], "place" if j % 2 else "actor", place.id if j % 2 else a)
                for j in range(0, 150, 3)]
    return doc, claims, events, mentions


def build(path: Path, reports: int, seed: int = 7) -> Store:
    store = Store(path)
    rng = random.Random(seed)
    places = _places()
    with store.engine.begin() as conn:
        conn.execute(t.places.insert(), [codec.place_row(p) for p in places])
    start = date(2017, 6, 1)
    for first in range(0, reports, 1000):
        batch = [_report(i, rng, places, start) for i in range(first, min(reports, first + 1000))]
        store.add_documents([b[0] for b in batch])
        with store.engine.begin() as conn:
            conn.execute(t.claims.insert(), [codec.claim_row(c) for b in batch for c in b[1]])
            conn.execute(t.events.insert(), [codec.event_row(e, b[0].id) for b in batch for e in b[2]])
            conn.execute(t.mentions.insert(), [codec.mention_row(m) for b in batch for m in b[3]])
            conn.execute(update(t.documents).where(t.documents.c.id.in_([b[0].id for b in batch]))
                         .values(status="processed"))
    return store


ENDPOINTS = ["/api/events", "/api/claims", "/api/documents", "/api/places", "/api/series", "/api/disputes",
             "/api/sources", "/api/control", "/api/events?event_type=Battles&start=2018-01-01&end=2018-03-31",
             "/api/events?country=IQ&actor=ISIS", "/api/claims?metric=killed&claimant=SOHR",
             "/api/events?bbox=40,34,41.5,35.5", "/api/series/points?metric=killed&unit=person&subject=ISIS"]


def _get_ms(url: str) -> float:
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        response.read()
    return (time.perf_counter() - began) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="Keep the synthetic store here (default: a temporary folder).")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    from thucydides.serve.server import Server

    folder = tempfile.mkdtemp(prefix="thucydides-bench-")
    path = args.db or Path(folder) / "bench.db"
    began = time.perf_counter()
    store = build(path, args.reports) if not path.exists() else Store(path)
    stats = store.stats()
    print(f"store: {stats.documents} reports, {stats.claims} claims, {stats.events} events, "
          f"{stats.mentions} mentions (built in {time.perf_counter() - began:.1f} s) at {path}")
    with Server(store, port=0) as server:
        began = time.perf_counter()
        server.data.warm()  # what the start-up thread does; timed here so the cost is printed
        print(f"reconciled views (series, disputes, sources, control) computed in {time.perf_counter() - began:.1f} s")
        print(f"{'endpoint':64} {'first ms':>9} {'median ms':>10}")
        for endpoint in ENDPOINTS:
            first = _get_ms(server.url + endpoint)
            times = [_get_ms(server.url + endpoint) for _ in range(args.repeat)]
            verdict = "ok" if statistics.median(times) < 100 else "SLOW"
            print(f"{endpoint:64} {first:9.1f} {statistics.median(times):10.1f}  {verdict}")


if __name__ == "__main__":
    main()
