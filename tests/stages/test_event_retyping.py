"""The learned type prior as a step of the events stage: once the actors are read, the sub-event type is
re-chosen among the coder's readings by how ACLED codes events between actors of those kinds. A keyword test
double stands in for the coder, giving every event two readings: an attack (likelier) and an armed clash."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder
from thucydides.events.actorbase import ActorBase
from thucydides.events.stage import FILTERS as EVENT_FILTERS
from thucydides.events.stage import EventCoderStage, EventsConfig, readers
from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document, Event, Interval
from thucydides.steps import Filters

pytestmark = pytest.mark.slow

KEYWORDS = (("killed", "Violence against civilians", "Attack"),)
OTHERS = (("Armed clash", 0.3),)

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    from thucydides.pipeline import Pipeline

    upstream = Pipeline(["nlp", "actors", "time", "places", "claims"])
    base = section("stages.events", EventsConfig)

    def run(text: str, **changes: object) -> list[Event]:
        config = dataclasses.replace(base, fallback=False, **changes)  # type: ignore[arg-type]
        stage = EventCoderStage(KeywordCoder(KEYWORDS, 0.95, OTHERS), config, readers(config),
                                Filters.of("events.filters", EVENT_FILTERS, config.filters), ActorBase(), taxonomy())
        doc = Document.from_text(text, name="r.txt", published=Interval(date(2024, 5, 17), date(2024, 5, 17)))
        analysis: Analysis = upstream.run_documents([doc])[0]
        return stage.events(analysis)

    return run


ARMY_ON_REBELS = "Soldiers killed nine Al-Shabaab fighters near Kismayo on Tuesday."
GUNMEN_ON_VILLAGERS = "Gunmen killed nine villagers near Kismayo on Tuesday."


def test_without_the_prior_the_coders_likelier_reading_stands(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(ARMY_ON_REBELS, recode_steps=())] == ["Attack"]


def test_state_forces_killing_rebels_is_a_battle(events_of: Run) -> None:
    (event,) = events_of(ARMY_ON_REBELS, recode_steps=("prior",))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert "retyped by prior" in event.notes


def test_gunmen_killing_villagers_stays_an_attack(events_of: Run) -> None:
    (event,) = events_of(GUNMEN_ON_VILLAGERS, recode_steps=("prior",))
    assert event.sub_event_type == "Attack"


def test_weight_zero_changes_nothing(events_of: Run) -> None:
    (event,) = events_of(ARMY_ON_REBELS, recode_steps=("prior",), prior_weight=0.0)
    assert event.sub_event_type == "Attack"


def test_an_unknown_step_is_named() -> None:
    config = dataclasses.replace(section("stages.events", EventsConfig), recode_steps=("prior", "oracle"))
    with pytest.raises(KnowledgeError, match="oracle"):
        readers(config)
