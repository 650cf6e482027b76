"""Reconciliation across documents, run once after processing and stored.

Processing a document queues it (in the transaction that stores its results). `reconcile` then
takes the queue a chunk at a time: it re-merges only the blocks the queued documents' events were
and are in (`corpus.across`), re-keys only their claims and looks for disputes only inside the
blocks and time windows of their figures (`corpus.series`), and recounts only the sources those
touch. A merged event no queued document belongs to keeps its id and its row. Exports, the API and
the listing commands read the stored result. A queue holding most of the store (a first run, a
store from before this feature, `--all`) is rebuilt in one sorted pass over each table instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, func, select

from thucydides.corpus.across import block_id
from thucydides.corpus.merged import Merged, StoredEvent, block_change, stored_event
from thucydides.corpus.series import (
    STOCK_METRICS,
    WINDOW,
    Contradiction,
    HeldClaim,
    dispute_block,
    held_days,
    sweep_disputes,
)
from thucydides.knowledge.settings import section
from thucydides.model import Claim, Interval
from thucydides.store import codec
from thucydides.store import reconciled as rs
from thucydides.store import schema as t
from thucydides.store.db import PROCESSED, Store


@dataclass(frozen=True)
class ReconcileSettings:
    chunk: int = 500
    rebuild_share: float = 0.5


@dataclass
class ReconcileReport:
    documents: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    """merged events added, rewritten and dropped"""
    disputes: int = 0
    """disputes found for the documents reconciled"""
    rebuilt: bool = False


def reconcile(store: Store, everything: bool = False, settings: ReconcileSettings | None = None) -> ReconcileReport:
    """Bring the stored reconciliation up to date with the documents' results (all of it when
    `everything`); returns what changed. `settings` default to the settings file's."""
    settings = settings or section("corpus.reconcile", ReconcileSettings)
    with store.engine.connect() as conn:
        waiting = int(conn.scalar(select(func.count()).select_from(t.reconcile_queue)) or 0)
        processed = int(conn.scalar(select(func.count()).select_from(t.documents)
                                    .where(t.documents.c.status == PROCESSED)) or 0)
    if everything or (waiting and waiting >= settings.rebuild_share * max(processed, 1)):
        return rebuild(store)
    report = ReconcileReport()
    while True:
        with store.engine.begin() as conn:
            rs.lock(conn)
            entries = rs.queued(conn, settings.chunk)
            if not entries:
                return report
            _reconcile_docs(conn, [doc for doc, _ in entries], report)
            rs.dequeue(conn, entries)


def needs_reconciling(store: Store) -> bool:
    return rs.queue_size(store) > 0


# --- incremental -----------------------------------------------------------------------------------
def _reconcile_docs(conn: Connection, docs: Sequence[str], report: ReconcileReport) -> None:
    report.documents += len(docs)
    _reconcile_events(conn, docs, report)
    _reconcile_claims(conn, docs, report)


def _reconcile_events(conn: Connection, docs: Sequence[str], report: ReconcileReport) -> None:
    """Merge again only the stretches of the blocks the documents' events were and are in."""
    queued = set(docs)
    fresh = [stored_event(r) for r in rs.events_of_docs(conn, docs)]
    by_block: dict[str, list[StoredEvent]] = {}
    for s in fresh:
        by_block.setdefault(block_id(s.event), []).append(s)
    blocks = sorted(rs.blocks_of_docs(conn, docs) | set(by_block))
    members: dict[str, list[rs.Member]] = {b: [] for b in blocks}
    for m in rs.members_of_blocks(conn, blocks):
        members[m.block].append(m)
    changes = {b: block_change(members[b], by_block.get(b, []), queued) for b in blocks}
    known = {s.event.id: s for s in fresh}
    wanted = sorted({i for c in changes.values() for i in c.events} - known.keys())
    known |= {r.id: stored_event(r) for r in rs.events_by_id(conn, wanted)}
    merged = Merged()
    for change in changes.values():
        merged.add_block([known[i] for i in sorted(change.events)])
    dropped = rs.merged_rows_by_id(conn, sorted({i for c in changes.values() for i in c.dropped}))
    added, changed, removed = rs.replace_merged(conn, dropped, merged.rows, merged.members)
    report.added, report.changed, report.removed = (report.added + added, report.changed + changed,
                                                    report.removed + removed)


def _reconcile_claims(conn: Connection, docs: Sequence[str], report: ReconcileReport) -> None:
    touched = rs.claimants_of_docs(conn, docs)
    rs.forget_claims_of_docs(conn, docs)
    published = rs.published_of(conn, docs)
    claims = rs.figures_of_docs(conn, docs)
    rs.insert_claim_keys(conn, [key_row(c, published.get(c.doc)) for c in claims])
    touched |= {c.claimant for c in claims}
    found = _disputes_for(conn, claims, published, set(docs))
    rs.insert_disputes(conn, [dispute_row(x) for x in found])
    report.disputes += len(found)
    touched |= {x for pair in found for x in (pair.a.claimant, pair.b.claimant)}
    rs.rate_sources(conn, touched)


