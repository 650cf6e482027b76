"""CSV of claims: one row per figure, with who says so and the words that say it."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from thucydides.export.bundle import ExportBundle
from thucydides.export.contract import number
from thucydides.export.records import DocumentInfo, Records, as_records, pages
from thucydides.model import Claim, Place

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


def write_claims_csv(source: ExportBundle | Records, path: Path) -> None:
    records = as_records(source)
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for claims in pages(records.claims()):
            places = records.places_by_id(c.place for c in claims)
            docs = records.documents_by_id(c.doc for c in claims)
            writer.writerows(claim_row(c, places.get(c.place) if c.place else None, docs.get(c.doc)) for c in claims)
