"""Within-document reconciliation of events: one event per happening.

Restated figures are merged where claims are made (`extract.claims.merge_restatements`), so this stage
only joins events that agree on type, place, actors and date.
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.events import set_fatalities
from thucydides.events.lexicon import lexicon
from thucydides.model import Analysis, Event
from thucydides.pipeline import StageFn, stage


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
    return list(kept.values())


@stage("resolve", requires=("events",), assigns=("events",))
def make_resolve_stage() -> StageFn:
    lex = lexicon()

    def resolve_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.events = merge_events(analysis.events)
            set_fatalities(analysis.events, analysis.claims, lex)  # from the merged events' claims

    return resolve_stage
