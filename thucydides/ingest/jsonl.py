"""JSONL: one report a line (`id`, `text` or `html`, optional `url`, `title`, `published`, `outlet`).

A bad line is one failure naming `file:line`; the other lines still come through, whatever was
wrong with it (not JSON, nested too deep, a number too long to read, a wrong field type). A `.json`
file holding one such record, or an array of them, is read the same way, record by record
(sources `file#n`). Both are streamed: memory holds one record at a time, and a line or record
over `ingest.max_record_mb` is refused without being read whole.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any

from thucydides.ingest.dates import BadDate, parse_published
from thucydides.ingest.decode import NotText, bom_encoding, decode_report, universal_newlines
from thucydides.ingest.documents import make_document
from thucydides.ingest.errors import IngestError, IngestFailure, IngestWarning, Position
from thucydides.ingest.files import over_limit
from thucydides.ingest.html import extract_page, fragment_text, looks_like_html
from thucydides.ingest.limits import ingest_settings
from thucydides.ingest.results import Result, record_results
from thucydides.model import Document

MAX_INT_DIGITS = 4000  # Python refuses to read integers longer than 4300 digits; say so ourselves
_CHUNK = 1 << 16


def _bounded_int(digits: str) -> int:
    if len(digits) > MAX_INT_DIGITS:
        raise ValueError(f"a number with {len(digits):,} digits")
    return int(digits)


_DECODER = json.JSONDecoder(parse_int=_bounded_int)


def _optional_str(record: dict[str, Any], key: str, source: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise IngestError(source, f"field {key!r} should be a string, got {type(value).__name__}")
    return str(value)


def _body(record: dict[str, Any], source: str) -> tuple[str, Any]:
    """The report's text, and the page read from `html` when that is where it came from."""
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return universal_newlines(text), None
    if isinstance(html, str) and html.strip():
        page = extract_page(html) if looks_like_html(html) else None
        return (page.text if page and page.text else fragment_text(html)), page
    if text is None and html is None:
        raise IngestError(source, "record has neither 'text' nor 'html'")
    if not isinstance(text, str | None) or not isinstance(html, str | None):
        wrong = "text" if not isinstance(text, str | None) else "html"
        got = type(record[wrong]).__name__
        raise IngestError(source, f"field {wrong!r} should be a string, got {got}")
    raise IngestError(source, "empty")


def _record_document(record: dict[str, Any], source: str, notes: list[IngestWarning]) -> Document:
    """A Document from one parsed record; plain `text` wins over `html` when both are given."""
    body, page = _body(record, source)
    try:
        published = parse_published(record.get("published")) or (page.published if page else None)
    except BadDate as exc:
        raise IngestError(source, str(exc)) from exc
    return make_document(
        body,
        source=source,
        name=_optional_str(record, "id", source),
        url=_optional_str(record, "url", source) or (page.url if page else None),
        title=_optional_str(record, "title", source) or (page.title if page else None),
        outlet=_optional_str(record, "outlet", source) or (page.outlet if page else None),
        language=_optional_str(record, "language", source) or (page.language if page else None),
        published=published,
        notes=notes,
    )


def _object_document(record: object, source: str, notes: list[IngestWarning]) -> Document:
    if not isinstance(record, dict):
        raise IngestError(source, f"expected a JSON object, got {type(record).__name__}")
    return _record_document(record, source, notes)


