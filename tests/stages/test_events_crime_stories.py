"""A shooting or a drug raid told in a local crime story (longer than a note, naming no side of conflict and no
word of conflict or politics) is ordinary crime, not an ACLED event; the same happening in a story that names an
armed group, soldiers or protesters, or in a short note, is one. Sentences written for these tests; the keyword test
double reads 'shot' as an attack and 'arrested' as an arrest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.events.offences import _context_word
from thucydides.model import Analysis, Event

pytestmark = pytest.mark.slow

Read = Callable[..., tuple[Analysis, list[Event]]]

CRIME = ("A man was shot outside a bakery on Maple Avenue in Dayton on Friday night. He was taken to a hospital "
         "with wounds to his leg. Officers closed the street for two hours. A neighbour said she heard three "
         "pops and saw a car drive away. Police have not named a suspect. Detectives asked anyone with a doorbell "
         "camera to call the department. The bakery will open again on Monday.")


@pytest.fixture(scope="module")
def read() -> Read:
    coder = KeywordCoder((("shot", "Violence against civilians", "Attack"),
                          ("arrested", "Strategic developments", "Arrests")), 0.95)
    return keyword_events(coder, date(2024, 5, 17), "r.txt")


def subs(read: Read, text: str, **changes: object) -> list[str]:
    return [e.sub_event_type for e in read(text, **changes)[1]]


def test_a_shooting_in_a_local_crime_story_is_no_event(read: Read) -> None:
    assert subs(read, CRIME) == []


def test_the_filter_is_switchable(read: Read) -> None:
    filters = ("realis", "specific", "caused", "statement", "person_taken", "offence", "private_arrest",
               "quiet_story")
    assert subs(read, CRIME, filters=filters) == ["Attack"]


def test_the_same_shooting_in_a_story_naming_militants_is_an_event(read: Read) -> None:
    story = CRIME.replace("Police have not named a suspect.", "Police said militants of a local cell were behind it.")
    assert subs(read, story) == ["Attack"]


def test_the_same_shooting_in_a_story_naming_soldiers_is_an_event(read: Read) -> None:
    story = CRIME.replace("Officers closed the street", "Soldiers closed the street")
    assert subs(read, story) == ["Attack"]


def test_a_shooting_told_in_a_short_note_is_an_event(read: Read) -> None:
    assert subs(read, "On 3 May, a man was shot outside a bakery in Dayton. He was wounded in the leg.") == ["Attack"]


def test_a_drug_raid_in_a_crime_story_is_no_event(read: Read) -> None:
    story = CRIME.replace("A man was shot outside a bakery on Maple Avenue in Dayton on Friday night.",
                          "Officers arrested four men in a raid on a flat on Maple Avenue in Dayton on Friday night.")
    assert subs(read, story) == []


def test_context_words_are_whole_words_when_short() -> None:
    assert _context_word("war") and _context_word("wars") and _context_word("militiamen")
    assert not _context_word("warrant") and not _context_word("couple") and not _context_word("trooper")
