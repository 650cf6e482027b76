"""The JSON export contract (`thucydides-export` version 1, see shared/schema/EXPORT.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thucydides.export.bundle import ExportBundle
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


def document(d: Document) -> dict[str, Any]:
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


def to_contract(bundle: ExportBundle) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "documents": [document(d) for d in bundle.documents],
        "actors": [actor(a) for a in bundle.actors],
        "places": [place(p) for p in bundle.places],
        "mentions": [mention(m) for m in bundle.mentions],
        "claims": [claim(c) for c in bundle.claims],
        "events": [event(e) for e in bundle.events],
    }


def write_json(bundle: ExportBundle, path: Path) -> None:
    path.write_text(json.dumps(to_contract(bundle), ensure_ascii=False, indent=1), encoding="utf-8")
