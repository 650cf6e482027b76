"""What the workers do: read one input file, or run the pipeline over a few documents.

Each function here is a worker's set-up: it runs once in the worker (loading the pipeline, say)
and returns the handler the worker applies to each task's payload. Handlers yield ('start', marker)
before each unit of work, so a unit that runs too long can be named, and ('out', result) after.
"""

from __future__ import annotations

import gc
import threading
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from thucydides.model import Analysis, Document
from thucydides.workers.pool import Handler

if TYPE_CHECKING:
    from thucydides.geo.outlets import OutletHomes


@dataclass(frozen=True)
class DocumentFailed:
    """A document the pipeline could not process, and the error's last line."""

    doc_id: str
    error: str


def _last_line() -> str:
    lines = traceback.format_exc().strip().splitlines()
    return lines[-1] if lines else "unknown error"


def ingest_worker() -> Handler:
    """Reads files: payload (InputFile, start_after); a Position marks each record of a multi-record file."""
    from thucydides.ingest import Position, file_results

    def handle(payload: Any) -> Iterator[tuple[str, Any]]:
        file, start_after = payload
        for result in file_results(file, start_after):
            yield ("start", result) if isinstance(result, Position) else ("out", result)

    return handle


_preloaded: dict[tuple[str, ...] | None, Any] = {}


def preload(stages: Sequence[str] | None = None) -> None:
    """Build the pipeline in this process before workers are forked from it: they share it (copy-on-write)
    and start at once, replacements included, instead of each loading it for seconds."""
    from thucydides.pipeline import Pipeline

    key = tuple(stages) if stages else None
    if key not in _preloaded:
        _preloaded[key] = Pipeline(stages)
        _no_connection_across_fork()


def _no_connection_across_fork() -> None:
    """A SQLite connection must not be used on both sides of a fork: drop this thread's gazetteer
    connection (the pipeline reopens one lazily), so each worker opens its own."""
    from thucydides.geo import gazetteer

    if gazetteer.open_gazetteer.cache_info().currsize:
        gazetteer.open_gazetteer()._local = threading.local()


def process_worker(stages: Sequence[str] | None = None, homes: OutletHomes | None = None) -> Handler:
    """The pipeline preloaded before the fork, else loaded here once; each payload is a few documents.
    `homes`: the outlet homes learned over the store, in force in this worker for its life."""
    from thucydides.geo.outlets import use_homes
    from thucydides.pipeline import Pipeline

    if homes is not None:
        use_homes(homes)

    key = tuple(stages) if stages else None
    pipeline = _preloaded.get(key) or Pipeline(stages)
    return pipeline_handler(pipeline)


def pipeline_handler(pipeline: Any) -> Handler:
    """Runs `pipeline` over a payload of documents, as a batch first, then one by one if the batch fails.

    What is alive by now (the pipeline's models, lexicons and gazetteer, which live as long as the process)
    is frozen out of the cyclic garbage collector's reach: each full collection would walk it all again, for
    some 7-11% of the pipeline's CPU time on news; what the documents make is collected as before."""
    gc.freeze()

    def handle(docs: list[Document]) -> Iterator[tuple[str, Any]]:
        yield "start", [d.id for d in docs]
        try:
            analyses = pipeline.run_documents(docs)
        except Exception:  # noqa: BLE001 - isolate the culprit below
            if len(docs) == 1:
                yield "out", DocumentFailed(docs[0].id, _last_line())
            else:
                yield from _one_by_one(pipeline, docs)
            return
        for analysis in analyses:
            yield "out", _portable(analysis)

    return handle


def _one_by_one(pipeline: Any, docs: list[Document]) -> Iterator[tuple[str, Any]]:
    """A batch that failed, run again a document at a time, so one bad document fails alone."""
    for doc in docs:
        yield "start", [doc.id]
        try:
            [analysis] = pipeline.run_documents([doc])
        except Exception:  # noqa: BLE001 - a document that breaks a stage is recorded, not fatal
            yield "out", DocumentFailed(doc.id, _last_line())
            continue
        yield "out", _portable(analysis)


def _portable(analysis: Analysis) -> Analysis:
    """What goes back to the writer: the results, without the spaCy Doc (large, and not needed to store)."""
    analysis.spacy_doc = None
    return analysis
