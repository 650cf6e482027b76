"""The one place where read text becomes a Document: id, furniture, headline, date."""

from __future__ import annotations

from datetime import date

from thucydides.ingest.errors import IngestError
from thucydides.ingest.furniture import find_furniture, read_head
from thucydides.model import Document, Interval

EMPTY = "empty"


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
) -> Document:
    """A Document keyed by its normalised text, so re-ingesting the same report gives the same id.

    Raises IngestError(source, "empty") for text that holds nothing but whitespace.
    """
    if not text.strip():
        raise IngestError(source, EMPTY)
    furniture = find_furniture(text)
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
