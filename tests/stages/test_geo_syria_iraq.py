"""Places in Syrian and Iraqi reporting, over sentences we wrote: names spaCy mislabels, namesakes on the
war map, seats without a population, names split in two, and reports whose actors are the only context."""

from __future__ import annotations

import pytest

from thucydides.build.gazetteer import suffix_free
from thucydides.geo.distance import km
from thucydides.geo.document import actor_countries
from thucydides.geo.features import namesakes
from thucydides.geo.gazetteer import open_gazetteer
from thucydides.model import Analysis

pytestmark = pytest.mark.slow


def where(analysis: Analysis, text: str) -> tuple[float, float] | None:
    """Point of the first toponym written `text`, None when it is unresolved or absent."""
    for t in analysis.toponyms:
        if t.text == text and t.place:
            p = analysis.places[t.place]
            return p.lat, p.lon
    return None


def near(point: tuple[float, float] | None, lat: float, lon: float, tol_km: float = 15) -> bool:
    return point is not None and km(point[0], point[1], lat, lon) <= tol_km


def test_town_followed_by_its_outskirts_is_a_place(analyse) -> None:
    a = analyse("Jets struck Khan Sheikhoun and its outskirts at dawn, a monitor said.")
    assert near(where(a, "Khan Sheikhoun"), 35.44, 36.65)


def test_name_before_a_site_noun_is_a_place(analyse) -> None:
    a = analyse("Rebels handed over the Nasib crossing after talks in Daraa.")
    assert near(where(a, "Nasib"), 32.55, 36.18)


def test_hill_named_on_the_map_as_a_base_is_found_by_its_name(analyse) -> None:
    a = analyse("The army took the strategic Tal al-Harra hill near Daraa.")
    assert near(where(a, "Tal al-Harra"), 33.06, 35.99)


def test_seat_without_population_beats_a_map_village_of_its_name(analyse) -> None:
    a = analyse("Turkish shells hit the outskirts of Ras al-Ain, the Kurdish-led SDF said.")
    assert near(where(a, "Ras al-Ain"), 36.85, 40.07)


def test_map_villages_yield_to_a_geonames_town_of_the_same_name() -> None:
    gaz = open_gazetteer()
    cs = gaz.candidates("Ras al-Ain")
    map_ids = {c.place.id for c in cs if c.source == "wikipedia-syria-map"}
    assert map_ids and map_ids <= set(namesakes(cs))


def test_region_yields_to_the_big_town_of_its_name(analyse) -> None:
    a = analyse("Lorries waited for hours between Zakho and Duhok.")
    assert near(where(a, "Duhok"), 36.87, 42.99, 10)


def test_two_known_words_of_one_unknown_name_are_not_two_places(analyse) -> None:
    a = analyse("Rockets hit near the Bai Hassan field in Kirkuk.")
    countries = {p.country for p in a.places.values()}
    assert countries <= {"IQ"}
    assert near(where(a, "Kirkuk"), 35.47, 44.39)


def test_actors_keep_a_placeless_report_in_their_theatre(analyse) -> None:
    a = analyse("ISIS cells attacked a checkpoint in Rumaila.")
    assert all(p.country in ("SY", "IQ") for p in a.places.values())


def test_actor_countries_come_from_the_data_file() -> None:
    assert actor_countries(["SDF"]) == {"SY"}
    assert actor_countries(["ISIS", "PMF"]) == {"SY", "IQ"}
    assert actor_countries(["UN"]) == frozenset()


def test_town_that_spacy_calls_a_thing_after_entered(analyse) -> None:
    a = analyse("SDF fighters entered Manbij.")
    assert near(where(a, "Manbij"), 36.53, 37.95)


def test_town_alone_in_a_one_sentence_report(analyse) -> None:
    a = analyse("Government troops entered Saraqib on Monday.")
    assert all(p.country == "SY" for p in a.places.values())  # resolved or not, never a namesake abroad
    b = analyse("Government troops entered the town of Saraqib on Monday.")
    assert near(where(b, "Saraqib"), 35.86, 36.80)


def test_compass_word_before_a_country_is_not_a_place(analyse) -> None:
    a = analyse("Aid convoys reached North-west Syria on Monday.")
    assert all(p.country == "SY" for p in a.places.values())


def test_site_suffix_is_dropped_only_from_long_names() -> None:
    assert suffix_free("Tell al-Harra base") == "Tell al-Harra"
    assert suffix_free("Tabqa base") is None


def test_town_after_a_verb_of_attack_is_a_place(analyse) -> None:
    a = analyse("Rebels shelled Manbij overnight, a monitor said.")
    assert near(where(a, "Manbij"), 36.53, 37.95)


def test_name_before_an_area_noun_is_a_place(analyse) -> None:
    a = analyse("Rockets fired from the enclave landed in the Jaramana area of Damascus on Tuesday.")
    assert near(where(a, "Jaramana"), 33.49, 36.35)
