"""News attributes what it tells ('the governor, speaking after a long meeting, said that a drone strike destroyed
two trucks'): read whole, such a long sentence reads as the telling, not the happening, so what the verb of
telling reports is read again alone and taken when the coder is sure of it. The test double reads a text naming
the governor as no event, which stands for the dilution of a long sentence's reading by its attribution."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import Guess, KeywordCoder, SentenceCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

TOLD = ("The regional governor, speaking to reporters after a long meeting with elders in the capital on Wednesday, "
        "said that a drone strike destroyed two trucks near Gao before dawn.")
MODAL = ("The regional governor, speaking to reporters after a long meeting with elders in the capital on Wednesday, "
         "said that a drone strike could destroy the trucks near Gao before dawn.")
NOT_TOLD = ("The regional governor met elders in the capital on Wednesday for a long meeting about the roads, "
            "while a drone strike destroyed two trucks near Gao before dawn.")
ON = {"long_sentence_tokens": 20, "long_told_only": True, "long_clause_threshold": 0.99, "coded_view": ()}
"""(the coded view, which reads the same sentence without its frame, is off: tests/stages/test_events_coded_view.py)"""


@dataclass(frozen=True)
class Attributing(SentenceCoder[Guess]):
    """Keyword readings, but a text naming the governor reads as no event."""

    inner: KeywordCoder

    def _read(self, text: str) -> Guess:
        return Guess(None, None, 0.8) if "governor" in text else self.inner.classify([text])[0]


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = Attributing(KeywordCoder((("drone strike", "Explosions/Remote violence", "Air/drone strike"),), 0.995))
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    return lambda text, **changes: read(text, **changes)[1]


def test_what_a_long_sentence_reports_is_read_alone(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(TOLD, **ON)] == ["Air/drone strike"]


def test_off_the_long_sentence_reads_as_no_event(events_of: Run) -> None:
    assert events_of(TOLD, **{**ON, "long_sentence_tokens": 0}) == []


def test_a_report_told_as_possible_is_not_read(events_of: Run) -> None:
    assert events_of(MODAL, **ON) == []


def test_only_what_is_told_is_read_alone(events_of: Run) -> None:
    assert events_of(NOT_TOLD, **ON) == []
    assert [e.sub_event_type for e in events_of(NOT_TOLD, **{**ON, "long_told_only": False})] == ["Air/drone strike"]


def test_a_reading_less_sure_than_the_clause_threshold_is_not_taken(events_of: Run) -> None:
    assert events_of(TOLD, **{**ON, "long_clause_threshold": 0.999}) == []
