"""Events stage: a gang is an armed side, not civilians (data/actors.yaml armed_group nouns: 'a gang member',
'an armed gang'): the side a force clashed with or shot, coded as the country's unidentified armed group, or its
unidentified gang where ACLED codes one there. Sentences written for these tests; places attached by hand as in
tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from tests.stages.test_events import analysed, events_of, name, only, parse  # noqa: F401  (fixtures)


def test_an_armed_gang_a_force_fought_is_actor_2(events_of):
    e = only(events_of("Police exchanged fire with an armed gang in Mosul on Sunday."))
    assert e.sub_event_type == "Armed clash"
    assert str(name(e.actor1)).startswith("Police Forces of Iraq")
    assert name(e.actor2) == "Unidentified Armed Group (Iraq)"


def test_a_gang_member_shot_by_police_is_no_civilian(events_of):
    e = only(events_of("Police shot dead a gang member during a clash in Mosul on Sunday."))
    assert e.event_type == "Battles"
    assert name(e.actor2) == "Unidentified Armed Group (Iraq)"
