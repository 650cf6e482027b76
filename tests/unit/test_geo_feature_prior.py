"""A sea, a range or a region listed by hand counts no people; in the priors it is no smaller a place for that
(`stages.places.feature_population`), and a town named after it is its namesake. Sentences and names we wrote."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import namesakes, people, prior_population
from thucydides.geo.ranker import places_settings
from thucydides.model import Place

SEA = Candidate(Place("sea", "Varnok Sea", 40.0, 30.0, "region", None, None), "Varnok", 1, "thucydides")
TOWN = Candidate(Place("t", "Varnok", 38.0, -92.0, "populated_place", "US", "MO", population=7_000), "Varnok", 2,
                 "geonames")
CITY = Candidate(Place("c", "Varnok", 38.0, -92.0, "populated_place", "US", "MO", population=900_000), "Varnok", 2,
                 "geonames")
MAPPED = Candidate(Place("m", "Varnok", 36.0, 37.0, "populated_place", "SY", "A1"), "Varnok", 2,
                   "wikipedia-syria-map")


def test_a_hand_listed_sea_counts_as_the_settings_population() -> None:
    assert prior_population(SEA) == places_settings().feature_population > 0


def test_other_places_with_no_people_stay_as_listed() -> None:
    assert prior_population(MAPPED) == 0
    assert prior_population(TOWN) == 7_000


def test_the_gates_count_a_sea_as_big_and_a_seat_with_no_people_as_none() -> None:
    """The gates' own town sizes are about people: a listed sea passes them, a seat GeoNames gives none does not."""
    seat = Candidate(Place("s", "Varnok", 38.0, -92.0, "populated_place", "US", "MO"), "Varnok", 2, "geonames")
    assert people(SEA) == places_settings().feature_population
    assert people(seat) == 0 < prior_population(seat)


def test_a_small_town_named_after_a_sea_is_its_namesake() -> None:
    assert namesakes([TOWN, SEA]).get("t") == "namesake"


def test_a_city_bigger_than_a_tenth_of_the_sea_is_not() -> None:
    assert "c" not in namesakes([CITY, SEA])


@pytest.mark.slow
def test_an_ocean_beats_the_towns_named_after_it(analyse) -> None:
    a = analyse("American crews flew supplies across the Pacific to the islands after the storm.")
    ocean = resolved(a, "Pacific")
    assert ocean is not None and ocean.kind == "region" and ocean.country is None


@pytest.mark.slow
def test_a_sea_beats_a_state_named_after_it(analyse) -> None:
    a = analyse("Two tankers were struck by drones in the Red Sea on Tuesday, the navy said.")
    sea = resolved(a, "Red Sea")
    assert sea is not None and sea.kind == "region"
