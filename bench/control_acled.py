"""Control timelines on real text: ACLED's dev-split notes of territory changing hands.

    .venv/bin/python bench/control_acled.py [--split dev] [--limit N]

Each note of a takeover event (Non-state actor overtakes territory, Government regains territory, Non-violent
transfer of territory) goes through the whole pipeline as a report published on the event's date; the control
timelines are built from what comes out. Printed, over those notes:
- place: some place within 50 km of ACLED's location gets a segment starting within 31 days of the event;
- taker: that segment's controller is ACLED's actor 1 (its id, name or an alias appears in ACLED's actor name);
and the same per sub-event type. ACLED's notes stay in ../shared (split rule in SPLITS.md); nothing is copied.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thucydides.actors.recognize import registry  # noqa: E402
from thucydides.corpus.control import PlaceTimeline  # noqa: E402
from thucydides.corpus.control_text import control_timelines  # noqa: E402
from thucydides.geo.distance import km  # noqa: E402
from thucydides.knowledge import outside  # noqa: E402
from thucydides.knowledge.acled import TERRITORY_CHANGES  # noqa: E402
from thucydides.learn.corpora import acled_split  # noqa: E402
from thucydides.model import Document, Interval  # noqa: E402
from thucydides.pipeline import Pipeline  # noqa: E402

EVENTS = outside.acled_events()


def names_of(actor_id: str) -> set[str]:
    actor = registry().get(actor_id)
    names = {actor_id} | ({actor.name, *actor.aliases} if actor else set())
    return {n.casefold() for n in names if len(n) > 1}


def judge(row: dict[str, str], timelines: list[PlaceTimeline]) -> tuple[bool, bool]:
    day = date.fromisoformat(row["event_date"])
    lat, lon = float(row["latitude"]), float(row["longitude"])
    place_ok = taker_ok = False
    for t in timelines:
        if km(lat, lon, t.place.lat, t.place.lon) > 50:
            continue
        for s in t.segments:
            start = s.start.start if s.start and s.start.start else None
            if start is None or abs(start - day) > timedelta(days=31):
                continue
            place_ok = True
            taker_ok |= any(n in row["actor1"].casefold() for n in names_of(s.controller))
    return place_ok, taker_ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    with EVENTS.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["sub_event_type"] in TERRITORY_CHANGES
                and acled_split(r["event_id_cnty"]) == args.split and r["notes"].strip()]
    rows = rows[:args.limit] if args.limit else rows
    pipeline = Pipeline()
    tally: Counter[str] = Counter()
    for row in rows:
        day = date.fromisoformat(row["event_date"])
        doc = Document.from_text(row["notes"], name=row["event_id_cnty"], published=Interval(day, day))
        (analysis,) = pipeline.run_documents([doc])
        timelines = control_timelines([doc], analysis.events, analysis.claims, analysis.mentions(),
                                      analysis.places.values())
        place_ok, taker_ok = judge(row, timelines)
        for key in ("all", row["sub_event_type"]):
            tally[f"{key}|n"] += 1
            tally[f"{key}|place"] += place_ok
            tally[f"{key}|taker"] += taker_ok
    print(f"ACLED {args.split} split, takeover notes: {len(rows)}")
    for key in ["all", *sorted(TERRITORY_CHANGES)]:
        n = tally[f"{key}|n"]
        if n:
            place, taker = tally[f"{key}|place"] / n, tally[f"{key}|taker"] / n
            print(f"  {key:38} n={n:3}  place+date {place:.2f}  taker {taker:.2f}")


if __name__ == "__main__":
    main()
