"""ACLED's catch-all sub-event type (*Other*) is where the coder puts news sentences that tell no happening of a
type it knows: such a reading is taken only when the coder is sure of that sub-type, however sure it is that the
sentence tells some event (`stages.events.sub_min_confidence`). A report with nothing surer may still keep it as
its likeliest reading (the single-reading rescue), as a short ACLED note of that type needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import ReadGuess, SentenceCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

STORY = ("Militiamen clashed with soldiers near Gao on Tuesday, witnesses said. "
         "The council met again on Wednesday to discuss the budget of the province.")
NOTE = "The council met again on Wednesday to discuss the budget of the province."


@dataclass(frozen=True)
class UnsureOfTypeCoder(SentenceCoder[ReadGuess]):
    """Reads 'clashed' as a clash it is sure of and 'council' as an event of type *Other* it is not."""

    def _read(self, text: str) -> ReadGuess:
        text = text.lower()
        if "clashed" in text:
            return ReadGuess("Battles", "Armed clash", 0.9, 0.95, (("Armed clash", 0.9),))
        if "council" in text:
            return ReadGuess("Strategic developments", "Other", 0.3, 0.95, (("Other", 0.3), ("Agreement", 0.2)))
        return ReadGuess(None, None, 0.99, 0.01)


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(UnsureOfTypeCoder(), date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    return lambda text, **changes: read(text, **changes)[1]


def test_an_unsure_catch_all_reading_is_dropped_beside_a_sure_event(events_of: Run) -> None:
    events = events_of(STORY, sub_min_confidence={"Other": 0.5})
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_without_the_floor_the_unsure_catch_all_reading_is_an_event(events_of: Run) -> None:
    events = events_of(STORY, sub_min_confidence={})
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Other"]


def test_a_floor_below_the_reading_keeps_it(events_of: Run) -> None:
    events = events_of(STORY, sub_min_confidence={"Other": 0.25})
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Other"]


def test_a_report_with_nothing_surer_keeps_its_likeliest_reading(events_of: Run) -> None:
    events = events_of(NOTE, sub_min_confidence={"Other": 0.5}, single_threshold=0.7)
    assert [e.sub_event_type for e in events] == ["Other"]

