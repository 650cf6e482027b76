"""A small town after a locative word whose places by that name all lie in one country (`handset.lone_country`):
taken however small, unless a town of the report lies in another country or the outlet is at home elsewhere.
Invented places and sentences."""

from __future__ import annotations

import dataclasses

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo import recognize, resolve
from thucydides.geo.context import Points
from thucydides.geo.document import GeographyView
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.handset import lone_country
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import Found
from thucydides.model import Place

KM = 30.0


def _town(pid: str, lat: float, lon: float, country: str, weight: int = 2, population: int = 800) -> Candidate:
    return Candidate(Place(pid, "Vardelle", lat, lon, "populated_place", country, "A1", population=population),
                     "Vardelle", weight, "geonames")


NORTH = _town("n", 47.0, 1.0, "XX")
SOUTH = _town("s", 44.0, 2.0, "XX")
ABROAD = _town("a", 10.0, 20.0, "YY")
NEARBY_ABROAD = _town("b", 47.05, 1.05, "YY")
ALIAS_ABROAD = _town("c", 10.0, 20.0, "YY", weight=1)
NOWHERE = GeographyView({}, {}, frozenset(), None)
NO_POINTS = Points(())


def _after_in(**flags: object) -> Found:
    return Found(14, 22, "Vardelle", "Vardelle", **({"cue": True} | flags))  # type: ignore[arg-type]


def test_the_towns_of_one_country_are_taken_after_a_locative_word() -> None:
    assert lone_country(_after_in(), [NORTH, SOUTH], NOWHERE, NO_POINTS, KM) == [0, 1]


def test_without_a_locative_word_nothing_is_taken() -> None:
    assert lone_country(_after_in(cue=False), [NORTH], NOWHERE, NO_POINTS, KM) == []


def test_a_namesake_in_another_country_competes() -> None:
    assert lone_country(_after_in(), [NORTH, ABROAD], NOWHERE, NO_POINTS, KM) == []
    assert lone_country(_after_in(), [NORTH, ALIAS_ABROAD], NOWHERE, NO_POINTS, KM) == []


def test_a_namesake_across_a_border_nearby_is_the_same_place() -> None:
    assert lone_country(_after_in(), [NORTH, NEARBY_ABROAD], NOWHERE, NO_POINTS, KM) == [0, 1]


def test_a_country_named_does_not_rule_the_town_out() -> None:
    about = GeographyView({"ZZ": 2.0}, {}, frozenset(), None)
    countries_only = Points((), {"ZZ": 1.0}, settled=frozenset())
    assert lone_country(_after_in(), [NORTH], about, countries_only, KM) == [0]


def test_a_town_of_the_report_in_another_country_rules_it_out() -> None:
    elsewhere = Points((("z", 30.0, 30.0),), {"ZZ": 1.0}, settled=frozenset({"ZZ"}))
    assert lone_country(_after_in(), [NORTH], NOWHERE, elsewhere, KM) == []
    here = Points((("x", 46.0, 1.5),), {"XX": 1.0}, settled=frozenset({"XX"}))
    assert lone_country(_after_in(), [NORTH], NOWHERE, here, KM) == [0]


def test_an_outlet_at_home_elsewhere_rules_it_out() -> None:
    home = GeographyView({}, {}, frozenset(), "ZZ")
    assert lone_country(_after_in(), [NORTH], home, NO_POINTS, KM) == []


def test_a_person_or_a_facility_is_not_a_town() -> None:
    assert lone_country(_after_in(person_name=True), [NORTH], NOWHERE, NO_POINTS, KM) == []
    assert lone_country(_after_in(facility=True), [NORTH], NOWHERE, NO_POINTS, KM) == []


# --- slow: the whole pipeline, the real gazetteer --------------------------------------------------

TEACHERS = "Some sixty retired teachers rallied in Ruffec on Sunday against the Russian war on Ukraine."


@pytest.mark.slow
def test_a_small_french_town_in_a_report_about_the_war_in_ukraine_resolves(analyse, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Ruffec (about 4,000 people; two French communes bear the name) after "in"; Ukraine and Russia, named as what
    the rally was about, do not place the report. The rule is off in the shipped settings for any name after a
    locative word (see there) and on for a name where the verb's happening is (`recognize.mark_verb_arguments`):
    "rallied in Ruffec" resolves as shipped, with both off the town stays unresolved, and with the gate on alone
    it resolves again."""
    town = resolved(analyse(TEACHERS), "Ruffec")
    assert town is not None and town.country == "FR"
    shipped = recognize.recognition_settings()
    verbs_off = dataclasses.replace(shipped, verb_argument_towns=False)
    monkeypatch.setattr(recognize, "recognition_settings", lambda: verbs_off)
    assert resolved(analyse(TEACHERS), "Ruffec") is None
    places = places_settings()
    lone_on = dataclasses.replace(places, gates=dataclasses.replace(places.gates, lone_town=True))
    monkeypatch.setattr(resolve, "places_settings", lambda: lone_on)
    town = resolved(analyse(TEACHERS), "Ruffec")
    assert town is not None and town.country == "FR"
