"""A name with one place, introduced as a place, keeps it where only people's adjectives and actors, no other name,
place the report elsewhere (`resolve.only_place_of_its_name`, `over_peoples`): "a Russian tank fired near X" says
who acted, not where. Sentences written for the test; the places are real."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.document import DocumentGeography, Evidence, GeographyView
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import Mention, only_place_of_its_name
from thucydides.model import Place


def _mention(place_cue: bool = True) -> Mention:
    found = Found(12, 20, "Vardelle", "Vardelle", place_cue=place_cue, cue=True, ner="GPE")
    town = Candidate(Place("v", "Vardelle", 40.0, 30.0, "populated_place", "YY", "A1"), "Vardelle", 2, "acled")
    return Mention(found, "vardelle", [town], strong=True, plausible=True, common=False)


def test_a_view_knows_whether_another_name_votes() -> None:
    geo = DocumentGeography(demonyms={"XX": 1.0})
    assert not geo.view("vardelle").named
    geo.add("ostra", Evidence({"XX": 1.0}))
    assert geo.view("vardelle").named and not geo.view("ostra").named


def test_a_lone_name_keeps_its_place_against_peoples_adjectives_only() -> None:
    peoples = GeographyView({"XX": 1.0}, {}, frozenset({"XX"}), None)
    named = GeographyView({"XX": 1.0}, {}, frozenset(), None, named=True)
    assert only_place_of_its_name(_mention(), peoples, 25.0, over_peoples=True)
    assert not only_place_of_its_name(_mention(), peoples, 25.0)  # off
    assert not only_place_of_its_name(_mention(), named, 25.0, over_peoples=True)  # another name places it
    assert not only_place_of_its_name(_mention(place_cue=False), peoples, 25.0, over_peoples=True)  # no locative


@pytest.mark.slow
def test_an_embassy_of_another_people_does_not_move_the_district_it_stands_in(analyse) -> None:
    a = analyse("On Monday, fishermen burned tyres near the Malaysian Embassy in South Jakarta over a sea border row.")
    place = resolved(a, "South Jakarta")
    assert place is not None and place.country == "ID"
