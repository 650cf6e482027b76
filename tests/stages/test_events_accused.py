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


def test_a_deed_read_on_the_verb_of_accusing_is_the_accuseds_and_its_target_acted_on() -> None:
    """'Officials blamed X for the bombing of a market': where the happening is read on 'blamed', X bombed and the
    market's people were acted on, not X (ling.arguments accused_deed)."""
    blamed = ("blamed", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    read = keyword_events(KeywordCoder((blamed,), 0.95), date(2024, 5, 17), "b.txt")
    events = read("Officials in Baidoa blamed al-Shabaab for the bombing of a busy market on Tuesday.")[1]
    assert len(events) == 1
    assert events[0].actor1 is not None and "shabaab" in events[0].actor1.lower()
    assert events[0].actor2 is None or "shabaab" not in events[0].actor2.lower()


def test_a_toll_hung_on_the_verb_of_accusing_is_the_accuseds_deed() -> None:
    """'accused X of shelling the post, killing three': the parse hangs 'killing' on 'accused'; X killed them."""
    killing = ("killing", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    read = keyword_events(KeywordCoder((killing,), 0.95), date(2024, 5, 17), "k.txt")
    events = read("The governor of Bay accused al-Shabaab of shelling a police post in Baidoa on Tuesday, "
                  "killing three officers.")[1]
    assert len(events) == 1
    assert events[0].actor1 is not None and "shabaab" in events[0].actor1.lower()
