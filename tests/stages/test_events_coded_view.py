"""A happening told through a source ('officials said militants shelled X', 'jets were reported to have struck X')
reads as no event where the frame's words pull the coder's reading down; the events stage reads such a sentence
again as its coded view (ling.frames) without them, in a report where nothing else reads as an event. The test
double reads any text holding a word of telling as no event, which stands for that pull."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import Guess, KeywordCoder, ReadGuess, SentenceCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

TOLD = "Officials in Mopti said that militiamen shelled the village of Sofara on Tuesday."
RAISED = "Militiamen were reported to have shelled the village of Sofara on Tuesday."
DENIED = "Officials in Mopti denied that militiamen shelled the village of Sofara on Tuesday."
WITH_EVENT = ("Militiamen ambushed a convoy near Djenne on Monday. "
              "Officials in Mopti said that militiamen shelled the village of Sofara on Tuesday.")
CATCHALL = "Officials in Mopti said that militiamen hoarded rifles in Sofara on Tuesday."
ON = {"coded_view": ("told", "raised", "attributed", "hedged"), "view_eventless_only": True, "view_threshold": None}
FRAME_WORDS = ("said", "reported", "denied")


@dataclass(frozen=True)
class Framed(SentenceCoder[Guess]):
    """Keyword readings, but a text holding a word of telling reads as no event."""

    inner: KeywordCoder

    def _read(self, text: str) -> Guess:
        return Guess(None, None, 0.8) if any(w in text for w in FRAME_WORDS) else self.inner.classify([text])[0]


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = Framed(KeywordCoder((("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
                                 ("ambushed", "Battles", "Armed clash"),
                                 ("hoarded", "Strategic developments", "Other")), 0.95))
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    return lambda text, **changes: read(text, **changes)[1]


def test_a_happening_told_by_a_source_is_read_without_the_frame(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(TOLD, **ON)] == ["Shelling/artillery/missile attack"]
    assert [e.sub_event_type for e in events_of(RAISED, **ON)] == ["Shelling/artillery/missile attack"]


def test_off_the_framed_sentence_reads_as_no_event(events_of: Run) -> None:
    assert events_of(TOLD, **{**ON, "coded_view": ()}) == []


def test_a_denial_is_not_read_as_the_happening(events_of: Run) -> None:
    assert events_of(DENIED, **ON) == []


def test_a_report_with_an_event_does_not_read_its_frames(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(WITH_EVENT, **ON)] == ["Armed clash"]
    every = events_of(WITH_EVENT, **{**ON, "view_eventless_only": False})
    assert sorted(e.sub_event_type for e in every) == ["Armed clash", "Shelling/artillery/missile attack"]


def test_a_view_read_as_a_catchall_is_not_taken(events_of: Run) -> None:
    assert events_of(CATCHALL, **ON) == []


UNHURT = "Officials in Mopti said that militiamen shelled the village of Sofara on Tuesday, causing no casualties."


@dataclass(frozen=True)
class Mentioning(SentenceCoder[Guess | ReadGuess]):
    """`Framed`, but the words 'no casualties' read as a happening (a toll) and lift a framed sentence holding them a
    little: the mention re-read would then find that, without them, the sentence reads less surely as an event."""

    inner: Framed

    def _read(self, text: str) -> Guess | ReadGuess:
        if text.strip() == "no casualties":
            return ReadGuess("Battles", "Armed clash", 0.9, 0.9)
        g = self.inner.classify([text])[0]
        return ReadGuess(None, None, 0.7, 0.3) if "casualties" in text and g.event_type is None else g


def test_a_view_naming_an_unrealised_toll_is_kept_by_its_own_reading() -> None:
    """The view is what the coder took; the whole sentence, below the threshold anyway, is not re-read for mentions."""
    coder = Mentioning(Framed(KeywordCoder((("shelled", "Explosions/Remote violence",
                                             "Shelling/artillery/missile attack"),), 0.95)))
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    kept = read(UNHURT, **ON, mentions_own_words=True)[1]
    assert [e.sub_event_type for e in kept] == ["Shelling/artillery/missile attack"]
    assert read(UNHURT, **ON, mentions_own_words=False)[1] == []
