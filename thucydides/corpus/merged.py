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

from thucydides.corpus.across import block_id, combine, event_days, merge_block
from thucydides.model import Event, Interval
from thucydides.store import codec
from thucydides.store import reconciled as rs

Days = tuple[date, date] | None

_ascii_string = json.encoder.encode_basestring_ascii  # what json.dumps writes for a str


@dataclass(frozen=True)
class StoredEvent:
    """A document event as merging reads it (its lists left empty), with its lists' stored JSON text."""

    event: Event
    date: str | None
    claims: str
    evidence: str


def stored_event(row: Any) -> StoredEvent:
    """A raw row of the events table (`store.raw.events`)."""
    event = Event(id=row.id, docs=[row.doc], event_type=row.event_type, sub_event_type=row.sub_event_type,
                  evidence=[], actor1=row.actor1, actor2=row.actor2, assoc_actor1=row.assoc_actor1,
                  assoc_actor2=row.assoc_actor2, place=row.place, geo_precision=row.geo_precision,
                  date=_interval(row.date), time_precision=row.time_precision, fatalities=row.fatalities,
                  claims=[], civilian_targeting=bool(row.civilian_targeting), notes=row.notes or "")
    return StoredEvent(event, row.date, row.claims, row.evidence)


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


def merged_row(group: Sequence[StoredEvent], block: str) -> dict[str, Any]:
    """The stored row of one merged event of `block` (members sorted by id), in the raw view's shape."""
    first = group[0]
    event = combine([s.event for s in group])  # its lists are empty: the stored texts stand for them
    row = codec.event_row(event, "")
    del row["doc"]
    row.update(lead=first.event.id, block=block, docs=json_strings(event.docs),
               acled_day=acled_day(event.date))
    if len(group) == 1:
        row.update(date=first.date, claims=first.claims, evidence=first.evidence)
    else:
        row.update(date=json.dumps(codec.interval_out(event.date)), claims=json_concat(s.claims for s in group),
                   evidence=json_concat(s.evidence for s in group))
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
        block, by_id = block_id(events[0].event), {s.event.id: s for s in events}
        for group in merge_block([s.event for s in events]):
            row = merged_row([by_id[e.id] for e in group], block)
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
    days: dict[str, Days] = {i: event_days(_interval(m.date)) for i, m in kept.items()}
    return days | {s.event.id: event_days(s.event.date) for s in fresh}


def block_change(members: Sequence[rs.Member], fresh: Sequence[StoredEvent], queued: set[str]) -> BlockChange:
    """What a change of the `queued` reports redoes in one block: `members` are the block's members as
    last merged, `fresh` the block's events of the queued reports now. The stretches to redo are those
    of the fresh events and of the members left in a merged event that a queued report was in."""
    dirty = {m.merged for m in members if m.doc in queued}
    kept = {m.event: m for m in members if m.present and m.doc not in queued}
    left_behind = {i for i, m in kept.items() if m.merged in dirty}
    events = _stretches_touched(_days_now(kept, fresh), left_behind | {s.event.id for s in fresh})
    return BlockChange(events, dirty | _merged_of(members, events))


def _merged_of(members: Sequence[rs.Member], events: set[str]) -> set[str]:
    return {m.merged for m in members if m.event in events}
