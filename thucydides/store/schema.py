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


def _event_columns(*after_date: Column) -> list[Column]:
    """The columns a document's event and a merged event share, in the export's shape (new ones each call: a column
    belongs to one table); `after_date`: a table's own columns that stand after the date."""
    return [
        Column("event_type", String(64), nullable=False),
        Column("sub_event_type", String(64), nullable=False),
        Column("actor1", String(64)),
        Column("actor2", String(64)),
        Column("assoc_actor1", String(64)),
        Column("assoc_actor2", String(64)),
        Column("place", String(96)),
        Column("geo_precision", Integer, nullable=False),
        Column("date", JSON),
        *after_date,
        Column("time_precision", Integer, nullable=False),
        Column("fatalities", Integer),
        Column("civilian_targeting", Boolean, nullable=False, default=False),
        Column("notes", Text, nullable=False, default=""),
        Column("claims", JSON, nullable=False),
        Column("evidence", JSON, nullable=False),
    ]


events = Table(
    "events", metadata,
    Column("id", String(96), primary_key=True),
    Column("doc", String(64), nullable=False, index=True),
    *_event_columns(),
)

# --- reconciliation across documents, stored (thucydides.corpus.reconcile writes these) ------------------
# One row per merged event (one happening, every report of it), in the export's shape.
merged_events = Table(
    "merged_events", metadata,
    Column("id", String(96), primary_key=True),
    # the smallest member event id: exports list merged events in this order
    Column("lead", String(96), nullable=False),
    # the merging block (place, event type, sub-event type, actor 1) its members were matched in
    Column("block", String(96), nullable=False),
    Column("docs", JSON, nullable=False),
    # acled_day: the day ACLED files it under, '9999-12-31' when unknown: the ACLED export's order
    *_event_columns(Column("acled_day", String(10), nullable=False)),
)
Index("ix_merged_events_lead", merged_events.c.lead)
Index("ix_merged_events_block", merged_events.c.block)
Index("ix_merged_events_acled", merged_events.c.acled_day, merged_events.c.id)
Index("ix_merged_events_kind", merged_events.c.event_type, merged_events.c.lead)

# Which document event belongs to which merged event.
merged_members = Table(
    "merged_members", metadata,
    Column("event", String(96), primary_key=True),
    Column("merged", String(96), nullable=False, index=True),
    Column("doc", String(64), nullable=False, index=True),
)

