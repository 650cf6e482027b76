"""The point ACLED's coders use for a happening placed only at a first-level unit (`data/geo_unit_points.csv`, read
by knowledge.unit_points; events/where's `unit_point` step moves such a happening there).

    python -m thucydides.learn.unit_points [--acled ../shared/data/acled/events.csv] [--out FILE]
    (THUCYDIDES_GAZETTEER set: the units' codes are the gazetteer's GeoNames first-level units)

ACLED codes a happening its source places only at a province, region or state with geo_precision 3 at a point of
its own choosing, most often the unit's capital; the gazetteer's point for the unit is centroid-like, often more
than 25 km away. For each country and admin1 of the **train** split (never dev), the location its precision-3 rows
are placed at most often, at the median of those rows' points, is kept where at least `min_support` rows are there
and they are at least `min_share` of the unit's precision-3 rows (settings `unit_point_learning`). Prints how many
precision-3 train rows lie within 25 km of the unit's gazetteer point and of the learned one, and how far the
learned points lie from the gazetteer's.
"""

from __future__ import annotations

import csv
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from thucydides.geo.distance import km
from thucydides.geo.gazetteer import default_path, open_gazetteer
from thucydides.knowledge import data_path
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.knowledge.unit_points import COLUMNS, FILE, UnitPoint
from thucydides.learn.corpora import acled_parser, acled_split_rows, parse_acled_args

NEAR_KM = 25.0
"""The benchmark's tight radius, for the printed check."""


@dataclass(frozen=True)
class UnitPointSettings:
    """Settings section `unit_point_learning`."""

    min_support: int
    """Precision-3 train rows of the unit at the location."""
    min_share: float
    """Their share of the unit's precision-3 train rows."""


def _letters(s: str) -> str:
    """'Ma’rib' and 'Marib', 'Herāt' and 'Herat' alike: the base letters only, upper-cased."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return re.sub(r"[^A-Z0-9]", "", plain.upper())


Key = tuple[str, str]
Points = dict[Key, dict[str, list[tuple[float, float]]]]


def collect(rows: Iterable[Mapping[str, str]]) -> Points:
    """(country, admin1) -> location -> the points of the unit's precision-3 rows there."""
    out: Points = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r["geo_precision"].strip() == "3" and r["admin1"].strip() and r["latitude"] and r["longitude"]:
            out[(r["country"], r["admin1"].strip())][r["location"].strip()].append(
                (float(r["latitude"]), float(r["longitude"])))
    return out


class GazetteerUnits:
    """The gazetteer's first-level units by ACLED's country and unit name, letters only ('Ma’rib' is 'Marib'), else
    by the gazetteer's other names of the unit ('Donetsk' is 'Donetska oblast')."""

    def __init__(self, path: Path) -> None:
        self.gazetteer = open_gazetteer(path)
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.countries = countries()
        self.units: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
        for pid, name, country, lat, lon in con.execute(
                "select id, name, country, lat, lon from places where kind = 'admin1'"):
            self.units[(country, _letters(name))].append((pid, lat, lon))

    def unit(self, name: str, acled_country: str) -> tuple[str, float, float] | None:
        """The one unit of that name in that country as ('CC.code', lat, lon) (None: none, or more than one)."""
        country = self.countries.code_of_name(acled_country) or ""
        hits = self.units.get((country, _letters(name)), [])
        if not hits:
            hits = [(c.place.id, c.place.lat, c.place.lon) for c in self.gazetteer.candidates(name)
                    if c.place.kind == "admin1" and c.place.country == country]
        if len(hits) != 1:
            return None
        pid, lat, lon = hits[0]
        return pid.removeprefix("adm1-").replace("-", ".", 1), lat, lon


def learn(points: Points, settings: UnitPointSettings, units: GazetteerUnits) -> list[UnitPoint]:
    """The units' points that pass the settings and whose unit the gazetteer knows, in order of code."""
    out = []
    for (country, admin1), where in points.items():
        total = sum(len(p) for p in where.values())
        location, pts = max(where.items(), key=lambda kv: (len(kv[1]), kv[0]))
        unit = units.unit(admin1, country)
        if unit is None or len(pts) < settings.min_support or len(pts) < settings.min_share * total:
            continue
        out.append(UnitPoint(unit[0], admin1, location, round(median(p[0] for p in pts), 4),
                             round(median(p[1] for p in pts), 4), len(pts), round(len(pts) / total, 3)))
    return sorted(out, key=lambda u: u.admin1)


def report(points: Points, learned: Sequence[UnitPoint], units: GazetteerUnits) -> None:
    """How many precision-3 train rows each point puts within 25 km, and how far the learned points moved."""
    by_name = {u.name: u for u in learned}
    rows = near_unit = near_learned = 0
    moves: list[float] = []
    for (country, admin1), where in points.items():
        unit, point = units.unit(admin1, country), by_name.get(admin1)
        if unit is None or point is None or unit[0] != point.admin1:
            continue
        moves.append(km(unit[1], unit[2], point.lat, point.lon))
        for p in (p for pts in where.values() for p in pts):
            rows += 1
            near_unit += km(unit[1], unit[2], *p) <= NEAR_KM
            near_learned += km(point.lat, point.lon, *p) <= NEAR_KM
    total = sum(len(p) for where in points.values() for p in where.values())
    print(f"precision-3 train rows {total}; in the {len(learned)} learned units {rows}: within {NEAR_KM:g} km of the "
          f"unit's gazetteer point {near_unit}, of the learned point {near_learned}")
    if moves:
        moves.sort()
        print(f"learned point from the gazetteer's: median {median(moves):.0f} km, "
              f"over 25 km {sum(m > NEAR_KM for m in moves)}, over 100 km {sum(m > 100 for m in moves)}, "
              f"largest {moves[-1]:.0f} km")


def write(path: Path, learned: Sequence[UnitPoint]) -> None:
    """The table, its lines ended by '\\n' (the shipped file's bytes)."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows((u.admin1, u.name, u.location, u.lat, u.lon, u.train_rows, u.share) for u in learned)


def main(argv: Sequence[str] | None = None) -> int:
    a = parse_acled_args(acled_parser(__doc__, data_path(FILE)), argv)
    points = collect(acled_split_rows(a.acled, "train",
                                      ("country", "admin1", "location", "latitude", "longitude", "geo_precision")))
    units = GazetteerUnits(default_path())
    learned = learn(points, section("unit_point_learning", UnitPointSettings), units)
    write(a.out, learned)
    report(points, learned, units)
    print(f"{len(learned)} units' points -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
