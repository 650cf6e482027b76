"""Within-document reconciliation: one claim per figure, one event per happening."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Analysis, Claim, Event
from thucydides.pipeline import StageFn, register


def dedupe_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The same figure (metric, unit, interval) stated twice in a report is one claim.

    The first statement wins; fields it lacks are filled from later repetitions, since a
    headline often gives the figure and the body says who claims it.
    """
    kept: dict[tuple, Claim] = {}
    for claim in sorted(claims, key=lambda c: c.evidence.start):
        key = (claim.metric, claim.unit, claim.low, claim.high)
        first = kept.get(key)
        if first is None:
            kept[key] = claim
            continue
        for attr in ("subject", "agent", "claimant", "place", "time"):
            if getattr(first, attr) is None and getattr(claim, attr) is not None:
                setattr(first, attr, getattr(claim, attr))
    return list(kept.values())


def _event_key(event: Event) -> tuple:
    return (event.event_type, event.sub_event_type, event.place, event.actor1, event.actor2, event.date)


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Events of one document with the same type, place, actors and date are one happening."""
    kept: dict[tuple, Event] = {}
    for event in events:
        key = _event_key(event)
        first = kept.get(key)
        if first is None:
            kept[key] = event
            continue
        seen = {(e.doc, e.start, e.end) for e in first.evidence}
        first.evidence.extend(e for e in event.evidence if (e.doc, e.start, e.end) not in seen)
        first.claims.extend(c for c in event.claims if c not in first.claims)
        if event.fatalities is not None:
            first.fatalities = max(first.fatalities or 0, event.fatalities)
    return list(kept.values())


@register("resolve")
def make_resolve_stage() -> StageFn:
    def resolve_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.claims = dedupe_claims(analysis.claims)
            analysis.events = merge_events(analysis.events)

    return resolve_stage
