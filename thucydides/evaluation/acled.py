"""ACLED dev split: each row's coder notes as a report, the system's primary event against ACLED's coding.

Rows are chosen by shared/data/acled/SPLITS.md (dev when sha256(event_id_cnty) % 10 == 0) with a
per-country cap in hash order, because the United States 2020 protests would otherwise be a third
of the figure. Notes are summaries, not articles: this measures typing, actors, places and tolls
on short text, not robustness to long reports (the VOA rows do that).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from thucydides.evaluation import adapter
from thucydides.evaluation.scoring import (
    NONE_LABEL,
    Rate,
    actor_matches,
    km,
    macro_f1,
    primary_event,
    rate,
)
from thucydides.evaluation.view import ActorRef, EventRef, ExportView
from thucydides.knowledge import outside
from thucydides.knowledge.actors import actor_base
from thucydides.knowledge.splits import is_acled_dev, sha256_int

DEFAULT_CAP = 300


@dataclass(frozen=True)
class AcledRow:
    event_id: str
    event_date: date | None
    country: str
    event_type: str
    sub_event_type: str
    actor1: str
    lat: float | None
    lon: float | None
    fatalities: int
    notes: str
    actor2: str = ""
    """ACLED's actor 2; empty where the event has none (most protests), and then left out of the actor2 figure."""

    @property
    def hash(self) -> int:
        return sha256_int(self.event_id)


@dataclass(frozen=True)
class Selection:
    rows: tuple[AcledRow, ...]
    dev_rows: int
    cap: int | None
    limit: int | None


@dataclass(frozen=True)
class Outcome:
    """What the system said about one row, reduced to what is compared."""

    gold_type: str
    gold_sub: str
    has_event: bool
    type: str
    sub: str
    actor1: bool
    actor2: bool | None
    """None where ACLED names no actor 2 for the row."""
    km: float | None
    """Distance from ACLED's point; None when the system gave no place or ACLED has no point."""
    located: bool
    """ACLED has a point for this row (rows without one are left out of the location figures)."""
    gold_fatalities: int
    fatalities: int


@dataclass(frozen=True)
class TypeFigures:
    event_type: str
    n: int
    type_accuracy: Rate
    sub_accuracy: Rate
    actor1: Rate
    loc25: Rate
    fatalities: Rate


@dataclass(frozen=True)
class AcledResult:
    selection_rows: int
    dev_rows: int
    cap: int | None
    limit: int | None
    has_event: Rate
    type_accuracy: Rate
    type_macro_f1: float
    sub_accuracy: Rate
    sub_macro_f1: float
    actor1: Rate
    actor2: Rate
    """Loose, like actor1, over the rows whose ACLED actor 2 is not empty."""
    loc25: Rate
    loc161: Rate
    fatalities_positive: Rate
    fatalities_all: Rate
    by_type: tuple[TypeFigures, ...]
    seconds: float


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _row(r: dict[str, str]) -> AcledRow:
    try:
        day: date | None = date.fromisoformat(r["event_date"])
    except ValueError:
        day = None
    fatalities = int(float(r["fatalities"])) if r.get("fatalities") else 0
    return AcledRow(r["event_id_cnty"], day, r["country"], r["event_type"], r["sub_event_type"], r["actor1"],
                    _float(r["latitude"]), _float(r["longitude"]), fatalities, r["notes"], r.get("actor2", ""))


def read_dev(path: Path | None = None) -> list[AcledRow]:
    """Dev rows with notes, in hash order (the order the cap and the limit choose by)."""
    return read_split(True, path)


def read_split(dev: bool, path: Path | None = None) -> list[AcledRow]:
    """Dev rows (or with `dev` false, train rows) with notes, in hash order."""
    with (path or outside.acled_events()).open(encoding="utf-8", newline="") as fh:
        rows = [_row(r) for r in csv.DictReader(fh) if is_acled_dev(r["event_id_cnty"]) == dev and r["notes"].strip()]
    return sorted(rows, key=lambda r: r.hash)


def select(rows: Sequence[AcledRow], cap: int | None = DEFAULT_CAP, limit: int | None = None) -> Selection:
    """At most `cap` rows per country (first in hash order), then the first `limit` of those."""
    per_country: dict[str, int] = {}
    chosen = []
    for row in rows:
        seen = per_country.get(row.country, 0)
        if cap is None or seen < cap:
            per_country[row.country] = seen + 1
            chosen.append(row)
    if limit:
        chosen = chosen[:limit]
    return Selection(tuple(chosen), len(rows), cap, limit)


def row_document(row: AcledRow) -> adapter.Doc:
    return adapter.document(row.notes, name=row.event_id, published=row.event_date, source="acled")


def acled_named(actor: ActorRef | None, country: str | None) -> ActorRef | None:
    """The actor with, among its names, the one the system's ACLED export writes for an event in `country`: a
    family that keeps one id across countries ('Islamic State', id ISIS) is 'Islamic State (Egypt)' there."""
    if actor is None or not country:
        return actor
    base = actor_base()
    record = base.get(actor.id)
    named = base.name_in(record, country) if record else actor.name
    return actor if named in (actor.name, *actor.aliases) else replace(actor, aliases=(*actor.aliases, named))


