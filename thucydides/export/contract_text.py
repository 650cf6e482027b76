"""The JSON contract's records as text, straight from a store's rows (the fast path of `contract`).

`contract.py` says what each record is, from domain objects; writing a large store that way spends
most of its time decoding JSON columns into objects and encoding them again. Here each record's line
is built from its row: strings are escaped by the json module's own escaper, and stored JSON (an
evidence span, an event's documents, claims and evidence) is written through when its text already
is what the encoder would write, checked by a full match of that canonical form (printable ASCII,
the encoder's escapes and separators, the contract's keys in order); anything else is decoded and
encoded again. Either way the bytes are those of `json.dumps(record, ensure_ascii=False)` (a test
holds both paths to the same document). Everything is read in one transaction, so the document is
one consistent snapshot of the store even while it is being written to.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from thucydides.export import contract
from thucydides.export.bundle import actors_of
from thucydides.store import codec, raw
from thucydides.store import reconciled as rs
from thucydides.store import schema as t
from thucydides.store.db import Store

ENCODER = json.JSONEncoder(ensure_ascii=False)
_escape = json.encoder.encode_basestring  # what ENCODER writes for a str (the C escaper when present)

# The encoder's canonical text, for the stored values that may be written through as they are.
_PLAIN = r"[ !#-\[\]-~]*+"  # printable ASCII but the quote and the backslash
_STRING = rf'"{_PLAIN}(?:\\["\\bfnrt]{_PLAIN})*+"'
_INT = r"-?(?:0|[1-9][0-9]*+)"
_DAY = r'(?:null|"[0-9]{4}-[0-9]{2}-[0-9]{2}")'
_EVIDENCE = rf'\{{"doc": {_STRING}, "start": {_INT}, "end": {_INT}, "text": {_STRING}\}}'
EVIDENCE = re.compile(_EVIDENCE)
EVIDENCE_LIST = re.compile(rf"\[(?:{_EVIDENCE}(?:, {_EVIDENCE})*+)?\]")
STRING_LIST = re.compile(rf"\[(?:{_STRING}(?:, {_STRING})*+)?\]")
INTERVAL = re.compile(rf'(\{{"start": {_DAY}, "end": {_DAY})(?:, "inferred": (?:(true)|false))?\}}')


def string(value: str | None) -> str:
    return "null" if value is None else _escape(value)


def integer(value: int | None) -> str:
    return "null" if value is None else str(int(value))


def number(value: float | None) -> str:
    """A figure as the contract writes it: whole numbers without a decimal point."""
    if value is None:
        return "null"
    value = float(value)
    return str(int(value)) if value.is_integer() else ENCODER.encode(value)


def fragment(stored: str | None, canonical: re.Pattern[str], shape: Callable[[Any], Any]) -> str:
    """Stored JSON text written through when it is canonical, else decoded, shaped and encoded."""
    if stored is None:
        return "null"
    if canonical.fullmatch(stored):
        return stored
    return ENCODER.encode(shape(json.loads(stored)))


def interval(stored: str | None) -> str:
    """A stored interval (`codec.interval_out`) as the contract's (`inferred` only when true)."""
    match = INTERVAL.fullmatch(stored) if stored else None
    if match:
        return match.group(1) + (', "inferred": true}' if match.group(2) else "}")
    return ENCODER.encode(contract.interval(codec.interval_in(json.loads(stored) if stored else None)))


def _evidence(value: Any) -> Any:
    return contract.evidence(codec.evidence_in(value))


def _evidence_list(value: Any) -> Any:
    return [contract.evidence(codec.evidence_in(x)) for x in value]


def _string_list(value: Any) -> Any:
    return list(value)


def published(start: str | None, end: str | None, inferred: bool) -> str:
    """A document's publication date from its columns (stored as ISO days), as the contract's interval."""
    if not (start or end):
        return "null"
    return '{"start": ' + string(start) + ', "end": ' + string(end) + (', "inferred": true}' if inferred else "}")


# --- one line per record kind, from a row of the columns named beside it (read by position: a row's
# values are read by name ten times slower)
DOCUMENT_COLUMNS = ("id", "name", "url", "title", "outlet", "language", "published_start", "published_end",
                    "published_inferred", "text_sha256")


def document_line(row: Sequence[Any]) -> str:
    id_, name, url, title, outlet, language, start, end, inferred, sha256 = row
    return "".join((
        '{"id": ', _escape(id_), ', "name": ', string(name), ', "url": ', string(url), ', "title": ', string(title),
        ', "outlet": ', string(outlet), ', "language": ', string(language),
        ', "published": ', published(start, end, inferred), ', "text_sha256": ', _escape(sha256), "}",
    ))


