"""What an export holds: every record kind of the contract, typed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from thucydides.actors.recognize import registry
from thucydides.model import Actor, Analysis, Claim, Document, Event, Mention, Place


@dataclass
class ExportBundle:
    documents: list[Document] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @classmethod
    def from_analyses(cls, analyses: Iterable[Analysis]) -> ExportBundle:
        """Bundle analysed documents directly (no store), for tests and quick runs."""
        bundle = cls()
        places: dict[str, Place] = {}
        for a in analyses:
            bundle.documents.append(a.document)
            places.update(a.places)
            bundle.mentions.extend(a.mentions())
            bundle.claims.extend(a.claims)
            bundle.events.extend(a.events)
        bundle.places = sorted(places.values(), key=lambda p: p.id)
        bundle.actors = referenced_actors(bundle.mentions, bundle.claims, bundle.events)
        return bundle


def _actor_refs(mentions: Iterable[Mention], claims: Iterable[Claim], events: Iterable[Event]) -> Iterator[str | None]:
    yield from (m.ref for m in mentions if m.kind == "actor")
    yield from (x for c in claims for x in (c.subject, c.agent, c.claimant))
    yield from (x for e in events for x in (e.actor1, e.actor2, e.assoc_actor1, e.assoc_actor2))


def referenced_actors(mentions: Iterable[Mention], claims: Iterable[Claim], events: Iterable[Event]) -> list[Actor]:
    """The actors the records point at, from the actor dictionary (unknown ids get a bare entry)."""
    ids = {i for i in _actor_refs(mentions, claims, events) if i}
    reg = registry()
    return [reg.get(i) or Actor(id=i, name=i) for i in sorted(ids)]  # type: ignore[misc]
