"""Import place files into an existing gazetteer: GeoNames dumps and CSV supplements.

Every file is parsed and validated completely before the gazetteer is touched; a malformed
line raises `GazetteerImportError` naming the file and line, and the gazetteer stays as it
was. Valid files are written in one transaction.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from thucydides.build.gazetteer import GazetteerImportError, PlaceRecord, insert, read_place_csv
from thucydides.geo.fold import fold, is_latin, skeleton
from thucydides.geo.gazetteer import INDEXES, SCHEMA
from thucydides.model import Place

GEONAMES_COLUMNS = 19
FEATURE_KINDS = {"PCLI": "country", "PCL": "country", "ADM1": "admin1", "ADM2": "admin2", "STM": "river",
                 "RGN": "region", "DSRT": "region", "VAL": "region", "MTS": "region", "PLN": "region"}


def kind_of(feature_class: str, feature_code: str) -> str | None:
    """The contract kind of a GeoNames feature; None for features we do not keep (hotels, wells ...)."""
    if feature_class == "P":
        return "populated_place"
    if feature_code in FEATURE_KINDS:
        return FEATURE_KINDS[feature_code]
    if feature_class == "S" and feature_code in ("AIRP", "AIRB", "MILB", "INSM", "DAM", "BDG", "PRN", "CMP"):
        return "facility"
    return None


def lines_of(path: Path) -> Iterator[tuple[str, str]]:
    """(label, text) of each data file: a .txt/.csv file or every data .txt inside a .zip."""
    if path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as zf:
                for member in zf.namelist():
                    if member.endswith(".txt") and not member.lower().startswith(("readme", "iso-languagecodes")):
                        yield f"{path}:{member}", zf.read(member).decode("utf-8")
        except zipfile.BadZipFile as exc:
            raise GazetteerImportError(f"{path}: not a readable zip file: {exc}") from exc
        return
    try:
        yield str(path), path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GazetteerImportError(f"{path}: not UTF-8 text: {exc}") from exc


def parse_geonames(text: str, label: str) -> list[PlaceRecord]:
    """GeoNames dump rows (19 tab-separated columns) -> places; validates every line."""
    out = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            rec = _geonames_row(line.split("\t"), f"{label}: line {lineno}")
            if rec is not None:
                out.append(rec)
    return out


def _numbers(cols: list[str], where: str) -> tuple[int, float, float, int]:
    """Id, latitude, longitude and population of a dump row, checked."""
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        pop = int(cols[14] or 0)
    except ValueError as exc:
        raise GazetteerImportError(f"{where}: bad number: {exc}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GazetteerImportError(f"{where}: coordinates out of range: {lat}, {lon}")
    return gid, lat, lon, pop


def _geonames_row(cols: list[str], where: str) -> PlaceRecord | None:
    """One checked dump row as a place; None for a feature class the gazetteer does not keep."""
    if len(cols) != GEONAMES_COLUMNS:
        raise GazetteerImportError(f"{where}: expected {GEONAMES_COLUMNS} tab-separated columns "
                                   f"(a GeoNames dump), got {len(cols)}")
    gid, lat, lon, pop = _numbers(cols, where)
    kind = kind_of(cols[6], cols[7])
    if kind is None:
        return None
    aliases = [a for a in cols[3].split(",") if a and is_latin(a)]
    if cols[2] and cols[2] != cols[1]:
        aliases.append(cols[2])
    return PlaceRecord(Place(id=f"gn-{gid}", name=cols[1], lat=lat, lon=lon, kind=kind, country=cols[8] or None,
                       admin1=f"{cols[8]}.{cols[10]}" if cols[10] else None, geonameid=gid, population=pop),
                       source="geonames-import", aliases=aliases)


def parse_alternate_names(text: str, label: str) -> list[tuple[int, str]]:
    """GeoNames alternateNames rows -> (geonameid, name) for Latin names (links and codes skipped)."""
    out = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) < 4:
            raise GazetteerImportError(f"{label}: line {lineno}: expected at least 4 tab-separated columns "
                                       f"(a GeoNames alternate names file), got {len(cols)}")
        try:
            gid = int(cols[1])
        except ValueError as exc:
            raise GazetteerImportError(f"{label}: line {lineno}: geonameid is not a number: {cols[1]!r}") from exc
        if cols[2] in ("link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc") or not is_latin(cols[3]):
            continue
        out.append((gid, cols[3]))
    return out


def is_alternate_names(label: str, text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return "alternate" in label.lower() or (len(first.split("\t")) in (4, 8, 10) and "\t" in first)


def import_file(path: Path, gazetteer: Path) -> int:
    """Validate `path` completely, then add its places (or names) to the gazetteer; returns rows added."""
    path = Path(path)
    if not path.is_file():
        raise GazetteerImportError(f"{path}: no such file")
    places: list[PlaceRecord] = []
    alternates: list[tuple[int, str]] = []
    for label, text in lines_of(path):
        if path.suffix.lower() == ".csv" or label.lower().endswith(".csv"):
            places += read_place_csv(io.StringIO(text), label)
        elif is_alternate_names(label, text):
            alternates += parse_alternate_names(text, label)
        else:
            places += parse_geonames(text, label)
    con = sqlite3.connect(gazetteer)
    con.create_function("skel", 1, skeleton, deterministic=True)
    try:
        with con:  # one transaction: all or nothing
            con.executescript(SCHEMA)
            insert(con, places, replace=True)
            con.executemany("INSERT INTO names SELECT ?, id, ?, 1 FROM places WHERE geonameid = ?",
                            [(fold(name), name, gid) for gid, name in alternates])
            con.executescript(INDEXES)
            con.execute("INSERT OR IGNORE INTO skeletons SELECT DISTINCT skel(key), key FROM names"
                        " WHERE skel(key) != ''")
    finally:
        con.close()
    return len(places) + len(alternates)
