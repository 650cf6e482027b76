"""Merged events, stored: the rows `corpus.across` decides, written from the document events' rows.

Merging reads only an event's block, date and reports; an event's lists (evidence spans, claims) go
from its row to the merged row as the JSON text they are stored as (a merged event of several reports
lists their texts one after the other), so a rebuild never decodes or encodes them.

Inside a block, events only ever merge when their dates overlap, and the date sweep of
`across.merge_block` closes every group at a day that no earlier event's dates reach past. So a block
falls into independent *stretches* (runs of events whose dates chain into each other), and a change
redoes only the stretches it touches: the events of the queued reports, and the members left behind
by the merged events those reports were in. A block holding an undated event is redone whole (an
undated event joins the first group of the whole block that lacks its report).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from thucydides.corpus.across import block_id, combine, merge_block
from thucydides.model import Event, Interval
from thucydides.store import codec
from thucydides.store import reconciled as rs
from thucydides.time.ranges import interval_days

Days = tuple[date, date] | None

_ascii_string = json.encoder.encode_basestring_ascii  # what json.dumps writes for a str


@dataclass(frozen=True)
class StoredEvent:
    """A document event as merging reads it: its raw row (`store.raw.events`, lists as the JSON text
    stored) and its date. An Event is made of it only where it merges with another."""

    row: Any
    date: Interval | None

    @property
    def id(self) -> str:
        return str(self.row.id)

    @property
    def docs(self) -> tuple[str]:
        return (self.row.doc,)

    def event(self) -> Event:
        """The event, its lists left empty (their stored texts stand for them)."""
        r = self.row
        return Event(id=r.id, docs=[r.doc], event_type=r.event_type, sub_event_type=r.sub_event_type, evidence=[],
                     actor1=r.actor1, actor2=r.actor2, assoc_actor1=r.assoc_actor1, assoc_actor2=r.assoc_actor2,
                     place=r.place, geo_precision=r.geo_precision, date=self.date, time_precision=r.time_precision,
                     fatalities=r.fatalities, claims=[], civilian_targeting=bool(r.civilian_targeting),
                     notes=r.notes or "")


def stored_event(row: Any) -> StoredEvent:
    """A raw row of the events table (`store.raw.events`)."""
    return StoredEvent(row, _interval(row.date))


def _interval(text: str | None) -> Interval | None:
    return codec.interval_in(json.loads(text)) if text else None


def json_concat(texts: Iterable[str]) -> str:
    """JSON lists, as text, one after the other in one list."""
    inner = [x for x in (text.strip()[1:-1].strip() for text in texts) if x]
    return "[" + ", ".join(inner) + "]"


def json_strings(items: Iterable[str]) -> str:
    """A list of strings as `json.dumps` writes it."""
    return "[" + ", ".join(map(_ascii_string, items)) + "]"


def acled_day(when: Interval | None) -> str:
    from thucydides.export.acled import event_day

    day = event_day(when)
    return day.isoformat() if day else rs.NO_DAY


_AS_STORED = ("id", "event_type", "sub_event_type", "actor1", "actor2", "assoc_actor1", "assoc_actor2", "place",
              "geo_precision", "date", "time_precision", "fatalities", "claims", "evidence")
"""The columns a merged event of one report takes from its event's row as they are."""


def merged_row(group: Sequence[StoredEvent], block: str) -> dict[str, Any]:
    """The stored row of one merged event of `block` (members sorted by id), in the raw view's shape."""
    if len(group) == 1:
        first = group[0]
        row = {name: getattr(first.row, name) for name in _AS_STORED}
        row.update(civilian_targeting=bool(first.row.civilian_targeting), notes=first.row.notes or "",
                   docs=json_strings(first.docs), acled_day=acled_day(first.date))
    else:
        event = combine([s.event() for s in group])
        row = codec.event_row(event, "")
        del row["doc"]
        row.update(docs=json_strings(event.docs), acled_day=acled_day(event.date),
                   date=json.dumps(codec.interval_out(event.date)), claims=json_concat(s.row.claims for s in group),
                   evidence=json_concat(s.row.evidence for s in group))
    row.update(lead=group[0].id, block=block)
    return row


@dataclass
class Merged:
    """Merged rows (id -> row) and their members' rows."""

    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    members: list[dict[str, str]] = field(default_factory=list)

    def add_block(self, events: Sequence[StoredEvent]) -> None:
        """Merge the events of one block (all of it, or whole stretches of it)."""
        if not events:
            return
        block = block_id(events[0].event())
        for group in merge_block(events):
            row = merged_row(group, block)
            self.rows[row["id"]] = row
            self.members += [{"event": e.id, "merged": row["id"], "doc": e.docs[0]} for e in group]


# --- which part of a block a change touches ---------------------------------------------------------
def stretches(days: dict[str, tuple[date, date]]) -> Iterator[list[str]]:
    """Event ids in runs whose dates chain into each other, in date order: the date sweep closes every
    group between two runs, so each run merges on its own."""
    run: list[str] = []
    reach: date | None = None
    for event in sorted(days, key=lambda i: (*days[i], i)):
        start, end = days[event]
        if reach is not None and start > reach:
            yield run
            run = []
        reach = end if reach is None else max(reach, end)
        run.append(event)
    if run:
        yield run


@dataclass
class BlockChange:
    """One block's part to merge again: the events to merge, and the stored merged events they replace."""

    events: set[str]
    dropped: set[str]


def _stretches_touched(days: dict[str, Days], seeds: set[str]) -> set[str]:
    """The events of every stretch holding a seed; every event when one is undated."""
    dated = {i: d for i, d in days.items() if d is not None}
    if len(dated) < len(days):
        return set(days)
    return {i for run in stretches(dated) if seeds.intersection(run) for i in run}


def _days_now(kept: dict[str, rs.Member], fresh: Sequence[StoredEvent]) -> dict[str, Days]:
    """The block's events after the change, with their days: the members that stay, and the fresh events."""
    days: dict[str, Days] = {i: interval_days(_interval(m.date)) for i, m in kept.items()}
    return days | {s.id: interval_days(s.date) for s in fresh}


def block_change(members: Sequence[rs.Member], fresh: Sequence[StoredEvent], queued: set[str]) -> BlockChange:
    """What a change of the `queued` reports redoes in one block: `members` are the block's members as
    last merged, `fresh` the block's events of the queued reports now. The stretches to redo are those
    of the fresh events and of the members left in a merged event that a queued report was in."""
    dirty = {m.merged for m in members if m.doc in queued}
    kept = {m.event: m for m in members if m.present and m.doc not in queued}
    left_behind = {i for i, m in kept.items() if m.merged in dirty}
    events = _stretches_touched(_days_now(kept, fresh), left_behind | {s.id for s in fresh})
    return BlockChange(events, dirty | _merged_of(members, events))


def _merged_of(members: Sequence[rs.Member], events: set[str]) -> set[str]:
    return {m.merged for m in members if m.event in events}
