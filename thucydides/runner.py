"""Ingest and process, the two halves of a run: every core used, every input time-bounded, resumable.

Bad inputs never stop a run: each is reported (named, with the reason) and the rest is stored.
Both halves run their work in worker processes (`thucydides.workers`) so that one input that
takes too long is stopped, named and kept as failed instead of stalling the run; the results
come back to this process, the one writer, which stores each document in its own transaction.

Processing *claims* the documents it works on (status, owner and lease set in one locked write),
so two runs on one store share the work and never process a document twice; a document's results
are written in the transaction that marks it processed, so a run killed at any point (even
`kill -9`) resumes with every document exactly once. `workers=0` runs everything in this process,
without time limits (tests, notebooks).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, StatementError

from thucydides.corpus.across import merge_across_documents
from thucydides.corpus.outlet_homes import kept_homes
from thucydides.corpus.reconcile import reconcile
from thucydides.export.bundle import ExportBundle, referenced_actors
from thucydides.geo.outlets import OutletHomes, homes_in_force
from thucydides.ingest.errors import IngestFailure, IngestWarning, Position
from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document
from thucydides.store.db import Store, new_owner
from thucydides.workers.jobs import DocumentFailed, preload
from thucydides.workers.pool import Finished, Output, Started, Stopped, Supervisor, can_fork, default_workers

INGEST_WORKER = "thucydides.workers.jobs.ingest_worker"  # worker set-ups, imported by name in each worker
PROCESS_WORKER = "thucydides.workers.jobs.process_worker"

Progress = Callable[[int], None]
KEPT = 1000  # failures and warnings kept in a report to show; the rest are counted


@dataclass(frozen=True)
class RunSettings:
    workers: int
    batch_size: int
    document_time_limit_s: float
    worker_memory_mb: float
    lease_s: float


def run_settings() -> RunSettings:
    return section("run", RunSettings)


def worker_count(asked: int | None) -> int:
    """Workers to use: as asked, else the settings' count, where 0 means one per core."""
    n = run_settings().workers if asked is None else asked
    return n if n > 0 else default_workers()


@dataclass
class _Kept:
    """The first KEPT items, and how many there were in all (a 1M-line file of junk is 1M failures)."""

    items: list[Any] = field(default_factory=list)
    count: int = 0

    def add(self, item: Any) -> None:
        self.count += 1
        if len(self.items) < KEPT:
            self.items.append(item)


@dataclass
class IngestReport:
    added: int = 0
    already: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    warnings: list[IngestWarning] = field(default_factory=list)
    failed: int = 0
    warned: int = 0


@dataclass
class ProcessReport:
    processed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    failed: int = 0


# --- ingest ----------------------------------------------------------------------------------------


class _DocumentWriter:
    """Documents to the store in batches; a batch the store refuses is retried one by one, naming the culprit."""

    def __init__(self, store: Store, report: IngestReport, batch_size: int) -> None:
        self.store, self.report, self.batch_size = store, report, batch_size
        self.pending: list[Document] = []
        self.failures, self.warnings = _Kept(), _Kept()

    def take(self, item: Document | IngestFailure | IngestWarning) -> None:
        if isinstance(item, IngestFailure):
            self.failures.add(item)
        elif isinstance(item, IngestWarning):
            self.warnings.add(item)
        else:
            self.pending.append(item)
            if len(self.pending) >= self.batch_size:
                self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            self._add(batch)
        except StatementError as exc:
            if not _refused(exc):
                raise
            for doc in batch:
                try:
                    self._add([doc])
                except StatementError as one:
                    if not _refused(one):
                        raise
                    reason = str(one.orig if getattr(one, "orig", None) else one).splitlines()[0]
                    self.failures.add(IngestFailure(doc.source or doc.name or doc.id, f"store refused it ({reason})"))

    def _add(self, docs: list[Document]) -> None:
        result = self.store.add_documents(docs)
        self.report.added += result.added
        self.report.already += result.already

    def close(self) -> IngestReport:
        self.flush()
        self.report.failures, self.report.failed = self.failures.items, self.failures.count
        self.report.warnings, self.report.warned = self.warnings.items, self.warnings.count
        return self.report