def _disputes_for(conn: Connection, claims: Iterable[Claim], published: dict[str, Interval | None],
                  docs: set[str]) -> list[Contradiction]:
    """Disputes involving the given figures: each block is read only over its figures' time window."""
    spans: dict[tuple[str, str, str | None, str | None], tuple[date, date]] = {}
    for c in claims:
        days = held_days(c.time or published.get(c.doc)) if c.metric in STOCK_METRICS else None
        if days is None:
            continue
        block = dispute_block(c)
        first, last = spans.get(block, days)
        spans[block] = (min(first, days[0]), max(last, days[1]))
    found: dict[tuple[str, str], Contradiction] = {}
    for block, (first, last) in spans.items():
        rows = rs.window_candidates(conn, block, (first - WINDOW).isoformat(), (last + WINDOW).isoformat())
        held = [HeldClaim(rs.key_claim(r), date.fromisoformat(r.first_day), date.fromisoformat(r.last_day))
                for r in rows]
        for pair in sweep_disputes(held):
            if pair.a.doc in docs or pair.b.doc in docs:
                found[(pair.a.id, pair.b.id)] = pair
    return list(found.values())


def key_row(claim: Claim, published: Interval | None) -> dict[str, Any]:
    """A claim's series key and the days it holds: its own time, else its report's publication."""
    when = claim.time or published
    days = held_days(when)
    last = (when.end or when.start) if when else None
    return {
        "claim": claim.id, "doc": claim.doc, "metric": claim.metric, "unit": claim.unit, "subject": claim.subject,
        "place": claim.place, "claimant": claim.claimant, "qualifier": claim.qualifier, "low": claim.low,
        "high": claim.high, "held": codec.interval_out(when),
        "first_day": days[0].isoformat() if days else None, "last_day": days[1].isoformat() if days else None,
        "sort_day": last.isoformat() if last else rs.NO_DAY,
    }


def dispute_row(pair: Contradiction) -> dict[str, Any]:
    return {"a": pair.a.id, "b": pair.b.id, "a_doc": pair.a.doc, "b_doc": pair.b.doc,
            "a_claimant": pair.a.claimant, "b_claimant": pair.b.claimant, "reason": pair.reason}


# --- whole rebuild -------------------------------------------------------------------------------
def rebuild(store: Store) -> ReconcileReport:
    """Everything again, in one sorted pass per table: blocks of events, claims, dispute blocks."""
    report = ReconcileReport(rebuilt=True)
    with store.engine.begin() as conn:
        rs.lock(conn)
        entries = rs.queued(conn, 10**12)
        for table in (t.merged_events, t.merged_members, t.claim_keys, t.disputes, t.source_ratings):
            conn.execute(table.delete())
        _rebuild_events(conn, report)
        _rebuild_claims(conn, report)
        rs.rate_all_sources(conn)
        rs.dequeue(conn, entries)
        report.documents = len(entries)
    return report


class _Batch:
    """Rows to insert, flushed a page at a time so a rebuild's memory stays flat."""

    def __init__(self, conn: Connection, table: Any) -> None:
        self.conn, self.table, self.rows = conn, table, []  # type: ignore[var-annotated]

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= rs.PAGE:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.conn.execute(self.table.insert(), self.rows)
            self.rows = []


def _rebuild_events(conn: Connection, report: ReconcileReport) -> None:
    merged = Merged()
    for block in rs.stream_blocks(conn):
        merged.add_block([stored_event(r) for r in block])
        if len(merged.rows) >= rs.PAGE:
            _flush(conn, merged, report)
            merged = Merged()
    _flush(conn, merged, report)


def _flush(conn: Connection, merged: Merged, report: ReconcileReport) -> None:
    rs.insert_merged(conn, list(merged.rows.values()), merged.members)
    report.added += len(merged.rows)


def _rebuild_claims(conn: Connection, report: ReconcileReport) -> None:
    keys = _Batch(conn, t.claim_keys)
    for claim, published in rs.stream_figures_with_published(conn):
        keys.add([key_row(claim, published)])
    keys.flush()
    disputes = _Batch(conn, t.disputes)
    for block in rs.stream_dispute_blocks(conn, sorted(STOCK_METRICS)):
        held = [HeldClaim(rs.key_claim(r), date.fromisoformat(r.first_day), date.fromisoformat(r.last_day))
                for r in block]
        found = [dispute_row(x) for x in sweep_disputes(held)]
        disputes.add(found)
        report.disputes += len(found)
    disputes.flush()