def _parse(text: str, source: str) -> object:
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise IngestError(source, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    except RecursionError as exc:
        raise IngestError(source, "not readable JSON (nested too deeply)") from exc
    except ValueError as exc:
        raise IngestError(source, f"not readable JSON ({exc})") from exc


def _line_text(raw: bytes, source: str, notes: list[IngestWarning]) -> str:
    """JSON is UTF-8; a line in another encoding is still read when it can be detected (and said so)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            decoded = decode_report(raw, ingest_settings().encodings)
        except NotText as exc:
            raise IngestError(source, str(exc)) from exc
        if (message := decoded.warning()) is not None:
            notes.append(IngestWarning(source, message))
        return decoded.text


def _jsonl_line(raw: bytes, source: str, notes: list[IngestWarning]) -> Document:
    return _object_document(_parse(_line_text(raw, source, notes), source), source, notes)


class _Ids:
    """Remembers which record gave each id, to warn when one id names two different texts."""

    def __init__(self) -> None:
        self.seen: dict[str, tuple[str, str]] = {}

    def check(self, doc: Document, source: str) -> IngestWarning | None:
        if doc.name is None:
            return None
        earlier = self.seen.get(doc.name)
        if earlier is None:
            if len(self.seen) < ingest_settings().tracked_ids:
                self.seen[doc.name] = (source, doc.id)
            return None
        if earlier[1] == doc.id:
            return None
        return IngestWarning(source, f"id {doc.name!r} was already given to a different text ({earlier[0]}); "
                                     "both are kept")


def _with_id_check(results: Iterable[Result], ids: _Ids) -> Iterator[Result]:
    for result in results:
        if isinstance(result, Document) and (warning := ids.check(result, result.source or "")):
            yield warning
        yield result


def bounded_lines(fh: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; a longer line is skipped without being held, and comes as None."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def parse_jsonl(lines: Iterable[bytes | None], path: str, start_after: int = 0) -> Iterator[Result]:
    """One Document per non-blank line, or a failure naming `path:line`; sources are `path#L<n>`.

    A None line is one over the size limit. Lines up to `start_after` are skipped unread (a resumed file).
    """
    seen_record = False
    ids = _Ids()
    limit = ingest_settings().max_record_bytes
    for n, raw in enumerate(lines, start=1):
        if raw is not None and not raw.strip():
            continue
        seen_record = True
        if n <= start_after:
            continue
        yield Position(n, f"{path}:{n}")
        if raw is None:
            yield IngestFailure(f"{path}:{n}", over_limit("line", limit, "ingest.max_record_mb"))
            continue
        results = record_results(_jsonl_line, f"{path}:{n}", raw, f"{path}#L{n}")
        yield from _with_id_check(results, ids)
    if not seen_record:
        yield IngestFailure(path, "empty")


def text_lines(fh: IO[bytes], encoding: str, limit: int) -> Iterator[bytes | None]:
    """Lines of a UTF-16/32 file (with BOM), re-encoded as UTF-8, each bounded like `bounded_lines`."""
    reader = codecs.getreader(encoding)(fh, "strict")
    chars = limit // 2
    while line := reader.readline(chars + 1, keepends=True):
        if len(line) > chars and not line.endswith("\n"):
            while (rest := reader.readline(_CHUNK, keepends=True)) and not rest.endswith("\n"):
                pass
            yield None
        else:
            yield line.encode("utf-8")


# --- JSON files: one record, or an array of records, streamed ------------------------------------

_SPECIAL = re.compile(r'[\[\]{}"]')
_STRING_REST = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_SCALAR = re.compile(r'[^,\]}\s]*')
_SPACE = re.compile(r"\s*")


def value_end(buf: str, start: int) -> int | None:
    """Where the JSON value starting at `start` ends, by matching brackets only (no parsing, no recursion).

    None when the buffer ends first. Lets a record that cannot be parsed be skipped and named.
    """
    if buf[start] not in '[{"':
        end = _SCALAR.match(buf, start).end()  # type: ignore[union-attr]
        return end if end < len(buf) else None
    depth, i = 0, start
    while m := _SPECIAL.search(buf, i):
        i = m.end()
        if m.group() == '"':
            string = _STRING_REST.match(buf, i)
            if string is None:
                return None
            i = string.end()
            if depth == 0:
                return i
        elif m.group() in "[{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
    return None


class JsonStream:
    """Text of a JSON file read in chunks, with a cursor; holds at most one record beyond the cursor."""

    def __init__(self, chunks: Iterator[str], limit: int) -> None:
        self.chunks = chunks
        self.limit = limit
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self, at_least: int = _CHUNK) -> bool:
        """Read on (at least `at_least` characters when the file has them); False at the end of the file."""
        if self.eof:
            return False
        self.buf, self.pos = self.buf[self.pos:], 0
        parts, got = [self.buf], 0
        while got < at_least:
            chunk = next(self.chunks, None)
            if chunk is None:
                self.eof = True
                break
            parts.append(chunk)
            got += len(chunk)
        self.buf = "".join(parts)
        return got > 0

    def peek(self) -> str:
        """The next character after whitespace ('' at the end of the file)."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos:self.pos + 1]

    def value(self) -> tuple[object, BaseException | None]:
        """The next value and None, or None and the error that made it unreadable (the value is skipped)."""
        while True:
            held = len(self.buf) - self.pos
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except (ValueError, RecursionError) as exc:
                end_of_value = value_end(self.buf, self.pos)
                if end_of_value is None:
                    self._need_more(held)
                    continue
                self.pos = end_of_value
                return None, exc
            if end == len(self.buf) and not self.eof:  # a number may go on in the next chunk
                self._need_more(held)
                continue
            self.pos = end
            return value, None

    def _need_more(self, held: int) -> None:
        if held > self.limit:
            raise _TooBig()
        if not self.more(max(_CHUNK, held)):
            raise _Truncated()


class _TooBig(Exception):
    pass


class _Truncated(Exception):
    pass


def _chunks(fh: IO[bytes]) -> Iterator[str]:
    """The file's text in chunks: UTF-8 (BOM dropped), or UTF-16/32 when it starts with their BOM."""
    head = fh.read(4)
    encoding = bom_encoding(head) or "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    data = head
    while True:
        yield decoder.decode(data, final=not data)
        if not data:
            return
        data = fh.read(_CHUNK)


def _json_failure(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "not readable JSON (nested too deeply)"
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg})"
    return f"not readable JSON ({exc})"