def _actor(export: ExportView, event: EventRef | None, actor_id: str | None) -> ActorRef | None:
    """One of the event's actors as the ACLED export names it in the country of the event's place."""
    if event is None or not actor_id:
        return None
    place = export.places.get(event.place) if event.place else None
    return acled_named(export.actors.get(actor_id), place.country if place else None)


def _actor2(row: AcledRow, export: ExportView, event: EventRef | None) -> bool | None:
    """Whether the event's actor 2 is ACLED's; None where ACLED names none, so such rows stay out of the figure."""
    if not row.actor2.strip():
        return None
    return actor_matches(_actor(export, event, event.actor2 if event else None), row.actor2)


def outcome(row: AcledRow, export: ExportView, doc_id: str) -> Outcome:
    event = primary_event(export.events_of(doc_id), doc_id)
    located = row.lat is not None and row.lon is not None
    where = export.coords(event.place) if event else None
    distance = km(where, (row.lat, row.lon)) if where and row.lat is not None and row.lon is not None else None
    return Outcome(
        gold_type=row.event_type, gold_sub=row.sub_event_type, has_event=event is not None,
        type=(event.event_type if event else None) or NONE_LABEL,
        sub=(event.sub_event_type if event else None) or NONE_LABEL,
        actor1=actor_matches(_actor(export, event, event.actor1 if event else None), row.actor1),
        actor2=_actor2(row, export, event),
        km=distance, located=located, gold_fatalities=row.fatalities,
        fatalities=(event.fatalities or 0) if event else 0,
    )


def outcomes(rows: Sequence[AcledRow], pipeline: adapter.Pipe) -> Iterator[Outcome]:
    docs = (row_document(r) for r in rows)
    for row, (doc, export) in zip(rows, adapter.export_each(pipeline, docs), strict=True):
        yield outcome(row, export, adapter.doc_id(doc))


def _near(outs: Sequence[Outcome], limit_km: float) -> Rate:
    return rate(o.km is not None and o.km <= limit_km for o in outs if o.located)


def _type_figures(event_type: str, outs: Sequence[Outcome]) -> TypeFigures:
    return TypeFigures(
        event_type, len(outs), rate(o.type == o.gold_type for o in outs), rate(o.sub == o.gold_sub for o in outs),
        rate(o.actor1 for o in outs), _near(outs, 25), rate(o.fatalities == o.gold_fatalities for o in outs),
    )


def _fatalities(outs: Sequence[Outcome]) -> tuple[Rate, Rate]:
    """Exact fatality counts: over the events with deaths, and over all."""
    right = [o.fatalities == o.gold_fatalities for o in outs]
    return rate(r for r, o in zip(right, outs, strict=True) if o.gold_fatalities > 0), rate(right)


def _labelling(gold: Sequence[str], said: Sequence[str]) -> tuple[Rate, float]:
    """Accuracy and macro F1 of one labelling (event types or sub-event types) against ACLED's."""
    return rate(g == s for g, s in zip(gold, said, strict=True)), macro_f1(gold, said)


def _actors(outs: Sequence[Outcome]) -> tuple[Rate, Rate]:
    """Actor 1 over every row; actor 2 over the rows where ACLED names one."""
    return rate(o.actor1 for o in outs), rate(o.actor2 for o in outs if o.actor2 is not None)


def _by_type(outs: Sequence[Outcome]) -> tuple[TypeFigures, ...]:
    """The figures per ACLED event type, in name order."""
    types = sorted({o.gold_type for o in outs})
    return tuple(_type_figures(t, [o for o in outs if o.gold_type == t]) for t in types)


def summarise(selection: Selection, outs: Sequence[Outcome], seconds: float) -> AcledResult:
    type_accuracy, type_macro_f1 = _labelling([o.gold_type for o in outs], [o.type for o in outs])
    sub_accuracy, sub_macro_f1 = _labelling([o.gold_sub for o in outs], [o.sub for o in outs])
    actor1, actor2 = _actors(outs)
    fatalities_positive, fatalities_all = _fatalities(outs)
    return AcledResult(
        selection_rows=len(outs), dev_rows=selection.dev_rows, cap=selection.cap, limit=selection.limit,
        has_event=rate(o.has_event for o in outs),
        type_accuracy=type_accuracy, type_macro_f1=type_macro_f1, sub_accuracy=sub_accuracy, sub_macro_f1=sub_macro_f1,
        actor1=actor1, actor2=actor2, loc25=_near(outs, 25), loc161=_near(outs, 161),
        fatalities_positive=fatalities_positive, fatalities_all=fatalities_all,
        by_type=_by_type(outs), seconds=seconds,
    )


def evaluate(pipeline: adapter.Pipe | None = None, cap: int | None = DEFAULT_CAP, limit: int | None = None,
             path: Path | None = None) -> AcledResult:
    began = time.perf_counter()
    selection = select(read_dev(path), cap, limit)
    outs = list(outcomes(selection.rows, pipeline or adapter.build_pipeline()))
    return summarise(selection, outs, time.perf_counter() - began)