def _refused(exc: StatementError) -> bool:
    """The store refused this data (a value it cannot hold), as opposed to failing itself (disk full, gone)."""
    return isinstance(exc, DataError | IntegrityError) or not isinstance(exc, DBAPIError)


def ingest(store: Store, paths: Sequence[Path], advance: Progress | None = None, batch_size: int = 500,
           workers: int | None = 0, follow_symlinks: bool = False, time_limit: float | None = None) -> IngestReport:
    """Read `paths` into the store; with `workers` (None: the settings'), files are read in worker processes,
    each file (or record of a multi-record file) stopped after `time_limit` seconds."""
    from thucydides.ingest import file_results, find_inputs
    from thucydides.ingest.limits import ingest_settings

    writer = _DocumentWriter(store, IngestReport(), batch_size)
    inputs = list(find_inputs(paths, follow_symlinks))
    if workers == 0:
        for item in inputs:
            for result in [item] if isinstance(item, IngestFailure) else file_results(item):
                if not isinstance(result, Position):
                    writer.take(result)
            if advance:
                advance(1)
    else:
        limit = time_limit or ingest_settings().time_limit_s
        _OrderedIngest(inputs, writer, worker_count(workers), limit, advance).run()
    return writer.close()


STREAMED = frozenset({".jsonl", ".ndjson", ".json"})


class _OrderedIngest:
    """Files read in parallel, stored in input order (so a corpus gets the same store whoever reads it).

    Results of a file finished ahead of its turn wait in memory; to bound that, a few files at most
    are in flight, and a streamed file (JSONL, JSON: any size) starts only when its turn has come,
    so its records go straight to the store.
    """

    def __init__(self, inputs: list[Any], writer: _DocumentWriter, workers: int, limit: float,
                 advance: Progress | None) -> None:
        self.inputs, self.writer, self.limit, self.advance = inputs, writer, limit, advance
        self.pool = Supervisor(INGEST_WORKER, workers=workers, time_limit=limit,
                               memory_limit_mb=run_settings().worker_memory_mb)
        self.window = workers * 2
        self.buffered: dict[int, list[Any]] = {}
        self.done: set[int] = set()
        self.index_of: dict[int, int] = {}
        self.head = 0
        self.next_input = 0

    def run(self) -> None:
        self._submit_more()
        while self.head < len(self.inputs):
            for event in self.pool.events():
                self._on(event)
                self._submit_more()
            if self.head < len(self.inputs):  # the pool ran dry with inputs left: queue the next ones
                self._submit_more(force=True)

    def _streamed(self, i: int) -> bool:
        item = self.inputs[i]
        return not isinstance(item, IngestFailure) and item.suffix in STREAMED

    def _submit_more(self, force: bool = False) -> None:
        while self.next_input < len(self.inputs) and self.next_input - self.head < self.window:
            i = self.next_input
            item = self.inputs[i]
            if isinstance(item, IngestFailure):
                self.buffered[i] = [item]
                self.done.add(i)
            elif self._streamed(i) and i != self.head and not force:
                break
            else:
                self.index_of[self.pool.submit((item, 0)).key] = i
            self.next_input += 1
        self._flush_ready()

    def _on(self, event: Any) -> None:
        if isinstance(event, Output):
            self._emit(self.index_of[event.task.key], event.item)
        elif isinstance(event, Finished):
            self.done.add(self.index_of[event.task.key])
            self._flush_ready()
        elif isinstance(event, Stopped):
            self._stopped(event)

    def _emit(self, i: int, item: Any) -> None:
        if i == self.head:
            self.writer.take(item)
        else:
            self.buffered.setdefault(i, []).append(item)

    def _stopped(self, event: Stopped) -> None:
        """A file (or one of its records) ran too long, or crashed its reader: name it, then read on after it."""
        i = self.index_of[event.task.key]
        file, _ = event.task.payload
        why = (f"too slow to read (over {self.limit:g} s; ingest.time_limit_s in the settings file)"
               if event.overran else f"could not be read ({event.detail}; run.worker_memory_mb in the settings file)"
               if event.over_memory else f"could not be read ({event.detail})")
        marker = event.marker
        if isinstance(marker, Position):
            self._emit(i, IngestFailure(marker.source, why))
            self.index_of[self.pool.submit((file, marker.n), first=True).key] = i
        else:
            self._emit(i, IngestFailure(file.source, why))
            self.done.add(i)
            self._flush_ready()

    def _flush_ready(self) -> None:
        while self.head < len(self.inputs):
            for item in self.buffered.pop(self.head, []):
                self.writer.take(item)
            if self.head not in self.done:
                return
            self.head += 1
            if self.advance:
                self.advance(1)


