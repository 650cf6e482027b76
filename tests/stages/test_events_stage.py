"""The events stage's steps on reports we wrote, with a keyword test double in place of the learned
coder, so what is tested here is the reading around a detection: anchor, mood, roles, place, date,
toll, ACLED's rules and one event per happening. The learned coder has its own tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder
from thucydides.events.actorbase import ActorBase
from thucydides.events.stage import FILTERS as EVENT_FILTERS
from thucydides.events.stage import EventCoderStage, EventsConfig, readers
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document, Event, Interval
from thucydides.steps import Filters

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("abducted", "Strategic developments", "Arrests"),
    ("clashed", "Battles", "Armed clash"),
    ("fought", "Battles", "Armed clash"),
    ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("attacked", "Violence against civilians", "Attack"),
    ("killed", "Violence against civilians", "Attack"),
    ("protested", "Protests", "Peaceful protest"),
)




@pytest.fixture(scope="module")
def events_of():  # type: ignore[no-untyped-def]
    from thucydides.pipeline import Pipeline

    upstream = Pipeline(["nlp", "actors", "time", "places", "claims"])
    config = section("stages.events", EventsConfig)
    stage = EventCoderStage(KeywordCoder(KEYWORDS, 0.9), config, readers(config),
                            Filters.of("events.filters", EVENT_FILTERS, config.filters), ActorBase(), taxonomy())

    def run(text: str, published: date = date(2024, 3, 6)) -> list[Event]:
        doc = Document.from_text(text, name="t.txt", published=Interval(published, published))
        analysis: Analysis = upstream.run_documents([doc])[0]
        events = stage.events(analysis)
        for e in events:  # the place's name, for readable assertions
            e.notes = analysis.places[e.place].name if e.place else ""
        return events

    return run


def test_negated_and_future_mentions_are_not_events(events_of) -> None:  # type: ignore[no-untyped-def]
    assert events_of("Officials said the army had not shelled Kadugli.") == []
    assert events_of("Rebels will attack Kadugli next week.") == []


def test_one_happening_told_twice_is_one_event(events_of) -> None:  # type: ignore[no-untyped-def]
    events = events_of("Government forces shelled Kadugli on Monday. The town was shelled for hours.")
    assert len(events) == 1
    assert len(events[0].evidence) == 2


def test_date_from_the_anchor_clause(events_of) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of("Government forces shelled Kadugli on Monday.")
    assert event.date == Interval(date(2024, 3, 4), date(2024, 3, 4))
    assert event.time_precision == 1


def test_undated_happening_falls_in_the_days_before_publication(events_of) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of("Government forces shelled Kadugli.")
    assert event.date is not None and event.date.end == date(2024, 3, 6)
    assert event.time_precision == 2


def test_place_from_the_anchor_clause_not_a_relative_clause(events_of) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of("Soldiers clashed with rebels in Kadugli, which lies south of El Obeid.")
    assert event.notes == "Kadugli"


def test_toll_of_the_unit_itself(events_of) -> None:  # type: ignore[no-untyped-def]
    events = events_of("Gunmen attacked a market in Kadugli on Monday, killing five villagers and two policemen.\n\n"
                       "In 2015, rebels attacked El Obeid and killed 40 people.")
    current = [e for e in events if e.date and e.date.start == date(2024, 3, 4)]
    assert len(current) == 1 and current[0].fatalities == 7


def test_background_happening_is_not_merged_into_the_news(events_of) -> None:  # type: ignore[no-untyped-def]
    """The 2015 attack is history told beside the news: left out (stages.events.keep_background), not merged
    (test_events_news keeps it as an event of its own when the setting asks)."""
    events = events_of("Gunmen attacked Kadugli on Monday.\n\nIn 2015, gunmen attacked Kadugli as well.")
    assert [(e.date.start, len(e.evidence)) for e in events if e.date] == [(date(2024, 3, 4), 1)]


def test_a_part_of_the_toll_is_not_added(events_of) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of("Gunmen attacked a market in Kadugli, killing seven people, including five villagers.")
    assert event.fatalities == 7


def test_arrest_by_a_non_state_group_is_recoded_as_abduction(events_of) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of("Islamic State militants abducted ten villagers near Kadugli on Monday.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Abduction/forced disappearance")
    assert event.actor1 is not None


@pytest.mark.parametrize("text, toll", [
    ("Gunmen killed 20 soldiers near Kadugli, 15 of whom were conscripts.", 20),
    ("Gunmen killed twelve people near Kadugli, among them three children.", 12),
    ("Gunmen killed two soldiers and three militants near Kadugli.", 5),
])
def test_tolls_add_coordinated_groups_and_never_parts(events_of, text: str, toll: int) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of(text)
    assert event.fatalities == toll


def test_a_purpose_that_did_not_happen_yields_to_the_verb_it_serves(events_of) -> None:  # type: ignore[no-untyped-def]
    (event,) = events_of("Hundreds of traders protested in Kadugli on Monday to demand lower taxes.")
    assert event.sub_event_type == "Peaceful protest"
    assert event.date is not None and event.date.start == date(2024, 3, 4)


def test_a_pattern_is_not_an_event(events_of) -> None:  # type: ignore[no-untyped-def]
    assert events_of("Rebels have attacked villages around Kadugli repeatedly since 2019.") == []
    assert events_of("Rebels carried out several attacks near Kadugli last year, officials said.") == []
