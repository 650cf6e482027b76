"""A short report with no sentence read surely as an event keeps its likeliest reading (`single_threshold`); when
that reading is one of ACLED's catch-all sub-types below its `sub_min_confidence` floor, only a note of at most
`catchall_rescue_max_sentences` sentences keeps it (a note of a few sentences telling nothing surer tells that
happening); in a longer report an unsure catch-all is background (a minister's reaction, a village's history),
and the rescue takes the likeliest other reading, if any."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import ReadGuess, SentenceCoder, keyword_events
from thucydides.events.stage import EventsConfig
from thucydides.knowledge.settings import section
from thucydides.model import Event

pytestmark = pytest.mark.slow

REACTION = "The foreign minister of Norway responded on Monday to the bombing in the market of Gao."
NOTE = REACTION + " The minister spoke in Oslo."
FILLER = ("The river rose after the rains of the week. The council met in the afternoon. The school reopened its "
          "doors. The harvest was good this year.")
ATTACK = "Rebels fired on traders in Gao on Sunday."


@dataclass(frozen=True)
class UnsureCatchAllCoder(SentenceCoder[ReadGuess]):
    """Reads the reaction as a change to a group's activity it is sure is an event but unsure of its type, the
    shooting as an attack short of the threshold, anything else as no event."""

    def _read(self, text: str) -> ReadGuess:
        text = text.lower()
        if "responded" in text:
            return ReadGuess("Strategic developments", "Change to group/activity", 0.3, 0.8,
                             (("Change to group/activity", 0.3), ("Attack", 0.25)))
        if "fired on" in text:
            return ReadGuess("Violence against civilians", "Attack", 0.5, 0.65, (("Attack", 0.5),))
        return ReadGuess(None, None, 0.99, 0.01)


def subs(text: str, **changes: object) -> list[str | None]:
    read = keyword_events(UnsureCatchAllCoder(), date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    events: list[Event] = read(text, **changes)[1]
    return [e.sub_event_type for e in events]


def test_the_shipped_setting_is_a_note_of_four_sentences() -> None:
    assert section("stages.events", EventsConfig).catchall_rescue_max_sentences == 4


def test_a_short_note_keeps_its_unsure_catchall() -> None:
    assert subs(NOTE) == ["Change to group/activity"]


def test_a_longer_report_drops_its_unsure_catchall() -> None:
    assert subs(NOTE + " " + FILLER) == []


def test_a_longer_report_rescues_its_likeliest_other_reading() -> None:
    assert subs(NOTE + " " + ATTACK + " " + FILLER) == ["Attack"]


def test_off_the_longer_report_keeps_the_catchall_as_before() -> None:
    assert subs(NOTE + " " + FILLER, catchall_rescue_max_sentences=None) == ["Change to group/activity"]
