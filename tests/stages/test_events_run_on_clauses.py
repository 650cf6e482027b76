"""A run-on sentence tells several happenings in its clauses ('artillery shelled the town, while clashes went on
in the villages north of it'): read whole, it reads as one of them, so its clauses are read alone and a clause
read as another type of event is a second event. Only a long sentence's: a short one's clauses say too little and
are misread as often as they add an event. The keyword test double reads 'shelled' before 'clashes' in a text
holding both, so the whole sentence reads as shelling and only its clause as a clash."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

LONG = ("Artillery units shelled the outskirts of Kidal on Tuesday morning from their positions on the ridge, while "
        "heavy clashes between the army and the rebels went on in the villages north of the town for most of the day.")
SHORT = "Artillery shelled Kidal on Tuesday while clashes went on in the north."


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = KeywordCoder((("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
                          ("clashes", "Battles", "Armed clash")), 0.95)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


def test_a_run_on_sentence_tells_each_happening_of_its_clauses(events_of: Run) -> None:
    events = events_of(LONG, clause_events=True, clause_sentence_tokens=30)
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Shelling/artillery/missile attack"]


def test_a_short_sentence_is_read_whole(events_of: Run) -> None:
    events = events_of(SHORT, clause_events=True, clause_sentence_tokens=30)
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_without_clause_events_a_run_on_sentence_is_one_event(events_of: Run) -> None:
    events = events_of(LONG, clause_events=False, clause_sentence_tokens=30)
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]


def test_the_same_short_sentence_without_the_length_gate_gives_its_clause_an_event(events_of: Run) -> None:
    events = events_of(SHORT, clause_events=True, clause_sentence_tokens=0)
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Shelling/artillery/missile attack"]
