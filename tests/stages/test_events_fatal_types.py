"""The 'fatalities' re-typing step: a sub-event type ACLED codes with no deaths (its train rows, data/models/
acled_fatal_shares.json) yields, where its sentence tells its actor 1 killing people, to the coder's likeliest
reading that carries deaths. A keyword test double stands in for the coder: an advance reads as a change to a
group's activity (likeliest), with an armed clash and an attack as further readings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (("advanced", "Strategic developments", "Change to group/activity"),
            ("marched", "Protests", "Peaceful protest"))
OTHERS = (("Armed clash", 0.3), ("Attack", 0.2), ("Violent demonstration", 0.1))

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95, OTHERS), date(2024, 3, 12), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


ADVANCE_THAT_KILLED = "Government troops advanced on the town of Kidal on Monday, killing 40 militants."
ADVANCE_ALONE = "Government troops advanced on the town of Kidal on Monday."
MOURNING = "Hundreds of people marched in Bamako on Monday to mourn two students killed by police."


def test_an_advance_that_killed_is_coded_as_the_clash(events_of: Run) -> None:
    (event,) = events_of(ADVANCE_THAT_KILLED)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.fatalities == 40
    assert "retyped by fatalities" in event.notes


def test_the_step_switched_off_keeps_the_coders_reading(events_of: Run) -> None:
    (event,) = events_of(ADVANCE_THAT_KILLED, recode_steps=("rules",))
    assert event.sub_event_type == "Change to group/activity"


def test_an_advance_that_killed_nobody_stays_a_strategic_development(events_of: Run) -> None:
    (event,) = events_of(ADVANCE_ALONE)
    assert event.sub_event_type == "Change to group/activity"


def test_deaths_by_someone_else_do_not_retype(events_of: Run) -> None:
    """The marchers mourn people the police killed: ACLED codes a peaceful protest."""
    (event,) = events_of(MOURNING)
    assert event.sub_event_type == "Peaceful protest"
