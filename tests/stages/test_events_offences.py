"""An arrest for an ordinary offence is police work, not an ACLED event; an arrest of protesters, journalists or
fighters is one whatever the charge. Sentences written for these tests; the keyword test double reads 'arrested'
as an arrest."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Analysis, Event

pytestmark = pytest.mark.slow

Read = Callable[[str], tuple[Analysis, list[Event]]]


@pytest.fixture(scope="module")
def read() -> Read:
    coder = KeywordCoder((("arrested", "Strategic developments", "Arrests"),), 0.95)
    return keyword_events(coder, date(2024, 5, 17), "r.txt")


def subs(read: Read, text: str) -> list[str]:
    return [e.sub_event_type for e in read(text)[1]]


def test_an_arrest_for_drunk_driving_is_no_event(read: Read) -> None:
    assert subs(read, "Police in Springfield arrested a 34-year-old man on Tuesday for drunk driving.") == []


def test_an_arrest_for_theft_is_no_event(read: Read) -> None:
    assert subs(read, "Two men were arrested in Dayton on Friday on charges of theft and burglary.") == []


def test_protesters_arrested_for_trespassing_are_an_event(read: Read) -> None:
    assert subs(read, "Police arrested 40 protesters in Dayton on Friday for trespassing at the city hall.") \
        == ["Arrests"]


def test_a_date_in_march_is_no_politics(read: Read) -> None:
    assert subs(read, "A woman was arrested in Dayton on March 3 for shoplifting at a mall.") == []


def test_an_arrest_naming_no_offence_is_still_an_event(read: Read) -> None:
    assert subs(read, "Soldiers arrested six fighters near Gao on Monday.") == ["Arrests"]


def test_private_persons_named_by_name_alone_are_no_event(read: Read) -> None:
    assert subs(read, "On Friday, two deputies arrested Tom Walker and Ben Hollis in Dayton after a chase.") == []


def test_a_person_with_a_public_role_is_an_event(read: Read) -> None:
    assert subs(read, "On Friday, police arrested the opposition leader Tom Walker in Dayton.") == ["Arrests"]


def test_people_taken_without_names_are_an_event(read: Read) -> None:
    assert subs(read, "On Friday, police arrested twelve men in Dayton during a night raid.") == ["Arrests"]


QUIET_STORY = ("Officers were called to a house on Elm Street in Dayton on Friday night. Neighbours had heard shouting "
               "for an hour. The owner of the house, a retired teacher, let them in. Two men were found in the garage. "
               "Police arrested the two men on Friday. Both were taken to the county jail. A hearing is set for next "
               "week. The owner thanked the officers. The street was quiet again by midnight. A spokesman for the "
               "department said the case was closed.")


def test_an_arrest_in_a_story_saying_nothing_political_is_no_event(read: Read) -> None:
    assert subs(read, QUIET_STORY) == []


def test_the_same_arrest_in_a_story_of_protesters_is_an_event(read: Read) -> None:
    story = QUIET_STORY.replace("Neighbours had heard shouting for an hour.",
                                "Protesters had marched past the house for an hour.")
    assert subs(read, story) == ["Arrests"]


def test_an_official_arrested_for_an_ordinary_offence_is_an_event(read: Read) -> None:
    assert subs(read, "The former finance minister was arrested in Dayton on Monday on charges of embezzlement.") \
        == ["Arrests"]
