"""Paths in, Documents out: folders expanded, formats told apart, failures named.

`iter_documents` is what a corpus run uses: it never raises for a bad input, it yields an
IngestFailure naming it and goes on (and an IngestWarning for an input read with a guess or a
repair). `file_results` is the same for one file, with the record positions a supervisor uses
to stop a record that runs too long and resume after it. `read_path` is the strict form for
one file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from thucydides.ingest.decode import NotText, bom_encoding, decode_report
from thucydides.ingest.documents import make_document
from thucydides.ingest.errors import IngestError, IngestFailure, IngestWarning, Position
from thucydides.ingest.feeds import looks_like_feed, parse_feed
from thucydides.ingest.files import InputFile, find_inputs, open_regular, read_regular
from thucydides.ingest.html import extract_page, looks_like_html
from thucydides.ingest.jsonl import bounded_lines, parse_json_file, parse_jsonl, text_lines
from thucydides.ingest.limits import ingest_settings
from thucydides.ingest.results import Result, describe
from thucydides.model import Document

Reader = Callable[[InputFile, int], Iterator[Result]]

PLAIN_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})


def expand_inputs(paths: Sequence[Path], follow_symlinks: bool = False) -> Iterator[Path]:
    """The files that would be read: files as given, folders recursively and sorted (refusals left out)."""
    for item in find_inputs(paths, follow_symlinks):
        if isinstance(item, InputFile):
            yield item.path


def _read(file: InputFile) -> bytes:
    data = read_regular(file, ingest_settings().max_file_bytes)
    if not data.strip():
        raise IngestError(file.source, "empty")
    return data


def _decoded(file: InputFile, data: bytes, notes: list[IngestWarning]) -> str:
    try:
        decoded = decode_report(data, ingest_settings().encodings)
    except NotText as exc:
        raise IngestError(file.source, str(exc)) from exc
    if (message := decoded.warning()) is not None:
        notes.append(IngestWarning(file.source, message))
    return decoded.text


def _text_document(file: InputFile, text: str, notes: list[IngestWarning]) -> Iterator[Result]:
    doc = make_document(text, source=file.source, name=file.name, notes=notes)
    yield from notes
    yield doc


def _plain(file: InputFile, _: int = 0) -> Iterator[Result]:
    notes: list[IngestWarning] = []
    yield from _text_document(file, _decoded(file, _read(file), notes), notes)


def _html(file: InputFile, _: int = 0, data: bytes | None = None) -> Iterator[Result]:
    page = extract_page(data if data is not None else _read(file))
    if not page.text.strip():
        raise IngestError(file.source, "no readable main text in the HTML page")
    notes: list[IngestWarning] = []
    doc = make_document(
        page.text, source=file.source, name=file.name, url=page.url, title=page.title,
        outlet=page.outlet, language=page.language, published=page.published, notes=notes,
    )
    yield from notes
    yield doc


def _feed(file: InputFile, start_after: int = 0, data: bytes | None = None) -> Iterator[Result]:
    yield from parse_feed(data if data is not None else _read(file), file.source, start_after)


def _jsonl(file: InputFile, start_after: int = 0) -> Iterator[Result]:
    """Streamed line by line, each line bounded; a UTF-16 or UTF-32 file (BOM) is decoded as it streams."""
    limit = ingest_settings().max_record_bytes
    with open_regular(file) as fh:
        encoding = bom_encoding(fh.read(4))
        fh.seek(0)
        lines = text_lines(fh, encoding, limit) if encoding else bounded_lines(fh, limit)
        yield from parse_jsonl(lines, file.source, start_after)


def _json(file: InputFile, start_after: int = 0) -> Iterator[Result]:
    with open_regular(file) as fh:
        yield from parse_json_file(fh, file.source, start_after)


def _sniffed(file: InputFile, start_after: int = 0) -> Iterator[Result]:
    """Unknown extension: a feed or a page if it looks like one, plain text if it decodes, else a failure."""
    data = _read(file)
    notes: list[IngestWarning] = []
    text = _decoded(file, data, notes)
    if looks_like_feed(text):
        yield from _feed(file, start_after, data)
    elif looks_like_html(text):
        yield from _html(file, 0, data)
    else:
        yield from _text_document(file, text, notes)


def reader_for(file: InputFile) -> Reader:
    suffix = file.suffix
    if suffix in PLAIN_SUFFIXES:
        return _plain
    if suffix in HTML_SUFFIXES:
        return _html
    if suffix in FEED_SUFFIXES:
        return _feed
    if suffix in JSONL_SUFFIXES:
        return _jsonl
    if suffix in JSON_SUFFIXES:
        return _json
    return _sniffed


def file_results(file: InputFile, start_after: int = 0) -> Iterator[Result]:
    """Everything one file yields; a failure of the whole file comes as one IngestFailure.

    Parsers of scraped HTML and feeds can trip on inputs nobody foresaw; one odd file must
    not stop a corpus run, so any error while reading it becomes a failure naming it.
    """
    try:
        yield from reader_for(file)(file, start_after)
    except IngestError as exc:
        yield exc.as_failure()
    except Exception as exc:  # noqa: BLE001 - see docstring
        yield IngestFailure(file.source, describe(exc))


def read_path(path: Path) -> list[Document]:
    """The reports in one file; raises IngestError on the first part that cannot be read."""
    documents = []
    for result in iter_documents([Path(path)]):
        if isinstance(result, IngestFailure):
            raise IngestError(result.source, result.reason)
        if isinstance(result, Document):
            documents.append(result)
    return documents


def iter_documents(paths: Sequence[Path], follow_symlinks: bool = False) -> Iterator[Document | IngestFailure
                                                                                     | IngestWarning]:
    """Every report under `paths`, in order; each unreadable input (or JSONL line, or feed entry) is a failure."""
    for item in find_inputs(paths, follow_symlinks):
        if isinstance(item, IngestFailure):
            yield item
            continue
        for result in file_results(item):
            if not isinstance(result, Position):
                yield result
