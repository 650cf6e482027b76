"""How the units of one report become events: sightings of one happening merge, sightings of different
happenings told in one report stay apart. A keyword test double stands in for the learned coder, so the
grouping is what is tested, on reports we wrote."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("stormed", "Battles", "Armed clash"),
    ("raided", "Battles", "Armed clash"),
    ("assault", "Battles", "Armed clash"),
    ("arrested", "Strategic developments", "Arrests"),
    ("killed", "Violence against civilians", "Attack"),
    ("marched", "Protests", "Peaceful protest"),
)

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2025, 6, 12), "m.txt")

    def run(text: str, **changes: object) -> list[Event]:
        analysis, events = read(text, **changes)
        for e in events:  # the place's country, for readable assertions
            e.notes = analysis.places[e.place].country or "" if e.place else ""
        return events

    return run


def test_a_happening_of_another_named_doer_is_another_event(events_of: Run) -> None:
    """The first sighting names no doer; a later one names it; a third, by another named doer at the same
    place and days, is a second happening, not part of the first."""
    text = ("A guesthouse in Kismayo was stormed on Tuesday morning. Al-Shabaab claimed responsibility for the "
            "assault on the guesthouse. Shops in the port stayed shut all day. The Somali army said its soldiers "
            "raided a camp of the group on Tuesday, killing twelve fighters.")
    events = events_of(text)
    assert len(events) == 2
    assert events[0].fatalities != 12 and events[1].fatalities == 12


COURT = "A court in Bulawayo on Thursday postponed the trial of a teacher arrested over a post on social media. "


def test_an_arrest_is_dated_by_when_the_custody_it_led_to_began(events_of: Run) -> None:
    """The sentence's date is the hearing's; the next sentence says since when the teacher is held."""
    events = events_of(COURT + "The teacher has been in custody since 3 June, his lawyer said.")
    assert [(e.sub_event_type, e.date.start if e.date else None) for e in events] == \
        [("Arrests", date(2025, 6, 3))]


def test_with_no_custody_told_the_arrest_keeps_its_sentence_date(events_of: Run) -> None:
    events = events_of(COURT + "The teacher's family has lived in the city since 2010.")
    assert [(e.date.start if e.date else None) for e in events] == [date(2025, 6, 12)]


def test_the_custody_step_can_be_left_out(events_of: Run) -> None:
    events = events_of(COURT + "The teacher has been in custody since 3 June.",
                       date_steps=("clause", "sentence", "publication"))
    assert [(e.date.start if e.date else None) for e in events] == [date(2025, 6, 12)]


def test_a_namesake_abroad_in_the_clause_yields_to_the_sentences_place(events_of: Run) -> None:
    """The quarter's name is also a town in another country: the clause's place is astray while the sentence
    names a town of the report's country, so the sentence's town places the happening."""
    (event,) = events_of("Gang members who live in Mejicanos killed a shopkeeper in the Lorena quarter on Friday.")
    assert event.notes == "SV"


def test_the_deaths_a_protest_is_about_are_not_its_toll(events_of: Run) -> None:
    """ACLED codes no deaths for a peaceful protest: the deaths its sentence names are its cause."""
    (event,) = events_of("Hundreds of students marched in Tamale on Monday to mourn three traders who died in a fire.")
    assert (event.sub_event_type, event.fatalities) == ("Peaceful protest", None)


def test_deaths_told_after_a_protest_are_still_its_toll(events_of: Run) -> None:
    (event,) = events_of("Hundreds of students marched in Tamale on Monday. Police fired on the crowd and two "
                         "students died.")
    assert event.fatalities == 2
