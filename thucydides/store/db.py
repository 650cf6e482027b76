"""The store: documents and everything derived from them, durable, resumable and shared.

SQLite in WAL mode by default (a file path), or any SQLAlchemy URL (PostgreSQL with
`postgresql+psycopg://...`). Each document carries a processing state; a document's
results are written in the same transaction that marks it processed, so a run killed at
any point resumes with no duplicate and no loss.

Several processes may use one store at once. Every write takes the store's write lock
(SQLite `BEGIN IMMEDIATE`, a PostgreSQL advisory lock), so creating the store, adding
documents and claiming them never race; a run *claims* the documents it processes
(status, owner and lease set together), so two runs never process the same one; reads
that belong together (an export) come from one snapshot.
"""

from __future__ import annotations

import os
import re
import socket
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, and_, bindparam, create_engine, delete, event, func, make_url, or_, select, text, update
from sqlalchemy.engine import Connection

from thucydides.model import Analysis, Claim, Document, Event, Mention, Place
from thucydides.store import codec, reconciled
from thucydides.store import schema as t
from thucydides.store.schema import migrate

DEFAULT_DB = "thucydides.db"

PENDING, PROCESSING, PROCESSED, FAILED = "ingested", "processing", "processed", "failed"

WRITE_LOCK_KEY = 0x74687563  # PostgreSQL advisory lock id ("thuc") serialising the store's writers
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


# The statements that store a document's results, built once: building them again for every document cost
# more than SQLite's own work (their values are bound at execution).
_MARK_PROCESSED = update(t.documents).where(t.documents.c.id == bindparam("doc_id")).values(
    status=PROCESSED, error=None, owner=None, lease_until=None, published_start=bindparam("published_start_"),
    published_end=bindparam("published_end_"), published_inferred=bindparam("published_inferred_"))
_MARK_PROCESSED_OWNED = _MARK_PROCESSED.where(t.documents.c.status == PROCESSING,
                                              t.documents.c.owner == bindparam("owner_"))
_CLEAR_RESULTS = tuple(delete(table).where(table.c.doc == bindparam("doc_id"))
                       for table in (t.mentions, t.claims, t.events))
_KNOWN_PLACES = select(t.places.c.id).where(t.places.c.id.in_(bindparam("ids", expanding=True)))
_INSERT_PLACES, _INSERT_MENTIONS, _INSERT_CLAIMS, _INSERT_EVENTS = (
    table.insert() for table in (t.places, t.mentions, t.claims, t.events))

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
    processing: int = 0


def is_url(target: str | Path) -> bool:
    """A SQLAlchemy URL (`dialect+driver://...`) rather than a file path."""
    return isinstance(target, str) and _URL.match(target) is not None


def _url(target: str | Path) -> str:
    return str(target) if is_url(target) else f"sqlite:///{Path(target).expanduser()}"


def display_name(target: str | Path) -> str:
    """The store as it may be printed: a URL without its password."""
    if not is_url(target):
        return str(target)
    try:
        return make_url(str(target)).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparsable URL is shown as given, minus anything after '@'
        return re.sub(r"//[^@/]*@", "//***@", str(target))


