"""Paths in, Documents out: folders expanded, formats told apart, failures named.

`iter_documents` is what a corpus run uses: it never raises for a bad input, it yields an
IngestFailure naming it and goes on. `read_path` is the strict form for one file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from thucydides.ingest.decode import NotText, bom_encoding, decode_bytes
from thucydides.ingest.documents import EMPTY, make_document
from thucydides.ingest.errors import IngestError, IngestFailure
from thucydides.ingest.feeds import looks_like_feed, parse_feed
from thucydides.ingest.html import extract_page, looks_like_html
from thucydides.ingest.jsonl import parse_json, parse_jsonl
from thucydides.model import Document

Result = Document | IngestFailure
Reader = Callable[[Path], Iterator[Result]]

PLAIN_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, recursively, sorted by path, skipping hidden files and folders."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not _hidden(d)]
        found.extend(Path(root) / name for name in files if not _hidden(name))
    yield from sorted(found, key=lambda p: p.relative_to(folder).parts)


def expand_inputs(paths: Sequence[Path]) -> Iterator[Path]:
    """Files as given; folders recursively and sorted. A missing path is passed through so reading it fails by name."""
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _plain(path: Path) -> Iterator[Result]:
    yield make_document(_decoded(path, _read_bytes(path)), source=str(path), name=path.name)


def _html(path: Path, data: bytes | None = None) -> Iterator[Result]:
    page = extract_page(data if data is not None else _read_bytes(path))
    if not page.text.strip():
        raise IngestError(str(path), "no readable main text in the HTML page")
    yield make_document(
        page.text, source=str(path), name=path.name, url=page.url, title=page.title,
        outlet=page.outlet, language=page.language, published=page.published,
    )


def _feed(path: Path, data: bytes | None = None) -> Iterator[Result]:
    yield from parse_feed(data if data is not None else _read_bytes(path), str(path))


def _decoded(path: Path, data: bytes) -> str:
    try:
        return decode_bytes(data)
    except NotText as exc:
        raise IngestError(str(path), str(exc)) from exc


def _jsonl(path: Path) -> Iterator[Result]:
    """Streamed line by line; a UTF-16 or UTF-32 file (BOM) is decoded whole instead."""
    try:
        with path.open("rb") as fh:
            if bom_encoding(fh.read(4)) is None:
                fh.seek(0)
                yield from parse_jsonl(fh, str(path))
                return
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    text = _decoded(path, _read_bytes(path))
    yield from parse_jsonl((line.encode("utf-8") for line in text.split("\n")), str(path))


def _json(path: Path) -> Iterator[Result]:
    yield from parse_json(_decoded(path, _read_bytes(path)), str(path))


def _sniffed(path: Path) -> Iterator[Result]:
    """Unknown extension: a feed or a page if it looks like one, plain text if it decodes, else a failure."""
    data = _read_bytes(path)
    text = _decoded(path, data)
    if looks_like_feed(text):
        yield from _feed(path, data)
    elif looks_like_html(text):
        yield from _html(path, data)
    else:
        yield make_document(text, source=str(path), name=path.name)


def reader_for(path: Path) -> Reader:
    suffix = path.suffix.lower()
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


def _unreadable(path: Path, exc: OSError) -> IngestError:
    if isinstance(exc, FileNotFoundError):
        return IngestError(str(path), "no such file or folder")
    if isinstance(exc, IsADirectoryError):
        return IngestError(str(path), "is a folder")
    return IngestError(str(path), f"cannot read ({exc.strerror or exc})")


def _read_bytes(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    if not data.strip():
        raise IngestError(str(path), EMPTY)
    return data


def _results(path: Path) -> Iterator[Result]:
    """Everything one file yields; a failure of the whole file comes as one IngestFailure.

    Parsers of scraped HTML and feeds can trip on inputs nobody foresaw; one odd file must
    not stop a corpus run, so any error while reading it becomes a failure naming it.
    """
    try:
        yield from reader_for(path)(path)
    except IngestError as exc:
        yield exc.as_failure()
    except Exception as exc:  # noqa: BLE001 - see docstring
        yield IngestFailure(str(path), f"could not be read ({type(exc).__name__}: {exc})")


def read_path(path: Path) -> list[Document]:
    """The reports in one file; raises IngestError on the first part that cannot be read."""
    documents = []
    for result in _results(Path(path)):
        if isinstance(result, IngestFailure):
            raise IngestError(result.source, result.reason)
        documents.append(result)
    return documents


def iter_documents(paths: Sequence[Path]) -> Iterator[Document | IngestFailure]:
    """Every report under `paths`, in order; each unreadable input (or JSONL line, or feed entry) is a failure."""
    for path in expand_inputs(paths):
        yield from _results(path)