# --- process ---------------------------------------------------------------------------------------


def process(store: Store, pipeline: Any = None, batch_size: int | None = None, retry_failed: bool = False,
            advance: Progress | None = None, workers: int | None = 0, time_limit: float | None = None,
            stages: Sequence[str] | None = None) -> ProcessReport:
    """Process what is pending: in worker processes (`workers`, None: the settings'), each batch of
    `batch_size` documents (None: the settings'; spaCy parses a batch together, which a document alone
    forgoes) stopped after `time_limit` seconds, a stopped batch retried a document at a time; or here,
    with `workers=0`."""
    if retry_failed:
        store.requeue_failed()
    batch_size = batch_size or run_settings().batch_size
    owner = new_owner()
    report = ProcessReport()
    failures = _Kept()
    homes = kept_homes(store)  # the outlet homes learned over this store, for the places stage
    try:
        with homes_in_force(homes):
            if workers == 0 or pipeline is not None:
                _process_here(store, owner, pipeline, batch_size, report, failures, advance)
            else:
                _SupervisedProcess(store, owner, worker_count(workers), batch_size,
                                   time_limit or run_settings().document_time_limit_s, stages,
                                   report, failures, advance, homes).run()
    finally:
        store.release(owner)
    reconcile(store)  # across documents: only what the processed documents touch is redone
    report.failures, report.failed = failures.items, failures.count
    return report


def _process_here(store: Store, owner: str, pipeline: Any, batch_size: int, report: ProcessReport,
                  failures: _Kept, advance: Progress | None) -> None:
    from thucydides.workers.jobs import pipeline_handler, process_worker

    lease = run_settings().lease_s
    handle = None
    while docs := store.claim(owner, batch_size, lease):
        if handle is None:
            handle = process_worker() if pipeline is None else pipeline_handler(pipeline)
        for kind, item in handle(docs):
            if kind == "out":
                _store_result(store, owner, item, {d.id: d for d in docs}, report, failures)
                if advance:
                    advance(1)


def _store_result(store: Store, owner: str, item: Analysis | DocumentFailed, docs: dict[str, Document],
                  report: ProcessReport, failures: _Kept) -> None:
    if isinstance(item, DocumentFailed):
        if store.mark_failed(item.doc_id, item.error, owner):
            doc = docs.get(item.doc_id)
            failures.add(((doc.name if doc else None) or item.doc_id, item.error))
    elif store.save_analysis(item, owner):
        report.processed += 1


