"""Reconciliation across documents, run once after processing and stored.

Processing a document queues it (in the transaction that stores its results). `reconcile` then
takes the queue a chunk at a time: it merges again only the stretches of the blocks the queued
documents' events were and are in (`corpus.merged`), keys again only their claims and looks for
disputes only inside the blocks and time windows of their figures (`corpus.claimkeys`), and
recounts only the sources those touch, in a few set-based statements per chunk. A merged event no
queued document belongs to keeps its id and its row. Exports, the API and the listing commands read
the stored result. A queue holding most of the store (a first run, a store from before this
feature, `--all`) is rebuilt in one sorted pass over each table instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from thucydides.corpus.across import block_id
from thucydides.corpus.claimkeys import dispute_row, disputes_for, held_claims
from thucydides.corpus.merged import BlockChange, Merged, StoredEvent, block_change, stored_event
from thucydides.corpus.series import DISPUTED_METRICS, sweep_disputes
from thucydides.knowledge.settings import section
from thucydides.store import reconciled as rs
from thucydides.store import schema as t
from thucydides.store.db import PROCESSED, Store


@dataclass(frozen=True)
class ReconcileSettings:
    chunk: int = 500
    rebuild_share: float = 0.5
    rebuild_cache_mb: int = 64
    rebuild_cache_of_store: float = 1.0
    rebuild_cache_max_mb: int = 1024


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

    def count(self, added: int, changed: int, removed: int) -> None:
        self.added, self.changed, self.removed = self.added + added, self.changed + changed, self.removed + removed


def reconcile(store: Store, everything: bool = False, settings: ReconcileSettings | None = None) -> ReconcileReport:
    """Bring the stored reconciliation up to date with the documents' results (all of it when
    `everything`); returns what changed. `settings` default to the settings file's."""
    settings = settings or section("corpus.reconcile", ReconcileSettings)
    with store.engine.connect() as conn:
        waiting = int(conn.scalar(select(func.count()).select_from(t.reconcile_queue)) or 0)
        processed = int(conn.scalar(select(func.count()).select_from(t.documents)
                                    .where(t.documents.c.status == PROCESSED)) or 0)
    if everything or (waiting and waiting >= settings.rebuild_share * max(processed, 1)):
        return rebuild(store, settings)
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
    fresh = [stored_event(r) for r in rs.events_of_docs(conn, docs)]
    changes = _block_changes(conn, fresh, set(docs))
    known = {s.id: s for s in fresh}
    wanted = sorted({i for c in changes for i in c.events} - known.keys())
    known |= {r.id: stored_event(r) for r in rs.events_by_id(conn, wanted)}
    merged = Merged()
    for change in changes:
        merged.add_block([known[i] for i in sorted(change.events)])
    dropped = rs.merged_rows_by_id(conn, sorted({i for c in changes for i in c.dropped}))
    report.count(*rs.replace_merged(conn, dropped, merged.rows, merged.members))


def _block_changes(conn: Connection, fresh: Sequence[StoredEvent], queued: set[str]) -> list[BlockChange]:
    """What to merge again in each block the queued documents' events were or are in."""
    by_block: dict[str, list[StoredEvent]] = {}
    for s in fresh:
        by_block.setdefault(block_id(s.event()), []).append(s)
    blocks = sorted(rs.blocks_of_docs(conn, sorted(queued)) | set(by_block))
    members: dict[str, list[rs.Member]] = {b: [] for b in blocks}
    for m in rs.members_of_blocks(conn, blocks):
        members[m.block].append(m)
    return [block_change(members[b], by_block.get(b, []), queued) for b in blocks]


def _reconcile_claims(conn: Connection, docs: Sequence[str], report: ReconcileReport) -> None:
    """Key the documents' claims again, find their disputes, and change the source ratings by the
    difference: their keys and the disputed standing of every figure in a dispute they were or are in."""
    sides = rs.dispute_sides(conn, docs)
    before, held_before = rs.key_counts(conn, docs), rs.disputed(conn, sides)
    rs.forget_claims_of_docs(conn, docs)
    rs.key_claims(conn, docs)
    found = disputes_for(conn, rs.keys_of_docs(conn, docs), set(docs))
    fresh = {(c.id, c.doc) for pair in found for c in (pair.a, pair.b)} - sides
    held_before |= rs.disputed(conn, fresh)  # their other disputes, untouched by the change
    rs.insert_disputes(conn, [dispute_row(x) for x in found])
    report.disputes += len(found)
    after, held_after = rs.key_counts(conn, docs), rs.disputed(conn, sides | fresh)
    rs.adjust_ratings(conn, rating_changes(before, after, held_before, held_after))


