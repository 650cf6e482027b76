"""Why an event of the right type lands at another place, on the pseudo-reports of `bench/pseudo_reports.py`.

An event left unmatched while a note of its type is also left unmatched is counted once, by cause: read from a note
that tells no such event (its sentences joined another note's type), placed nowhere, its own note resolving no place
(a report-wide fallback placed it), its own note resolving places but none within 25 km of ACLED's point (the place
reading: a namesake, a village the gazetteer lacks, a province coded at another point), or its own note resolving a
place within 25 km while the event took another (the choice among the note's places: `events/where`). Prints the
counts and, with `--examples N`, N (chosen place, km from the note's point, places that were near) per cause.
For error analysis on train notes only (SPLITS.md); dev for figures.

    .venv/bin/python bench/pseudo_report_places.py [--reports 400] [--per-country 15] [--notes 4] [--examples 0]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Sequence

from pseudo_reports import NEAR_KM, matches, pseudo_reports

from thucydides.evaluation import acled, adapter
from thucydides.evaluation.scoring import km
from thucydides.evaluation.view import EventRef, ExportView
from thucydides.pipeline import Pipeline


def note_of(bounds: Sequence[tuple[int, int]], offset: int) -> int | None:
    return next((i for i, (a, b) in enumerate(bounds) if a <= offset < b), None)


def cause(g: Sequence[acled.AcledRow], bounds: Sequence[tuple[int, int]], e: EventRef, export: ExportView,
          free: Sequence[acled.AcledRow]) -> tuple[str, list[str]]:
    """The cause of one wrongly placed event, and the names of its note's places near the note's point."""
    own = {note_of(bounds, s.start) for s in e.evidence}
    targets = [r for r in free if g.index(r) in own]
    if not targets:
        return "read from a note telling no event of its type", []
    if not e.place:
        return "placed nowhere", []
    places = note_places(g, bounds, export, g.index(targets[0]))
    if not places:
        return "its note resolves no place (report-wide fallback)", []
    near = [name for name, where in places if within(targets[0], where)]
    if not near:
        return "its note resolves no place within 25 km (place reading)", []
    return "its note resolves one within 25 km, another taken (events/where)", near


def note_places(g: Sequence[acled.AcledRow], bounds: Sequence[tuple[int, int]], export: ExportView,
                note: int) -> list[tuple[str, tuple[float, float]]]:
    """The resolved places named in one note of the report: (text, point)."""
    text = "\n\n".join(r.notes for r in g)
    found = [(text[m.start:m.end], export.coords(m.ref)) for m in export.mentions
             if m.kind == "place" and note_of(bounds, m.start) == note]
    return [(name, where) for name, where in found if where]


def within(r: acled.AcledRow, where: tuple[float, float]) -> bool:
    return r.lat is not None and r.lon is not None and km(where, (r.lat, r.lon)) <= NEAR_KM


def note_bounds(g: Sequence[acled.AcledRow]) -> list[tuple[int, int]]:
    """Each note's (start, end) in the report, the notes joined by a blank line."""
    starts = [sum(len(r.notes) + 2 for r in g[:i]) for i in range(len(g))]
    return [(s, s + len(r.notes)) for s, r in zip(starts, g, strict=True)]


def report_causes(g: Sequence[acled.AcledRow], doc_id: str, export: ExportView) -> list[tuple[str, str]]:
    """(cause, example line) for each event of one pseudo-report placed away from a free note of its type."""
    bounds = note_bounds(g)
    events = export.events_of(doc_id)
    pairs = matches(g, events, export)
    hit = {id(e) for _, e in pairs}
    free = [r for r in g if all(r is not n for n, _ in pairs)]
    out = []
    for e in events:
        same = [r for r in free if r.event_type == e.event_type]
        if id(e) in hit or not same:
            continue
        why, near = cause(g, bounds, e, export, same)
        chosen = export.places[e.place].name if e.place and e.place in export.places else None
        out.append((why, f"{chosen} (near: {', '.join(near) or '-'})"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=400)
    parser.add_argument("--per-country", type=int, default=15)
    parser.add_argument("--notes", type=int, default=4)
    parser.add_argument("--examples", type=int, default=0)
    args = parser.parse_args()
    groups = pseudo_reports(acled.read_split(False), args.reports, args.per_country, args.notes)
    docs = [adapter.document("\n\n".join(r.notes for r in g), name=f"pseudo-{i}", published=g[0].event_date,
                             source="acled") for i, g in enumerate(groups)]
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for g, (doc, export) in zip(groups, adapter.export_each(Pipeline(), docs), strict=True):
        for why, line in report_causes(g, adapter.doc_id(doc), export):
            counts[why] += 1
            examples[why].append(line)
    print(f"{len(groups)} pseudo-reports (train): {sum(counts.values())} events of a free note's type placed elsewhere")
    for why, n in counts.most_common():
        print(f"  {n:4d}  {why}")
        for line in examples[why][:args.examples]:
            print(f"          {line}")


if __name__ == "__main__":
    main()
