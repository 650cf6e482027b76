"""Across documents: one happening reported by several outlets is one event.

Two events merge when they agree on type, sub-event type, place and actor 1 (their *block*), come
from different reports, and their dates overlap (an undated report merges with a dated one of the
same happening). Events are only ever compared inside their block, and inside a block by a sweep
in date order that drops groups once their dates are past, so the cost grows with the events, not
their pairs, and a new report touches only its own blocks. The merged event lists every document
and every evidence span, so no account is lost; its toll follows `corpus.fatalities`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import reduce
from typing import Any, Generic, Protocol, TypeVar

import thucydides.events.tolls as toll
from thucydides.model import Event, Interval, stable_id
from thucydides.time.ranges import interval_days

BlockKey = tuple[str | None, str, str, str | None]


def block_key(event: Event) -> BlockKey:
    return (event.place, event.event_type, event.sub_event_type, event.actor1)


def block_id(event: Event) -> str:
    """The stored name of an event's block; an event with no place is a block of its own (we cannot
    tell two happenings with no place apart)."""
    if event.place is None:
        return event.id
    return stable_id("block", *block_key(event))


class Mergeable(Protocol):
    """What merging reads of an event: its id, its reports and its date (an Event, or a stored row's view)."""

    @property
    def id(self) -> str: ...
    @property
    def docs(self) -> Sequence[str]: ...
    @property
    def date(self) -> Interval | None: ...


M = TypeVar("M", bound=Mergeable)


@dataclass
class _Group(Generic[M]):
    members: list[M] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    first_end: date = date.max

    def add(self, event: M) -> None:
        self.members.append(event)
        self.docs.update(event.docs)
        days = interval_days(event.date)
        if days:
            self.first_end = min(self.first_end, days[1])

    def takes(self, event: M) -> bool:
        return not self.docs.intersection(event.docs)


def merge_block(events: Iterable[M]) -> list[list[M]]:
    """Groups of one block's events that tell one happening each, in a deterministic order.

    Dated events are swept by (start, end, id): an event joins the first open group whose every
    member's dates reach its start and that holds no report of its own; groups whose earliest end
    is past are closed. Undated events then join, in id order, the first group without their report.
    """
    items = list(events)
    groups = _sweep_dated(items)
    for event in sorted((e for e in items if interval_days(e.date) is None), key=lambda e: e.id):
        target = next((g for g in groups if g.takes(event)), None)
        if target is None:
            target = _Group[M]()
            groups.append(target)
        target.add(event)
    return [sorted(g.members, key=lambda e: e.id) for g in groups]


def _sweep_dated(events: Iterable[M]) -> list[_Group[M]]:
    dated = sorted(((d, e) for e in events if (d := interval_days(e.date)) is not None), key=lambda p: (*p[0], p[1].id))
    groups: list[_Group[M]] = []
    open_groups: list[_Group[M]] = []
    for (start, _), event in dated:
        open_groups = [g for g in open_groups if g.first_end >= start]
        target = next((g for g in open_groups if g.takes(event)), None)
        if target is None:
            target = _Group[M]()
            groups.append(target)
            open_groups.append(target)
        target.add(event)
    return groups


def merge_across_documents(events: Sequence[Event]) -> list[Event]:
    """Every happening once, in the order of each one's smallest member id (the stored order)."""
    blocks: dict[str, list[Event]] = {}
    for event in events:
        blocks.setdefault(block_id(event), []).append(event)
    groups = sorted((g for block in blocks.values() for g in merge_block(block)), key=lambda g: g[0].id)
    return [combine(g) for g in groups]


def _narrower(a: Interval | None, b: Interval | None) -> Interval | None:
    """The more precise of two dates of one happening."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (a.days or 10**6) <= (b.days or 10**6) else b


def _accounts(group: Sequence[Event]) -> dict[str, Any]:
    """What a merged event lists of every member: its reports, evidence spans and claims."""
    return {"docs": sorted({d for e in group for d in e.docs}), "evidence": [x for e in group for x in e.evidence],
            "claims": [c for e in group for c in e.claims]}


def combine(group: Sequence[Event]) -> Event:
    """One event from a group sorted by id: the first member's fields, the most precise date, every
    report and evidence span, and the most conservative toll."""
    first = group[0]
    if len(group) == 1:
        return first
    return replace(
        first,
        id=stable_id("event", *sorted(e.id for e in group)),
        fatalities=toll.across_reports(e.fatalities for e in group),
        date=reduce(_narrower, (e.date for e in group)),
        time_precision=min(e.time_precision for e in group),
        actor2=next((e.actor2 for e in group if e.actor2), group[-1].actor2),
        **_accounts(group),
    )