def rating_changes(before: rs.Counts, after: rs.Counts, held_before: set[tuple[str, str]],
                   held_after: set[tuple[str, str]]) -> rs.Counts:
    """Per source: counts after minus counts before, disputed figures included."""
    changes: rs.Counts = {}
    for name in before.keys() | after.keys():
        old, new = before.get(name, [0, 0, 0, 0]), after.get(name, [0, 0, 0, 0])
        changes[name] = [b - a for a, b in zip(old, new, strict=True)]
    for held, sign in ((held_before, -1), (held_after, 1)):
        for _, name in held:
            changes.setdefault(name, [0, 0, 0, 0])[3] += sign
    return changes


# --- whole rebuild -------------------------------------------------------------------------------
def rebuild(store: Store, settings: ReconcileSettings | None = None) -> ReconcileReport:
    """Everything again, in one sorted pass per table: blocks of events, claims, dispute blocks."""
    settings = settings or section("corpus.reconcile", ReconcileSettings)
    report = ReconcileReport(rebuilt=True)
    with store.engine.begin() as conn:
        rs.lock(conn)  # first: a read before it would make SQLite's later upgrade to a writer fail at once
        with rs.page_cache(conn, rebuild_cache_mb(conn, settings)):
            entries = rs.queued(conn, 10**12)
            rs.clear_results(conn)
            _rebuild_events(conn, report)
            _rebuild_claims(conn, report)
            rs.rate_all_sources(conn)
            rs.dequeue(conn, entries)
            report.documents = len(entries)
    return report


def rebuild_cache_mb(conn: Connection, settings: ReconcileSettings) -> int:
    """The page cache a rebuild runs with: a share of the store's size, within the settings' bounds. A rebuild
    writes every result again in one transaction; once its changed pages outgrow the cache they are spilled to
    the log and written again, and its cost grows faster than the store (x3 the writes at 2x the store)."""
    wanted = rs.store_mb(conn) * settings.rebuild_cache_of_store
    return int(min(settings.rebuild_cache_max_mb, max(settings.rebuild_cache_mb, wanted)))


class _Batch:
    """Rows to insert, flushed a page at a time so a rebuild's memory stays flat."""

    def __init__(self, insert: Callable[[list[dict[str, Any]]], None]) -> None:
        self.insert = insert
        self.rows: list[dict[str, Any]] = []

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= rs.PAGE:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.insert(self.rows)
            self.rows = []


def _rebuild_events(conn: Connection, report: ReconcileReport) -> None:
    with rs.indexes_after(conn, t.merged_events, t.merged_members):
        merged = Merged()
        for block in rs.stream_blocks(conn):
            merged.add_block([stored_event(r) for r in block])
            if len(merged.rows) >= rs.PAGE:
                rs.insert_merged(conn, list(merged.rows.values()), merged.members)
                report.added += len(merged.rows)
                merged = Merged()
        rs.insert_merged(conn, list(merged.rows.values()), merged.members)
        report.added += len(merged.rows)


def _rebuild_claims(conn: Connection, report: ReconcileReport) -> None:
    _rebuild_keys(conn)
    _rebuild_disputes(conn, report)


def _rebuild_keys(conn: Connection) -> None:
    with rs.indexes_after(conn, t.claim_keys):
        rs.key_claims(conn)


def _rebuild_disputes(conn: Connection, report: ReconcileReport) -> None:
    disputes = _Batch(lambda rows: rs.insert_disputes(conn, rows))
    with rs.indexes_after(conn, t.disputes):
        for block in rs.stream_dispute_blocks(conn, sorted(DISPUTED_METRICS)):
            found = [dispute_row(x) for x in sweep_disputes(held_claims(block))]
            disputes.add(found)
            report.disputes += len(found)
        disputes.flush()
