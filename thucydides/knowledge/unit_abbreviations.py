"""The capitals conflict records write for a first-level unit after a town and a comma ('(Town, KPK)'), each with
the unit's GeoNames 'CC.code' (`data/geo_unit_abbreviations.csv`, written by
`python -m thucydides.learn.unit_abbreviations` from ACLED's train notes); geo/recognize reads them like the
hand-listed ones (`admin1_abbreviations` in data/geo_places.yaml), which win over these."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_learned_rows

FILE = "geo_unit_abbreviations.csv"
COLUMNS = ("abbreviation", "admin1", "name", "train_rows")


@dataclass(frozen=True)
class UnitAbbreviation:
    """An abbreviation ACLED's train notes write for one first-level unit."""

    abbreviation: str
    """The capitals ('KPK')."""
    admin1: str
    """The gazetteer's first-level unit as its GeoNames 'CC.code' ('PK.03')."""
    name: str
    """ACLED's name of the unit ('Khyber Pakhtunkhwa')."""
    train_rows: int
    """Train notes writing the abbreviation for the unit."""


@cache
def unit_abbreviations() -> Mapping[str, str]:
    """Abbreviation -> its unit's 'CC.code'; a code of another shape is a KnowledgeError naming the file."""
    out = {}
    for r in read_learned_rows(FILE, COLUMNS):
        if r["admin1"].count(".") != 1:
            raise KnowledgeError(f"{data_path(FILE)}: {r['abbreviation']}'s unit {r['admin1']!r} is no 'CC.code'")
        out[r["abbreviation"]] = r["admin1"]
    return out
