"""Events stage: in protests and riots (ACLED's generic crowd as actor 1), a crowd its doer names by another
nationality is that country's crowd, one of several nationalities or of foreigners the International one
(events/roles.py crowd_nationality, settings `actor1_default_first_steps`). Sentences written for these tests;
places attached by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events import name, only
from tests.stages.test_events_where import events_runner
from thucydides.model import Event, Place

PLACES = {"Vienna": Place("vienna", "Vienna", 48.2, 16.37, "populated_place", "AT", "Vienna")}


@pytest.fixture(scope="module")
def crowd() -> Callable[..., Event]:
    def run(text: str, **settings: object) -> Event:
        return only(events_runner(PLACES, **settings)(text))

    return run


def test_a_crowd_of_another_nationality_is_that_countrys_protesters(crowd):
    assert name(crowd("About 200 Ukrainians marched past the parliament in Vienna on Sunday.").actor1) \
        == "Protesters (Ukraine)"
    assert name(crowd("Dozens of Pakistani pilgrims chanted slogans against their prime minister in Vienna on "
                      "Friday.").actor1) == "Protesters (Pakistan)"


def test_foreigners_or_several_nationalities_are_the_international_protesters(crowd):
    assert name(crowd("Dozens of migrants blocked the main road in Vienna on Friday to demand shelter.").actor1) \
        == "Protesters (International)"
    assert name(crowd("Syrian and Afghan refugees demonstrated in Vienna on Monday.").actor1) \
        == "Protesters (International)"


def test_a_crowd_of_the_country_or_of_no_nationality_is_the_countrys(crowd):
    assert name(crowd("Hundreds of Austrian farmers protested in Vienna on Friday.").actor1) == "Protesters (Austria)"
    assert name(crowd("Students protested in Vienna on Friday against tuition fees.").actor1) == "Protesters (Austria)"


def test_switched_off_the_crowd_is_the_countrys(crowd):
    e = crowd("About 200 Ukrainians marched past the parliament in Vienna on Sunday.",
              actor1_default_first_steps=("default",))
    assert name(e.actor1) == "Protesters (Austria)"


def test_only_the_people_nouns_own_words_name_the_crowd(crowd):
    assert name(crowd("Employees of a Chinese mining company protested in Vienna on Friday.").actor1) \
        == "Protesters (Austria)"
    assert name(crowd("Austrian and Hungarian farmers protested in Vienna on Friday.").actor1) \
        == "Protesters (Austria)"