def _sqlite_setup(engine: Engine) -> None:
    """WAL, a generous busy timeout, and transactions begun by us: IMMEDIATE for writes, DEFERRED for reads."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # pysqlite must not issue its own BEGIN
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout=30000")
        _wal(cur)
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        write = conn.get_execution_options().get("thucydides_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _wal(cur) -> None:  # type: ignore[no-untyped-def]
    """Switch to WAL (once per file; it persists). Switching needs a moment alone with the file, and SQLite
    reports "locked" at once instead of waiting when another process is creating the store: so wait here."""
    import sqlite3

    deadline = time.monotonic() + 30
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _marking(doc: Document) -> dict[str, object]:
    """The values `_MARK_PROCESSED` binds for a document: its id and its publication interval."""
    pub = doc.published
    return {"doc_id": doc.id, "published_start_": pub.start.isoformat() if pub and pub.start else None,
            "published_end_": pub.end.isoformat() if pub and pub.end else None,
            "published_inferred_": bool(pub and pub.inferred)}


def new_owner() -> str:
    """Who claims documents: this host and process, plus a random part so a reused pid is not confused."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _owner_is_dead(owner: str) -> bool:
    """A claim made on this host by a process that no longer runs (killed, crashed)."""
    host, _, rest = owner.partition(":")
    pid_text = rest.split(":", 1)[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


class Store:
    def __init__(self, target: str | Path = DEFAULT_DB) -> None:
        self.url = _url(target)
        self.name = display_name(target)
        if self.url.startswith("sqlite:///"):
            parent = Path(self.url.removeprefix("sqlite:///")).parent
            if not parent.is_dir():
                raise StoreError(f"{self.name}: folder {parent} does not exist")
        try:
            self.engine = create_engine(self.url)
            if self.engine.dialect.name == "sqlite":
                _sqlite_setup(self.engine)
            with self._write() as conn:
                migrate(conn)
        except Exception as exc:  # a clear message naming the store, whatever the driver raised
            raise StoreError(f"{self.name}: cannot open store: {_first_line(exc)}") from exc

    def close(self) -> None:
        self.engine.dispose()

    # --- transactions --------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction holding the store's write lock (writers queue, they never collide)."""
        with self.engine.connect() as conn:
            conn.execution_options(thucydides_write=True)
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITE_LOCK_KEY})
                yield conn

    @contextmanager
    def snapshot(self) -> Iterator[StoreReader]:
        """Reads that see one consistent state of the store, whatever writers do meanwhile."""
        with self.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield StoreReader(conn)

    # --- documents -------------------------------------------------------------------------
    def add_documents(self, docs: Iterable[Document]) -> AddResult:
        """Store new documents; ones already stored (same text hash) are left untouched."""
        batch = list({d.id: d for d in docs}.values())
        if not batch:
            return AddResult(0, 0)
        with self._write() as conn:
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
        with self.snapshot() as s:
            return s.documents(status, limit)

    def pending_ids(self, include_failed: bool = False) -> list[str]:
        states = [PENDING, FAILED] if include_failed else [PENDING]
        with self.snapshot() as s:
            return list(s.conn.scalars(
                select(t.documents.c.id).where(t.documents.c.status.in_(states)).order_by(t.documents.c.seq)
            ))

    def load_documents(self, ids: Sequence[str]) -> list[Document]:
        with self.snapshot() as s:
            rows = s.conn.execute(select(t.documents).where(t.documents.c.id.in_(list(ids)))).all()
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
        with self._write() as conn:
            return conn.execute(update(t.documents).values(status=PENDING, error=None, owner=None,
                                                           lease_until=None)).rowcount

    def requeue_failed(self) -> int:
        """Failed documents become pending again (`process --retry-failed`)."""
        with self._write() as conn:
            return conn.execute(update(t.documents).where(t.documents.c.status == FAILED)
                                .values(status=PENDING, error=None)).rowcount

    def keep_meta(self, key: str, value: str, requeue: Sequence[str] = ()) -> int:
        """Keep `value` under `key` (what the store learned about itself, outlet homes) and mark the processed
        documents `requeue` for processing again, in one transaction: a crash keeps both or neither. Returns
        how many documents wait again."""
        if key == "schema_version":
            raise StoreError(f"{self.name}: the key {key!r} belongs to the store's schema")
        c = t.documents.c
        with self._write() as conn:
            conn.execute(delete(t.meta).where(t.meta.c.key == key))
            conn.execute(t.meta.insert().values(key=key, value=value))
            ids, waiting = list(requeue), 0
            for i in range(0, len(ids), 500):
                waiting += conn.execute(update(t.documents).where(c.id.in_(ids[i:i + 500]), c.status == PROCESSED)
                                        .values(status=PENDING)).rowcount
        return waiting

    # --- claims: which run processes which document ---------------------------------------------
    def claim(self, owner: str, limit: int, lease_seconds: float) -> list[Document]:
        """Take up to `limit` pending documents (oldest first) for `owner`, in one locked transaction.

        Documents another run claimed stay its own until its lease runs out, or at once when that
        run was on this host and has died (a `kill -9` resumes immediately).
        """
        c = t.documents.c
        now = time.time()
        with self._write() as conn:
            dead = [o for o in conn.scalars(select(c.owner).where(c.status == PROCESSING).distinct())
                    if o and _owner_is_dead(o)]
            stale = or_(c.lease_until < now, c.owner.in_(dead)) if dead else c.lease_until < now
            claimable = or_(c.status == PENDING, and_(c.status == PROCESSING, stale))
            ids = list(conn.scalars(select(c.id).where(claimable).order_by(c.seq).limit(limit)))
            if not ids:
                return []
            conn.execute(update(t.documents).where(c.id.in_(ids))
                         .values(status=PROCESSING, owner=owner, lease_until=now + lease_seconds))
            rows = conn.execute(select(t.documents).where(c.id.in_(ids)).order_by(c.seq)).all()
        return [codec.document_from(r) for r in rows]

    def renew(self, owner: str, lease_seconds: float) -> None:
        """Extend the lease on everything `owner` still holds."""
        c = t.documents.c
        with self._write() as conn:
            conn.execute(update(t.documents).where(c.status == PROCESSING, c.owner == owner)
                         .values(lease_until=time.time() + lease_seconds))

    def release(self, owner: str) -> int:
        """Give back what `owner` claimed and did not finish (an interrupted run)."""
        c = t.documents.c
        with self._write() as conn:
            return conn.execute(update(t.documents).where(c.status == PROCESSING, c.owner == owner)
                                .values(status=PENDING, owner=None, lease_until=None)).rowcount

    # --- results -----------------------------------------------------------------------------
    def save_analysis(self, analysis: Analysis, owner: str | None = None) -> bool:
        """Replace one document's results and mark it processed, atomically.

        With `owner`, only while that owner still holds the document's claim; False when it does not.
        """
        doc = analysis.document
        marking = _marking(doc)
        with self._write() as conn:
            if owner is None:
                marked = conn.execute(_MARK_PROCESSED, marking).rowcount
            else:
                marked = conn.execute(_MARK_PROCESSED_OWNED, {**marking, "owner_": owner}).rowcount
            if not marked:
                return False
            self._clear_results(conn, doc.id)
            self._upsert_places(conn, analysis.places.values())
            rows = [codec.mention_row(m) for m in analysis.mentions()]
            if rows:
                conn.execute(_INSERT_MENTIONS, rows)
            if analysis.claims:
                conn.execute(_INSERT_CLAIMS, [codec.claim_row(c) for c in analysis.claims])
            if analysis.events:
                conn.execute(_INSERT_EVENTS, [codec.event_row(e, doc.id) for e in analysis.events])
        return True

    def mark_failed(self, doc_id: str, error: str, owner: str | None = None) -> bool:
        """Keep the document, without results, as failed with `error` (retried by `--retry-failed`)."""
        with self._write() as conn:
            marked = conn.execute(self._mine(doc_id, owner).values(
                status=FAILED, error=error, owner=None, lease_until=None)).rowcount
            if marked:
                self._clear_results(conn, doc_id)
        return bool(marked)

    @staticmethod
    def _mine(doc_id: str, owner: str | None):  # type: ignore[no-untyped-def]
        query = update(t.documents).where(t.documents.c.id == doc_id)
        if owner is not None:
            query = query.where(t.documents.c.status == PROCESSING, t.documents.c.owner == owner)
        return query

    @staticmethod
    def _clear_results(conn: Connection, doc_id: str) -> None:
        for statement in _CLEAR_RESULTS:
            conn.execute(statement, {"doc_id": doc_id})
        reconciled.enqueue(conn, [doc_id])  # its merged events, disputes and sources are redone after

    @staticmethod
    def _upsert_places(conn: Connection, items: Iterable[Place]) -> None:
        rows = {p.id: codec.place_row(p) for p in items}
        if not rows:
            return
        known = set(conn.scalars(_KNOWN_PLACES, {"ids": list(rows)}))
        fresh = [r for i, r in rows.items() if i not in known]
        if fresh:
            conn.execute(_INSERT_PLACES, fresh)

    # --- reading (each call its own snapshot; use `snapshot()` for several reads that belong together)
    def stats(self) -> StoreStats:
        with self.snapshot() as s:
            return s.stats()

    def failures(self) -> list[tuple[str, str, str]]:
        """(doc id, name, error) of documents whose processing failed."""
        with self.snapshot() as s:
            return s.failures()

    def places(self) -> list[Place]:
        with self.snapshot() as s:
            return s.places()

    def mentions(self) -> list[Mention]:
        with self.snapshot() as s:
            return s.mentions()

    def claims(self) -> list[Claim]:
        with self.snapshot() as s:
            return s.claims()

    def events(self) -> list[Event]:
        with self.snapshot() as s:
            return s.events()