# Each claim's series key and the time it holds (its own, else its report's publication date).
claim_keys = Table(
    "claim_keys", metadata,
    Column("claim", String(96), primary_key=True),
    Column("doc", String(64), nullable=False, index=True),
    Column("metric", String(32), nullable=False),
    Column("unit", String(16), nullable=False),
    Column("subject", String(64)),
    Column("place", String(96)),
    Column("claimant", String(64)),
    Column("qualifier", String(16), nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("held", JSON),
    # first day the figure may hold (start, else end), null when undated: dispute windows
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    # series order: the last day, else the first, else '9999-12-31'
    Column("sort_day", String(10), nullable=False),
)
# Dispute blocks in time order, holding every column a dispute reads (DISPUTE_COLUMNS): a rebuild's sorted scan
# and a new report's window reads never go back to the table (a lookup per row, in random order, costs more
# per row the larger the store).
DISPUTE_COLUMNS = (claim_keys.c.metric, claim_keys.c.unit, claim_keys.c.subject, claim_keys.c.place,
                   claim_keys.c.first_day, claim_keys.c.last_day, claim_keys.c.claim, claim_keys.c.doc,
                   claim_keys.c.claimant, claim_keys.c.qualifier, claim_keys.c.low, claim_keys.c.high)
Index("ix_claim_keys_dispute", *DISPUTE_COLUMNS)
Index("ix_claim_keys_series", claim_keys.c.metric, claim_keys.c.unit, claim_keys.c.subject, claim_keys.c.sort_day,
      claim_keys.c.doc, claim_keys.c.claim)

# Pairs of figures from different reports that cannot both be true; `a` is the first in (doc, id) order.
disputes = Table(
    "disputes", metadata,
    Column("a", String(96), primary_key=True),
    Column("b", String(96), primary_key=True),
    Column("a_doc", String(64), nullable=False),
    Column("b_doc", String(64), nullable=False, index=True),
    Column("a_claimant", String(64)),
    Column("b_claimant", String(64)),
    Column("reason", Text, nullable=False),
)
# Also serves every read by `a_doc` (its first column).
Index("ix_disputes_order", disputes.c.a_doc, disputes.c.a, disputes.c.b_doc, disputes.c.b)

# Per claimant ('' for outlets speaking in their own voice): claims, reports, hedged and disputed figures.
source_ratings = Table(
    "source_ratings", metadata,
    Column("source", String(64), primary_key=True),
    Column("claims", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("hedged", Integer, nullable=False),
    Column("disputed", Integer, nullable=False),
)

# Documents whose results changed since the last reconciliation; `token` tells a re-queued document apart.
reconcile_queue = Table(
    "reconcile_queue", metadata,
    Column("doc", String(64), primary_key=True),
    Column("token", String(32), nullable=False),
)

# Indexes for the queries the store runs on the first tables (max(seq), export orders, blocks).
NEW_INDEXES_V2 = (
    Index("ix_documents_seq", documents.c.seq),
    Index("ix_documents_status_seq", documents.c.status, documents.c.seq),
    Index("ix_mentions_order", mentions.c.doc, mentions.c.start, mentions.c.end),
    Index("ix_mentions_ref", mentions.c.kind, mentions.c.ref),
    Index("ix_claims_order", claims.c.doc, claims.c.id),
    Index("ix_events_block", events.c.place, events.c.event_type, events.c.sub_event_type, events.c.actor1),
)

RECONCILE_LOCK = "reconcile_lock"

# Indexes that no query reads (sources are counted by whole-table groupings; `a_doc` is the order index's first
# column), and the dispute block index that read its rows back from the table.
DROPPED_INDEXES_V4 = ("ix_claim_keys_claimant", "ix_disputes_a_doc", "ix_disputes_a_claimant", "ix_disputes_b_claimant",
                      "ix_claim_keys_block")

SCHEMA_VERSION = 4


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)


def _v2(conn: Connection) -> None:
    """Stored reconciliation: its tables, indexes for every query, and every processed document queued."""
    metadata.create_all(conn)  # only creates what is missing
    for index in NEW_INDEXES_V2:
        index.create(conn, checkfirst=True)
    conn.execute(text("DELETE FROM reconcile_queue"))
    conn.execute(text("INSERT INTO reconcile_queue (doc, token) SELECT id, 'v2' FROM documents "
                      "WHERE status = 'processed'"))
    conn.execute(text("DELETE FROM meta WHERE key = :key"), {"key": RECONCILE_LOCK})
    conn.execute(meta.insert().values(key=RECONCILE_LOCK, value="0"))


def _v3(conn: Connection) -> None:
    """Who is processing a document, until when: lets concurrent runs claim distinct documents."""
    conn.execute(text("ALTER TABLE documents ADD COLUMN owner VARCHAR(160)"))
    conn.execute(text("ALTER TABLE documents ADD COLUMN lease_until FLOAT"))


def _v4(conn: Connection) -> None:
    """Fewer, covering indexes on the reconciled claims: fewer sorts in every rebuild, fewer index writes in every
    reconciliation, no table lookups in dispute reads. Rows are untouched."""
    for name in DROPPED_INDEXES_V4:
        conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    for table in (claim_keys, disputes):
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            index.create(conn, checkfirst=True)


# Migration n brings a store at version n-1 to version n. Append, never edit.
# A new store is created from `metadata` as it stands and stamped with the latest version.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4}


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
