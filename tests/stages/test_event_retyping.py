"""The learned type prior as a step of the events stage: once the actors are read, the sub-event type is
re-chosen among the coder's readings by how ACLED codes events between actors of those kinds. A keyword test
double stands in for the coder, giving every event two readings: an attack (likelier) and an armed clash."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.events.stage import EventsConfig, readers
from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.settings import section
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (("killed", "Violence against civilians", "Attack"),)
OTHERS = (("Armed clash", 0.3),)

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95, OTHERS), date(2024, 5, 17), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


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
