"""A name told as a town's ("X city", "the town of X") means a town, not a province or a country of that name
(`resolve.told_as_town`); a strong name standing alone is no small or alternately named place abroad
(`handset.obscure_abroad`), nor is the first pass's seed (`resolve.first_guess`). Sentences we wrote; real names as
facts."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.document import GeographyView
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.handset import town_abroad
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


def test_only_a_town_abroad_is_obscure_never_a_country_by_another_name() -> None:
    """A report about Ghana: a small town of Israel met by an alternate name is obscure there; Britain, the United
    Kingdom's other name, is not (the seed and the strong gate skip only towns)."""
    view = GeographyView({"GH": 1.0}, {}, frozenset(), None)
    alias = Candidate(Place("acre", "Acre", 32.9, 35.1, "populated_place", "IL", ""), "Akoon", 1, "geonames")
    britain = Candidate(Place("gb", "United Kingdom", 54.0, -2.0, "country", "GB", None), "Britain", 1, "geonames")
    home = Candidate(Place("tarkwa", "Tarkwa", 5.3, -2.0, "populated_place", "GH", ""), "Tarkwa", 2, "geonames")
    found = Found(0, 5, "Akoon", "Akoon")
    assert town_abroad(found, alias, view, 100_000)
    assert not town_abroad(found, britain, view, 100_000)
    assert not town_abroad(found, home, view, 100_000)


@pytest.mark.slow
def test_a_city_named_like_a_region_abroad_is_the_city(analyse) -> None:
    """Ethiopia's Amhara region is spelt Amara in the gazetteer, and outweighs Iraq's Amara; 'city' says which."""
    place = resolved(analyse("On 3 March 2022, gunmen shot dead a shopkeeper in Amara city."), "Amara")
    assert place is not None and place.country == "IQ"


@pytest.mark.slow
def test_a_town_named_before_its_province_stays_in_it(analyse) -> None:
    """Sorong's own entry lies in a newer province than West Papua, its district's in West Papua: the pin keeps
    the district, and the town noun does not take it away."""
    place = resolved(analyse("Students blocked traffic near the port of Sorong city (West Papua province) on Friday."),
                     "Sorong")
    assert place is not None and place.country == "ID"


@pytest.mark.slow
def test_a_two_word_name_is_no_small_town_abroad(analyse) -> None:
    """'At Taynah' is a Japanese town's alternate name; the report is about Yemen (Midi, Hajjah): the village is
    one the gazetteer lacks, and the happening is placed in Yemen."""
    analysis = analyse("On 9 May 2022, coast guards fired at fishermen in At Taynah (Midi, Hajjah).")
    place = resolved(analysis, "At Taynah")
    assert place is None or place.country == "YE"


@pytest.mark.slow
def test_a_seed_abroad_does_not_crowd_out_the_report_s_town(analyse) -> None:
    """Kiranja sounds like an Indian town; seeded there, Kerugoya (Kenya) fit nothing in the first pass and Kiranja,
    alone in the second, went to India. Seeds are no small or alternately named place abroad
    (`resolve.first_guess`)."""
    analysis = analyse("A group of youths rioted to disrupt a vote in Kiranja. Police from Kerugoya dispersed them.")
    kerugoya, kiranja = resolved(analysis, "Kerugoya"), resolved(analysis, "Kiranja")
    assert kerugoya is not None and kerugoya.country == "KE"
    assert kiranja is None or kiranja.country == "KE"


@pytest.mark.slow
def test_a_city_abroad_met_by_another_spelling_is_still_the_city(analyse) -> None:
    """A report datelined in Moscow implies Russia; 'Zaporizhzhia' is the Ukrainian city's alternate spelling in the
    gazetteer. A city of its size is no obscure namesake: it stays the city, not its province."""
    analysis = analyse("MOSCOW, June 7, 2023 - Russia's defence ministry said 4 civilians were killed on Wednesday "
                       "in Zaporizhzhia.")
    place = resolved(analysis, "Zaporizhzhia")
    assert place is not None and place.country == "UA" and place.kind == "populated_place"
