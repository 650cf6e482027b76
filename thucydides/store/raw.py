"""Views of the store's tables whose JSON columns are read and written as the JSON text they hold.

Exports and reconciliation mostly move nested values (evidence lists, an event's claims) from one
place to another unchanged: decoding them into Python objects and encoding them again is most of
their cost. Through a raw view, a JSON column reads as its stored text and takes JSON text on write
(cast to JSON on PostgreSQL, whose driver would otherwise parse it; SQLite keeps the text as is).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Column, MetaData, Table, Text, TypeDecorator, cast
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FunctionElement

from thucydides.store import schema as t


class _JsonFromText(FunctionElement[Any]):
    """JSON text given as a parameter, stored into a JSON column."""

    name = "json_from_text"
    inherit_cache = True


@compiles(_JsonFromText)
def _json_from_text(element: _JsonFromText, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_JsonFromText, "postgresql")
def _json_from_text_pg(element: _JsonFromText, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS JSON)"


def json_from_text(expression: ColumnElement[Any]) -> ColumnElement[Any]:
    """A SQL expression giving JSON text, as a value for a JSON column."""
    return _JsonFromText(expression)  # type: ignore[return-value]


class JsonText(TypeDecorator[str]):
    """A JSON column seen as its text: no decoding on read, no encoding on write."""

    impl = Text
    cache_ok = True

    def column_expression(self, column: ColumnElement[Any]) -> ColumnElement[Any]:  # type: ignore[override]
        return cast(column, Text)

    def bind_expression(self, bindvalue: Any) -> ColumnElement[Any]:  # type: ignore[override]
        return _JsonFromText(bindvalue)  # type: ignore[return-value]


_raw_metadata = MetaData()


def _raw(table: Table) -> Table:
    columns = [Column(c.name, JsonText() if isinstance(c.type, JSON) else c.type, primary_key=c.primary_key)
               for c in table.columns]
    return Table(table.name, _raw_metadata, *columns)


events = _raw(t.events)
claims = _raw(t.claims)
merged_events = _raw(t.merged_events)
claim_keys = _raw(t.claim_keys)
