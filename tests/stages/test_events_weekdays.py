"""Two happenings told on different weekdays in a report with no publication date (so no day is placed): two
events, not one (events.build.weekdays_differ). Sentences written for these tests, places attached by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events_where import PLACES, events_runner
from thucydides.model import Event

REPORT = ("Last Wednesday, gunmen shot dead two traders in Tessin. "
          "On Saturday, gunmen shot dead three farmers in Tessin.")


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    return events_runner(PLACES)


@pytest.fixture(scope="module")
def events_merged() -> Callable[[str], list[Event]]:
    return events_runner(PLACES, merge_distinct_weekdays=False)


def _killings(events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type == "Violence against civilians"]


def test_different_weekdays_are_different_happenings(events_of):
    assert len(_killings(events_of(REPORT))) == 2


def test_switched_off_the_unplaced_days_join(events_merged):
    assert len(_killings(events_merged(REPORT))) == 1


def test_the_same_weekday_told_again_is_one_happening(events_of):
    again = ("On Saturday, gunmen shot dead three farmers in Tessin. "
             "The gunmen shot the farmers in Tessin on Saturday as they worked.")
    assert len(_killings(events_of(again))) == 1
