"""The point ACLED's coders use for a happening placed only at a first-level unit (geo_precision 3), per unit
(`data/geo_unit_points.csv`, written by `python -m thucydides.learn.unit_points` from ACLED's train split): most
often the unit's capital, not the unit's own centroid-like point, and often more than 25 km from it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_learned_rows

FILE = "geo_unit_points.csv"
COLUMNS = ("admin1", "name", "location", "lat", "lon", "train_rows", "share")


@dataclass(frozen=True)
class UnitPoint:
    """Where ACLED's train rows coded at one first-level unit (precision 3) are placed most often."""

    admin1: str
    """The gazetteer's first-level unit as its GeoNames 'CC.code' ('AF.11')."""
    name: str
    """ACLED's name of the unit ('Herat')."""
    location: str
    """ACLED's location for those rows ('Herat', the capital)."""
    lat: float
    lon: float
    train_rows: int
    """Precision-3 train rows of the unit at that location."""
    share: float
    """Their share of the unit's precision-3 train rows."""


@cache
def unit_points() -> Mapping[str, UnitPoint]:
    """'CC.code' -> the unit's point; a code of another shape or a point off the globe is a KnowledgeError."""
    out = {}
    for r in read_learned_rows(FILE, COLUMNS):
        if r["admin1"].count(".") != 1:
            raise KnowledgeError(f"{data_path(FILE)}: {r['name']}'s unit {r['admin1']!r} is no 'CC.code'")
        lat, lon = float(r["lat"]), float(r["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise KnowledgeError(f"{data_path(FILE)}: {r['name']}'s point {lat}, {lon} is off the globe")
        out[r["admin1"]] = UnitPoint(r["admin1"], r["name"], r["location"], lat, lon, int(r["train_rows"]),
                                     float(r["share"]))
    return out


def unit_code(place_id: str) -> str | None:
    """A first-level unit's place id ('adm1-AF-11') as its 'CC.code' ('AF.11'); None for another place."""
    if not place_id.startswith("adm1-"):
        return None
    return place_id.removeprefix("adm1-").replace("-", ".", 1)
