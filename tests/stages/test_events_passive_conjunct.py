"""'He was targeted and killed in a raid conducted by X': the participle coordinated with a passive verb is passive
too (its subject was killed, it did not kill), and the doer is the agent of the participle on the raid
(events.roles anchor_arguments, action_nouns)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events

pytestmark = pytest.mark.slow

KILLED = ("killed", "Violence against civilians", "Attack")


def actors(text: str) -> list[tuple[str | None, str | None]]:
    read = keyword_events(KeywordCoder((KILLED,), 0.95), date(2024, 5, 17), "k.txt")
    return [(e.actor1, e.actor2) for e in read(text)[1]]


def test_the_raids_conductor_is_actor_1_of_a_passive_conjunct() -> None:
    found = actors("He was targeted and killed in a raid conducted by the Kenyan army in Kismayo on Monday.")
    assert found == [("KDF", "civilians-somalia")]  # the Kenyan army, not a guess from 'he'


def test_a_passive_conjunct_keeps_its_own_by_agent() -> None:
    found = actors("The commander was captured and killed by al-Shabaab fighters near Kismayo on Monday.")
    assert [a1 for a1, _ in found] == ["al-shabaab"]
