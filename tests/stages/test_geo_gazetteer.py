"""Gazetteer build, lookup and imports: malformed files fail clearly and change nothing."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from thucydides.build.gazetteer import GazetteerImportError, write
from thucydides.build.importers import import_file
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer


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
