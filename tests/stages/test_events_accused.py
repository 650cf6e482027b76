"""A deed told under a verb of accusing ('X accused Y of bombing ...'): the accused does it, the accuser is no party
(lexicons accusing_verbs, read by ling.arguments for a gerund's subject)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events

pytestmark = pytest.mark.slow


def test_the_accused_not_the_accuser_is_actor_1() -> None:
    read = keyword_events(KeywordCoder((("bombing", "Explosions/Remote violence", "Remote explosive/landmine/IED"),),
                                       0.95), date(2024, 5, 17), "a.txt")
    events = read("Somalia has accused al-Shabaab of bombing a police post in Baidoa on Tuesday.")[1]
    assert len(events) == 1
    assert events[0].actor1 is not None and "shabaab" in events[0].actor1.lower()


def test_the_accused_of_a_passive_accusation_stays_actor_1() -> None:
    shelling = ("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    read = keyword_events(KeywordCoder((shelling,), 0.95), date(2024, 5, 17), "p.txt")
    events = read("Al-Shabaab was accused of shelling a police post in Baidoa on Tuesday.")[1]
    assert len(events) == 1
    assert events[0].actor1 is not None and "shabaab" in events[0].actor1.lower()
