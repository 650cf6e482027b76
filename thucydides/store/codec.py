"""Domain objects to table rows and back. The only place that knows both shapes."""

from __future__ import annotations

from datetime import date
from typing import Any

from thucydides.model import Claim, Document, Event, Evidence, Interval, Mention, Place, Span


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def interval_out(i: Interval | None) -> dict[str, Any] | None:
    if i is None:
        return None
    return {
        "start": i.start.isoformat() if i.start else None,
        "end": i.end.isoformat() if i.end else None,
        "inferred": i.inferred,
    }


def interval_in(raw: dict[str, Any] | None) -> Interval | None:
    if not raw:
        return None
    return Interval(_day(raw.get("start")), _day(raw.get("end")), bool(raw.get("inferred")))


def evidence_out(e: Evidence) -> dict[str, Any]:
    return {"doc": e.doc, "start": e.start, "end": e.end, "text": e.text}


def evidence_in(raw: dict[str, Any]) -> Evidence:
    return Evidence(raw["doc"], raw["start"], raw["end"], raw["text"])


def span_out(s: Span | None) -> dict[str, Any] | None:
    return None if s is None else {"start": s.start, "end": s.end, "text": s.text}


def span_in(raw: dict[str, Any] | None) -> Span | None:
    return None if not raw else Span(raw["start"], raw["end"], raw["text"])


def document_row(d: Document, seq: int) -> dict[str, Any]:
    pub = d.published
    return {
        "id": d.id, "seq": seq, "name": d.name, "url": d.url, "title": d.title, "outlet": d.outlet,
        "language": d.language,
        "published_start": pub.start.isoformat() if pub and pub.start else None,
        "published_end": pub.end.isoformat() if pub and pub.end else None,
        "published_inferred": bool(pub and pub.inferred),
        "source": d.source, "text": d.text, "text_sha256": d.text_sha256,
        "furniture": [span_out(s) for s in d.furniture], "status": "ingested", "error": None,
    }


def published_from(row: Any) -> Interval | None:
    """A document row's publication date; None when it has neither day."""
    if not (row.published_start or row.published_end):
        return None
    return Interval(_day(row.published_start), _day(row.published_end), bool(row.published_inferred))


def document_from(row: Any) -> Document:
    return Document(
        id=row.id, text=row.text, name=row.name, url=row.url, title=row.title, outlet=row.outlet,
        language=row.language, published=published_from(row), source=row.source,
        furniture=tuple(s for s in (span_in(x) for x in row.furniture or []) if s is not None),
    )


def place_row(p: Place) -> dict[str, Any]:
    return {
        "id": p.id, "name": p.name, "lat": p.lat, "lon": p.lon, "kind": p.kind, "country": p.country,
        "admin1": p.admin1, "geonameid": p.geonameid, "population": p.population,
    }


def place_from(row: Any) -> Place:
    return Place(row.id, row.name, row.lat, row.lon, row.kind, row.country, row.admin1, row.geonameid, row.population)


def mention_row(m: Mention) -> dict[str, Any]:
    return {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "ref": m.ref}


def mention_from(row: Any) -> Mention:
    return Mention(row.doc, row.start, row.end, row.text, row.kind, row.ref)


def claim_row(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id, "doc": c.doc, "metric": c.metric, "unit": c.unit, "low": c.low, "high": c.high,
        "qualifier": c.qualifier, "subject": c.subject, "agent": c.agent, "claimant": c.claimant,
        "place": c.place, "time": interval_out(c.time), "evidence": evidence_out(c.evidence),
        "figure": span_out(c.figure),
    }


def claim_from(row: Any) -> Claim:
    return Claim(
        id=row.id, doc=row.doc, metric=row.metric, unit=row.unit, low=row.low, high=row.high,
        qualifier=row.qualifier, evidence=evidence_in(row.evidence), subject=row.subject, agent=row.agent,
        claimant=row.claimant, place=row.place, time=interval_in(row.time), figure=span_in(row.figure),
    )


def event_row(e: Event, doc: str) -> dict[str, Any]:
    return {
        "id": e.id, "doc": doc, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
        "actor1": e.actor1, "actor2": e.actor2, "assoc_actor1": e.assoc_actor1, "assoc_actor2": e.assoc_actor2,
        "place": e.place, "geo_precision": e.geo_precision, "date": interval_out(e.date),
        "time_precision": e.time_precision, "fatalities": e.fatalities,
        "civilian_targeting": e.civilian_targeting, "notes": e.notes, "claims": list(e.claims),
        "evidence": [evidence_out(x) for x in e.evidence],
    }


def event_from(row: Any) -> Event:
    return Event(
        id=row.id, docs=[row.doc], event_type=row.event_type, sub_event_type=row.sub_event_type,
        evidence=[evidence_in(x) for x in row.evidence], actor1=row.actor1, actor2=row.actor2,
        assoc_actor1=row.assoc_actor1, assoc_actor2=row.assoc_actor2, place=row.place,
        geo_precision=row.geo_precision, date=interval_in(row.date), time_precision=row.time_precision,
        fatalities=row.fatalities, claims=list(row.claims), civilian_targeting=bool(row.civilian_targeting),
        notes=row.notes or "",
    )
