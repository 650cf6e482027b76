"""The store: documents and everything derived from them, durable and resumable.

SQLite in WAL mode by default (a file path), or any SQLAlchemy URL (PostgreSQL with
`postgresql+psycopg://...`). Each document carries a processing state; a document's
results are written in the same transaction that marks it processed, so a run killed at
any point resumes with no duplicate and no loss.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, delete, event, func, select, update
from sqlalchemy.engine import Connection

from thucydides.model import Analysis, Claim, Document, Event, Mention, Place
from thucydides.store import codec, reconciled
from thucydides.store import schema as t
from thucydides.store.schema import migrate

DEFAULT_DB = Path("thucydides.db")

PENDING, PROCESSED, FAILED = "ingested", "processed", "failed"


class StoreError(RuntimeError):
    pass


@dataclass(frozen=True)
class AddResult:
    added: int
    already: int


@dataclass(frozen=True)
class StoreStats:
    documents: int
    pending: int
    processed: int
    failed: int
    places: int
    mentions: int
    claims: int
    events: int


def _url(target: str | Path) -> str:
    text = str(target)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser()}"


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()


class Store:
    def __init__(self, target: str | Path = DEFAULT_DB) -> None:
        self.url = _url(target)
        if self.url.startswith("sqlite:///"):
            parent = Path(self.url.removeprefix("sqlite:///")).parent
            if not parent.is_dir():
                raise StoreError(f"{target}: folder {parent} does not exist")
        try:
            self.engine = create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                _sqlite_pragmas(self.engine)
            with self.engine.begin() as conn:
                migrate(conn)
        except Exception as exc:  # a clear message naming the store, whatever the driver raised
            raise StoreError(f"{target}: cannot open store: {exc}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # --- documents -------------------------------------------------------------------------
    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        """Store new documents; ones already stored (same text hash) are left untouched."""
        batch = list({d.id: d for d in docs}.values())
        if not batch:
            return AddResult(0, 0)
        with self.engine.begin() as conn:
            known = set()
            ids = [d.id for d in batch]
            for i in range(0, len(ids), 500):
                known |= set(conn.scalars(select(t.documents.c.id).where(t.documents.c.id.in_(ids[i:i + 500]))))
            fresh = [d for d in batch if d.id not in known]
            if fresh:
                seq = conn.scalar(select(func.coalesce(func.max(t.documents.c.seq), 0))) or 0
                conn.execute(t.documents.insert(), [codec.document_row(d, seq + n + 1) for n, d in enumerate(fresh)])
        return AddResult(len(fresh), len(batch) - len(fresh))

    def documents(self, status: str | None = None, limit: int | None = None) -> list[Document]:
        query = select(t.documents).order_by(t.documents.c.seq)
        if status:
            query = query.where(t.documents.c.status == status)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [codec.document_from(r) for r in conn.execute(query)]

    def pending_ids(self, include_failed: bool = False) -> list[str]:
        states = [PENDING, FAILED] if include_failed else [PENDING]
        with self.engine.connect() as conn:
            return list(conn.scalars(
                select(t.documents.c.id).where(t.documents.c.status.in_(states)).order_by(t.documents.c.seq)
            ))

    def load_documents(self, ids: Sequence[str]) -> list[Document]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents).where(t.documents.c.id.in_(list(ids)))).all()
        by_id = {r.id: codec.document_from(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def load_unprocessed(self, ids: Sequence[str], include_failed: bool = False) -> list[Document]:
        """Of these documents, those still waiting to be processed (failed ones too when asked).

        The Dask engine's minimal claim: it hands each pending document to exactly one task, so no two
        workers are given the same one, and a task run again after its worker was killed skips what the
        killed attempt had already stored. (To be replaced by the store's atomic claim of pending
        documents where several engines share one store.)"""
        states = [PENDING, FAILED] if include_failed else [PENDING]
        with self.engine.connect() as conn:
            waiting = set(conn.scalars(select(t.documents.c.id).where(
                t.documents.c.id.in_(list(ids)), t.documents.c.status.in_(states))))
        return self.load_documents([i for i in ids if i in waiting])

    def reset(self) -> int:
        """Mark every document for processing again (after a model or lexicon change)."""
        with self.engine.begin() as conn:
            return conn.execute(update(t.documents).values(status=PENDING, error=None)).rowcount

    # --- results -----------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis) -> None:
        """Replace one document's results and mark it processed, atomically."""
        doc = analysis.document
        with self.engine.begin() as conn:
            self._clear_results(conn, doc.id)
            self._upsert_places(conn, analysis.places.values())
            rows = [codec.mention_row(m) for m in analysis.mentions()]
            if rows:
                conn.execute(t.mentions.insert(), rows)
            if analysis.claims:
                conn.execute(t.claims.insert(), [codec.claim_row(c) for c in analysis.claims])
            if analysis.events:
                conn.execute(t.events.insert(), [codec.event_row(e, doc.id) for e in analysis.events])
            pub = doc.published
            conn.execute(update(t.documents).where(t.documents.c.id == doc.id).values(
                status=PROCESSED, error=None,
                published_start=pub.start.isoformat() if pub and pub.start else None,
                published_end=pub.end.isoformat() if pub and pub.end else None,
                published_inferred=bool(pub and pub.inferred),
            ))

    def mark_failed(self, doc_id: str, error: str) -> None:
        with self.engine.begin() as conn:
            self._clear_results(conn, doc_id)
            conn.execute(update(t.documents).where(t.documents.c.id == doc_id).values(status=FAILED, error=error))

    @staticmethod
    def _clear_results(conn: Connection, doc_id: str) -> None:
        for table in (t.mentions, t.claims, t.events):
            conn.execute(delete(table).where(table.c.doc == doc_id))
        reconciled.enqueue(conn, [doc_id])  # its merged events, disputes and sources are redone after

    @staticmethod
    def _upsert_places(conn: Connection, items: Iterable[Place]) -> None:
        rows = {p.id: codec.place_row(p) for p in items}
        if not rows:
            return
        known = set(conn.scalars(select(t.places.c.id).where(t.places.c.id.in_(list(rows)))))
        fresh = [r for i, r in rows.items() if i not in known]
        if fresh:
            conn.execute(t.places.insert(), fresh)

    # --- reading -----------------------------------------------------------------------------
    def stats(self) -> StoreStats:
        with self.engine.connect() as conn:
            status = t.documents.c.status
            by_status: dict[str, int] = dict(conn.execute(select(status, func.count()).group_by(status)).all())

            def count(table) -> int:  # type: ignore[no-untyped-def]
                return int(conn.scalar(select(func.count()).select_from(table)) or 0)

            return StoreStats(
                documents=sum(by_status.values()), pending=by_status.get(PENDING, 0),
                processed=by_status.get(PROCESSED, 0), failed=by_status.get(FAILED, 0),
                places=count(t.places), mentions=count(t.mentions), claims=count(t.claims), events=count(t.events),
            )

    def failures(self) -> list[tuple[str, str, str]]:
        """(doc id, name, error) of documents whose processing failed."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents.c.id, t.documents.c.name, t.documents.c.error)
                                .where(t.documents.c.status == FAILED).order_by(t.documents.c.seq)).all()
        return [(r.id, r.name or r.id, r.error or "") for r in rows]

    def places(self) -> list[Place]:
        with self.engine.connect() as conn:
            return [codec.place_from(r) for r in conn.execute(select(t.places).order_by(t.places.c.id))]

    def mentions(self) -> list[Mention]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.mentions).order_by(t.mentions.c.doc, t.mentions.c.start, t.mentions.c.end))
            return [codec.mention_from(r) for r in rows]

    def claims(self) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.claims).order_by(t.claims.c.doc, t.claims.c.id))
            return [codec.claim_from(r) for r in rows]

    def events(self) -> list[Event]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.events).order_by(t.events.c.doc, t.events.c.id))
            return [codec.event_from(r) for r in rows]
