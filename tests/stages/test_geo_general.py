"""Places that generalise beyond one war, on sentences we wrote: whole names, names inside actor names,
facilities, a village in a named region against a namesake abroad, abstaining rather than guessing far away,
transliteration variants; the event's own place; and the runtime never importing the build tools."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from thucydides.geo.fold import fold, skeleton
from thucydides.geo.precision import event_place
from thucydides.model import Analysis, Place, Toponym


def countries(analysis: Analysis) -> set[str | None]:
    return {analysis.places[t.place].country for t in analysis.toponyms if t.place}


def resolved(analysis: Analysis, text: str) -> Place | None:
    hit = next((t for t in analysis.toponyms if t.text == text and t.place), None)
    return analysis.places[hit.place] if hit else None


# --- fast: folding, the event's place, the build boundary --------------------------------------

@pytest.mark.parametrize("variants", [
    ["Woldiya", "Weldiya", "Weldia"],
    ["Jawzjan", "Jowzjan", "Jawezjan"],
    ["Maarat", "Ma'arrat", "Maarrat"],
])
def test_transliteration_variants_share_a_skeleton(variants: list[str]) -> None:
    assert len({skeleton(fold(v)) for v in variants}) == 1, {v: skeleton(fold(v)) for v in variants}


def test_short_names_have_no_skeleton() -> None:
    """Two-letter skeletons would match half the gazetteer."""
    assert skeleton(fold("Aya")) == ""


def test_skeleton_lookup_finds_another_spelling(tmp_path: Path) -> None:
    from thucydides.build.gazetteer import write
    from thucydides.build.importers import import_file
    from thucydides.geo.gazetteer import Gazetteer

    path = tmp_path / "gaz.sqlite"
    write(path, [])
    src = tmp_path / "towns.csv"
    src.write_text("name,lat,lon,kind,country\nWeldiya,11.83,39.6,populated_place,ET\n", encoding="utf-8")
    import_file(src, path)
    gaz = Gazetteer(path)
    assert gaz.candidates("Woldiya") == []
    found = gaz.similar("Woldiya")
    assert [c.place.name for c in found] == ["Weldiya"] and 0.75 <= found[0].match < 1.0


def _place(pid: str, kind: str, country: str = "SD", admin1: str | None = "North Darfur") -> Place:
    return Place(pid, pid, 13.0, 25.0, kind, country, admin1)


def test_event_place_prefers_the_village_over_its_region() -> None:
    places = {p.id: p for p in (_place("region", "admin1"), _place("village", "populated_place"),
                                _place("country", "country", admin1=None))}
    toponyms = [Toponym(0, 6, "Sudan", "country"), Toponym(10, 22, "North Darfur", "region"),
                Toponym(30, 37, "village", "village")]
    got = event_place(toponyms, places, 0, 40)
    assert got is not None and got.place.id == "village" and got.geo_precision == 1


def test_event_place_precision_for_regions_and_vicinity() -> None:
    places = {"region": _place("region", "admin1"), "town": _place("town", "populated_place")}
    only_region = event_place([Toponym(0, 5, "X", "region")], places, 0, 10)
    near_town = event_place([Toponym(0, 5, "Y", "town", geo_precision=2)], places, 0, 10)
    assert only_region is not None and only_region.geo_precision == 3
    assert near_town is not None and near_town.geo_precision == 2


def test_event_place_keeps_to_the_clause_and_to_the_named_country() -> None:
    places = {"home": _place("home", "populated_place"), "abroad": _place("abroad", "populated_place", "IN", None),
              "sd": _place("sd", "country", admin1=None)}
    toponyms = [Toponym(0, 5, "A", "abroad"), Toponym(10, 15, "B", "home"), Toponym(20, 25, "S", "sd")]
    got = event_place(toponyms, places, 0, 30)
    assert got is not None and got.place.id == "home"  # the town inside the country the clause names
    assert event_place(toponyms, places, 40, 60) is None


RUNTIME = ("thucydides.geo.stage", "thucydides.geo.resolve", "thucydides.geo.recognize", "thucydides.geo.precision")


def test_runtime_modules_never_import_the_build_or_learn_packages() -> None:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in RUNTIME)
            + "bad = [m for m in sys.modules if m.startswith(('thucydides.build', 'thucydides.learn'))]\n"
              "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_library_says_how_to_build_a_missing_gazetteer(tmp_path: Path) -> None:
    from thucydides.geo.gazetteer import GazetteerMissing, open_gazetteer

    with pytest.raises(GazetteerMissing, match="thucydides gazetteer build"):
        open_gazetteer(tmp_path / "absent.sqlite")


def test_the_shipped_ranker_matches_the_features_the_code_computes() -> None:
    from thucydides.geo.features import ADMIT_FEATURES, CANDIDATE_FEATURES
    from thucydides.geo.ranker import ranker

    model = ranker()
    assert model.candidate_features == CANDIDATE_FEATURES and model.admit_features == ADMIT_FEATURES
    assert 0.0 < model.admit_below <= 1.0 and len(model.admit_weights) == len(ADMIT_FEATURES)


def test_demonyms_vote_for_their_country() -> None:
    from thucydides.geo.document import demonym_votes
    from thucydides.geo.recognize import knowledge

    assert demonym_votes("Somali and Kenyan troops met Sudanese envoys.", knowledge()) == \
        {"SO": 1.0, "KE": 1.0, "SD": 1.0}


def test_demonym_phrases_are_read_word_by_word_wherever_their_first_word_stands() -> None:
    """A phrase of several words counts across any non-letters between its words, in any case, in the order first met;
    a word that only begins with a people's name ("Sudanesey"), or ends with one ("xsudanese"), is none."""
    from thucydides.geo.document import demonym_votes
    from thucydides.geo.recognize import knowledge

    text = "Envoys of SOUTH -- 2 Sudanese origin met south Korean staff, not Sudanesey or xsudanese ones."
    assert list(demonym_votes(text, knowledge()).items()) == [("SS", 1.0), ("SD", 1.0), ("KR", 1.0)]
    assert demonym_votes("Sudanesey xsudanese", knowledge()) == {}


