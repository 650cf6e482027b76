"""The JSON export contract (`thucydides-export` version 1, see shared/schema/EXPORT.md)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from thucydides.export.bundle import ExportBundle
from thucydides.export.records import DocumentInfo, Records, as_records, pages
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


def _json_sections(records: Records) -> Iterator[tuple[str, Iterable[str]]]:
    """The record lists as JSON lines: a store's straight from its rows (`contract_text`, one snapshot),
    anything else through the record shapes above. Both give the same bytes."""
    from thucydides.export.contract_text import ENCODER, snapshot, store_sections
    from thucydides.export.records import StoreRecords

    if isinstance(records, StoreRecords):
        with snapshot(records.store) as conn:
            yield from store_sections(conn)
        return
    for name, items in sections(records):
        yield name, (ENCODER.encode(item) for item in items)


def contract_chunks(source: ExportBundle | Records) -> Iterator[str]:
    """The contract document as text, a page of records per chunk: what `write_json` writes, and what a
    web response streams (the whole document is never held)."""
    yield f'{{"format": "{FORMAT}", "version": {VERSION}'
    for name, lines in _json_sections(as_records(source)):
        yield f',\n "{name}": ['
        first = True
        for page in pages(lines):
            yield ("\n  " if first else ",\n  ") + ",\n  ".join(page)
            first = False
        yield "]" if first else "\n ]"
    yield "\n}\n"


def write_contract(source: ExportBundle | Records, out: TextIO) -> None:
    """The contract document, written a page of records at a time: one record a line, lists never held whole."""
    for chunk in contract_chunks(source):
        out.write(chunk)


def write_json(source: ExportBundle | Records, path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        write_contract(source, fh)
