"""A country named as an actor is not where the happening was: 'the X-led coalition bombed ...', 'X condemns the
attack': the place told before in the paragraph is. And a government's statement is no protest. Sentences written
for these tests; the keyword test double reads 'bombed' as an air strike and 'condemns'/'rallied' as a protest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Analysis, Event

pytestmark = pytest.mark.slow

Read = Callable[[str], tuple[Analysis, list[Event]]]


@pytest.fixture(scope="module")
def read() -> Read:
    coder = KeywordCoder((("bombed", "Explosions/Remote violence", "Air/drone strike"),
                          ("condemns", "Protests", "Peaceful protest"),
                          ("rallied", "Protests", "Peaceful protest")), 0.95)
    return keyword_events(coder, date(2024, 5, 17), "r.txt")


def places(analysis: Analysis, events: list[Event]) -> list[str | None]:
    return [analysis.places[e.place].name if e.place else None for e in events]


def test_a_country_heading_an_actor_name_is_not_the_place(read: Read) -> None:
    analysis, events = read("Heavy fighting went on around Mosul for a week. On Tuesday, aircraft of the US-led "
                            "coalition bombed a fuel depot held by the fighters.")
    assert places(analysis, events) == ["Mosul"]


def test_a_government_statement_is_no_protest(read: Read) -> None:
    _, events = read("Gunmen stormed a market in Gao on Monday. The United States condemns the raid in the "
                     "strongest terms.")
    assert [e.event_type for e in events if e.event_type == "Protests"] == []


def test_a_crowd_rallying_is_still_a_protest(read: Read) -> None:
    analysis, events = read("Hundreds of students rallied in Gao on Monday against the rise in fees.")
    assert [e.event_type for e in events] == ["Protests"]
    assert places(analysis, events) == ["Gao"]


def test_things_captured_are_no_arrest() -> None:
    coder = KeywordCoder((("captured", "Strategic developments", "Arrests"),), 0.95)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    _, things = read("On Monday, jets destroyed six trucks and other equipment captured near Mosul by the fighters.")
    _, people = read("On Monday, soldiers captured six fighters near Mosul.")
    assert [e.sub_event_type for e in things] == []
    assert [e.sub_event_type for e in people] == ["Arrests"]


def test_a_government_judgement_is_no_protest() -> None:
    coder = KeywordCoder((("demonstrated", "Protests", "Peaceful protest"),), 0.95)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    _, judged = read("The government of France has demonstrated its resolve against terror in Paris on Monday.")
    _, crowd = read("Hundreds of teachers demonstrated in Paris on Monday against the cuts.")
    assert [e.event_type for e in judged] == []
    assert [e.event_type for e in crowd] == ["Protests"]
