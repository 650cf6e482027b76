"""A report of one sentence is its own headline: told in the simple present with no date, place or number, it still
tells news ('villagers demonstrate over the clinic'), as a headline does; the same sentence inside a longer report
tells a habit. A bare plural of happenings ('fighters carry out raids') stays a pattern either way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

NEWS = "Villagers demonstrate over the closure of their clinic."
HABIT = "Fighters carry out raids in the hills."
BEFORE = "The council met on Tuesday to discuss the budget of the province."


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = KeywordCoder((("demonstrate", "Protests", "Peaceful protest"), ("raids", "Battles", "Armed clash")), 0.95)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


def test_a_one_sentence_report_in_the_present_tells_news(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(NEWS)] == ["Peaceful protest"]


def test_the_same_sentence_inside_a_longer_report_tells_a_habit(events_of: Run) -> None:
    assert events_of(BEFORE + " " + NEWS) == []


def test_a_bare_plural_of_happenings_stays_a_pattern_alone(events_of: Run) -> None:
    assert events_of(HABIT) == []
