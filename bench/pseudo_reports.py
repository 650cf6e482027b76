"""Merging on reports that tell several happenings: ACLED dev notes of one country and day joined into one report.

ACLED codes each note as its own event, so the events stage should find as many events in such a pseudo-report as
it holds notes, each of the right type near the right point: merging that joins two notes' happenings loses one,
merging that leaves a note's sentences apart adds one. Prints, over the pseudo-reports, the events written, and
true positives (a note's event type within 25 km of its point, each note matched once), false positives and
misses, with precision, recall and F1; then, on the matched events, the sub-event type and the fatalities (of notes
with some) that agree with the note's: a sentence joined to another note's happening moves its toll and may retype
it without changing a count. A pseudo-report joins at most `--notes` notes (first in hash order) of one
country and day, at most `--per-country` pseudo-reports per country, `--reports` in all (hash order, stable).

    .venv/bin/python bench/pseudo_reports.py [--reports 400] [--per-country 15] [--notes 4] [--split dev|train]

Stage settings are the shipped ones; point THUCYDIDES_SETTINGS at a YAML file to compare others.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from thucydides.evaluation import acled, adapter
from thucydides.evaluation.scoring import km
from thucydides.evaluation.view import EventRef, ExportView
from thucydides.pipeline import Pipeline

NEAR_KM = 25.0


def pseudo_reports(rows: Sequence[acled.AcledRow], reports: int, per_country: int,
                   notes: int) -> list[list[acled.AcledRow]]:
    """Notes of one country and day with a point, `notes` at most per report, in hash order."""
    by_day: dict[tuple[str, date], list[acled.AcledRow]] = defaultdict(list)
    for r in rows:
        if r.event_date is not None and r.lat is not None and r.lon is not None:
            by_day[(r.country, r.event_date)].append(r)
    joined = sorted((g[:notes] for g in by_day.values() if len(g) >= 2), key=lambda g: g[0].hash)
    taken: dict[str, int] = defaultdict(int)
    out = []
    for g in joined:
        if taken[g[0].country] < per_country:
            taken[g[0].country] += 1
            out.append(g)
    return out[:reports]


def matches(rows: Sequence[acled.AcledRow], events: Sequence[EventRef],
            export: ExportView) -> list[tuple[acled.AcledRow, EventRef]]:
    """Events of a note's type within `NEAR_KM` of its point, each note matched once: (note, event) pairs."""
    free = list(rows)
    pairs = []
    for e in events:
        where = export.coords(e.place)
        hit = next((r for r in free if where and r.event_type == e.event_type and r.lat is not None
                    and r.lon is not None and km(where, (r.lat, r.lon)) <= NEAR_KM), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((hit, e))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--per-country", type=int, default=15)
    parser.add_argument("--notes", type=int, default=4)
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="ACLED's split the notes come from (train: for fitting)")
    args = parser.parse_args()
    groups = pseudo_reports(acled.read_split(args.split == "dev"), args.reports, args.per_country, args.notes)
    docs = [adapter.document("\n\n".join(r.notes for r in g), name=f"pseudo-{i}", published=g[0].event_date,
                             source="acled") for i, g in enumerate(groups)]
    start = time.time()
    gold = written = 0
    pairs: list[tuple[acled.AcledRow, EventRef]] = []
    for g, (doc, export) in zip(groups, adapter.export_each(Pipeline(), docs), strict=True):
        events = export.events_of(adapter.doc_id(doc))
        gold, written = gold + len(g), written + len(events)
        pairs += matches(g, events, export)
    tp = len(pairs)
    fp, fn = written - tp, gold - tp
    p, r = tp / max(written, 1), tp / max(gold, 1)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{len(groups)} pseudo-reports, {gold} notes: {written} events; tp {tp} fp {fp} fn {fn} · "
          f"P {p:.3f} R {r:.3f} F1 {f1:.3f} ({time.time() - start:.0f} s)")
    deadly = [(r, e) for r, e in pairs if r.fatalities > 0]
    print(f"matched events: sub-event type exact {sum(r.sub_event_type == e.sub_event_type for r, e in pairs)}/{tp}; "
          f"fatalities exact on notes > 0 {sum((e.fatalities or 0) == r.fatalities for r, e in deadly)}/{len(deadly)}")


if __name__ == "__main__":
    main()
