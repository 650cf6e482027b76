"""A release listing one item per place ('Near A, two strikes hit ...') tells a happening in every item: the
items the coder reads no event in take the type its other items are read as, each at its own place. The
keyword test double reads 'hit' as an air strike and nothing else, so an item saying 'disabled' is missed
unless the list carries it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]

LIST = ("Aircraft flew over the north of Mali on Tuesday.\n"
        "North\n"
        "Near Kidal, two strikes hit a depot and a truck.\n"
        "Near Gao, three strikes hit two fighting positions.\n"
        "Centre\n"
        "Near Timbuktu, one strike disabled a bridge.\n"
        "Near Menaka, one strike hit a checkpoint.\n")

NO_LIST = ("Near Kidal, two strikes hit a depot and a truck.\n"
           "Traders in Timbuktu said the bridge was disabled.\n"
           "The army said the road to Menaka was hit by floods.\n")


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = KeywordCoder((("hit", "Explosions/Remote violence", "Air/drone strike"),), 0.95)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    return lambda text: read(text)[1]


def _places(events: list[Event]) -> list[str]:
    return sorted(e.evidence[0].text.split("\n")[-1].split(",")[0] for e in events)


def test_every_item_of_a_list_of_strikes_is_an_event(events_of: Run) -> None:
    events = events_of(LIST)
    assert _places(events) == ["Near Gao", "Near Kidal", "Near Menaka", "Near Timbuktu"]
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}


def test_sentences_that_are_no_list_are_read_alone(events_of: Run) -> None:
    events = events_of(NO_LIST)
    assert [e.evidence[0].text for e in events][:1] == ["Near Kidal, two strikes hit a depot and a truck."]
    assert not any("Timbuktu" in e.evidence[0].text for e in events)
