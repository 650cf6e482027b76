"""A place lost is a place taken: 'the militia lost its last stronghold', 'lost control of the town' tell a
takeover by another side (ACLED: Battles), read by the fallback predicates where the coder reads no event. What
is lost must be a place: lives, men and elections lost are no takeover. The keyword test double reads no event
in these sentences, so what is tested is the fallback alone (turned on here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder((("ambushed", "Battles", "Armed clash"),), 0.95), date(2024, 5, 17), "l.txt")
    return lambda text: read(text, fallback=True)[1]


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
