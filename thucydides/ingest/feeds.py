"""RSS and Atom feed files: each entry is one report.

A feed is parsed once, then read entry by entry: an entry that cannot be read fails alone,
named `file#entry<n>`. Character references to characters XML forbids (`&#xD800;`, `&#0;`)
would make the parser crash on the whole feed; they are replaced by U+FFFD's before parsing.
Entities are never expanded from outside the file (feedparser does not resolve external
entities), so a feed cannot pull a local file into the store.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from thucydides.ingest.documents import make_document
from thucydides.ingest.errors import IngestFailure, IngestWarning, Position
from thucydides.ingest.html import fragment_text, has_markup
from thucydides.ingest.results import Result, record_results
from thucydides.model import Document

_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,20}));")
_FFFD = b"&#xFFFD;"


def looks_like_feed(text: str) -> bool:
    head = text.lstrip()[:1024].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry_body(entry: Any) -> str:
    """The fullest text the entry carries: content first, then summary; HTML turned to text."""
    candidates = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
    body = max(candidates, key=len, default="")
    return fragment_text(body) if has_markup(body) else body.strip()


def _allowed_in_xml(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _safe_reference(match: re.Match[bytes]) -> bytes:
    hex_digits, decimal = match.groups()
    code = int(hex_digits, 16) if hex_digits else int(decimal)
    return match.group() if _allowed_in_xml(code) else _FFFD


def safe_char_refs(data: bytes) -> tuple[bytes, int]:
    """References to characters XML forbids replaced by U+FFFD, and how many there were."""
    return _CHAR_REF.subn(_safe_reference, data)


def _entry_document(entry: Any, source: str, outlet: str | None, language: str | None, n: int,
                    notes: list[IngestWarning]) -> Document:
    return make_document(
        _entry_body(entry),
        source=source,
        name=entry.get("id") or entry.get("link") or f"entry{n}",
        url=entry.get("link") or None,
        title=entry.get("title") or None,
        outlet=outlet,
        language=language,
        published=_entry_date(entry),
        notes=notes,
    )


def parse_feed(data: bytes, source: str, start_after: int = 0) -> Iterator[Result]:
    """One Document per entry, or a failure naming `source#entry<n>` (n counts from 1).

    Entries up to `start_after` are skipped (a resumed feed).
    """
    import feedparser

    data, replaced = safe_char_refs(data)
    if replaced:
        yield IngestWarning(source, f"{replaced} character reference(s) to characters XML forbids "
                                    "replaced by U+FFFD")
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"not a readable feed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        yield IngestFailure(source, reason)
        return
    outlet = feed.feed.get("title") or None
    language = feed.feed.get("language") or None
    for n, entry in enumerate(feed.entries, start=1):
        if n <= start_after:
            continue
        where = f"{source}#entry{n}"
        yield Position(n, where)
        yield from record_results(_entry_document, where, entry, where, outlet, language, n)
