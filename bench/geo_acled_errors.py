"""Where event places go wrong on ACLED notes, by category (train split by default: never fit on dev by looking).

    python bench/geo_acled_errors.py [--split train|dev] [--cap N] [--limit N] [--examples N] [--category NAME]

Each note (at most --cap per country, in hash order) runs through the whole pipeline; the primary event
(earliest evidence, as `make eval` picks it) is compared with ACLED's point. Categories:
right25 (within 25 km); right161 (25-161 km); no-event; no-place:no-span / :unresolved / :took-none (an event,
no place: no place name recognised, names found but none resolved, or resolved names the event did not take);
and for places farther than 161 km or missing: wrong-mention (a toponym of the note lies within 25 km of
ACLED's point, the event took another), misresolved (the note's location name was found but resolved elsewhere
or not at all), unfound (the location name was not recognised), no-location-name (ACLED's location name is not
in the note). Prints counts and examples. Read-only on the data.

With --causes, each 161-km miss is also put down to one cause (`cause`), in this order: no-event; the note
names a right place but the event took another (other-place, or other-place:wider when it took a region or
country); ACLED's location name is in the note and resolved to a namesake abroad (namesake-abroad) or in the
same country (namesake-in-country), or was not resolved (unrecognised); the name is not in the note and the
event took a place abroad (unsaid:abroad), in the country (unsaid:in-country) or none (unsaid:none);
--examples then samples each cause.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache

from thucydides.evaluation import adapter
from thucydides.evaluation.acled import AcledRow, _row, row_document, select
from thucydides.evaluation.scoring import km, primary_event
from thucydides.evaluation.view import ExportView, MentionRef
from thucydides.geo.fold import fold
from thucydides.knowledge import outside
from thucydides.knowledge.splits import is_acled_dev


@dataclass(frozen=True)
class Case:
    category: str
    row: AcledRow
    detail: str


def read_split(split: str) -> list[AcledRow]:
    with outside.acled_events().open(encoding="utf-8", newline="") as fh:
        rows = [(_row(r), r["location"]) for r in csv.DictReader(fh)
                if is_acled_dev(r["event_id_cnty"]) == (split == "dev") and r["notes"].strip() and r["latitude"]]
    LOCATIONS.update({r.event_id: loc for r, loc in rows})
    return sorted((r for r, _ in rows), key=lambda r: r.hash)


LOCATIONS: dict[str, str] = {}


def categorise(row: AcledRow, export: ExportView, doc_id: str) -> Case:
    gold = (row.lat or 0.0, row.lon or 0.0)
    event = primary_event(export.events_of(doc_id), doc_id)
    where = export.coords(event.place) if event else None
    if where is not None and km(where, gold) <= 161:
        return Case("right25" if km(where, gold) <= 25 else "right161", row, _named(export, event.place))
    if event is None:
        return Case("no-event", row, "")
    mentions = export.place_mentions(doc_id)
    near = [m for m in mentions if (c := export.coords(m.ref)) and km(c, gold) <= 25]
    picked = _named(export, event.place) if event.place else "(none)"
    if near:
        return Case("wrong-mention", row, f"picked {picked}; near: {row.notes[near[0].start:near[0].end]}")
    prefix = _no_place_reason(mentions) + "/" if event.place is None else ""
    return Case(prefix + _location_category(row, export, doc_id), row, f"picked {picked}")


def _no_place_reason(mentions: list[MentionRef]) -> str:
    """Why an event has no place: no place name recognised (recognition), names found but none resolved
    (gazetteer lookup), or resolved names the event did not take (the event's place steps)."""
    if not mentions:
        return "no-place:no-span"
    return "no-place:took-none" if any(m.ref for m in mentions) else "no-place:unresolved"


def _location_category(row: AcledRow, export: ExportView, doc_id: str) -> str:
    location = LOCATIONS.get(row.event_id, "")
    key = fold(location)
    text = fold(row.notes)
    if not key or f" {key} " not in f" {text} ":
        return "no-location-name"
    hit = any(fold(row.notes[m.start:m.end]) == key or key in fold(row.notes[m.start:m.end])
              for m in export.place_mentions(doc_id))
    return "misresolved" if hit else "unfound"


def cause(row: AcledRow, export: ExportView, doc_id: str, gold_country: str | None) -> str | None:
    """Why the primary event is not within 161 km of ACLED's point (None when it is): see the module's text."""
    gold = (row.lat or 0.0, row.lon or 0.0)
    event = primary_event(export.events_of(doc_id), doc_id)
    if event is None:
        return "no-event"
    where = export.coords(event.place)
    if where is not None and km(where, gold) <= 161:
        return None
    mentions = export.place_mentions(doc_id)
    if any((c := export.coords(m.ref)) and km(c, gold) <= 161 for m in mentions):
        picked = export.places.get(event.place or "")
        return "other-place:wider" if picked is not None and _wide(picked.id) else "other-place"
    return _location_cause(row, export, mentions, gold_country) or _unsaid(export, event.place, gold_country)


def _location_cause(row: AcledRow, export: ExportView, mentions: list[MentionRef],
                    gold_country: str | None) -> str | None:
    """ACLED's location named in the note: resolved to a namesake, or not recognised at all (None: not named)."""
    key = fold(LOCATIONS.get(row.event_id, ""))
    named = [m for m in mentions if key and (fold(row.notes[m.start:m.end]) == key
                                             or key in fold(row.notes[m.start:m.end]))]
    resolved = [export.places[m.ref] for m in named if m.ref and m.ref in export.places]
    if resolved:
        abroad = all(p.country != gold_country for p in resolved)
        return "namesake-abroad" if abroad else "namesake-in-country"
    if key and f" {key} " in f" {fold(row.notes)} ":
        return "unrecognised"
    return None


def _unsaid(export: ExportView, place_id: str | None, gold_country: str | None) -> str:
    """ACLED's location is not in the note: where the event went instead."""
    picked = export.places.get(place_id or "")
    if picked is None:
        return "unsaid:none"
    return "unsaid:in-country" if picked.country == gold_country else "unsaid:abroad"


def _wide(place_id: str) -> bool:
    from thucydides.geo.gazetteer import open_gazetteer

    place = open_gazetteer().place(place_id)
    return place is not None and place.kind in ("country", "admin1", "region")


@cache
def country_code(name: str) -> str | None:
    """ACLED's country name as an ISO code, through the gazetteer's countries."""
    from thucydides.geo.gazetteer import open_gazetteer

    hits = [c.place.country for c in open_gazetteer().candidates(name) if c.place.kind == "country"]
    return hits[0] if hits else None


def _named(export: ExportView, place_id: str | None) -> str:
    p = export.places.get(place_id or "")
    return p.name if p else "(none)"


def _print_counts(split: str, cap: int, cases: list[Case], causes: Counter[str] | None) -> None:
    counts = Counter(c.category for c in cases)
    print(f"ACLED {split}, at most {cap} per country: {len(cases)} notes")
    for cat, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {cat:40} {n:5}  {n / len(cases):.3f}")
    if causes is not None:
        print(f"161-km misses by cause: {sum(causes.values())}")
        for why, n in causes.most_common():
            print(f"  {why:40} {n:5}  {n / len(cases):.3f}")


def _print_examples(by_cat: dict[str, list[Case]], examples: int, only: str) -> None:
    rng = random.Random(0)
    for cat in sorted(by_cat):
        if examples and not cat.startswith("right") and only in ("", cat):
            print(f"\n== {cat}")
            for c in rng.sample(by_cat[cat], min(examples, len(by_cat[cat]))):
                print(f"  [{LOCATIONS.get(c.row.event_id)}] {c.detail} :: {c.row.notes[:220]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("train", "dev"), default="train")
    ap.add_argument("--cap", type=int, default=10)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--category", default="")
    ap.add_argument("--causes", action="store_true", help="also count the 161-km misses by cause")
    a = ap.parse_args()
    rows = select(read_split(a.split), a.cap, a.limit or None).rows
    pipeline = adapter.build_pipeline()
    cases: list[Case] = []
    causes: Counter[str] = Counter()
    by_cause: dict[str, list[Case]] = defaultdict(list)
    for r, (doc, export) in zip(rows, adapter.export_each(pipeline, (row_document(r) for r in rows)), strict=True):
        cases.append(categorise(r, export, adapter.doc_id(doc)))
        if a.causes and (why := cause(r, export, adapter.doc_id(doc), country_code(r.country))):
            causes[why] += 1
            by_cause[why].append(cases[-1])
    _print_counts(a.split, a.cap, cases, causes if a.causes else None)
    by_cat: dict[str, list[Case]] = by_cause if a.causes else defaultdict(list)
    for c in [] if a.causes else cases:
        by_cat[c.category].append(c)
    _print_examples(by_cat, a.examples, a.category)
    return 0


if __name__ == "__main__":
    sys.exit(main())
