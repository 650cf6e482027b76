"""A report whose only place is a country told as who acts is placed at that country's capital (place step
`acting_countrys_capital`); sentences written for these tests, the country attached by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events_where import events_runner
from thucydides.model import Event, Place

PLACES = {"Ghana": Place("gh", "Ghana", 7.95, -1.03, "country", "GH", None)}


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    return events_runner(PLACES)


def test_a_country_heading_the_actor_places_the_event_at_its_capital(events_of, gazetteer_or_skip) -> None:
    (event,) = events_of("Ghana police fired tear gas at traders protesting the closure of a market on Monday.")
    place = gazetteer_or_skip.place(event.place or "")
    assert place is not None and (place.name, place.country, event.geo_precision) == ("Accra", "GH", 3)


def test_without_the_step_the_event_stays_unplaced() -> None:
    steps = ("clause", "sentence", "paragraph", "document", "in_a_name", "actors_capital")
    (event,) = events_runner(PLACES, place_steps=steps)(
        "Ghana police fired tear gas at traders protesting the closure of a market on Monday.")
    assert event.place is None


def test_a_country_only_modifying_a_thing_does_not(events_of) -> None:
    (event,) = events_of("Gunmen attacked a Ghana aid convoy on Monday, killing two drivers.")
    assert event.place is None


def test_a_country_qualifying_the_word_an_actor_is_named_by_acts_too(events_of, gazetteer_or_skip) -> None:
    """ "the Ghana military": the actor is named "military", the country qualifies it."""
    (event,) = events_of("The Ghana military arrested twelve soldiers accused of plotting a mutiny on Monday.")
    place = gazetteer_or_skip.place(event.place or "")
    assert place is not None and place.name == "Accra"
