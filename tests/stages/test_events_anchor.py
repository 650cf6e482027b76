"""The clause that tells a sentence's happening is one the coder reads as an event (`stages.events.anchor_threshold`):
a clause it reads as none, however small, does not carry the sentence's event because the sub-type it would
likeliest have is the sentence's. Anchored there, a clause that did not happen (a pay stopped) dropped the
protest the sentence tells."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import ReadGuess, SentenceCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

NOTE = "On 3 May 2024, nurses protested outside the hospital in Kano after their wages were suspended."


@dataclass(frozen=True)
class ProtestCoder(SentenceCoder[ReadGuess]):
    """Reads a text with 'protested' as a protest; any other as no event whose likeliest sub-type is a protest."""

    def _read(self, text: str) -> ReadGuess:
        return ReadGuess("Protests", "Peaceful protest", 0.9, 0.97 if "protested" in text else 0.05,
                         (("Peaceful protest", 0.9),))


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(ProtestCoder(), date(2024, 5, 4), "n.txt")  # type: ignore[arg-type]
    return lambda text, **changes: read(text, **changes)[1]


def test_the_happening_is_anchored_on_a_clause_read_as_an_event(events_of: Run) -> None:
    events = events_of(NOTE, anchor_threshold=0.5)
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_without_the_threshold_the_smallest_clause_of_the_sub_type_is_the_anchor(events_of: Run) -> None:
    assert events_of(NOTE, anchor_threshold=0.0) == []
