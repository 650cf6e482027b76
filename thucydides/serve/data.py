"""Everything the web server reads from or writes to the store, behind one thin class.

The API and the UI only call `ServeData`. Lists come from paged SQL (`thucydides.store.queries`);
what needs a whole quantity at once (claim series, disputes, source ratings, control timelines) is
computed from the filtered rows and kept until the store changes (its version: documents, processed,
last sequence number). When cross-report reconciliation moves into stored tables, re-point the
methods here and nothing else changes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from thucydides.corpus.control import (
    TERRITORY_METRICS,
    ControlSettings,
    ControlStatement,
    PlaceTimeline,
    build_timelines,
    control_settings,
    filter_timelines,
    not_told_twice,
    statements_from_claims,
    statements_from_events,
)
from thucydides.corpus.series import Contradiction, Series, SourceRecord, build_series, contradictions, rate_sources
from thucydides.knowledge.acled import TERRITORY_CHANGES
from thucydides.model import Document, Interval, Place
from thucydides.store.db import Store, StoreStats
from thucydides.store.queries import (
    BBox,
    ClaimFilter,
    DocumentFilter,
    EventFilter,
    Page,
    PlaceFilter,
    Queries,
    Removed,
    Window,
)

if TYPE_CHECKING:
    from thucydides.pipeline import Pipeline

T = TypeVar("T")
log = logging.getLogger("thucydides.serve")


@dataclass(frozen=True)
class SeriesSummary:
    metric: str
    unit: str
    subject: str | None
    points: int
    dated: int
    first_day: date | None
    last_day: date | None

    @classmethod
    def of(cls, s: Series) -> SeriesSummary:
        days = [d for p in s.points if p.when for d in (p.when.start, p.when.end) if d]
        return cls(s.metric, s.unit, s.subject, len(s.points), _dated(s), min(days, default=None),
                   max(days, default=None))


@dataclass(frozen=True)
class Added:
    """What a POST of reports did: stored, already known, processed, failed (named with the reason)."""

    documents: list[str]
    already: int
    processed: int
    failures: list[tuple[str, str]]


class ServeData:
    """The store as the web server sees it."""

    def __init__(self, store: Store, pipeline_factory: Callable[[], Pipeline] | None = None) -> None:
        self.store = store
        self.queries = Queries(store)
        self._cache: dict[str, tuple[str, object]] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._pipeline: Pipeline | None = None
        self._statements_by_doc: dict[str, list[ControlStatement]] = {}
        self._control_lock = threading.Lock()
        self._pipeline_factory = pipeline_factory

    # --- cached whole-quantity views --------------------------------------------------------------------
    def version(self) -> str:
        return self.queries.version().tag

    def _cached(self, key: str, compute: Callable[[], T]) -> T:
        tag = self.version()
        with self._lock:
            hit = self._cache.get(key)
        if hit and hit[0] == tag:
            return hit[1]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._cache[key] = (tag, value)
        return value

    def warm(self) -> None:
        """Compute the reconciled views once at start-up, so the first visitor does not wait for them."""
        try:
            self.date_range()
            self.series(None, None)
            self.series_index()
            self.sources()
            self.timelines()
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first request computes it
            log.warning("warming the reconciled views failed; they will be computed on first use", exc_info=True)

    def stats(self) -> StoreStats:
        return self.store.stats()

    def date_range(self) -> Window:
        return self._cached("range", self.queries.date_range)

    # --- pages --------------------------------------------------------------------------------------------
    def events(self, f: EventFilter, limit: int, after: str | None) -> Page:
        return self.queries.events(f, limit, after)

    def claims(self, f: ClaimFilter, limit: int, after: str | None) -> Page:
        return self.queries.claims(f, limit, after)

    def documents(self, f: DocumentFilter, limit: int, after: str | None) -> Page:
        return self.queries.documents(f, limit, after)

    def places(self, f: PlaceFilter, limit: int, after: str | None) -> Page:
        return self.queries.places(f, limit, after)

    def places_by_id(self, ids: Iterable[str | None]) -> dict[str, Place]:
        return self.queries.places_by_id([i for i in ids if i])

    def document(self, doc_id: str) -> tuple[Document, str] | None:
        return self.queries.document(doc_id)

    # --- reconciled views -----------------------------------------------------------------------------------
    def _published(self) -> list[Document]:
        """Documents with their publication dates, for dating claims that carry no time of their own."""
        return self._cached("published", self.queries.publication_dates)

    def series(self, metric: str | None, subject: str | None) -> list[Series]:
        """Claim series, the one with most dated points first (the UI opens on it)."""
        def compute() -> list[Series]:
            found = build_series(self.queries.all_claims(ClaimFilter(metric=metric, subject=subject)),
                                 self._published(), metric, subject)
            return sorted(found, key=lambda s: (-_dated(s), -len(s.points)))
        return self._cached(f"series:{metric}:{subject}", compute)

    def series_index(self) -> list[SeriesSummary]:
        """Every series in one line each, the most dated first: what the series list shows."""
        return self._cached("series-index", lambda: [SeriesSummary.of(s) for s in self.series(None, None)])

    def disputes(self, metric: str | None) -> list[Contradiction]:
        return self._cached(f"disputes:{metric}", lambda: contradictions(
            self.queries.all_claims(ClaimFilter(metric=metric)), self._published()))

    def sources(self) -> list[SourceRecord]:
        def compute() -> list[SourceRecord]:
            return rate_sources(self.queries.all_claims(ClaimFilter()), self.disputes(None))
        return self._cached("sources", compute)

    def timelines(self) -> list[PlaceTimeline]:
        return self._cached("control", self._build_timelines)

    def _build_timelines(self) -> list[PlaceTimeline]:
        """Control from takeover events, territory claims and the text; the text is parsed once per document."""
        with self._control_lock:
            return self._timelines_now()

    def _timelines_now(self) -> list[PlaceTimeline]:
        settings = control_settings()
        published = {d.id: d.published for d in self.queries.publication_dates()}
        statements = statements_from_events(self.queries.events_of_kinds(sorted(TERRITORY_CHANGES)), published,
                                            settings)
        text = [s for group in self._text_statements(settings).values() for s in group]
        statements += not_told_twice(text, statements)
        statements += statements_from_claims(self.queries.claims_of_metrics(TERRITORY_METRICS), published, settings)
        return build_timelines(statements, self.store.places(), settings)

    def _text_statements(self, settings: ControlSettings) -> dict[str, list[ControlStatement]]:
        """Control phrases per processed document, kept across store versions: only new reports are parsed."""
        from thucydides.corpus.control_text import read_statements
        from thucydides.ling.spacy_model import load_model

        ids = self.queries.processed_ids()
        known = self._statements_by_doc
        for gone in set(known) - set(ids):
            del known[gone]
        fresh = [i for i in ids if i not in known]
        for start in range(0, len(fresh), 500):
            chunk = fresh[start:start + 500]
            found = read_statements(self.store.load_documents(chunk), self.queries.mentions_for(chunk), load_model(),
                                    settings)
            for doc_id in chunk:
                known[doc_id] = [s for s in found if s.evidence.doc == doc_id]
        return known

    def control(self, place: str | None = None, bbox: BBox | None = None) -> list[PlaceTimeline]:
        return filter_timelines(self.timelines(), place, bbox)

    # --- writes ---------------------------------------------------------------------------------------------
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from thucydides.pipeline import Pipeline

            self._pipeline = (self._pipeline_factory or Pipeline)()
        return self._pipeline

    def add(self, documents: Sequence[Document]) -> Added:
        """Store new reports and process them (one writer at a time); reconciled views follow the store."""
        from thucydides.runner import process

        with self._write_lock:
            result = self.store.add_documents(documents)
            report = process(self.store, self.pipeline())
        return Added([d.id for d in documents], result.already, report.processed, report.failures)

    def remove(self, doc_id: str) -> Removed | None:
        with self._write_lock:
            return self.queries.remove_document(doc_id)


def _dated(series: Series) -> int:
    return sum(1 for p in series.points if p.when and (p.when.start or p.when.end))


def in_force(timelines: Sequence[PlaceTimeline], day: date | None) -> list[PlaceTimeline]:
    """Timelines that have a segment on `day` (all of them when no day is given)."""
    return [t for t in timelines if day is None or t.at(day)]


__all__ = ["Added", "Interval", "ServeData", "in_force"]
