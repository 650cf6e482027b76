"""Paged, filtered reads and single-document writes over the store's tables, for the REST API.

Keyset pagination (rows after the last id seen, in id order), so a page costs the same at row 10 and
row 100,000; every filter is a SQL condition, never Python over all rows. Dates inside the JSON columns
are compared as ISO strings through SQLAlchemy's JSON path operators, which SQLite and PostgreSQL share.
Kept apart from `db.py` so the store's write path stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, delete, func, or_, select

from thucydides.model import Claim, Document, Event, Mention, Place
from thucydides.store import codec
from thucydides.store import schema as t
from thucydides.store.db import Store
from thucydides.store.reconciled import DocumentMeta, stored_meta

BBox = tuple[float, float, float, float]
"""west, south, east, north in degrees."""


@dataclass(frozen=True)
class Window:
    """Rows whose interval overlaps [start, end]; either end open."""

    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Scope:
    """Where and when an event or a claim is: its place, its report, its place's country and box, its time."""

    place: str | None = None
    doc: str | None = None
    country: str | None = None
    bbox: BBox | None = None
    window: Window = Window()


@dataclass(frozen=True)
class EventFilter:
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    """Actor 1 or actor 2."""
    scope: Scope = Scope()


@dataclass(frozen=True)
class ClaimFilter:
    metric: str | None = None
    unit: str | None = None
    subject: str | None = None
    agent: str | None = None
    claimant: str | None = None
    scope: Scope = Scope()


@dataclass(frozen=True)
class DocumentFilter:
    status: str | None = None
    outlet: str | None = None
    window: Window = Window()


@dataclass(frozen=True)
class PlaceFilter:
    kind: str | None = None
    country: str | None = None
    name: str | None = None
    bbox: BBox | None = None


@dataclass(frozen=True)
class Page:
    """One page of records and the id to continue after (None: the last page)."""

    items: list[Any]
    after: str | None


@dataclass(frozen=True)
class DocumentSummary:
    """A stored document without its text, and how its processing went: what a list of reports shows."""

    meta: DocumentMeta
    status: str
    error: str | None
    chars: int

    @classmethod
    def of(cls, row: Any) -> DocumentSummary:
        return cls(stored_meta(row), row.status, row.error, int(row.chars or 0))


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place mention with its document's address and its place's region (`Queries.place_mentions`)."""

    doc: str
    url: str | None
    text: str
    country: str | None
    admin1: str | None
    kind: str
    outlet: str | None = None


@dataclass(frozen=True)
class Removed:
    document: str
    mentions: int
    claims: int
    events: int


@dataclass(frozen=True)
class StoreVersion:
    """Changes whenever documents are added, processed or removed: a cheap key for caches and ETags."""

    documents: int
    processed: int
    last_seq: int

    @property
    def tag(self) -> str:
        return f"{self.documents}-{self.processed}-{self.last_seq}"


def _equal(column: Any, value: str | None) -> ColumnElement[bool] | None:
    return column == value if value else None


def _overlaps(start_col: Any, end_col: Any, window: Window) -> list[ColumnElement[bool]]:
    """SQL for 'the row's [start, end] overlaps the window'; rows with no date never match a window."""
    out: list[ColumnElement[bool]] = []
    if window.start:
        out.append(func.coalesce(end_col, start_col) >= window.start.isoformat())
    if window.end:
        out.append(func.coalesce(start_col, end_col) <= window.end.isoformat())
    return out


def _json_day(column: Any, key: str) -> Any:
    return column[key].as_string()


def _in_place(place_col: Any, country: str | None, bbox: BBox | None) -> list[ColumnElement[bool]]:
    """Rows whose place is in `country` and/or inside `bbox`, as a sub-select on places."""
    conditions: list[ColumnElement[bool]] = []
    if country:
        conditions.append(t.places.c.country == country)
    if bbox:
        west, south, east, north = bbox
        conditions += [t.places.c.lon.between(west, east), t.places.c.lat.between(south, north)]
    if not conditions:
        return []
    return [place_col.in_(select(t.places.c.id).where(*conditions))]


