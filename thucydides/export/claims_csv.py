"""CSV of claims: one row per figure, with who says so and the words that say it."""

from __future__ import annotations

import csv
from pathlib import Path

from thucydides.export.bundle import ExportBundle
from thucydides.export.cells import safe_row
from thucydides.export.contract import number

COLUMNS = [
    "claim_id", "document", "metric", "unit", "low", "high", "qualifier", "subject", "agent", "claimant",
    "place", "place_name", "lat", "lon", "time_start", "time_end", "evidence",
]


def write_claims_csv(bundle: ExportBundle, path: Path) -> None:
    places = {p.id: p for p in bundle.places}
    names = {d.id: d.name or d.id for d in bundle.documents}
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for c in bundle.claims:
            place = places.get(c.place) if c.place else None
            writer.writerow(safe_row([
                c.id, names.get(c.doc, c.doc), c.metric, c.unit, number(c.low), number(c.high), c.qualifier,
                c.subject, c.agent, c.claimant, c.place, place.name if place else None,
                place.lat if place else None, place.lon if place else None,
                c.time.start if c.time else None, c.time.end if c.time else None, c.evidence.text,
            ]))
