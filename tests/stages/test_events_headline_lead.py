"""A report's headline and lead read as one unit (events.detect.with_headline): a lead that reads as no event
alone, read after its headline, tells the happening the headline names, with the lead's detail (its town) and
the headline's facts (its toll), as one event with one piece of evidence. A keyword test double stands in for the
coder: only the headline's words hold the keyword, so the lead alone reads as no event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Analysis, Event

pytestmark = pytest.mark.slow

KEYWORDS = (("retakes", "Battles", "Government regains territory"),
            ("advance", "Strategic developments", "Change to group/activity"))
OTHERS = (("Armed clash", 0.3), ("Attack", 0.2))

Read = Callable[..., tuple[Analysis, list[Event]]]


@pytest.fixture(scope="module")
def read() -> Read:
    return keyword_events(KeywordCoder(KEYWORDS, 0.95, OTHERS), date(2024, 3, 12), "r.txt")


RETAKEN = ("Army Retakes Town In Borno State\n\n"
           "Nigerian soldiers entered the town of Bama on Monday after driving out the insurgents.\n\n"
           "Residents said the market reopened in the afternoon.")


def _town(analysis: Analysis, event: Event) -> str:
    return analysis.places[event.place or ""].name


def test_headline_and_lead_are_one_event_placed_by_the_lead(read: Read) -> None:
    analysis, events = read(RETAKEN)
    (event,) = events
    assert event.sub_event_type == "Government regains territory"
    assert _town(analysis, event) == "Bama"
    (evidence,) = event.evidence
    assert evidence.start == 0 and "Bama" in evidence.text


def test_switched_off_the_headline_alone_tells_it(read: Read) -> None:
    _, events = read(RETAKEN, headline_lead=False)
    (event,) = events
    assert "Bama" not in event.evidence[0].text


def test_a_title_outside_the_text_types_the_lead(read: Read) -> None:
    text = RETAKEN.split("\n\n", 1)[1]
    assert read(text, headline_lead=False, title="Army Retakes Town In Borno State")[1] == []
    analysis, (event,) = read(text, title="Army Retakes Town In Borno State")
    assert event.sub_event_type == "Government regains territory" and _town(analysis, event) == "Bama"


def test_the_headlines_toll_makes_the_advance_a_clash(read: Read) -> None:
    """The headline tells the deaths, the lead the place: the advance ACLED codes with no deaths yields."""
    analysis, events = read("Troops advance in Borno, killing 40 insurgents\n\n"
                            "Nigerian troops pushed into the town of Bama on Monday morning.\n\n"
                            "Residents said the market stayed closed.")
    (event,) = events
    assert event.event_type == "Battles" and event.fatalities == 40
    assert _town(analysis, event) == "Bama"
