"""Tables of the store, and the migrations that bring an older store up to date.

SQLAlchemy Core with portable types, so the same schema runs on SQLite (the default)
and PostgreSQL. Nested values (evidence lists, an event's documents) are JSON columns.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    text,
)

metadata = MetaData()

meta = Table(
    "meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", String(64), primary_key=True),
    Column("seq", Integer, nullable=False),
    Column("name", Text),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("language", String(16)),
    Column("published_start", String(10)),
    Column("published_end", String(10)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("text_sha256", String(64), nullable=False),
    Column("furniture", JSON, nullable=False),
    Column("status", String(16), nullable=False, default="ingested"),
    Column("error", Text),
    Column("owner", String(160)),
    Column("lease_until", Float),
)
Index("ix_documents_status", documents.c.status)

places = Table(
    "places", metadata,
    Column("id", String(96), primary_key=True),
    Column("name", Text, nullable=False),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("geonameid", Integer),
    Column("population", Integer),
)

mentions = Table(
    "mentions", metadata,
    Column("doc", String(64), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("ref", String(96)),
)

claims = Table(
    "claims", metadata,
    Column("id", String(96), primary_key=True),
    Column("doc", String(64), nullable=False, index=True),
    Column("metric", String(32), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("subject", String(64)),
    Column("agent", String(64)),
    Column("claimant", String(64)),
    Column("place", String(96)),
    Column("time", JSON),
    Column("evidence", JSON, nullable=False),
    Column("figure", JSON),
)

events = Table(
    "events", metadata,
    Column("id", String(96), primary_key=True),
    Column("doc", String(64), nullable=False, index=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("actor1", String(64)),
    Column("actor2", String(64)),
    Column("assoc_actor1", String(64)),
    Column("assoc_actor2", String(64)),
    Column("place", String(96)),
    Column("geo_precision", Integer, nullable=False),
    Column("date", JSON),
    Column("time_precision", Integer, nullable=False),
    Column("fatalities", Integer),
    Column("civilian_targeting", Boolean, nullable=False, default=False),
    Column("notes", Text, nullable=False, default=""),
    Column("claims", JSON, nullable=False),
    Column("evidence", JSON, nullable=False),
)

SCHEMA_VERSION = 2


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)


def _v2(conn: Connection) -> None:
    """Who is processing a document, until when: lets concurrent runs claim distinct documents."""
    conn.execute(text("ALTER TABLE documents ADD COLUMN owner VARCHAR(160)"))
    conn.execute(text("ALTER TABLE documents ADD COLUMN lease_until FLOAT"))


# Migration n brings a store at version n-1 to version n. Append, never edit.
# A new store is created from `metadata` as it stands and stamped with the latest version.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2}


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "meta"):
        return 0
    row = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Create a new store, or apply pending migrations in order, each recorded as it lands.

    The caller holds the store's write lock, so two processes opening one new store never both create it.
    """
    version = current_version(conn)
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"this store has schema version {version}, newer than this thucydides ({SCHEMA_VERSION}); upgrade it"
        )
    if version == 0:
        metadata.create_all(conn)
        _stamp(conn, SCHEMA_VERSION)
        return SCHEMA_VERSION
    for target in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[target](conn)
        _stamp(conn, target)
    return SCHEMA_VERSION


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(text("DELETE FROM meta WHERE key = 'schema_version'"))
    conn.execute(meta.insert().values(key="schema_version", value=str(version)))
