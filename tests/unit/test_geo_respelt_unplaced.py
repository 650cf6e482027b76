"""A small town met only through another spelling stays unresolved where nothing vouches for that spelling: neither
the report's countries nor a conflict record placing the name (`resolve.respelt_unplaced`). Invented sentences and
village names; Brest (France) is a real town ACLED's train locations place."""

from __future__ import annotations

import dataclasses

from thucydides.geo.document import DocumentGeography, Evidence
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import coded
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import Mention, Resolution, respelt_only, respelt_unplaced
from thucydides.model import Place

SETTINGS = dataclasses.replace(places_settings(), respelt_unplaced_km=25.0, foreign_town_population=100000)


def _town(name: str, population: int = 3000, country: str = "YY", kind: str = "populated_place",
          match: float = 1.0, lat: float = 40.0, lon: float = 30.0) -> Candidate:
    return Candidate(Place("t", name, lat, lon, kind, country, "A1", population=population), name, 2, "geonames",
                     match)


def _resolve(written: str, c: Candidate, geo: DocumentGeography | None = None) -> Candidate | None:
    """'Gunmen raided the village of <written> at dawn.'"""
    f = Found(28, 28 + len(written), written, written, cue=True)
    m = Mention(f, fold(written), [c], True, True, False, pickable=[True])
    return respelt_unplaced(m, Resolution(f, c, 0.7, 1), geo or DocumentGeography(), SETTINGS).candidate


def _placed_in(country: str) -> DocumentGeography:
    geo = DocumentGeography()
    geo.add("somewhere", Evidence({country: 1.0}))
    return geo


def test_a_name_met_only_by_folding_in_a_report_nothing_places_stays_unresolved() -> None:
    assert respelt_only(Found(0, 9, "Vardellia", "Vardellia"), _town("Vardelliya"))
    assert _resolve("Vardellia", _town("Vardelliya")) is None


def test_a_name_met_only_by_its_skeleton_stays_unresolved() -> None:
    assert _resolve("Vardelo", _town("Vardella", match=0.8)) is None


def test_the_report_placing_the_town_country_vouches_for_the_spelling() -> None:
    town = _town("Vardelliya")
    assert _resolve("Vardellia", town, _placed_in("YY")) is town


def test_a_report_placed_elsewhere_does_not_vouch() -> None:
    assert _resolve("Vardellia", _town("Vardelliya"), _placed_in("XX")) is None


def test_a_name_spelt_as_written_accents_aside_is_kept() -> None:
    town = _town("Várdellia")
    assert not respelt_only(Found(0, 9, "Vardellia", "Vardellia"), town)
    assert _resolve("Vardellia", town) is town


def test_a_big_town_or_a_region_is_kept() -> None:
    city = _town("Vardelliya", population=250000)
    region = _town("Vardelliya", kind="admin1")
    assert _resolve("Vardellia", city) is city
    assert _resolve("Vardellia", region) is region


def test_a_conflict_record_placing_the_name_vouches_for_it() -> None:
    brest = _town("Brest", country="FR", lat=48.39, lon=-4.49)
    assert coded(fold("Bresst"), brest, SETTINGS.respelt_unplaced_km)
    assert _resolve("Bresst", brest) is brest


def test_a_name_of_several_words_is_kept() -> None:
    """'Jets struck Upper Vardellia at dawn': each word had to meet the town's name, no accident."""
    town = _town("Upper Vardelliya")
    assert _resolve("Upper Vardellia", town) is town


def test_only_a_town_is_left_unresolved() -> None:
    camp = _town("Vardelliya", kind="facility")
    assert _resolve("Vardellia", camp) is camp
