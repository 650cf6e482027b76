"""A name told as a town's ("X city", "the town of X") means a town, not a province or a country of that name
(`resolve.told_as_town`). Sentences we wrote; real names as facts."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.recognize import Found, annotate_context, knowledge
from thucydides.geo.resolve import told_as_town
from thucydides.model import Place


def _place(name: str, kind: str, country: str) -> Candidate:
    return Candidate(Place(f"{name}-{country}".lower(), name, 0.0, 0.0, kind, country, ""), name, 2, "geonames")


def _found(text: str, name: str) -> Found:
    start = text.index(name)
    return annotate_context(text, Found(start, start + len(name), name, name), knowledge())


@pytest.mark.parametrize("text, name, town", [
    ("Nurses marched to the governor's office in Amara city on Sunday.", "Amara", True),
    ("Police detained four students in the city of Leon overnight.", "Leon", True),
    ("Farmers blocked the road near Ambo town.", "Ambo", True),
    ("Farmers blocked the road near Ambo.", "Ambo", False),
    ("Amara's city council met on Monday.", "Amara", False),
    ("Fighting spread across the City of Leon district.", "Leon", False),
])
def test_a_town_noun_tells_a_town(text: str, name: str, town: bool) -> None:
    assert _found(text, name).town is town


def test_told_as_town_the_areas_of_the_name_go() -> None:
    region, town = _place("Amara", "admin1", "ET"), _place("Amara", "populated_place", "IQ")
    said = _found("Nurses marched in Amara city on Sunday.", "Amara")
    assert told_as_town(said, [region, town]) == [town]
    bare = _found("Nurses marched in Amara on Sunday.", "Amara")
    assert told_as_town(bare, [region, town]) == [region, town]
    assert told_as_town(said, [region]) == [region]  # no town of the name: nothing to prefer


@pytest.mark.slow
def test_a_city_named_like_a_region_abroad_is_the_city(analyse) -> None:
    """Ethiopia's Amhara region is spelt Amara in the gazetteer, and outweighs Iraq's Amara; 'city' says which."""
    place = resolved(analyse("On 3 March 2022, gunmen shot dead a shopkeeper in Amara city."), "Amara")
    assert place is not None and place.country == "IQ"


@pytest.mark.slow
def test_a_town_named_before_its_province_stays_in_it(analyse) -> None:
    """Sorong's own entry lies in a newer province than West Papua, its district's in West Papua: the pin keeps
    the district, and the town noun does not take it away."""
    place = resolved(analyse("Students rallied outside the mayor's office in Sorong city (West Papua province)."),
                     "Sorong")
    assert place is not None and place.country == "ID"