# --- slow: whole sentences through the pipeline ---------------------------------------------

@pytest.mark.slow
def test_a_camp_name_is_kept_whole_and_stays_in_the_report_country(analyse) -> None:
    a = analyse("Gunmen raided the Abu Shouk camp outside El Fasher in North Darfur, Sudanese officials said.")
    assert countries(a) <= {"SD"}
    assert not any(t.text in ("Abu", "Shouk") for t in a.toponyms)
    assert resolved(a, "North Darfur") is not None


@pytest.mark.slow
def test_a_two_word_town_is_one_place(analyse) -> None:
    a = analyse("Hundreds marched through Homa Bay on Tuesday to protest fuel prices in Kenya.")
    town = resolved(a, "Homa Bay")
    assert town is not None and town.country == "KE"


@pytest.mark.slow
def test_names_inside_group_names_are_not_places(analyse) -> None:
    a = analyse("Al Shabaab fighters ambushed a convoy near Mandera, Kenya. The Yesagyo militia denied any part.")
    assert not any(t.text in ("Al Shabaab", "Yesagyo") and t.place for t in a.toponyms)
    assert countries(a) <= {"KE"}


@pytest.mark.slow
def test_a_facility_resolves_to_its_place_or_stays_unresolved(analyse) -> None:
    a = analyse("A strike damaged the Al Aqsa hospital in Deir al-Balah, in the Gaza Strip, medics said.")
    assert countries(a) <= {"PS"}


@pytest.mark.slow
def test_a_village_in_a_named_region_beats_its_namesake_abroad(analyse) -> None:
    a = analyse("Fighters clashed near Mansura city in Ar-Raqqa countryside on Friday.")
    town = resolved(a, "Mansura")
    assert town is not None and town.country == "SY"


@pytest.mark.slow
def test_an_unknown_village_is_left_unresolved_rather_than_placed_abroad(analyse) -> None:
    a = analyse("Gunmen attacked Zqelmandoli village in the Mopti region of Mali overnight.")
    assert countries(a) <= {"ML"}


@pytest.mark.slow
def test_a_small_foreign_namesake_loses_to_the_report_country(analyse) -> None:
    a = analyse("Police dispersed protesters in Besi, West Nusa Tenggara, Indonesia, on Monday.")
    assert countries(a) <= {"ID"}
