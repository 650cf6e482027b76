"""The one place where read text becomes a Document: id, furniture, headline, date.

Text from outside may hold characters no store or terminal should receive: lone surrogates
(from JSON escapes or character references) cannot be encoded, and NUL is refused by
PostgreSQL. Each is replaced by U+FFFD, one character for one so offsets stay exact, and the
repair is reported.
"""

from __future__ import annotations

import re
from datetime import date

from thucydides.ingest.errors import IngestError, IngestWarning
from thucydides.ingest.furniture import find_furniture, read_head
from thucydides.ingest.limits import ingest_settings
from thucydides.model import Document, Interval

EMPTY = "empty"
REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> tuple[str, int]:
    """`text` with unstorable characters replaced (same length), and how many there were."""
    return _UNSTORABLE.subn(REPLACEMENT, text)


def _storable_meta(value: str | None) -> str | None:
    return None if value is None else storable(value)[0]


def make_document(
    text: str,
    *,
    source: str,
    name: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    published: date | None = None,
    notes: list[IngestWarning] | None = None,
) -> Document:
    """A Document keyed by its normalised text, so re-ingesting the same report gives the same id.

    Raises IngestError(source, "empty") for text that holds nothing but whitespace, and for a text
    longer than `ingest.max_document_chars`. Repairs are appended to `notes` when given.
    """
    if not text.strip():
        raise IngestError(source, EMPTY)
    limit = ingest_settings().max_document_chars
    if len(text) > limit:
        raise IngestError(source, f"text is {len(text):,} characters, over the limit of {limit:,} for one report "
                                  "(ingest.max_document_chars in the settings file)")
    text, replaced = storable(text)
    if replaced and notes is not None:
        notes.append(IngestWarning(source, f"{replaced} character(s) that cannot be stored (NUL or lone "
                                           "surrogates) replaced by U+FFFD"))
    furniture = find_furniture(text)
    title, outlet, name, url, language = map(_storable_meta, (title, outlet, name, url, language))
    head = read_head(text, furniture) if title is None or outlet is None else None
    return Document.from_text(
        text,
        name=name,
        url=url,
        title=title or (head.title if head else None),
        outlet=outlet or (head.outlet if head else None),
        language=language,
        published=Interval(published, published) if published else None,
        source=source,
        furniture=furniture,
    )
