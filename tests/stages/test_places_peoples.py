"""A people's name is no sound-alike town abroad (`resolve.people_abroad`), on sentences we wrote: the peoples are
those ACLED's actor base names ethnic militias or groups by ('Maasai Ethnic Militia (Kenya)'). Real names as facts."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.recognize import Found, knowledge
from thucydides.geo.resolve import people_abroad, unit_of_the_name
from thucydides.knowledge.actors import actor_base
from thucydides.model import Place


def _town(name: str, country: str) -> Candidate:
    return Candidate(Place(name.lower(), name, 0.0, 0.0, "populated_place", country, ""), name, 2, "geonames")


def test_a_people_has_the_countries_of_its_militias_and_groups() -> None:
    assert {"KE", "TZ"} <= actor_base().people_countries("Maasai")
    assert actor_base().people_countries("Nairobi") == frozenset()


def test_a_sound_alike_abroad_goes_a_town_of_the_very_name_stays() -> None:
    maasai = Found(12, 18, "Maasai", "Maasai")  # "Hundreds of Maasai herders marched against the grazing ban."
    abroad, home = _town("Masai", "MY"), _town("Maasai Mara", "KE")
    assert people_abroad(maasai, [abroad, home]) == [home]
    beja = Found(0, 4, "Beja", "Beja")  # a people of Sudan, and a town in Portugal spelt the same
    same = Candidate(Place("b", "Beja", 38.0, -7.9, "populated_place", "PT", ""), "Beja", 2, "geonames")
    assert people_abroad(beja, [same]) == [same]


def test_a_name_that_is_no_people_keeps_its_candidates() -> None:
    town = _town("Kisumu", "KE")
    assert people_abroad(Found(0, 6, "Kisumu", "Kisumu"), [town]) == [town]


@pytest.mark.slow
@pytest.mark.parametrize("text, name", [
    ("Murle raiders drove off three hundred head of cattle at dawn and shot two herders dead.", "Murle"),
    ("Hundreds of Maasai herders marched against the grazing ban.", "Maasai"),
])
def test_a_people_named_as_doers_is_not_placed_abroad(analyse, text: str, name: str) -> None:
    """Both were read as sound-alike towns (Morley in England, Masai in Malaysia), and the raiders' militia was
    named for the United Kingdom."""
    place = resolved(analyse(text), name)
    assert place is None or place.country in actor_base().people_countries(name)

def test_a_unit_noun_the_parser_kept_in_the_span_names_the_unit(gazetteer_or_skip) -> None:
    """'Farmers fought herders in the Volta Region': the span came whole, never marked admin; Volta is the unit."""
    gaz = gazetteer_or_skip
    units = unit_of_the_name(Found(31, 43, "Volta Region", "Volta Region"), gaz, knowledge())
    assert units and all(c.place.kind in ("admin1", "admin2") for c in units)
    assert units[0].place.country == "GH"
    assert unit_of_the_name(Found(31, 36, "Volta", "Volta"), gaz, knowledge()) == []


def test_a_unit_known_with_its_noun_in_one_country_only_meets_its_namesake_units(gazetteer_or_skip) -> None:
    """'the Eastern Region': the gazetteer holds that form for Uganda's unit alone; Ghana's Eastern joins it
    (`resolve.namesake_units`), a bare name or a town's name is left as it was."""
    from thucydides.geo.resolve import namesake_units

    gaz = gazetteer_or_skip
    eastern = Found(40, 54, "Eastern Region", "Eastern Region")
    found = namesake_units(eastern, gaz.candidates("Eastern Region"), gaz, knowledge())
    assert {"UG", "GH"} <= {c.place.country for c in found}
    assert all(c.place.kind in ("admin1", "admin2") for c in found)
    bare = gaz.candidates("Eastern")
    assert namesake_units(Found(0, 7, "Eastern", "Eastern"), bare, gaz, knowledge()) == bare


@pytest.mark.slow
def test_a_namesake_unit_is_chosen_by_the_other_places_of_the_report(analyse) -> None:
    """Volta Region is Ghana's: the Eastern Region beside it is Ghana's too, not Uganda's."""
    place = resolved(analyse("Farmers fought cattle herders in the Eastern Region and in parts of the Volta Region "
                             "on Sunday, leaving three dead."), "Eastern Region")
    assert place is not None and place.country == "GH"


