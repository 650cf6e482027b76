"""ACLED-style CSV: one row per event in ACLED's 31 columns and ACLED's order.

Analysts load this next to ACLED's own data, so the vocabulary, the inter codes and the
column order are ACLED's. What the system does not know stays empty rather than invented:
an event without a place has no coordinates, an implausible date no event_date.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterator, Mapping
from datetime import date
from operator import itemgetter
from pathlib import Path

from thucydides.export.bundle import ExportBundle
from thucydides.export.cells import safe_cell
from thucydides.export.records import DocumentInfo, Records, as_records, pages
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.actors import actor_base
from thucydides.knowledge.demonyms import geonames_records
from thucydides.model import Actor, Event, Interval, Place

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

UNKNOWN_COUNTRY = "XXX"
NOTES_MAX = 1000


def event_day(interval: Interval | None) -> date | None:
    """The day ACLED files an event under: the first day of its interval, if that day is plausible."""
    if interval is None:
        return None
    day = interval.start or interval.end
    if day is None or not taxonomy().plausible(day.year):
        return None
    return day


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's interaction code (knowledge.acled), as the CSV writes it: '' when no actor has a code."""
    code = taxonomy().interaction(inter1, inter2)
    return "" if code is None else str(code)


def region_of(country: str | None) -> str:
    if not country:
        return ""
    info = geonames_records().get(country)
    return taxonomy().region(country, info["continentcode"] if info else None) or ""


def event_id_cnty(event: Event, country: str | None) -> str:
    """ACLED's id shape (country code + number), derived from the event's stable id."""
    info = geonames_records().get(country or "")
    prefix = info["iso3"] if info else UNKNOWN_COUNTRY
    digits = int(re.sub(r"[^0-9a-f]", "", event.id.split("-", 1)[-1])[:12] or "0", 16) % 10**8
    return f"{prefix}{digits}"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def notes(event: Event) -> str:
    """A short summary, then every evidence span quoted."""
    quoted = " | ".join(f"«{_one_line(e.text)}»" for e in event.evidence)
    text = f"{event.notes}. Evidence: {quoted}" if event.notes else f"Evidence: {quoted}"
    return text if len(text) <= NOTES_MAX else text[:NOTES_MAX - 1] + "…"


def sources(event: Event, documents: Mapping[str, DocumentInfo]) -> str:
    names = []
    for doc_id in event.docs:
        doc = documents.get(doc_id)
        label = (doc.outlet or doc.name or doc.id) if doc else doc_id
        if label not in names:
            names.append(label)
    return "; ".join(names)


def tags(event: Event) -> str:
    out = []
    if event.date is not None and event.date.inferred:
        out.append("date inferred")
    if event_day(event.date) is None:
        out.append("date unknown")
    if event.place is None:
        out.append("location unknown")
    return "; ".join(out)


def _actor(actors: Mapping[str, Actor], actor_id: str | None, country: str | None) -> tuple[str, int | None]:
    """ACLED's name and inter code of an actor in an event in `country` (a state's forces abroad are 8)."""
    if actor_id is None:
        return "", None
    base = actor_base()
    actor = actors.get(actor_id) or base.get(actor_id)
    return (base.name_in(actor, country), base.inter_in(actor, country)) if actor else (actor_id, None)


def _coordinate(value: float) -> str:
    return f"{value:.4f}"


def _actor_columns(event: Event, actors: Mapping[str, Actor], country: str | None) -> dict[str, str]:
    actor1, inter1 = _actor(actors, event.actor1, country)
    actor2, inter2 = _actor(actors, event.actor2, country)
    return {
        "actor1": actor1, "assoc_actor_1": _actor(actors, event.assoc_actor1, country)[0],
        "inter1": "" if inter1 is None else str(inter1),
        "actor2": actor2, "assoc_actor_2": _actor(actors, event.assoc_actor2, country)[0],
        "inter2": "" if inter2 is None else str(inter2),
        "interaction": interaction(inter1, inter2),
    }


def _place_columns(place: Place | None) -> dict[str, str]:
    if place is None:
        return {"iso": "", "region": "", "country": "", "admin1": "", "admin2": "", "admin3": "", "location": "",
                "latitude": "", "longitude": ""}
    info = geonames_records().get(place.country or "")
    return {
        "iso": str(info["isonumeric"]) if info else "", "region": region_of(place.country),
        "country": str(info["name"]) if info else "", "admin1": place.admin1 or "", "admin2": "", "admin3": "",
        "location": place.name, "latitude": _coordinate(place.lat), "longitude": _coordinate(place.lon),
    }


def row(event: Event, places: Mapping[str, Place], actors: Mapping[str, Actor], documents: Mapping[str, DocumentInfo],
        timestamp: int) -> dict[str, str]:
    """One event as ACLED's columns (all strings, empty where unknown)."""
    place = places.get(event.place) if event.place else None
    country = place.country if place else None
    day = event_day(event.date)
    return {
        "event_id_cnty": event_id_cnty(event, country),
        "event_date": day.isoformat() if day else "",
        "year": str(day.year) if day else "",
        "time_precision": str(event.time_precision),
        "disorder_type": taxonomy().disorder_types.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_actor_columns(event, actors, country),
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        **_place_columns(place),
        "geo_precision": str(event.geo_precision),
        "source": sources(event, documents),
        "source_scale": "",
        "notes": notes(event),
        "fatalities": str(event.fatalities or 0),
        "tags": tags(event),
        "timestamp": str(timestamp),
    }


def acled_rows(source: ExportBundle | Records, timestamp: int | None = None) -> Iterator[dict[str, str]]:
    """Every event as an ACLED row, in a stable order (date, then id), a page of lookups at a time."""
    records = as_records(source)
    actors = {a.id: a for a in records.actors()}
    stamp = int(time.time()) if timestamp is None else timestamp
    for events in pages(records.events(order="acled")):
        places = records.places_by_id(e.place for e in events)
        documents = records.documents_by_id(d for e in events for d in e.docs)
        yield from (row(e, places, actors, documents, stamp) for e in events)


def write_acled_csv(source: ExportBundle | Records, path: Path, timestamp: int | None = None) -> int:
    """Write the events as ACLED CSV; returns the number of rows written."""
    written = 0
    in_order = itemgetter(*COLUMNS)
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for r in acled_rows(source, timestamp):
            writer.writerow([safe_cell(value) for value in in_order(r)])
            written += 1
    return written
