"""Across documents: one happening reported by several outlets is one event.

Two events merge when they agree on type, sub-event type, place and actor 1 and their
dates overlap (an undated report merges with a dated one of the same happening). The
merged event lists every document and every evidence span, so no account is lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from thucydides.model import Event, Interval, stable_id


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return True
    a_start, a_end = a.start or a.end, a.end or a.start
    b_start, b_end = b.start or b.end, b.end or b.start
    if None in (a_start, a_end, b_start, b_end):
        return True
    return not (a_end < b_start or b_end < a_start)  # type: ignore[operator]


def _narrower(a: Interval | None, b: Interval | None) -> Interval | None:
    """The more precise of two dates of one happening."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (a.days or 10**6) <= (b.days or 10**6) else b


def merge_across_documents(events: Sequence[Event]) -> list[Event]:
    groups: list[list[Event]] = []
    for event in sorted(events, key=lambda e: e.id):
        if event.place is None:  # with no place we cannot tell two happenings apart
            groups.append([event])
            continue
        for group in groups:
            head = group[0]
            if (head.place == event.place and head.event_type == event.event_type
                    and head.sub_event_type == event.sub_event_type and head.actor1 == event.actor1
                    and not set(event.docs) & {d for e in group for d in e.docs}
                    and all(_overlap(e.date, event.date) for e in group)):
                group.append(event)
                break
        else:
            groups.append([event])
    return [_combine(g) for g in groups]


def _combine(group: list[Event]) -> Event:
    if len(group) == 1:
        return group[0]
    first = group[0]
    merged = replace(
        first,
        id=stable_id("event", *sorted(e.id for e in group)),
        docs=sorted({d for e in group for d in e.docs}),
        evidence=[x for e in group for x in e.evidence],
        claims=[c for e in group for c in e.claims],
    )
    for other in group[1:]:
        merged.date = _narrower(merged.date, other.date)
        merged.time_precision = min(merged.time_precision, other.time_precision)
        merged.actor2 = merged.actor2 or other.actor2
        if other.fatalities is not None:  # ACLED's rule: the most conservative figure
            merged.fatalities = other.fatalities if merged.fatalities is None else min(merged.fatalities,
                                                                                        other.fatalities)
    return merged
