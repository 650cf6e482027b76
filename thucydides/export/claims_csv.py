"""CSV of claims: one row per figure, with who says so and the words that say it."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from thucydides.export.bundle import ExportBundle
from thucydides.export.cells import safe_row
from thucydides.export.contract import number
from thucydides.export.contract_text import snapshot
from thucydides.export.records import DocumentInfo, Records, StoreRecords, as_records, pages
from thucydides.model import Claim, Place
from thucydides.store import raw
from thucydides.store import reconciled as rs
from thucydides.store import schema as t
from thucydides.store.db import Store

COLUMNS = [
    "claim_id", "document", "metric", "unit", "low", "high", "qualifier", "subject", "agent", "claimant",
    "place", "place_name", "lat", "lon", "time_start", "time_end", "evidence",
]


def claim_row(c: Claim, place: Place | None, doc: DocumentInfo | None) -> list[Any]:
    """One claim as the CSV's columns."""
    return [
        c.id, (doc.name or doc.id) if doc else c.doc, c.metric, c.unit, number(c.low), number(c.high),
        c.qualifier, c.subject, c.agent, c.claimant, c.place, place.name if place else None,
        place.lat if place else None, place.lon if place else None,
        c.time.start if c.time else None, c.time.end if c.time else None, c.evidence.text,
    ]


def _bundle_rows(records: Records) -> Iterator[list[Any]]:
    for claims in pages(records.claims()):
        places = records.places_by_id(c.place for c in claims)
        docs = records.documents_by_id(c.doc for c in claims)
        yield from (claim_row(c, places.get(c.place) if c.place else None, docs.get(c.doc)) for c in claims)


def _store_rows(store: Store) -> Iterator[list[Any]]:
    """The same rows straight from a store, in one joined scan (a claim, its place, its report's name):
    no claim objects, and of the stored JSON only the evidence text and the time's days are read."""
    c, p, d = raw.claims, t.places, t.documents
    query = (select(c.c.id, d.c.id, d.c.name, c.c.doc, c.c.metric, c.c.unit, c.c.low, c.c.high, c.c.qualifier,
                    c.c.subject, c.c.agent, c.c.claimant, c.c.place, p.c.name, p.c.lat, p.c.lon, c.c.time,
                    c.c.evidence)
             .outerjoin(p, p.c.id == c.c.place).outerjoin(d, d.c.id == c.c.doc).order_by(c.c.doc, c.c.id))
    with snapshot(store) as conn:
        for (claim, doc_id, doc_name, doc, metric, unit, low, high, qualifier, subject, agent, claimant, place,
             place_name, lat, lon, time, evidence) in rs.stream(conn, query):
            when = json.loads(time) if time else None
            yield [claim, (doc_name or doc_id) if doc_id else doc, metric, unit, number(low), number(high), qualifier,
                   subject, agent, claimant, place, place_name, lat, lon, when.get("start") if when else None,
                   when.get("end") if when else None, json.loads(evidence)["text"]]


def write_claims_csv(source: ExportBundle | Records, path: Path) -> None:
    records = as_records(source)
    rows = _store_rows(records.store) if isinstance(records, StoreRecords) else _bundle_rows(records)
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(safe_row(r) for r in rows)