def parse_json_file(fh: IO[bytes], path: str, start_after: int = 0) -> Iterator[Result]:
    """A JSON file: one record (source `path`), or an array of records (sources `path#<n>`, n from 1)."""
    limit = ingest_settings().max_record_bytes
    stream = JsonStream(_chunks(fh), limit)
    try:
        yield from _json_records(stream, path, start_after)
    except _TooBig:
        yield IngestFailure(path, over_limit("a record", limit, "ingest.max_record_mb")
                            + "; the records after it are not read")
    except _Truncated:
        yield IngestFailure(path, "not valid JSON (the file ends inside a record)")
    except UnicodeDecodeError as exc:
        yield IngestFailure(path, f"not UTF-8 text (byte {exc.start} of a chunk): JSON must be UTF-8")


def _json_records(stream: JsonStream, path: str, start_after: int) -> Iterator[Result]:
    first = stream.peek()
    if not first:
        yield IngestFailure(path, "empty")
        return
    if first != "[":
        yield from _single_record(stream, path)
        return
    stream.pos += 1
    ids = _Ids()
    n = 0
    while (next_char := stream.peek()) != "]":
        n += 1
        if n > 1 and next_char != ",":
            yield IngestFailure(path, f"not valid JSON (expected ',' or ']' after record {n - 1})")
            return
        if n > 1:
            stream.pos += 1
        if not stream.peek():
            yield IngestFailure(path, "not valid JSON (the file ends inside the array)")
            return
        value, error = stream.value()
        if n <= start_after:
            continue
        source = f"{path}#{n}"
        yield Position(n, source)
        if error is not None:
            yield IngestFailure(source, _json_failure(error))
            continue
        yield from _with_id_check(record_results(_object_document, source, value, source), ids)
    stream.pos += 1
    if stream.peek():
        yield IngestWarning(path, "text after the closing ']' is ignored")


def _single_record(stream: JsonStream, path: str) -> Iterator[Result]:
    value, error = stream.value()
    if error is not None:
        yield IngestFailure(path, _json_failure(error))
        return
    if stream.peek():
        yield IngestFailure(path, "not valid JSON (extra data after the record)")
        return
    yield from record_results(_object_document, path, value, path)
