"""A report's coder reads each text once: the same words asked again (a clause re-read for the sentence's
other happenings) come from memory, in the order asked, and only new texts reach the coder."""

from __future__ import annotations

from tests.stages.keyword_coder import Guess, KeywordCoder, SentenceCoder
from thucydides.events.detect import Remembered

KEYWORDS = (("raided", "Battles", "Armed clash"), ("marched", "Protests", "Peaceful protest"))


class Counting(SentenceCoder[Guess]):
    """The keyword double, keeping every text it is asked to read."""

    def __init__(self) -> None:
        self.inner = KeywordCoder(KEYWORDS)
        self.asked: list[str] = []

    def _read(self, text: str) -> Guess:
        self.asked.append(text)
        return self.inner.classify([text])[0]


def test_each_text_is_read_once_and_answers_keep_the_order_asked() -> None:
    inner = Counting()
    coder = Remembered(inner)
    first = coder.classify(["farmers marched to the mill", "the patrol raided a depot"], 0.0)
    again = coder.classify(["the patrol raided a depot", "a quiet week", "farmers marched to the mill",
                            "a quiet week"], 0.0)
    assert [g.sub_event_type for g in first] == ["Peaceful protest", "Armed clash"]
    assert [g.sub_event_type for g in again] == ["Armed clash", None, "Peaceful protest", None]
    assert inner.asked == ["farmers marched to the mill", "the patrol raided a depot", "a quiet week"]


def test_a_text_read_at_another_threshold_is_read_again() -> None:
    inner = Counting()
    coder = Remembered(inner)
    coder.classify(["the patrol raided a depot"], 0.0)
    coder.classify(["the patrol raided a depot"], 0.5)
    coder.classify([], 0.5)
    assert inner.asked == ["the patrol raided a depot", "the patrol raided a depot"]
