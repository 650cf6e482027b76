"""The actor 2 step 'killed_side': the armed side a unit's killed claims count as dead, killed by actor 1 (the
claims stage's subject and agent of the figure), where the parse names no victim; unarmed victims are left to the
steps that read civilians. A keyword test double stands in for the coder."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder((("attacked", "Battles", "Armed clash"),), 0.95), date(2024, 3, 12), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


def test_the_armed_side_killed_by_actor_1_is_actor_2(events_of: Run) -> None:
    (event,) = events_of("Government troops attacked Kidal on Monday, killing 12 Ansar Dine fighters.",
                         actor2_steps=("killed_side",))
    assert event.actor2 is not None and "ansar" in event.actor2.lower()


def test_unarmed_dead_are_left_to_other_steps(events_of: Run) -> None:
    (event,) = events_of("Gunmen attacked the village of Kidal on Monday, killing 12 villagers.",
                         actor2_steps=("killed_side",))
    assert event.actor2 is None
