"""The JSON export contract (`thucydides-export` version 1, see shared/schema/EXPORT.md)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from thucydides.export.bundle import ExportBundle
from thucydides.export.records import DocumentInfo, Records, as_records
from thucydides.model import Actor, Claim, Document, Event, Evidence, Interval, Mention, Place

FORMAT = "thucydides-export"
VERSION = 1


def interval(i: Interval | None) -> dict[str, Any] | None:
    if i is None:
        return None
    out: dict[str, Any] = {
        "start": i.start.isoformat() if i.start else None,
        "end": i.end.isoformat() if i.end else None,
    }
    if i.inferred:
        out["inferred"] = True
    return out


def evidence(e: Evidence, with_doc: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"doc": e.doc} if with_doc else {}
    out.update(start=e.start, end=e.end, text=e.text)
    return out


def document(d: Document | DocumentInfo) -> dict[str, Any]:
    return {
        "id": d.id, "name": d.name, "url": d.url, "title": d.title, "outlet": d.outlet,
        "language": d.language, "published": interval(d.published), "text_sha256": d.text_sha256,
    }


def actor(a: Actor) -> dict[str, Any]:
    return {"id": a.id, "name": a.name, "aliases": list(a.aliases), "kind": a.kind}


def place(p: Place) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "kind": p.kind,
        "country": p.country, "admin1": p.admin1, "geonameid": p.geonameid,
    }


def mention(m: Mention) -> dict[str, Any]:
    return {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "ref": m.ref}


def number(x: float | None) -> int | float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "doc": c.doc, "metric": c.metric, "unit": c.unit,
        "low": number(c.low), "high": number(c.high), "qualifier": c.qualifier,
        "subject": c.subject, "agent": c.agent, "claimant": c.claimant, "place": c.place,
        "time": interval(c.time), "evidence": evidence(c.evidence),
    }


def event(e: Event) -> dict[str, Any]:
    return {
        "id": e.id, "docs": list(e.docs), "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "actor1": e.actor1, "actor2": e.actor2, "place": e.place, "geo_precision": e.geo_precision,
        "date": interval(e.date), "time_precision": e.time_precision, "fatalities": e.fatalities,
        "claims": list(e.claims), "evidence": [evidence(x) for x in e.evidence],
    }


def sections(records: Records) -> Iterator[tuple[str, Iterable[dict[str, Any]]]]:
    """The contract's record lists, in order, each as a stream."""
    yield "documents", (document(d) for d in records.documents())
    yield "actors", (actor(a) for a in records.actors())
    yield "places", (place(p) for p in records.places())
    yield "mentions", (mention(m) for m in records.mentions())
    yield "claims", (claim(c) for c in records.claims())
    yield "events", (event(e) for e in records.events())


def to_contract(source: ExportBundle | Records) -> dict[str, Any]:
    """The whole contract document in memory (small stores, tests); `write_json` streams it."""
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    out.update((name, list(items)) for name, items in sections(as_records(source)))
    return out


def write_contract(source: ExportBundle | Records, out: TextIO) -> None:
    """The contract document, written record by record: one record a line, lists never held whole."""
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION}')
    for name, items in sections(as_records(source)):
        out.write(f',\n "{name}": [')
        first = True
        for item in items:
            out.write(("\n  " if first else ",\n  ") + json.dumps(item, ensure_ascii=False))
            first = False
        out.write("]" if first else "\n ]")
    out.write("\n}\n")


def write_json(source: ExportBundle | Records, path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        write_contract(source, fh)
