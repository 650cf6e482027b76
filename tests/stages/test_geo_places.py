"""The places stage over short texts we wrote: recognition, resolution, precision, robustness."""

from __future__ import annotations

import pytest

from thucydides.geo.distance import km
from thucydides.model import Analysis

pytestmark = pytest.mark.slow


def placed(analysis: Analysis) -> dict[str, tuple[float, float, str]]:
    """Mention text -> (lat, lon, kind) of every resolved toponym."""
    out = {}
    for t in analysis.toponyms:
        if t.place:
            p = analysis.places[t.place]
            out[t.text] = (p.lat, p.lon, p.kind)
    return out


def test_transliterated_villages_resolve_near_each_other(analyse) -> None:
    a = analyse("Fighters advanced from Hajin towards al-Sousah in Deir ez-Zor Province on Monday.")
    got = placed(a)
    assert "al-Sousah" in got and "Hajin" in got
    lat, lon, _ = got["al-Sousah"]
    assert km(lat, lon, 34.53, 40.96) < 15  # the Syrian village, not Sousse in Tunisia


def test_province_pattern_gives_admin1_and_region_precision(analyse) -> None:
    a = analyse("Clashes were reported in Idlib Province and near Aleppo.")
    provinces = [t for t in a.toponyms if t.text.endswith("Province")]
    assert provinces and provinces[0].place
    assert a.places[provinces[0].place].kind == "admin1"
    assert provinces[0].geo_precision == 3


def test_vicinity_gives_precision_two(analyse) -> None:
    a = analyse("Shelling hit the western countryside of Aleppo, 10 km west of Aleppo city, on Tuesday.")
    precisions = {t.geo_precision for t in a.toponyms if t.place and "Aleppo" in t.text}
    assert 2 in precisions


def test_border_of_two_countries_is_a_place(analyse) -> None:
    a = analyse("Troops patrolled the Syrian-Iraqi border near the town of Al-Qaim.")
    borders = [t for t in a.toponyms if "border" in t.text]
    assert borders and borders[0].place
    assert a.places[borders[0].place].kind == "border"


def test_common_words_and_person_names_are_not_places(analyse) -> None:
    a = analyse("Back To Top. Link to the image. Spokesman Mustafa Bali said the Round Up operation goes on in Syria.")
    texts = {t.text for t in a.toponyms if t.place}
    assert not texts & {"Back", "Top", "Link", "Bali", "Round"}
    assert "Syria" in texts


def test_country_as_modifier_is_not_a_place(analyse) -> None:
    a = analyse("US President Donald Trump visited troops at US bases in Iraq.")
    texts = [t.text for t in a.toponyms if t.place]
    assert "Iraq" in texts
    assert "US" not in texts


def test_unknown_name_stays_unresolved_and_never_fails(analyse) -> None:
    a = analyse("Residents fled Zqxwvillebad, a town in Syria, on Friday.")
    assert not [w for w in a.warnings if w.startswith("places")]
    assert all(t.text != "Zqxwvillebad" or t.place is None for t in a.toponyms)


def test_offsets_index_the_document_text(analyse) -> None:
    a = analyse("Airstrikes hit Raqqa and Deir ez-Zor.\nLater, Mosul was quiet.")
    for t in a.toponyms:
        assert a.document.text[t.start:t.end] == t.text


def resolved(analysis: Analysis, text: str):
    """The place of the first toponym written `text`, or None."""
    hit = next((t for t in analysis.toponyms if t.text == text and t.place), None)
    return analysis.places[hit.place] if hit else None


def test_town_comma_state_pins_the_town_inside_the_state(analyse) -> None:
    a = analyse("A fire destroyed a barn near Alexandria, Louisiana, on Sunday night.")
    town = resolved(a, "Alexandria")
    assert town is not None and town.country == "US" and town.admin1 == "Louisiana"


def test_state_abbreviation_after_a_town_is_read_as_the_state(analyse) -> None:
    a = analyse("The company opened a plant in Richmond, Va., last spring.")
    town, state = resolved(a, "Richmond"), resolved(a, "Va.")
    assert town is not None and town.admin1 == "Virginia"
    assert state is not None and state.kind == "admin1" and state.name == "Virginia"


def test_a_county_brings_the_towns_of_its_state(analyse) -> None:
    a = analyse("Deputies from Rapides Parish searched a house in Alexandria on Friday.")
    county, town = resolved(a, "Rapides Parish"), resolved(a, "Alexandria")
    assert county is not None and county.kind == "admin2"
    assert town is not None and town.admin1 == "Louisiana"  # not the Egyptian city, for all its size


def test_streets_and_people_named_after_places_are_not_places(analyse) -> None:
    a = analyse("Sheriff Bob Jones said the suspect lived on Memphis Street in Dallas.")
    texts = {t.text for t in a.toponyms if t.place}
    assert "Dallas" in texts
    assert not texts & {"Memphis", "Jones"}


def test_an_upper_case_dateline_is_a_place(analyse) -> None:
    a = analyse("NAIROBI — Health officials reported new cases on Monday.")
    city = resolved(a, "NAIROBI")
    assert city is not None and km(city.lat, city.lon, -1.28, 36.82) < 15


def test_states_and_continents_are_areas_not_namesake_towns(analyse) -> None:
    a = analyse("Growers in California, Oregon and Washington reported losses, as did farms across Africa.")
    california, africa = resolved(a, "California"), resolved(a, "Africa")
    assert california is not None and california.kind == "admin1"
    assert africa is not None and africa.kind == "region" and africa.country is None


def test_a_famous_city_beats_a_village_that_has_its_name_only_as_an_alias(analyse) -> None:
    a = analyse("Pilgrims from Ohio travelled to Jerusalem for the holiday.")
    city = resolved(a, "Jerusalem")
    assert city is not None and km(city.lat, city.lon, 31.78, 35.22) < 15


def test_a_country_sits_at_its_conventional_point(analyse) -> None:
    a = analyse("Officials in Canada confirmed the report.")
    country = resolved(a, "Canada")
    assert country is not None and country.kind == "country"
    assert km(country.lat, country.lon, 60.0, -95.0) < 100


def test_the_outlets_country_breaks_ties_the_report_leaves_open(analyse) -> None:
    text = "Police in Richmond said the road would reopen on Monday."
    british = resolved(analyse(text, url="https://news.example.co.uk/local/1"), "Richmond")
    unknown = resolved(analyse(text, url="https://news.example.com/local/1"), "Richmond")
    assert british is not None and british.country == "GB"
    assert unknown is not None and unknown.country == "US"  # the biggest Richmond when the outlet says nothing


def test_vanity_domains_say_nothing_about_the_outlet() -> None:
    from thucydides.geo.document import home_country

    assert home_country("https://www.example.co.uk/a") == "GB"
    assert home_country("https://example.tv/a") is None
    assert home_country("https://example.com/a") is None
    assert home_country(None) is None


def test_a_name_before_a_resident_noun_is_a_place(analyse) -> None:
    a = analyse("A Gainesville man was charged on Tuesday after a crash in Hall County, Georgia.")
    town = resolved(a, "Gainesville")
    assert town is not None and town.admin1 == "Georgia"  # the one in the state the report names