@dataclass(frozen=True)
class StoreReader:
    """Reads inside one transaction: everything it returns belongs to the same state of the store."""

    conn: Connection

    def documents(self, status: str | None = None, limit: int | None = None) -> list[Document]:
        query = select(t.documents).order_by(t.documents.c.seq)
        if status:
            query = query.where(t.documents.c.status == status)
        if limit:
            query = query.limit(limit)
        return [codec.document_from(r) for r in self.conn.execute(query)]

    def stats(self) -> StoreStats:
        status = t.documents.c.status
        by_status: dict[str, int] = dict(self.conn.execute(select(status, func.count()).group_by(status)).all())
        return StoreStats(
            documents=sum(by_status.values()), pending=by_status.get(PENDING, 0),
            processed=by_status.get(PROCESSED, 0), failed=by_status.get(FAILED, 0),
            places=self._count(t.places), mentions=self._count(t.mentions), claims=self._count(t.claims),
            events=self._count(t.events), processing=by_status.get(PROCESSING, 0),
        )

    def _count(self, table) -> int:  # type: ignore[no-untyped-def]
        return int(self.conn.scalar(select(func.count()).select_from(table)) or 0)

    def failures(self) -> list[tuple[str, str, str]]:
        rows = self.conn.execute(select(t.documents.c.id, t.documents.c.name, t.documents.c.error)
                                 .where(t.documents.c.status == FAILED).order_by(t.documents.c.seq)).all()
        return [(r.id, r.name or r.id, r.error or "") for r in rows]

    def places(self) -> list[Place]:
        return [codec.place_from(r) for r in self.conn.execute(select(t.places).order_by(t.places.c.id))]

    def mentions(self) -> list[Mention]:
        rows = self.conn.execute(select(t.mentions).order_by(t.mentions.c.doc, t.mentions.c.start, t.mentions.c.end))
        return [codec.mention_from(r) for r in rows]

    def claims(self) -> list[Claim]:
        rows = self.conn.execute(select(t.claims).order_by(t.claims.c.doc, t.claims.c.id))
        return [codec.claim_from(r) for r in rows]

    def events(self) -> list[Event]:
        rows = self.conn.execute(select(t.events).order_by(t.events.c.doc, t.events.c.id))
        return [codec.event_from(r) for r in rows]


def _first_line(exc: BaseException) -> str:
    """Driver errors carry the SQL and a link after the first line; the first line says what happened."""
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
