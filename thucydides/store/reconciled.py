"""The stored reconciliation across documents: merged events, claim series keys, disputes, source
ratings, and the queue of documents whose results changed since they were last reconciled.

Queries only: what to merge and what disputes what is decided in `thucydides.corpus`. Every query
here runs on an index (see schema.py), and every read of many rows is paged, so memory does not grow
with the store.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    String,
    Table,
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    distinct,
    func,
    literal,
    null,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.sql.elements import ColumnElement

from thucydides.knowledge.actors import NEW_PREFIX
from thucydides.model import Claim, Document, Event, Evidence, Interval, Mention, Place
from thucydides.store import codec, raw
from thucydides.store import schema as t

if TYPE_CHECKING:
    from thucydides.store.db import Store

PAGE = 1000
"""Rows fetched per round trip when streaming a table."""

CHUNK = 500
"""Ids per IN (...) list."""

NO_DAY = "9999-12-31"


def same(column: Any, value: object) -> ColumnElement[bool]:
    """Equality that also matches NULL to None (subjects, places and actors may be unknown)."""
    return column.is_(None) if value is None else column == value  # type: ignore[no-any-return]


def chunks(items: Sequence[str], size: int = CHUNK) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def stream(conn: Connection, query: Any) -> Iterator[Any]:
    """Rows of a query, fetched a page at a time (a server-side cursor on PostgreSQL)."""
    yield from conn.execute(query.execution_options(yield_per=PAGE))


def stream_named(conn: Connection, query: Any) -> Iterator[SimpleNamespace]:
    """`stream`, each row's values read by name at a plain attribute's speed (a row's own named access
    costs more than turning it into a namespace once, for rows read field by field into domain objects)."""
    result = conn.execute(query.execution_options(yield_per=PAGE))
    fields = tuple(result.keys())
    for row in result:
        yield SimpleNamespace(**dict(zip(fields, row, strict=True)))


# --- the queue -----------------------------------------------------------------------------------
def enqueue(conn: Connection, doc_ids: Iterable[str]) -> None:
    """Mark documents as changed since their last reconciliation (in the caller's transaction)."""
    ids = list(dict.fromkeys(doc_ids))
    for part in chunks(ids):
        conn.execute(_UNQUEUE, {"ids": list(part)})
    if ids:
        conn.execute(_QUEUE, [{"doc": d, "token": uuid.uuid4().hex} for d in ids])


# built once: the store enqueues every document it saves, one by one
_UNQUEUE = delete(t.reconcile_queue).where(t.reconcile_queue.c.doc.in_(bindparam("ids", expanding=True)))
_QUEUE = t.reconcile_queue.insert()


def queued(conn: Connection, limit: int) -> list[tuple[str, str]]:
    rows = conn.execute(select(t.reconcile_queue.c.doc, t.reconcile_queue.c.token)
                        .order_by(t.reconcile_queue.c.doc).limit(limit)).all()
    return [(r.doc, r.token) for r in rows]


def queue_size(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(t.reconcile_queue)) or 0)


def dequeue(conn: Connection, entries: Iterable[tuple[str, str]]) -> None:
    """Drop the entries reconciled; a document re-queued meanwhile has a new token and stays."""
    q = t.reconcile_queue
    rows = [{"queued_doc": doc, "queued_token": token} for doc, token in entries]
    if rows:
        conn.execute(delete(q).where(q.c.doc == bindparam("queued_doc"), q.c.token == bindparam("queued_token")), rows)


def store_mb(conn: Connection) -> float:
    """The SQLite store's size in MB (0 for other stores, whose caches are their server's)."""
    if conn.dialect.name != "sqlite":
        return 0.0
    pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    size = conn.exec_driver_sql("PRAGMA page_size").scalar()
    return float(int(pages or 0) * int(size or 0)) / 2**20


@contextmanager
def page_cache(conn: Connection, megabytes: int) -> Iterator[None]:
    """A larger SQLite page cache on this connection for a while (a bulk write whose indexes outgrow the
    default cache would read their pages back again and again); other stores are left as they are."""
    if conn.dialect.name != "sqlite":
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size = {-1024 * int(megabytes)}")
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")


