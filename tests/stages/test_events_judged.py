"""A happening named as a noun under a verb of judgement ('X condemns the bombing of Y', 'the shelling of Y shows
...'): the noun tells it and anchors it, and the judge is no party (lexicons judgement_verbs; events.detect
judged_happening, nominal_parts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import Guess, KeywordCoder, keyword_events

pytestmark = pytest.mark.slow

SHELLING = ("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack")


def test_the_condemner_of_a_bombing_is_not_its_actor_1() -> None:
    read = keyword_events(KeywordCoder((SHELLING,), 0.95), date(2024, 5, 17), "c.txt")
    events = read("Canada condemns the shelling of Donetsk on Tuesday that killed four people.")[1]
    assert len(events) == 1
    assert events[0].actor1 is None or events[0].actor1.startswith("unidentified")  # a generic, not Canada


@dataclass(frozen=True)
class PhraseCoder(KeywordCoder):
    """Reads a happening only in the noun phrase alone: a whole sentence that judges it reads as comment."""

    def classify(self, texts: Sequence[str], threshold: float | None = None) -> list[Guess]:
        return [g if not t.rstrip().endswith(".") else Guess(None, None, 0.95)
                for t, g in zip(texts, super().classify(texts, threshold), strict=True)]


def test_a_happening_judged_as_a_subject_is_read_from_its_noun_phrase() -> None:
    read = keyword_events(PhraseCoder((SHELLING,), 0.95), date(2024, 5, 17), "s.txt")
    text = "The shelling of Donetsk on Tuesday shows the cruelty of the war."
    assert [e.sub_event_type for e in read(text)[1]] == ["Shelling/artillery/missile attack"]
    assert read(text, judged_nouns=False)[1] == []


def test_a_crowd_condemning_a_killing_protests() -> None:
    """A protest reading is the judging itself (settings judging_types): not anchored on the happening judged."""
    march = ("march", "Protests", "Peaceful protest")
    read = keyword_events(KeywordCoder((march,), 0.95), date(2024, 5, 17), "p.txt")
    text = "Protesters in Bamako condemned the killing of a teacher in a march on Tuesday."
    events = read(text)[1]
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
    assert events[0].actor1 is not None and "protesters" in events[0].actor1
    assert "place by clause" in (events[0].notes or "")  # anchored on the protest's clause, not on the noun


def test_a_happening_that_demonstrates_something_is_no_protest() -> None:
    """The sentence's verb of judgement ('demonstrates') reads as a protest; its subject, a happening, tells the
    event, read from its own words."""
    keywords = (("demonstrate", "Protests", "Peaceful protest"), ("attack", "Violence against civilians", "Attack"))
    read = keyword_events(KeywordCoder(keywords, 0.95), date(2024, 5, 17), "d.txt")
    text = "The attack on the hospital in Aden on Sunday demonstrates the cruelty of the war."
    assert [e.sub_event_type for e in read(text)[1]] == ["Attack"]
    assert [e.sub_event_type for e in read(text, judged_nouns=False)[1]] == ["Peaceful protest"]


def test_a_deed_told_of_a_judged_happening_is_done_by_its_owner() -> None:
    """'X condemns Y's bombings in A, which killed ...': the clause on the happening judged is done by its owner,
    not by the judge (roles.governor)."""
    read = keyword_events(KeywordCoder((("killed", "Violence against civilians", "Attack"),), 0.95),
                          date(2024, 5, 17), "o.txt")
    events = read("Somalia condemns al-Shabaab's bombings in Baidoa on Tuesday, which killed nine teachers.")[1]
    assert len(events) == 1
    assert events[0].actor1 is not None and "shabaab" in events[0].actor1.lower()


def test_the_condemner_is_no_party_when_the_parse_puts_the_happening_in_apposition() -> None:
    """'condemns the brutal, senseless shelling': the parser makes 'brutal' the object and the shelling its
    apposition; the shelling is still the happening judged, and Canada no side of it."""
    read = keyword_events(KeywordCoder((SHELLING,), 0.95), date(2024, 5, 17), "a.txt")
    text = "Canada strongly condemns the brutal, senseless shelling of Donetsk that killed four people."
    events = read(text)[1]
    assert [e.sub_event_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].actor1 is not None and "canada" in events[0].actor1
    assert events[0].actor1.startswith("unidentified")  # a generic, not Canada's military