class _SupervisedProcess:
    """Claims documents as workers need them, hands them out, stores each result as it comes back."""

    def __init__(self, store: Store, owner: str, workers: int, batch_size: int, limit: float,
                 stages: Sequence[str] | None, report: ProcessReport, failures: _Kept,
                 advance: Progress | None, homes: OutletHomes | None = None) -> None:
        self.store, self.owner, self.workers, self.batch_size, self.limit = store, owner, workers, batch_size, limit
        self.report, self.failures, self.advance = report, failures, advance
        if can_fork():
            preload(stages)
        self.pool = Supervisor(PROCESS_WORKER, (tuple(stages) if stages else None, homes), workers=workers,
                               time_limit=limit, memory_limit_mb=run_settings().worker_memory_mb)
        self.lease = run_settings().lease_s
        self.renew_at = time.monotonic() + self.lease / 3
        self.docs: dict[str, Document] = {}
        self.unfinished: dict[int, set[str]] = {}
        self.exhausted = False

    def run(self) -> None:
        self._refill()
        while self.pool.queue or self.unfinished:
            for event in self.pool.events():
                self._on(event)
                self._refill()
                self._renew()
            self._refill()

    def _refill(self) -> None:
        """Keep about two tasks per worker queued, claiming more documents when the queue runs low."""
        if self.exhausted or len(self.pool.queue) >= self.workers * 2:
            return
        claimed = self.store.claim(self.owner, self.workers * 2 * self.batch_size, self.lease)
        if not claimed:
            self.exhausted = True
            return
        for i in range(0, len(claimed), self.batch_size):
            self._submit(claimed[i:i + self.batch_size])

    def _submit(self, docs: list[Document], first: bool = False) -> None:
        for doc in docs:
            self.docs[doc.id] = doc
        self.unfinished[self.pool.submit(docs, first=first).key] = {d.id for d in docs}

    def _renew(self) -> None:
        if time.monotonic() >= self.renew_at:
            self.store.renew(self.owner, self.lease)
            self.renew_at = time.monotonic() + self.lease / 3

    def _on(self, event: Any) -> None:
        if isinstance(event, Output):
            doc_id = event.item.doc_id
            _store_result(self.store, self.owner, event.item, self.docs, self.report, self.failures)
            self._done(event.task.key, doc_id)
        elif isinstance(event, Finished):
            self.unfinished.pop(event.task.key, None)
        elif isinstance(event, Stopped):
            self._stopped(event)
        elif isinstance(event, Started):
            pass

    def _done(self, key: int, doc_id: str) -> None:
        self.unfinished.get(key, set()).discard(doc_id)
        self.docs.pop(doc_id, None)
        if self.advance:
            self.advance(1)

    def _stopped(self, event: Stopped) -> None:
        """A batch that overran is retried a document at a time; a single document that overran (or
        crashed its worker) is kept as failed, to be retried with `--retry-failed`."""
        left = self.unfinished.pop(event.task.key, set())
        docs = [d for d in event.task.payload if d.id in left]
        if len(docs) > 1:
            for doc in reversed(docs):
                self._submit([doc], first=True)
            return
        for doc in docs:
            error = _stop_reason(event, self.limit)
            _store_result(self.store, self.owner, DocumentFailed(doc.id, error), self.docs, self.report,
                          self.failures)
            self._done(event.task.key, doc.id)


def _stop_reason(event: Stopped, limit: float) -> str:
    if event.overran:
        return (f"too slow: still running after {limit:g} s (run.document_time_limit_s; "
                "retry with `thucydides process --retry-failed --time-limit SECONDS`)")
    if event.over_memory:
        return (f"too much memory: {event.detail} (run.worker_memory_mb in the settings file; "
                "retry with `thucydides process --retry-failed` after raising it)")
    return f"processing crashed: {event.detail}"


def load_bundle(store: Store) -> ExportBundle:
    """Everything the store knows, read in one snapshot, events merged across documents, ready to export."""
    with store.snapshot() as snap:
        docs = snap.documents(status="processed")
        mentions = snap.mentions()
        claims = snap.claims()
        places = snap.places()
        events = snap.events()
    events = merge_across_documents(events)
    return ExportBundle(documents=docs, actors=referenced_actors(mentions, claims, events), places=places,
                        mentions=mentions, claims=claims, events=events)