def test_a_name_told_as_a_unit_loses_its_towns_abroad_not_its_seat() -> None:
    """'Oromiya region': Ethiopia's unit, not Iran's town of a like spelling; 'Wajir county' keeps Kenya's town of
    the county's name beside the county (`resolve.told_as_unit`)."""
    from thucydides.geo.resolve import told_as_unit

    unit = Candidate(Place("u", "Oromia", 8.0, 39.0, "admin1", "ET", "Oromia"), "Oromiya", 1, "geonames")
    town = _town("Orumiyeh", "IR")
    assert told_as_unit(Found(0, 14, "Oromiya region", "Oromiya region"), [town, unit], knowledge()) == [unit]
    assert told_as_unit(Found(0, 7, "Oromiya", "Oromiya"), [town, unit], knowledge()) == [town, unit]
    seat, county = _town("Wajir", "KE"), Candidate(Place("w", "Wajir", 1.7, 40.0, "admin1", "KE", "Wajir"),
                                                   "Wajir", 2, "geonames")
    assert told_as_unit(Found(0, 12, "Wajir county", "Wajir county"), [seat, county], knowledge()) == [seat, county]


def test_a_town_qualified_by_its_own_name_lies_in_the_biggest_unit_of_it() -> None:
    """'San Juan (San Juan)': Argentina's province and Puerto Rico's unit each hold a town of the name; the more
    populous unit's pair is meant (`resolve.self_qualified`); a town qualified by another name is left alone."""
    from thucydides.geo.resolve import Pin, self_qualified

    def place(i: str, kind: str, country: str, population: int) -> Candidate:
        return Candidate(Place(i, "San Juan", 0.0, 0.0, kind, country, "San Juan", population=population),
                         "San Juan", 2, "geonames")

    towns = [place("pr", "populated_place", "PR", 418000), place("ar", "populated_place", "AR", 109000)]
    units = [place("upr", "admin1", "PR", 423000), place("uar", "admin1", "AR", 608000)]
    found = [Found(3, 11, "San Juan", "San Juan", within=13), Found(13, 21, "San Juan", "San Juan")]
    options = [list(towns), list(units)]
    self_qualified(found, options, Pin(0, 1))
    assert [c.place.id for c in options[0]] == ["ar"] and [c.place.id for c in options[1]] == ["uar"]
    other = [Found(3, 11, "San Juan", "San Juan", within=13), Found(13, 21, "Cuyo", "Cuyo")]
    options = [list(towns), list(units)]
    self_qualified(other, options, Pin(0, 1))
    assert options == [towns, units]


def test_a_town_qualified_by_its_own_name_in_a_sentence(analyse) -> None:
    """Nothing else in the report names a country: the pair of the bigger unit, Argentina's, is meant."""
    place = resolved(analyse("Nurses walked out of the main hospital in San Juan (San Juan) over months of unpaid "
                             "wages."), "San Juan")
    assert place is not None and place.country == "AR"


def test_a_unit_inside_a_state_holding_none_of_its_namesakes_keeps_none() -> None:
    """'(North Western, Tigray)': Zambia's and Sierra Leone's provinces lie in no Tigray; the zone is Tigray's, which
    the gazetteer lacks (`resolve.lost_unit`); a name with a town among its places, or held by the state, stays."""
    from thucydides.geo.resolve import lost_unit

    def unit(i: str, country: str, kind: str = "admin1") -> Candidate:
        return Candidate(Place(i, i, 0.0, 0.0, kind, country, i), i, 2, "geonames")

    zambia, leone, tigray = unit("North-Western", "ZM"), unit("North Western", "SL"), unit("Tigray", "ET")
    assert lost_unit([zambia, leone], [tigray])
    assert not lost_unit([zambia, _town("North Western", "ET")], [tigray])
    assert not lost_unit([zambia, leone], [unit("Zambia", "ZM", "country")])
    assert not lost_unit([], [tigray]) and not lost_unit([zambia], [])
    regency = Candidate(Place("n", "Nduga", 0.0, 0.0, "admin2", "ID", "Highland Papua"), "Nduga", 2, "geonames")
    assert not lost_unit([regency], [unit("Papua", "ID")])  # a unit of the state's country stays, held or not


def test_a_zone_the_gazetteer_lacks_leaves_the_report_in_its_region(analyse) -> None:
    """Nothing but the region places the report: Ethiopia's Tigray, not Zambia's province."""
    place = resolved(analyse("On Friday, soldiers shot two farmers near Adi Daero (North Western, Tigray)."), "Tigray")
    assert place is not None and place.country == "ET"
