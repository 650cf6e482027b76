"""A typed, read-only view of an export contract (`thucydides-export` v1), for scoring.

Scoring reads only the contract's documented fields, so it keeps working while the runtime
package's internal objects change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlaceRef:
    id: str
    name: str
    lat: float
    lon: float
    country: str | None = None
    """ISO alpha-2: the country the ACLED export names the event's actors for ('Islamic State (Egypt)')."""


@dataclass(frozen=True)
class SpanRef:
    doc: str
    start: int
    end: int


@dataclass(frozen=True)
class MentionRef:
    doc: str
    start: int
    end: int
    kind: str
    ref: str | None


@dataclass(frozen=True)
class EventRef:
    id: str
    docs: tuple[str, ...]
    event_type: str | None
    sub_event_type: str | None
    actor1: str | None
    actor2: str | None
    place: str | None
    fatalities: int | None
    evidence: tuple[SpanRef, ...] = ()


@dataclass(frozen=True)
class ExportView:
    doc_ids: dict[str, str]
    """Document name -> document id."""
    actors: dict[str, ActorRef]
    places: dict[str, PlaceRef]
    mentions: tuple[MentionRef, ...]
    events: tuple[EventRef, ...]
    raw: dict[str, Any] = field(repr=False, compare=False)
    """The contract itself, for writing it out to the shared scorer."""

    @classmethod
    def from_contract(cls, data: dict[str, Any]) -> ExportView:
        return cls(
            doc_ids={d["name"]: d["id"] for d in data["documents"] if d.get("name")},
            actors={a["id"]: ActorRef(a["id"], a.get("name") or a["id"], tuple(a.get("aliases") or ()))
                    for a in data["actors"]},
            places={p["id"]: PlaceRef(p["id"], p.get("name") or "", float(p["lat"]), float(p["lon"]),
                                        p.get("country"))
                    for p in data["places"]},
            mentions=tuple(MentionRef(m["doc"], m["start"], m["end"], m["kind"], m.get("ref"))
                           for m in data["mentions"]),
            events=tuple(_event(e) for e in data["events"]),
            raw=data,
        )

    def events_of(self, doc_id: str) -> list[EventRef]:
        return [e for e in self.events if doc_id in e.docs]

    def place_mentions(self, doc_id: str) -> list[MentionRef]:
        return [m for m in self.mentions if m.doc == doc_id and m.kind == "place"]

    def coords(self, place_id: str | None) -> tuple[float, float] | None:
        place = self.places.get(place_id) if place_id else None
        return (place.lat, place.lon) if place else None


def _event(e: dict[str, Any]) -> EventRef:
    evidence = tuple(SpanRef(x["doc"], x["start"], x["end"]) for x in e.get("evidence") or ())
    return EventRef(e["id"], tuple(e["docs"]), e.get("event_type"), e.get("sub_event_type"), e.get("actor1"),
                    e.get("actor2"), e.get("place"), e.get("fatalities"), evidence)
