"""What an export holds: every record kind of the contract, typed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from thucydides.knowledge.actors import actor_base
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
        described: dict[str, Actor] = {}  # actors the base made in the stages' process, which it may not rebuild
        for a in analyses:
            described.update(a.actor_records)
            bundle.documents.append(a.document)
            places.update(a.places)
            bundle.mentions.extend(a.mentions())
            bundle.claims.extend(a.claims)
            bundle.events.extend(a.events)
        bundle.places = sorted(places.values(), key=lambda p: p.id)
        base = actor_base()
        bundle.actors = [base.exported(described[a.id]) if a.id in described else a
                         for a in referenced_actors(bundle.mentions, bundle.claims, bundle.events)]
        return bundle


def actors_of(ids: Iterable[str], texts: Mapping[str, str] | None = None) -> list[Actor]:
    """The actors of these ids from the actor base as exports show them (ACLED's name, short names as aliases),
    by id; an actor found in an earlier run that the base cannot rebuild is named by `texts` (its first mention)."""
    base = actor_base()
    texts = texts or {}
    return [base.exported(base.actor_or_new(i, texts.get(i))) for i in sorted(set(ids))]


def _actor_refs(mentions: Iterable[Mention], claims: Iterable[Claim], events: Iterable[Event]) -> Iterator[str | None]:
    yield from (m.ref for m in mentions if m.kind == "actor")
    yield from (x for c in claims for x in (c.subject, c.agent, c.claimant))
    yield from (x for e in events for x in (e.actor1, e.actor2, e.assoc_actor1, e.assoc_actor2))


def referenced_actors(mentions: Iterable[Mention], claims: Iterable[Claim], events: Iterable[Event]) -> list[Actor]:
    """The actors the records point at, from the actor base, with ACLED's name and the short names as aliases.
    An actor found in an earlier run that the base cannot rebuild is named by the text that mentioned it."""
    texts: dict[str, str] = {}
    for m in mentions:
        if m.kind == "actor" and m.ref:
            texts.setdefault(m.ref, m.text)
    return actors_of((i for i in _actor_refs(mentions, claims, events) if i), texts)
