"""A place lost is a place taken: 'the militia lost its last stronghold', 'lost control of the town' tell a
takeover by another side (ACLED: Battles), read by the fallback predicates where the coder reads no event. What
is lost must be a place: lives, men and elections lost are no takeover. The keyword test double reads no event
in these sentences, so what is tested is the fallback alone (turned on here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import fallback_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    return fallback_events(date(2024, 5, 17), "l.txt")


def test_a_stronghold_lost_is_a_takeover(events_of: Run) -> None:
    text = "After a week of fighting the militia lost its last stronghold near Mopti on Wednesday."
    assert [e.event_type for e in events_of(text)] == ["Battles"]


def test_control_of_a_town_lost_is_a_takeover(events_of: Run) -> None:
    text = "The garrison lost control of the town of Mopti on Wednesday."
    assert [e.event_type for e in events_of(text)] == ["Battles"]


def test_a_town_ceded_is_a_takeover(events_of: Run) -> None:
    text = "The militia ceded the town of Mopti to the army on Wednesday."
    assert [e.event_type for e in events_of(text)] == ["Battles"]


@pytest.mark.parametrize("text", [
    "The militia lost eleven fighters near Mopti on Wednesday.",
    "The governor of Mopti lost the election on Wednesday.",
    "Traders in Mopti lost their stock when the river rose on Wednesday.",
])
def test_what_is_lost_must_be_a_place(events_of: Run, text: str) -> None:
    assert events_of(text) == []


def test_the_side_that_lost_the_ground_is_actor_2_and_who_took_it_actor_1(events_of: Run) -> None:
    """The loser is the subject: it is actor 2, and ACLED's sub-type follows the taker (the 'to' object)."""
    [event] = events_of("JNIM fighters lost their last stronghold near Mopti to Malian soldiers on Wednesday.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Government regains territory", "FAMa", "jnim-group-for-support-of-islam-and-muslims")


def test_a_state_force_that_loses_a_town_did_not_regain_it(events_of: Run) -> None:
    """No 'to' object: actor 1 is ACLED's unnamed armed group, never the soldiers who lost the town."""
    [event] = events_of("Malian soldiers lost control of the town of Mopti on Wednesday.")
    assert (event.sub_event_type, event.actor2) == ("Non-state actor overtakes territory", "FAMa")
    assert event.actor1 != "FAMa"
