"""Places, round 4, on sentences we wrote: a country a report names may be only what it is about, so it does not
shut out a town of another country named after "in"; a town or a province placed elsewhere still does."""

from __future__ import annotations

import pytest

from thucydides.geo import handset
from thucydides.geo.context import Points
from thucydides.geo.document import GeographyView
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.recognize import Found
from thucydides.model import Analysis, Place

TOWN = Candidate(Place("t", "Lahti", 60.98, 25.66, "populated_place", "FI", "FI.01", population=120_000), "Lahti", 2,
                 "geonames")
COUNTRY = Candidate(Place("c", "Ukraine", 49.0, 32.0, "country", "UA"), "Ukraine", 2, "geonames")
AFTER_IN = Found(10, 15, "Lahti", "Lahti", cue=True, place_cue=True)
NO_VIEW = GeographyView({}, {}, frozenset(), None)


def _points(*others: Candidate) -> Points:
    countries = {c.place.country or "": 1.0 / len(others) for c in others}
    return Points((), countries, {}, {}, frozenset(c.place.country or "" for c in others if c.place.kind != "country"))


def event_place(analysis: Analysis) -> Place | None:
    assert analysis.events, "the sentence tells a happening"
    place = analysis.events[0].place
    return analysis.places[place] if place else None


def _place_of(analysis: Analysis, text: str) -> Place | None:
    return next((analysis.places[t.place] for t in analysis.toponyms if t.text == text and t.place), None)


# --- fast -------------------------------------------------------------------------------------

def test_a_country_named_does_not_shut_out_a_known_town_after_in() -> None:
    assert handset.admitted("place_cue", AFTER_IN, TOWN, NO_VIEW, _points(COUNTRY))


def test_a_town_placed_in_another_country_still_does() -> None:
    elsewhere = Candidate(Place("o", "Lviv", 49.84, 24.03, "populated_place", "UA", "UA.15", population=700_000),
                          "Lviv", 2, "geonames")
    assert not handset.admitted("place_cue", AFTER_IN, TOWN, NO_VIEW, _points(COUNTRY, elsewhere))


def test_a_weak_mention_still_needs_the_country_named() -> None:
    """A capitalised word only listed ("cue" gate) is not let in by a country that is only talked about."""
    listed = Found(10, 15, "Lahti", "Lahti", listed=True)
    assert not handset.admitted("cue", listed, TOWN, NO_VIEW, _points(COUNTRY))


# --- slow: whole sentences through the pipeline -------------------------------------------------

@pytest.mark.slow
def test_a_rally_against_a_war_abroad_is_placed_in_its_town(analyse) -> None:
    a = analyse("About two hundred students rallied in Oulu on Saturday against the invasion of Ukraine.")
    town = _place_of(a, "Oulu")
    assert town is not None and town.country == "FI"
    place = event_place(a)
    assert place is not None and place.name == "Oulu"


@pytest.mark.slow
def test_a_strike_about_sanctions_keeps_its_town(analyse) -> None:
    a = analyse("Nurses marched through Kuopio on Monday for better pay, blaming prices on the sanctions against "
                "Russia.")
    town = _place_of(a, "Kuopio")
    assert town is not None and town.country == "FI"


@pytest.mark.slow
def test_a_small_namesake_heading_an_institution_stays_out(analyse) -> None:
    """A country named does not let a small foreign town in as the head of an institution's name."""
    a = analyse("Union delegates protested in front of the Chamber of Deputies in Luxembourg on Monday.")
    assert _place_of(a, "Chamber") is None
