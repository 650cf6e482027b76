"""Derive the compact place files we ship from the outside sources (run by hand, rarely).

    python -m thucydides.geo.derive ../shared/gazetteer/syria_civil_war_map.csv ../shared/data/boundaries

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


def main(argv: list[str]) -> int:
    csv_path, boundaries = Path(argv[0]), Path(argv[1])
    write_supplement(supplement_rows(csv_path), PACKAGE_DATA / "geo_syria_map.csv.gz")
    collection = {"type": "FeatureCollection", "features": admin1_features(boundaries)}
    (PACKAGE_DATA / "geo_admin1.geojson").write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