MENTION_COLUMNS = ("doc", "start", "end", "text", "kind", "ref")


def mention_line(row: Sequence[Any]) -> str:
    doc, start, end, quoted, kind, ref = row
    return "".join((
        '{"doc": ', _escape(doc), ', "start": ', integer(start), ', "end": ', integer(end),
        ', "text": ', _escape(quoted), ', "kind": ', _escape(kind), ', "ref": ', string(ref), "}",
    ))


CLAIM_COLUMNS = ("id", "doc", "metric", "unit", "low", "high", "qualifier", "subject", "agent", "claimant", "place",
                 "time", "evidence")


def claim_line(row: Sequence[Any]) -> str:
    id_, doc, metric, unit, low, high, qualifier, subject, agent, claimant, place, time, evidence = row
    return "".join((
        '{"id": ', _escape(id_), ', "doc": ', _escape(doc), ', "metric": ', _escape(metric),
        ', "unit": ', _escape(unit), ', "low": ', number(low), ', "high": ', number(high),
        ', "qualifier": ', _escape(qualifier), ', "subject": ', string(subject), ', "agent": ', string(agent),
        ', "claimant": ', string(claimant), ', "place": ', string(place), ', "time": ', interval(time),
        ', "evidence": ', fragment(evidence, EVIDENCE, _evidence), "}",
    ))


EVENT_COLUMNS = ("id", "docs", "event_type", "sub_event_type", "actor1", "actor2", "place", "geo_precision", "date",
                 "time_precision", "fatalities", "claims", "evidence")


def event_line(row: Sequence[Any]) -> str:
    (id_, docs, event_type, sub_event_type, actor1, actor2, place, geo_precision, date, time_precision, fatalities,
     claims, evidence) = row
    return "".join((
        '{"id": ', _escape(id_), ', "docs": ', fragment(docs, STRING_LIST, _string_list),
        ', "event_type": ', _escape(event_type), ', "sub_event_type": ', _escape(sub_event_type),
        ', "actor1": ', string(actor1), ', "actor2": ', string(actor2), ', "place": ', string(place),
        ', "geo_precision": ', integer(geo_precision), ', "date": ', interval(date),
        ', "time_precision": ', integer(time_precision), ', "fatalities": ', integer(fatalities),
        ', "claims": ', fragment(claims, STRING_LIST, _string_list),
        ', "evidence": ', fragment(evidence, EVIDENCE_LIST, _evidence_list), "}",
    ))


def _lines(conn: Connection, table: Any, columns: tuple[str, ...], query: Callable[[Any], Any],
           line: Callable[[Sequence[Any]], str]) -> Iterator[str]:
    return (line(r) for r in rs.stream(conn, query(select(*(table.c[name] for name in columns)))))


def store_sections(conn: Connection) -> Iterator[tuple[str, Iterable[str]]]:
    """The contract's record lists in order, each a stream of JSON lines read on `conn`."""
    d, m, c, e = t.documents, t.mentions, raw.claims, raw.merged_events
    yield "documents", _lines(conn, d, DOCUMENT_COLUMNS,
                              lambda q: q.where(d.c.status == "processed").order_by(d.c.seq), document_line)
    yield "actors", (ENCODER.encode(contract.actor(a)) for a in actors_of(rs.actor_ids(conn), rs.new_actor_texts(conn)))
    yield "places", (ENCODER.encode(contract.place(codec.place_from(r)))
                     for r in rs.stream(conn, select(t.places).order_by(t.places.c.id)))
    yield "mentions", _lines(conn, m, MENTION_COLUMNS, lambda q: q.order_by(m.c.doc, m.c.start, m.c.end),
                             mention_line)
    yield "claims", _lines(conn, c, CLAIM_COLUMNS, lambda q: q.order_by(c.c.doc, c.c.id), claim_line)
    yield "events", _lines(conn, e, EVENT_COLUMNS, lambda q: q.order_by(e.c.lead), event_line)


def snapshot(store: Store) -> Connection:
    """A connection whose reads, until it closes, all see one state of the store (from its first read):
    a repeatable-read transaction on PostgreSQL, a read transaction on SQLite (whose driver would only
    begin one before a write)."""
    conn = store.engine.connect()
    if conn.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    conn.begin()
    if conn.dialect.name == "sqlite" and not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN")
    return conn
