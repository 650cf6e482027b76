"""What the exporters read: every record kind of the contract, as streams.

Two sources give the same records in the same orders: an `ExportBundle` held in memory (tests,
quick runs) and a store, read a page at a time from its stored reconciliation (`StoreRecords`), so
writing an export of any size takes the memory of a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from itertools import islice
from typing import Protocol, TypeVar

from thucydides.export.bundle import ExportBundle, actors_of
from thucydides.model import Actor, Claim, Event, Interval, Mention, Place
from thucydides.store.db import Store
from thucydides.store.reconciled import Reconciled

PAGE = 1000
T = TypeVar("T")


class DocumentInfo(Protocol):
    """A document as exports show it (a stored Document, or its metadata without the text)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def published(self) -> Interval | None: ...
    @property
    def text_sha256(self) -> str: ...


class Records(Protocol):
    def documents(self) -> Iterable[DocumentInfo]: ...
    def actors(self) -> list[Actor]: ...
    def places(self) -> Iterable[Place]: ...
    def mentions(self) -> Iterable[Mention]: ...
    def claims(self) -> Iterable[Claim]: ...
    def events(self, order: str = "lead") -> Iterable[Event]:
        """Merged events: 'lead' is the contract's order, 'acled' ACLED's (day, then id)."""
        ...
    def places_by_id(self, ids: Iterable[str | None]) -> dict[str, Place]: ...
    def documents_by_id(self, ids: Iterable[str]) -> Mapping[str, DocumentInfo]: ...
    def place_documents(self, ids: Iterable[str]) -> dict[str, int]: ...


def pages(items: Iterable[T], size: int = PAGE) -> Iterator[list[T]]:
    it = iter(items)
    while page := list(islice(it, size)):
        yield page


def acled_order(event: Event) -> tuple[str, str]:
    from thucydides.export.acled import event_day

    return ((event_day(event.date) or date.max).isoformat(), event.id)


class BundleRecords:
    """Records of a bundle held in memory."""

    def __init__(self, bundle: ExportBundle) -> None:
        self.bundle = bundle
        self._places = {p.id: p for p in bundle.places}
        self._docs = {d.id: d for d in bundle.documents}

    def documents(self) -> Iterable[DocumentInfo]:
        return self.bundle.documents

    def actors(self) -> list[Actor]:
        return self.bundle.actors

    def places(self) -> Iterable[Place]:
        return self.bundle.places

    def mentions(self) -> Iterable[Mention]:
        return self.bundle.mentions

    def claims(self) -> Iterable[Claim]:
        return self.bundle.claims

    def events(self, order: str = "lead") -> Iterable[Event]:
        return sorted(self.bundle.events, key=acled_order) if order == "acled" else self.bundle.events

    def places_by_id(self, ids: Iterable[str | None]) -> dict[str, Place]:
        return {i: self._places[i] for i in ids if i and i in self._places}

    def documents_by_id(self, ids: Iterable[str]) -> Mapping[str, DocumentInfo]:
        return {i: self._docs[i] for i in ids if i in self._docs}

    def place_documents(self, ids: Iterable[str]) -> dict[str, int]:
        wanted = set(ids)
        docs: dict[str, set[str]] = {}
        for m in self.bundle.mentions:
            if m.kind == "place" and m.ref in wanted:
                docs.setdefault(m.ref, set()).add(m.doc)
        return {ref: len(d) for ref, d in docs.items()}


class StoreRecords(Reconciled):
    """Records of a store, read a page at a time from its tables and its stored reconciliation."""

    def __init__(self, store: Store) -> None:
        super().__init__(store)

    def actors(self) -> list[Actor]:
        return actors_of(self.actor_ids(), self.new_actor_texts())


def as_records(source: ExportBundle | Records) -> Records:
    return BundleRecords(source) if isinstance(source, ExportBundle) else source
