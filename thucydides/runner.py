"""Ingest and process, the two halves of a run, with progress and resumability.

Bad inputs never stop a run: each is reported (named, with the reason) and the rest is
stored. Processing takes pending documents in batches; a batch's results are stored one
document at a time, each in its own transaction, so a killed run loses at most the batch
in flight and a rerun picks it up.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from thucydides.corpus.across import merge_across_documents
from thucydides.corpus.reconcile import reconcile
from thucydides.export.bundle import ExportBundle, referenced_actors
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline
from thucydides.store.db import Store

if TYPE_CHECKING:
    from thucydides.ingest import IngestFailure

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    added: int = 0
    already: int = 0
    failures: list[IngestFailure] = field(default_factory=list)


@dataclass
class ProcessReport:
    processed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


def ingest(store: Store, paths: Sequence[Path], advance: Progress | None = None, batch_size: int = 500) -> IngestReport:
    # imported here: HTML and feed parsers are only needed when reading reports in
    from thucydides.ingest import IngestFailure, iter_documents

    report = IngestReport()
    pending: list[Document] = []

    def flush() -> None:
        result = store.add_documents(pending)
        report.added += result.added
        report.already += result.already
        pending.clear()

    for item in iter_documents(paths):
        if isinstance(item, IngestFailure):
            report.failures.append(item)
        else:
            pending.append(item)
            if len(pending) >= batch_size:
                flush()
        if advance:
            advance(1)
    flush()
    return report


def process(store: Store, pipeline: Pipeline | None = None, batch_size: int = 32, retry_failed: bool = False,
            advance: Progress | None = None) -> ProcessReport:
    report = ProcessReport()
    ids = store.pending_ids(include_failed=retry_failed)
    if not ids:
        return report
    pipeline = pipeline or Pipeline()
    for i in range(0, len(ids), batch_size):
        docs = store.load_documents(ids[i:i + batch_size])
        for analysis, error in _analyse(pipeline, docs):
            if error is None:
                store.save_analysis(analysis)
                report.processed += 1
            else:
                store.mark_failed(analysis.doc_id, error)
                report.failures.append((analysis.document.name or analysis.doc_id, error))
            if advance:
                advance(1)
        reconcile(store)  # across documents: only what this batch's documents touch is redone
    return report


def _analyse(pipeline: Pipeline, docs: list[Document]) -> Iterable[tuple[Analysis, str | None]]:
    """Run a batch; if it fails, run its documents one by one so one bad document fails alone."""
    try:
        for analysis in pipeline.run_documents(docs):
            yield analysis, None
        return
    except Exception:  # noqa: BLE001 - isolate the culprit below
        if len(docs) == 1:
            yield Analysis(docs[0]), _describe_error()
            return
    for doc in docs:
        try:
            yield pipeline.run_documents([doc])[0], None
        except Exception:  # noqa: BLE001 - a document that breaks a stage is recorded, not fatal
            yield Analysis(doc), _describe_error()


def _describe_error() -> str:
    lines = traceback.format_exc().strip().splitlines()
    return lines[-1] if lines else "unknown error"


def load_bundle(store: Store) -> ExportBundle:
    """Everything the store knows, events merged across documents, ready to export."""
    docs = store.documents(status="processed")
    mentions = store.mentions()
    claims = store.claims()
    events = merge_across_documents(store.events())
    return ExportBundle(documents=docs, actors=referenced_actors(mentions, claims, events), places=store.places(),
                        mentions=mentions, claims=claims, events=events)
