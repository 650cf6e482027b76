"""The report's country on a tie of places (`geo.located.towns_country`): the one whose places the text tells as
places. Sentences written for these tests, places attached by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events_where import events_runner
from thucydides.geo import located
from thucydides.geo.located import LocatedSettings, said_as_place
from thucydides.model import Event, Place, Toponym

PLACES = {
    # a town abroad bearing the first word of a party's name, and the town the report is about
    "Korvi": Place("korvi", "Korvi", 24.6, 77.3, "populated_place", "IN", "Madhya Pradesh"),
    "Dhanpur": Place("dhanpur", "Dhanpur", 23.8, 90.4, "populated_place", "BD", "Dhaka"),
}
TEXT = "On 3 May 2024, members of the Korvi People's Party staged a protest in Dhanpur city against new taxes."


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    return events_runner(PLACES)


def _at(text: str, name: str) -> Toponym:
    start = text.index(name)
    return Toponym(start, start + len(name), name, name.lower())


def test_said_as_place_reads_the_preposition_before_and_the_noun_after() -> None:
    assert said_as_place(TEXT, _at(TEXT, "Dhanpur"))
    assert not said_as_place(TEXT, _at(TEXT, "Korvi"))
    text = "Farmers blocked roads near Ostrava and Brno district officials met them."
    assert said_as_place(text, _at(text, "Ostrava")) and said_as_place(text, _at(text, "Brno"))


def test_the_town_told_as_a_place_names_the_reports_country(events_of: Callable[[str], list[Event]]) -> None:
    """One town in each country: the party's namesake town, named first, is no longer the report's country, so it
    is astray and the town the protest was held in places it."""
    (event,) = events_of(TEXT)
    assert event.place == "dhanpur"


def test_without_the_step_the_first_named_town_wins(events_of: Callable[[str], list[Event]],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(located, "located_settings", lambda: LocatedSettings(home_said_as_place=False))
    (event,) = events_of(TEXT)
    assert event.place == "korvi"