def _in_scope(table: Any, day_col: Any, scope: Scope) -> list[ColumnElement[bool]]:
    """The conditions an event or claim row (`place`, `doc` and an interval `day_col`) meets inside `scope`."""
    conditions = [x for x in (_equal(table.c.place, scope.place), _equal(table.c.doc, scope.doc)) if x is not None]
    conditions += _overlaps(_json_day(day_col, "start"), _json_day(day_col, "end"), scope.window)
    return conditions + _in_place(table.c.place, scope.country, scope.bbox)


class Queries:
    """Read pages and change single documents; each call opens its own short connection."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    def _page(self, query: Select[Any], id_col: Any, limit: int, after: str | None, decode: Any) -> Page:
        if after:
            query = query.where(id_col > after)
        with self.engine.connect() as conn:
            rows = conn.execute(query.order_by(id_col).limit(limit + 1)).all()
        items = [decode(r) for r in rows[:limit]]
        return Page(items, rows[limit - 1].id if len(rows) > limit else None)

    def events(self, f: EventFilter, limit: int, after: str | None = None) -> Page:
        c = t.events.c
        conditions = [x for x in (_equal(c.event_type, f.event_type), _equal(c.sub_event_type, f.sub_event_type))
                      if x is not None]
        if f.actor:
            conditions.append(or_(c.actor1 == f.actor, c.actor2 == f.actor))
        conditions += _in_scope(t.events, c.date, f.scope)
        return self._page(select(t.events).where(*conditions), c.id, limit, after, codec.event_from)

    def claims(self, f: ClaimFilter, limit: int, after: str | None = None) -> Page:
        c = t.claims.c
        equal = ((c.metric, f.metric), (c.unit, f.unit), (c.subject, f.subject), (c.agent, f.agent),
                 (c.claimant, f.claimant))
        conditions = [x for x in (_equal(col, v) for col, v in equal) if x is not None]
        conditions += _in_scope(t.claims, c.time, f.scope)
        return self._page(select(t.claims).where(*conditions), c.id, limit, after, codec.claim_from)

    def all_claims(self, f: ClaimFilter) -> list[Claim]:
        """Every claim the filter lets through (for series and disputes, which read a whole quantity)."""
        out: list[Claim] = []
        after: str | None = None
        while True:
            page = self.claims(f, 5000, after)
            out += page.items
            if page.after is None:
                return out
            after = page.after

    def documents(self, f: DocumentFilter, limit: int, after: str | None = None) -> Page:
        """Pages of DocumentSummary: the text itself stays in the store until one document is asked for."""
        c = t.documents.c
        columns = [col for col in t.documents.c if col.name not in ("text", "furniture")]
        conditions = [x for x in (_equal(c.status, f.status), _equal(c.outlet, f.outlet)) if x is not None]
        conditions += _overlaps(c.published_start, c.published_end, f.window)
        query = select(*columns, func.length(c.text).label("chars")).where(*conditions)
        return self._page(query, c.id, limit, after, DocumentSummary.of)

    def places(self, f: PlaceFilter, limit: int, after: str | None = None) -> Page:
        c = t.places.c
        conditions = [x for x in (_equal(c.kind, f.kind), _equal(c.country, f.country)) if x is not None]
        if f.name:
            conditions.append(func.lower(c.name).contains(f.name.lower()))
        if f.bbox:
            west, south, east, north = f.bbox
            conditions += [c.lon.between(west, east), c.lat.between(south, north)]
        return self._page(select(t.places).where(*conditions), c.id, limit, after, codec.place_from)

    def places_by_id(self, ids: Sequence[str]) -> dict[str, Place]:
        if not ids:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.places).where(t.places.c.id.in_(list(set(ids))))).all()
        return {r.id: codec.place_from(r) for r in rows}

    def document(self, doc_id: str) -> tuple[Document, str] | None:
        """A document with its processing status, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
        return (codec.document_from(row), row.status) if row else None

    def processed_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.scalars(select(t.documents.c.id).where(t.documents.c.status == "processed")
                                     .order_by(t.documents.c.seq)))

    def mentions_for(self, doc_ids: Sequence[str]) -> list[Mention]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.mentions).where(t.mentions.c.doc.in_(list(doc_ids)))).all()
        return [codec.mention_from(r) for r in rows]

    def meta(self, key: str) -> str | None:
        """The value kept under `key` (`Store.keep_meta`), or None."""
        with self.engine.connect() as conn:
            return conn.scalar(select(t.meta.c.value).where(t.meta.c.key == key))

    def processed_outlets(self) -> list[tuple[str, str | None, str | None]]:
        """(id, web address, outlet name) of every processed document, in the order they were stored."""
        c = t.documents.c
        with self.engine.connect() as conn:
            return [(r.id, r.url, r.outlet) for r in conn.execute(
                select(c.id, c.url, c.outlet).where(c.status == "processed").order_by(c.seq))]

    def place_mentions(self) -> list[PlaceMention]:
        """Every place mention of the processed documents with an address or an outlet name, with its document's
        address and outlet and its place's country, admin1 and kind (what learning outlet homes reads), in
        document and text order."""
        d, m, p = t.documents.c, t.mentions.c, t.places.c
        query = (select(d.id, d.url, d.outlet, m.text, p.country, p.admin1, p.kind)
                 .join(t.mentions, m.doc == d.id).join(t.places, p.id == m.ref)
                 .where(d.status == "processed", d.url.is_not(None) | d.outlet.is_not(None), m.kind == "place")
                 .order_by(d.seq, m.start, m.end))
        with self.engine.connect() as conn:
            return [PlaceMention(r.id, r.url, r.text, r.country, r.admin1, r.kind, r.outlet)
                    for r in conn.execute(query)]

    def events_of_kinds(self, sub_event_types: Sequence[str]) -> list[Event]:
        """Every event of these ACLED sub-event types (territory changing hands, say)."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.events).where(t.events.c.sub_event_type.in_(list(sub_event_types)))
                                .order_by(t.events.c.id)).all()
        return [codec.event_from(r) for r in rows]

    def claims_of_metrics(self, metrics: Sequence[str]) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.claims).where(t.claims.c.metric.in_(list(metrics)))
                                .order_by(t.claims.c.id)).all()
        return [codec.claim_from(r) for r in rows]

    def publication_dates(self) -> list[Document]:
        """Every document as an id and its publication date only (no text): what dating claims needs."""
        c = t.documents.c
        with self.engine.connect() as conn:
            rows = conn.execute(select(c.id, c.published_start, c.published_end, c.published_inferred)).all()
        return [Document(r.id, "", published=codec.published_from(r)) for r in rows]

    def version(self) -> StoreVersion:
        c = t.documents.c
        processed = func.sum(func.cast(c.status == "processed", Integer))
        with self.engine.connect() as conn:
            row = conn.execute(select(func.count(), func.coalesce(processed, 0),
                                      func.coalesce(func.max(c.seq), 0))).one()
        return StoreVersion(int(row[0]), int(row[1]), int(row[2]))

    def date_range(self) -> Window:
        """The first and last day any event or claim is dated, or any document published."""
        days: list[str] = []
        with self.engine.connect() as conn:
            for start, end in ((_json_day(t.events.c.date, "start"), _json_day(t.events.c.date, "end")),
                               (_json_day(t.claims.c.time, "start"), _json_day(t.claims.c.time, "end")),
                               (t.documents.c.published_start, t.documents.c.published_end)):
                low, high = conn.execute(select(func.min(start), func.max(end))).one()
                days += [d for d in (low, high) if d]
        if not days:
            return Window()
        return Window(date.fromisoformat(min(days)[:10]), date.fromisoformat(max(days)[:10]))

    def remove_document(self, doc_id: str) -> Removed | None:
        """Delete a document and everything derived from it (mentions, claims, events) in one transaction."""
        with self.engine.begin() as conn:
            gone = conn.execute(delete(t.documents).where(t.documents.c.id == doc_id)).rowcount
            if not gone:
                return None
            counts = [conn.execute(delete(table).where(table.c.doc == doc_id)).rowcount
                      for table in (t.mentions, t.claims, t.events)]
        return Removed(doc_id, *counts)