@contextmanager
def indexes_after(conn: Connection, *tables: Table) -> Iterator[None]:
    """The tables' secondary indexes dropped for a bulk write into them and made again after it (SQLite): an index
    made from every row at once is one sort, where one kept up to date row by row takes its pages in random order,
    and that grows faster than the rows do. Inside the caller's transaction, so a failure leaves them as they were;
    other stores keep their indexes (dropping one there would make readers wait)."""
    indexes = [i for table in tables for i in sorted(table.indexes, key=lambda i: str(i.name))]
    if conn.dialect.name != "sqlite":
        indexes = []
    for index in indexes:
        index.drop(conn)
    yield
    for index in indexes:
        index.create(conn)


def lock(conn: Connection) -> None:
    """One reconciliation at a time: a write to one row, held until the caller's transaction ends
    (a row lock on PostgreSQL, the write lock on SQLite), taken before anything is read."""
    key = t.meta.c.key == t.RECONCILE_LOCK
    if conn.execute(update(t.meta).where(key).values(value=t.meta.c.value)).rowcount == 0:
        conn.execute(t.meta.insert().values(key=t.RECONCILE_LOCK, value="0"))


def clear_results(conn: Connection) -> None:
    """Forget every reconciled result (a rebuild follows in the same transaction); the queue stays."""
    for table in (t.merged_events, t.merged_members, t.claim_keys, t.disputes, t.source_ratings):
        conn.execute(delete(table))


def clear_all(conn: Connection) -> None:
    """Forget every reconciled result and the queue."""
    clear_results(conn)
    conn.execute(delete(t.reconcile_queue))


# --- merged events -------------------------------------------------------------------------------
# Document events and merged events are read and written through the raw views (`store.raw`): their
# lists (evidence, claims) move from one to the other as the JSON text they are stored as.
def _runs(rows: Iterable[Any], key: Callable[[Any], tuple[Any, ...]]) -> Iterator[list[Any]]:
    """The rows (sorted by `key`) one run of equal keys at a time."""
    return (list(run) for _, run in groupby(rows, key=key))


def _by_block(rows: Iterable[Any]) -> Iterator[list[Any]]:
    return _runs(rows, lambda row: (row.place, row.event_type, row.sub_event_type, row.actor1))


def stream_blocks(conn: Connection) -> Iterator[list[Any]]:
    """Every block's document events (raw rows), one block at a time: a sorted scan of the block index,
    then each event without a place on its own."""
    e = raw.events
    yield from _by_block(stream_named(conn, select(e).where(e.c.place.is_not(None))
                                      .order_by(e.c.place, e.c.event_type, e.c.sub_event_type, e.c.actor1)))
    for row in stream_named(conn, select(e).where(e.c.place.is_(None)).order_by(e.c.id)):
        yield [row]


def events_of_docs(conn: Connection, doc_ids: Sequence[str]) -> list[Any]:
    """The documents' events as raw rows."""
    e = raw.events
    return [r for part in chunks(doc_ids) for r in stream_named(conn, select(e).where(e.c.doc.in_(part)))]


def events_by_id(conn: Connection, ids: Sequence[str]) -> list[Any]:
    e = raw.events
    return [r for part in chunks(ids) for r in stream_named(conn, select(e).where(e.c.id.in_(part)))]


@dataclass(frozen=True)
class Member:
    """A document event as last merged: its merged event and block, and its date now (None when the
    event is gone: its document was reprocessed or failed since)."""

    event: str
    merged: str
    doc: str
    block: str
    present: bool
    date: str | None


def blocks_of_docs(conn: Connection, doc_ids: Sequence[str]) -> set[str]:
    """The blocks the documents' events were merged in last time."""
    m, e = t.merged_members, t.merged_events
    return {b for part in chunks(doc_ids)
            for b in conn.scalars(select(e.c.block).distinct().join(m, m.c.merged == e.c.id).where(m.c.doc.in_(part)))}


