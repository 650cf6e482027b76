"""A short note (a dispatch, an ACLED note) tells one happening without saying it twice: when none of its sentences
reaches the event threshold, its likeliest one is kept if the coder reads it as an event at least
`stages.events.single_threshold` surely. The shipped floor keeps a reading the coder is 65% sure of; a long story's
likeliest sentence below the threshold (background, a plan) is not kept at any floor."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import ReadGuess, SentenceCoder, keyword_events
from thucydides.events.stage import EventsConfig
from thucydides.knowledge.settings import section
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

NOTE = "Gunmen fired on a minibus near Kidal on Monday, residents of the town told reporters."
FILLER = "The market of the town reopened in the afternoon after a long day of rain. "


@dataclass(frozen=True)
class HalfSureCoder(SentenceCoder[ReadGuess]):
    """Reads 'fired on' as an attack it is 65% sure is an event, anything else as no event."""

    def _read(self, text: str) -> ReadGuess:
        return (ReadGuess("Violence against civilians", "Attack", 0.6, 0.65, (("Attack", 0.6),))
                if "fired on" in text.lower() else ReadGuess(None, None, 0.99, 0.01))


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(HalfSureCoder(), date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    return lambda text, **changes: read(text, **changes)[1]


def test_the_shipped_floor_keeps_a_short_notes_likeliest_reading(events_of: Run) -> None:
    assert section("stages.events", EventsConfig).single_threshold == pytest.approx(0.6)
    assert [e.sub_event_type for e in events_of(NOTE)] == ["Attack"]


def test_a_floor_above_the_reading_drops_it(events_of: Run) -> None:
    assert events_of(NOTE, single_threshold=0.7) == []


def test_a_long_storys_likeliest_sentence_below_the_threshold_is_not_kept(events_of: Run) -> None:
    story = NOTE + " " + FILLER * 9
    assert events_of(story, single_max_sentences=8) == []
