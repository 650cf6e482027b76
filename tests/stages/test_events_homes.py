"""Which happening a sentence joins when it agrees with several told before it (`merge_home_steps`), or points back
to one from a place of its own (`merge_back_reference_own_place`): a sentence naming no place of its own agrees with
every happening of its type in the report's country, and goes on telling the one told just before it, not the first
of the report; one naming another town is not the one it seems to point back to. A keyword test double stands in
for the learned coder, on reports we wrote."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.knowledge.settings import SettingsError
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("stormed", "Battles", "Armed clash"),
    ("assault", "Battles", "Armed clash"),
    ("marched", "Protests", "Peaceful protest"),
)

Run = Callable[..., list[Event]]

TWO_TOWNS = ("Soldiers stormed a militant camp near Baidoa on Monday.\n\n"
             "Soldiers stormed a militant base outside Beledweyne on Monday. ")
STORMED = "Troops stormed the compound at dawn and six fighters died."
"""Naming no place, date or happening told before ('the assault' would point back), it agrees with both."""
ASIDE = "Residents heard gunfire for hours. "


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2025, 6, 10), "h.txt")

    def run(text: str, **changes: object) -> list[Event]:
        analysis, events = read(text, **changes)
        for e in events:  # the place's name, for readable assertions
            e.notes = analysis.places[e.place].name if e.place else ""
        return events

    return run


def tolls(events: list[Event]) -> dict[str, int | None]:
    return {e.notes: e.fatalities for e in events}


def test_a_toll_told_right_after_a_happening_is_its_own(events_of: Run) -> None:
    """The second paragraph's next sentence tells the Beledweyne clash's toll, not the Baidoa one's, though
    naming no place it agrees with both; the 'continued' step does it too."""
    events = events_of(TWO_TOWNS + STORMED)
    assert tolls(events) == {"Baidoa": None, "Beledweyne": 6}
    assert tolls(events_of(TWO_TOWNS + STORMED, merge_home_steps=("continued", "first"))) == tolls(events)


def test_a_toll_told_after_an_aside_goes_to_the_happening_told_last(events_of: Run) -> None:
    """A sentence telling no happening stands between: the happening told last before the toll is its own."""
    events = events_of(TWO_TOWNS + ASIDE + STORMED)
    assert tolls(events) == {"Baidoa": None, "Beledweyne": 6}


def test_without_the_latest_step_a_toll_after_an_aside_goes_to_the_first_happening(events_of: Run) -> None:
    """'continued' does not reach over the aside: the first happening it agrees with takes it."""
    events = events_of(TWO_TOWNS + ASIDE + STORMED, merge_home_steps=("continued", "first"))
    assert tolls(events) == {"Baidoa": 6, "Beledweyne": None}


def test_the_first_step_alone_joins_the_first_happening_of_the_report(events_of: Run) -> None:
    """The rule before the steps: the first happening the sentence agrees with takes it."""
    events = events_of(TWO_TOWNS + STORMED, merge_home_steps=("first",))
    assert tolls(events) == {"Baidoa": 6, "Beledweyne": None}


def test_a_happening_of_its_own_place_stays_apart(events_of: Run) -> None:
    """A sentence telling a happening at a third town is its own event (placed at the gazetteer's Jawhar)."""
    events = events_of(TWO_TOWNS + "Soldiers stormed a village near Jowhar on Monday.")
    assert sorted(e.notes for e in events) == ["Baidoa", "Beledweyne", "Jawhar"]


def test_an_unknown_home_step_fails_naming_the_choices(events_of: Run) -> None:
    with pytest.raises(SettingsError, match="continued, first, latest"):
        events_of(TWO_TOWNS, merge_home_steps=("nearest",))


BAIDOA = "Soldiers stormed a militant camp near Baidoa on Monday.\n\n"


def test_a_sentence_pointing_back_from_another_town_is_its_own_happening(events_of: Run) -> None:
    """'their assault' names the militants' own doing in Beledweyne, not the Baidoa clash told before."""
    text = BAIDOA + "Elsewhere, militants stormed a police post in Beledweyne during their assault."
    assert sorted(e.notes for e in events_of(text)) == ["Baidoa", "Beledweyne"]
    assert len(events_of(text, merge_back_reference_own_place=False)) == 1


def test_a_sentence_pointing_back_with_no_place_of_its_own_still_joins(events_of: Run) -> None:
    (event,) = events_of(BAIDOA + "Two soldiers died in the assault.")
    assert (event.notes, event.fatalities) == ("Baidoa", 2)


def test_a_sentence_pointing_back_from_the_same_town_still_joins(events_of: Run) -> None:
    (event,) = events_of(BAIDOA + "Two soldiers died in the assault near Baidoa.")
    assert (event.notes, event.fatalities) == ("Baidoa", 2)


def test_a_place_told_in_the_pointing_phrase_describes_it(events_of: Run) -> None:
    """The other town is told in the phrase of the noun that points back, describing it: the sentence still tells
    the Baidoa clash (one event, whichever town its place steps then take)."""
    (event,) = events_of(BAIDOA + "Their assault, like the raid in Beledweyne, killed two soldiers.")
    assert event.fatalities == 2