def members_of_blocks(conn: Connection, blocks: Sequence[str]) -> list[Member]:
    """Every member of these blocks' merged events, with its event's date as stored now."""
    m, me, e = t.merged_members, t.merged_events, raw.events
    query = (select(m.c.event, m.c.merged, m.c.doc, me.c.block, e.c.id.is_not(None).label("present"), e.c.date)
             .join(me, me.c.id == m.c.merged).outerjoin(e, e.c.id == m.c.event))
    return [Member(r.event, r.merged, r.doc, r.block, bool(r.present), r.date)
            for part in chunks(blocks) for r in conn.execute(query.where(me.c.block.in_(part)))]


def merged_rows_by_id(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Stored merged events (raw rows, id -> row)."""
    return {r["id"]: dict(r) for part in chunks(ids)
            for r in conn.execute(select(raw.merged_events).where(raw.merged_events.c.id.in_(part))).mappings()}


def replace_merged(conn: Connection, dropped: dict[str, dict[str, Any]], rows: dict[str, dict[str, Any]],
                   members: list[dict[str, str]]) -> tuple[int, int, int]:
    """Replace the merged events `dropped` (id -> stored row) by `rows` (id -> row), writing only what
    differs, and their members by `members`: returns (added, changed, removed)."""
    gone = sorted(i for i in dropped if i not in rows)
    fresh = [row for i, row in rows.items() if i not in dropped]
    changed = [row for i, row in rows.items() if i in dropped and dropped[i] != row]
    for part in chunks(sorted(dropped)):
        conn.execute(delete(t.merged_members).where(t.merged_members.c.merged.in_(part)))
    for part in chunks(gone):
        conn.execute(delete(raw.merged_events).where(raw.merged_events.c.id.in_(part)))
    _rewrite_merged(conn, changed)
    insert_merged(conn, fresh, members)
    return len(fresh), len(changed), len(gone)


def _rewrite_merged(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Update merged events in place, in one statement run for every row."""
    if not rows:
        return
    me = raw.merged_events
    values = {c.name: bindparam(f"new_{c.name}", type_=c.type) for c in me.c if c.name != "id"}
    params = [{f"new_{name}": value for name, value in row.items()} for row in rows]
    conn.execute(update(me).where(me.c.id == bindparam("new_id")).values(values), params)


def insert_merged(conn: Connection, rows: list[dict[str, Any]], members: list[dict[str, str]]) -> None:
    if rows:
        conn.execute(raw.merged_events.insert(), rows)
    if members:
        conn.execute(t.merged_members.insert(), members)


def merged_from(row: Any) -> Event:
    return Event(
        id=row.id, docs=list(row.docs), event_type=row.event_type, sub_event_type=row.sub_event_type,
        evidence=[codec.evidence_in(x) for x in row.evidence], actor1=row.actor1, actor2=row.actor2,
        assoc_actor1=row.assoc_actor1, assoc_actor2=row.assoc_actor2, place=row.place,
        geo_precision=row.geo_precision, date=codec.interval_in(row.date), time_precision=row.time_precision,
        fatalities=row.fatalities, claims=list(row.claims), civilian_targeting=bool(row.civilian_targeting),
        notes=row.notes or "",
    )


# --- claims: series keys, disputes, sources -----------------------------------------------------
_KEY_COLUMNS = tuple(c for c in t.claim_keys.c if c.name != "held")
"""What a dispute reads of a claim key (the time it holds is in its days)."""


def _day_json(day: Any) -> ColumnElement[str]:
    return case((day.is_(None), "null"), else_=literal('"', String) + day + '"')


def _published_json() -> ColumnElement[str]:
    """A report's publication date as the JSON text `codec.interval_out` writes, from its columns."""
    d = t.documents.c
    inferred = case((d.published_inferred, "true"), else_="false")
    return (literal('{"start": ', String) + _day_json(d.published_start) + ', "end": ' + _day_json(d.published_end)
            + ', "inferred": ' + inferred + "}")


def _keys_of_claims() -> Any:
    """Every claim's series key and the days it holds (its own time, else its report's publication date;
    an open end takes the other's day), computed in one statement."""
    c, d = t.claims.c, t.documents.c
    own = and_(c.time.is_not(None), cast(c.time, Text).not_in(["null", "{}"]))
    start = case((own, c.time["start"].as_string()), else_=d.published_start)
    end = case((own, c.time["end"].as_string()), else_=d.published_end)
    dated = or_(d.published_start.is_not(None), d.published_end.is_not(None))
    held = case((own, cast(c.time, Text)), (dated, _published_json()), else_=null())
    last = func.coalesce(end, start)
    columns = {"claim": c.id, "doc": c.doc, "metric": c.metric, "unit": c.unit, "subject": c.subject,
               "place": c.place, "claimant": c.claimant, "qualifier": c.qualifier, "low": c.low, "high": c.high,
               "held": raw.json_from_text(held), "first_day": func.coalesce(start, end), "last_day": last,
               "sort_day": func.coalesce(last, NO_DAY)}
    query = select(*(value.label(name) for name, value in columns.items())).join(t.documents, d.id == c.doc)
    return list(columns), query


def key_claims(conn: Connection, doc_ids: Sequence[str] | None = None) -> None:
    """Store the claim keys of these documents' claims (of every claim when None), set-based."""
    names, query = _keys_of_claims()
    if doc_ids is None:
        conn.execute(t.claim_keys.insert().from_select(names, query))
        return
    for part in chunks(doc_ids):
        conn.execute(t.claim_keys.insert().from_select(names, query.where(t.claims.c.doc.in_(part))))


def keys_of_docs(conn: Connection, doc_ids: Sequence[str]) -> list[Any]:
    """The stored keys of these documents' claims (without the time they hold: their days say it)."""
    k = t.claim_keys
    return [r for part in chunks(doc_ids) for r in stream_named(conn, select(*_KEY_COLUMNS).where(k.c.doc.in_(part)))]


def forget_claims_of_docs(conn: Connection, doc_ids: Sequence[str]) -> None:
    for part in chunks(doc_ids):
        conn.execute(delete(t.disputes).where(or_(t.disputes.c.a_doc.in_(part), t.disputes.c.b_doc.in_(part))))
        conn.execute(delete(t.claim_keys).where(t.claim_keys.c.doc.in_(part)))


def key_claim(row: Any) -> Claim:
    """The figure a claim_keys row holds, enough to judge and word a dispute (no evidence text)."""
    return Claim(id=row.claim, doc=row.doc, metric=row.metric, unit=row.unit, low=row.low, high=row.high,
                 qualifier=row.qualifier, evidence=Evidence(row.doc, 0, 0, ""), subject=row.subject,
                 claimant=row.claimant, place=row.place)


def window_candidates(conn: Connection, block: tuple[str, str, str | None, str | None], first: str,
                      last: str) -> list[Any]:
    """claim_keys rows of one dispute block whose days reach into [first, last] (read from its index alone)."""
    k = t.claim_keys
    metric, unit, subject, place = block
    query = select(*t.DISPUTE_COLUMNS).where(k.c.metric == metric, k.c.unit == unit, same(k.c.subject, subject),
                            same(k.c.place, place), k.c.first_day.is_not(None), k.c.first_day <= last,
                            k.c.last_day >= first)
    return list(conn.execute(query))


def stream_dispute_blocks(conn: Connection, metrics: Iterable[str]) -> Iterator[list[Any]]:
    """Dated stock figures one dispute block at a time (a sorted scan of the block index, which holds them)."""
    k = t.claim_keys
    query = (select(*t.DISPUTE_COLUMNS).where(k.c.metric.in_(list(metrics)), k.c.first_day.is_not(None))
             .order_by(k.c.metric, k.c.unit, k.c.subject, k.c.place, k.c.first_day))
    yield from _runs(stream_named(conn, query), lambda row: (row.metric, row.unit, row.subject, row.place))


def insert_disputes(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        conn.execute(t.disputes.insert(), rows)


def _ratings(conn: Connection) -> list[dict[str, Any]]:
    """Every source's rating row, counted in two grouped queries over the whole tables (a new report's changes
    are counted by difference instead: `adjust_ratings`)."""
    k, d = t.claim_keys, t.disputes
    source = func.coalesce(k.c.claimant, "")
    hedged = func.sum(case((k.c.qualifier != "exact", 1), else_=0))
    counts = select(source, func.count(), func.count(distinct(k.c.doc)), hedged).group_by(source)
    sides = [select(claim.label("claim"), func.coalesce(claimant, "").label("source"))
             for claim, claimant in ((d.c.a, d.c.a_claimant), (d.c.b, d.c.b_claimant))]
    disputed_claims = union(*sides).subquery()
    disputed: dict[str, int] = dict(conn.execute(select(disputed_claims.c.source, func.count())
                                 .group_by(disputed_claims.c.source)).all())
    return [{"source": name, "claims": n, "reports": reports, "hedged": int(hedges or 0),
             "disputed": int(disputed.get(name, 0))} for name, n, reports, hedges in conn.execute(counts)]


def rate_all_sources(conn: Connection) -> None:
    """Recount every source's rating from the claim keys and disputes."""
    r = t.source_ratings
    conn.execute(delete(r))
    rows = _ratings(conn)
    if rows:
        conn.execute(r.insert(), rows)


# Source ratings kept up to date by differences: what a chunk of documents changes is counted from
# their own keys and the disputes they touch (indexed), never by recounting a source's every claim.
Counts = dict[str, list[int]]
"""source ('' for no claimant) -> [claims, reports, hedged, disputed]"""


def key_counts(conn: Connection, doc_ids: Sequence[str]) -> Counts:
    """Per source: the claims, reports and hedged figures among these documents' stored keys."""
    k = t.claim_keys
    source = func.coalesce(k.c.claimant, "")
    hedged = func.sum(case((k.c.qualifier != "exact", 1), else_=0))
    out: Counts = {}
    for part in chunks(doc_ids):
        query = select(source, func.count(), func.count(distinct(k.c.doc)), hedged).where(k.c.doc.in_(part))
        for name, n, reports, hedges in conn.execute(query.group_by(source)):
            counts = out.setdefault(name, [0, 0, 0, 0])
            counts[0] += n
            counts[1] += reports  # the parts hold different documents: their reports add up
            counts[2] += int(hedges or 0)
    return out


def dispute_sides(conn: Connection, doc_ids: Sequence[str]) -> set[tuple[str, str]]:
    """(claim, report) of both figures of every dispute these documents are in."""
    d = t.disputes
    out: set[tuple[str, str]] = set()
    for part in chunks(doc_ids):
        for r in conn.execute(select(d.c.a, d.c.a_doc, d.c.b, d.c.b_doc).where(or_(d.c.a_doc.in_(part),
                                                                                  d.c.b_doc.in_(part)))):
            out |= {(r.a, r.a_doc), (r.b, r.b_doc)}
    return out


def disputed(conn: Connection, sides: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """(claim, source) of those figures (claim, report) that some dispute holds now."""
    d = t.disputes
    claims = {c for c, _ in sides}
    out: set[tuple[str, str]] = set()
    for part in chunks(sorted(claims)):
        out |= {(r.a, r.a_claimant or "") for r in conn.execute(select(d.c.a, d.c.a_claimant).where(d.c.a.in_(part)))}
    for part in chunks(sorted({doc for _, doc in sides})):  # `b` has no index of its own: through its report
        rows = conn.execute(select(d.c.b, d.c.b_claimant).where(d.c.b_doc.in_(part)))
        out |= {(r.b, r.b_claimant or "") for r in rows if r.b in claims}
    return out


def adjust_ratings(conn: Connection, changes: Counts) -> None:
    """Add per-source changes to the stored ratings; a source left with no claim has no row."""
    r = t.source_ratings
    names = sorted(n for n, change in changes.items() if any(change))
    totals: Counts = {n: [0, 0, 0, 0] for n in names}
    for part in chunks(names):
        for row in conn.execute(select(r).where(r.c.source.in_(part))):
            totals[row.source] = [row.claims, row.reports, row.hedged, row.disputed]
        conn.execute(delete(r).where(r.c.source.in_(part)))
    rows = []
    for n in names:
        claims, reports, hedged, disputes = (a + b for a, b in zip(totals[n], changes[n], strict=True))
        if claims > 0:
            rows.append({"source": n, "claims": claims, "reports": reports, "hedged": hedged, "disputed": disputes})
    if rows:
        conn.execute(r.insert(), rows)


# --- reading the stored results ------------------------------------------------------------------
@dataclass(frozen=True)
class DocumentMeta:
    """A stored document without its text: what exports and listings show of it."""

    id: str
    name: str | None
    url: str | None
    title: str | None
    outlet: str | None
    language: str | None
    published: Interval | None
    text_sha256: str


def stored_meta(r: Any) -> DocumentMeta:
    """A document row (any select holding the `documents` columns but the text) as its metadata."""
    return DocumentMeta(r.id, r.name, r.url, r.title, r.outlet, r.language, codec.published_from(r), r.text_sha256)


META_COLUMNS = tuple(c for c in t.documents.c if c.name not in ("text", "furniture"))


def processed_documents_query() -> Any:
    """Processed documents without their text, in the order they were ingested (the export's)."""
    return select(*META_COLUMNS).where(t.documents.c.status == "processed").order_by(t.documents.c.seq)


def actor_ids(conn: Connection) -> set[str]:
    """Every actor id the records point at (a few hundred at most: the actor dictionary's size)."""
    m, c, e = t.mentions, t.claims, t.merged_events
    queries = [select(m.c.ref).distinct().where(m.c.kind == "actor", m.c.ref.is_not(None))]
    queries += [select(col).distinct().where(col.is_not(None)) for col in (c.c.subject, c.c.agent, c.c.claimant)]
    queries += [select(col).distinct().where(col.is_not(None))
                for col in (e.c.actor1, e.c.actor2, e.c.assoc_actor1, e.c.assoc_actor2)]
    return {x for q in queries for x in conn.scalars(q)}


def new_actor_texts(conn: Connection) -> dict[str, str]:
    """The first text naming each actor found in a run rather than the base (the name it is exported under)."""
    m = t.mentions
    query = (select(m.c.ref, m.c.text).where(m.c.kind == "actor", m.c.ref.like(f"{NEW_PREFIX}%"))
             .order_by(m.c.doc, m.c.start))
    texts: dict[str, str] = {}
    for ref, text in conn.execute(query):
        texts.setdefault(ref, text)
    return texts


class Reconciled:
    """Paged reads of a store and its reconciled results, in the export's orders."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, query: Any) -> Iterator[Any]:
        with self.store.engine.connect() as conn:
            yield from stream_named(conn, query)

    def documents(self) -> Iterator[DocumentMeta]:
        return (stored_meta(r) for r in self._rows(processed_documents_query()))

    def documents_by_id(self, ids: Iterable[str]) -> dict[str, DocumentMeta]:
        wanted = sorted(set(ids))
        with self.store.engine.connect() as conn:
            return {r.id: stored_meta(r) for part in chunks(wanted)
                    for r in conn.execute(select(*META_COLUMNS).where(t.documents.c.id.in_(part)))}

    def places(self) -> Iterator[Place]:
        return (codec.place_from(r) for r in self._rows(select(t.places).order_by(t.places.c.id)))

    def places_by_id(self, ids: Iterable[str | None]) -> dict[str, Place]:
        wanted = sorted({i for i in ids if i})
        with self.store.engine.connect() as conn:
            return {r.id: codec.place_from(r) for part in chunks(wanted)
                    for r in conn.execute(select(t.places).where(t.places.c.id.in_(part)))}

    def place_documents(self, ids: Iterable[str]) -> dict[str, int]:
        """How many documents mention each of these places."""
        m = t.mentions
        wanted = sorted(set(ids))
        with self.store.engine.connect() as conn:
            return {r.ref: r.n for part in chunks(wanted) for r in conn.execute(
                select(m.c.ref, func.count(distinct(m.c.doc)).label("n"))
                .where(m.c.kind == "place", m.c.ref.in_(part)).group_by(m.c.ref))}

    def mentions(self) -> Iterator[Mention]:
        m = t.mentions
        return (codec.mention_from(r) for r in self._rows(select(m).order_by(m.c.doc, m.c.start, m.c.end)))

    def claims(self, metric: str | None = None, subject: str | None = None,
               claimant: str | None = None) -> Iterator[Claim]:
        c = t.claims
        query = select(c).order_by(c.c.doc, c.c.id)
        for column, value in ((c.c.metric, metric), (c.c.subject, subject), (c.c.claimant, claimant)):
            if value:
                query = query.where(column == value)
        return (codec.claim_from(r) for r in self._rows(query))

    def claims_by_id(self, ids: Iterable[str]) -> dict[str, Claim]:
        wanted = sorted(set(ids))
        with self.store.engine.connect() as conn:
            return {r.id: codec.claim_from(r) for part in chunks(wanted)
                    for r in conn.execute(select(t.claims).where(t.claims.c.id.in_(part)))}

    def events(self, order: str = "lead", **match: str) -> Iterator[Event]:
        """Merged events in the export's order ('lead') or ACLED's ('acled': day, then id)."""
        e = t.merged_events
        query = select(e).order_by(*((e.c.acled_day, e.c.id) if order == "acled" else (e.c.lead,)))
        for name, value in match.items():
            if value:
                query = query.where(e.c[name] == value)
        return (merged_from(r) for r in self._rows(query))

    def actor_ids(self) -> set[str]:
        with self.store.engine.connect() as conn:
            return actor_ids(conn)

    def new_actor_texts(self) -> dict[str, str]:
        with self.store.engine.connect() as conn:
            return new_actor_texts(conn)

    # series, disputes, sources
    def series_keys(self, metric: str | None = None, subject: str | None = None) -> list[tuple[str, str, str | None]]:
        k = t.claim_keys
        query = select(k.c.metric, k.c.unit, k.c.subject).distinct()
        if metric:
            query = query.where(k.c.metric == metric)
        if subject:
            query = query.where(k.c.subject == subject)
        with self.store.engine.connect() as conn:
            keys = [(r.metric, r.unit, r.subject) for r in conn.execute(query)]
        return sorted(keys, key=lambda key: tuple(str(x) for x in key))

    def series_points(self, key: tuple[str, str, str | None]) -> Iterator[tuple[Claim, Interval | None]]:
        """One series' claims in time order (the figure's last day, else first; undated last), each with
        the time it holds."""
        k, c = t.claim_keys, t.claims
        metric, unit, subject = key
        query = (select(c, k.c.held).join(k, k.c.claim == c.c.id)
                 .where(k.c.metric == metric, k.c.unit == unit, same(k.c.subject, subject))
                 .order_by(k.c.sort_day, k.c.doc, k.c.claim))
        return ((codec.claim_from(r), codec.interval_in(r.held)) for r in self._rows(query))

    def disputes(self) -> Iterator[tuple[str, str, str]]:
        """(claim a, claim b, reason), by the first claim's report and id."""
        d = t.disputes
        return ((r.a, r.b, r.reason) for r in self._rows(select(d).order_by(d.c.a_doc, d.c.a, d.c.b_doc, d.c.b)))

    def source_ratings(self) -> list[tuple[str | None, int, int, int, int]]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(t.source_ratings)).all()
        return [(r.source or None, r.claims, r.reports, r.hedged, r.disputed) for r in rows]


def document_meta(d: Document) -> DocumentMeta:
    return DocumentMeta(d.id, d.name, d.url, d.title, d.outlet, d.language, d.published, d.text_sha256)

