"""JSONL: one report a line (`id`, `text` or `html`, optional `url`, `title`, `published`, `outlet`).

A bad line is one failure naming `file:line`; the other lines still come through. A `.json`
file holding one such record, or an array of them, is read the same way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from thucydides.ingest.dates import BadDate, parse_published
from thucydides.ingest.decode import NotText, decode_bytes, universal_newlines
from thucydides.ingest.documents import make_document
from thucydides.ingest.errors import IngestError, IngestFailure
from thucydides.ingest.html import extract_page, fragment_text, looks_like_html
from thucydides.model import Document


def _optional_str(record: dict[str, Any], key: str, source: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str | int):
        raise IngestError(source, f"field {key!r} should be a string, got {type(value).__name__}")
    return str(value)


def _record_document(record: dict[str, Any], source: str) -> Document:
    """A Document from one parsed record; plain `text` wins over `html` when both are given."""
    text, html = record.get("text"), record.get("html")
    meta_title, meta_url, meta_outlet, meta_date, language = None, None, None, None, None
    if isinstance(text, str) and text.strip():
        body = universal_newlines(text)
    elif isinstance(html, str) and html.strip():
        page = extract_page(html) if looks_like_html(html) else None
        body = page.text if page and page.text else fragment_text(html)
        if page:
            meta_title, meta_url, meta_outlet, meta_date, language = (
                page.title, page.url, page.outlet, page.published, page.language)
    elif text is None and html is None:
        raise IngestError(source, "record has neither 'text' nor 'html'")
    else:
        raise IngestError(source, "empty")
    try:
        published = parse_published(record.get("published")) or meta_date
    except BadDate as exc:
        raise IngestError(source, str(exc)) from exc
    return make_document(
        body,
        source=source,
        name=_optional_str(record, "id", source),
        url=_optional_str(record, "url", source) or meta_url,
        title=_optional_str(record, "title", source) or meta_title,
        outlet=_optional_str(record, "outlet", source) or meta_outlet,
        language=_optional_str(record, "language", source) or language,
        published=published,
    )


def _object_document(record: object, source: str) -> Document:
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object, got {type(record).__name__}")
    return _record_document(record, source)


def _line_document(line: str, source: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestError(source, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    return _object_document(record, source)


def _line_text(raw: bytes, source: str) -> str:
    """JSON is UTF-8; a line in another encoding is still read when it can be detected."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return decode_bytes(raw)
        except NotText as exc:
            raise IngestError(source, str(exc)) from exc


def parse_jsonl(lines: Iterable[bytes], path: str) -> Iterator[Document | IngestFailure]:
    """One Document per non-blank line, or a failure naming `path:line`; sources are `path#L<n>`.

    Lines are read one at a time so a dump of any size streams through in constant memory.
    """
    seen_record = False
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_record = True
        source = f"{path}#L{n}"
        try:
            yield _line_document(_line_text(raw, source), source)
        except IngestError as exc:
            yield IngestFailure(f"{path}:{n}", exc.reason)
    if not seen_record:
        yield IngestFailure(path, "empty")


def parse_json(text: str, path: str) -> Iterator[Document | IngestFailure]:
    """A JSON file: one record, or an array of records (sources `path#<n>`, n from 1)."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield IngestFailure(path, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    records = value if isinstance(value, list) else [value]
    single = not isinstance(value, list)
    for n, record in enumerate(records, start=1):
        source = path if single else f"{path}#{n}"
        try:
            yield _object_document(record, source)
        except IngestError as exc:
            yield exc.as_failure()
