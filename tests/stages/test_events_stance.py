"""A happening told only under a verb of stance ('insisted', 'alleged') is someone's claim about it, not news of it;
told plainly, or under 'said', 'accused' or 'blamed ... for' (which hold someone to a deed that happened), it is an
event. Sentences written for these tests;
the keyword test double reads 'killed' as an attack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Analysis, Event

pytestmark = pytest.mark.slow

Read = Callable[..., tuple[Analysis, list[Event]]]


@pytest.fixture(scope="module")
def read() -> Read:
    coder = KeywordCoder((("killed", "Violence against civilians", "Attack"),
                          ("marched", "Protests", "Peaceful protest")), 0.95)
    return keyword_events(coder, date(2024, 5, 17), "r.txt")


def subs(read: Read, text: str, **changes: object) -> list[str]:
    return [e.sub_event_type for e in read(text, **changes)[1]]


def test_a_killing_told_plainly_is_an_event(read: Read) -> None:
    assert subs(read, "Gunmen killed four farmers near Gao on Monday.") == ["Attack"]


def test_a_killing_told_by_a_spokesman_is_an_event(read: Read) -> None:
    assert subs(read, "A spokesman said gunmen killed four farmers near Gao on Monday.") == ["Attack"]


def test_a_killing_only_alleged_is_no_event(read: Read) -> None:
    assert subs(read, "The lawyer alleged that guards had killed four inmates at the prison near Gao.") == []


def test_a_killing_someone_is_blamed_for_is_still_an_event(read: Read) -> None:
    assert subs(read, "The widow blamed the governor for having her husband killed near Gao.") == ["Attack"]


def test_a_protest_told_under_a_stance_is_still_one(read: Read) -> None:
    assert subs(read, "The organisers insisted that 5,000 people marched through Gao on Monday.") \
        == ["Peaceful protest"]


def test_the_filter_is_switchable(read: Read) -> None:
    filters = ("realis", "specific", "caused", "statement", "person_taken", "offence", "private_arrest",
               "quiet_story", "crime_story")
    assert subs(read, "The lawyer alleged that guards had killed four inmates at the prison near Gao.",
                filters=filters) == ["Attack"]


def test_a_killing_alleged_inside_a_participle_is_no_event(read: Read) -> None:
    assert subs(read, "The singer fell ill on Monday after leaving a note alleging that the governor had her "
                      "brother killed near Gao.") == []
