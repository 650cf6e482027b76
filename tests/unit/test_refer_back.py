"""`settle.refer_back`: a bare 'the rebels' is the armed group named just before, within the window only."""

from __future__ import annotations

from thucydides.actors.settle import refer_back
from thucydides.knowledge.actors import actor_base
from thucydides.model import ActorMention


def _generic(start: int, text: str) -> ActorMention:
    base = actor_base()
    actor = next(a for a in base.actors.values() if base.generic_key(a.id) == "armed_group" and base.settles(a))
    return ActorMention(start, start + len(text), text, actor.id, False, actor.kind, None, True)


def _group(start: int, text: str, name: str) -> ActorMention:
    actor = next(a for a in actor_base().actors.values() if a.name == name)
    return ActorMention(start, start + len(text), text, actor.id, False, actor.kind, None, False)


def test_the_rebels_after_a_named_group_are_that_group() -> None:
    m23 = _group(0, "M23", "M23: March 23 Movement")
    out = refer_back([m23, _generic(120, "rebels")], window=600)
    assert out[1].actor == m23.actor and not out[1].generic


def test_far_away_or_unknown_ones_stay_generic() -> None:
    m23 = _group(0, "M23", "M23: March 23 Movement")
    assert refer_back([m23, _generic(2000, "rebels")], window=600)[1].generic
    assert refer_back([m23, _generic(100, "unknown militants")], window=600)[1].generic
    assert refer_back([m23, _generic(100, "rebels")], window=0)[1].generic


def test_with_two_groups_named_before_the_noun_is_left_to_the_stages_own_reading() -> None:
    m23 = _group(0, "M23", "M23: March 23 Movement")
    adf = _group(40, "ADF", "ADF: Allied Democratic Forces")
    assert [m.text for m in refer_back([m23, adf, _generic(120, "rebels")], window=600)] == ["M23", "ADF"]


def test_a_group_its_own_phrase_names_right_after_is_left_to_the_phrase() -> None:
    taliban = _group(0, "Taliban", "Taliban")
    bla = _group(140, "Baloch Liberation Army", "BLA: Baloch Liberation Army")
    out = refer_back([taliban, _generic(110, "Militants"), bla], window=600)
    assert [m.text for m in out] == ["Taliban", "Baloch Liberation Army"]
