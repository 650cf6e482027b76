"""The stream a reader yields: Documents, failures, warnings and record positions; one record's guard."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from thucydides.ingest.errors import IngestError, IngestFailure, IngestWarning, Position
from thucydides.model import Document

Result = Document | IngestFailure | IngestWarning | Position


def record_results(make: Callable[..., Document], source: str, *args: Any) -> Iterator[Result]:
    """Run one record's reader: its warnings then its Document, or one failure, whatever goes wrong."""
    notes: list[IngestWarning] = []
    try:
        doc = make(*args, notes)
    except IngestError as exc:
        yield IngestFailure(source, exc.reason)
        return
    except Exception as exc:  # noqa: BLE001 - one odd record never stops the records after it
        yield IngestFailure(source, describe(exc))
        return
    yield from notes
    yield doc


def describe(exc: BaseException, limit: int = 300) -> str:
    """An unexpected error as a short reason (parsers can put the whole input in their messages)."""
    text = f"could not be read ({type(exc).__name__}: {exc})"
    return text if len(text) <= limit else text[:limit - 1] + "…)"
