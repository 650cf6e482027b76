"""The `specific` filter: a clause in the simple present telling happenings as a bare plural is a habit ('militants
attack villages near Gao'), unless its unit dates it to a day, as a note or a headline tells news in the present
(settings event_specific.dated_present). Sentences written for these tests; the keyword test double reads 'attack'
as an attack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Analysis, Event

pytestmark = pytest.mark.slow

Read = Callable[..., tuple[Analysis, list[Event]]]
DATED = "On 14 May 2024, militants attack villages near Gao. The army says it will send more troops."


@pytest.fixture(scope="module")
def read() -> Read:
    coder = KeywordCoder((("attack", "Violence against civilians", "Attack"),), 0.95)
    return keyword_events(coder, date(2024, 5, 17), "r.txt")


def subs(read: Read, text: str) -> list[str]:
    return [e.sub_event_type for e in read(text)[1]]


def test_a_habit_told_in_the_present_is_no_event(read: Read) -> None:
    assert subs(read, "Militants attack villages near Gao. The army says it will send more troops.") == []


def test_the_present_dated_to_a_day_is_news(read: Read) -> None:
    assert subs(read, DATED) == ["Attack"]


def test_a_day_told_of_the_telling_does_not_date_the_habit(read: Read) -> None:
    assert subs(read, "The mayor said on 14 May 2024 that militants attack villages near Gao.") == []


def test_with_the_step_off_the_dated_present_is_a_habit(read: Read,
                                                         settings_from: Callable[[str], None]) -> None:
    settings_from("event_specific:\n  dated_present: false\n")
    found = subs(read, DATED)
    assert found == []
