"""RSS and Atom feed files: each entry is one report."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from thucydides.ingest.documents import make_document
from thucydides.ingest.errors import IngestError, IngestFailure
from thucydides.ingest.html import fragment_text, has_markup
from thucydides.model import Document


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


def _entry_document(entry: Any, source: str, outlet: str | None, language: str | None, n: int) -> Document:
    return make_document(
        _entry_body(entry),
        source=source,
        name=entry.get("id") or entry.get("link") or f"entry{n}",
        url=entry.get("link") or None,
        title=entry.get("title") or None,
        outlet=outlet,
        language=language,
        published=_entry_date(entry),
    )


def parse_feed(data: bytes, source: str) -> Iterator[Document | IngestFailure]:
    """One Document per entry, or a failure naming `source#entry<n>` (n counts from 1)."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f"not a readable feed ({feed.bozo_exception})" if feed.bozo else "feed has no entries"
        yield IngestFailure(source, reason)
        return
    outlet = feed.feed.get("title") or None
    language = feed.feed.get("language") or None
    for n, entry in enumerate(feed.entries, start=1):
        try:
            yield _entry_document(entry, f"{source}#entry{n}", outlet, language, n)
        except IngestError as exc:
            yield exc.as_failure()
