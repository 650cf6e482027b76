"""Events stage: the second side of an armed clash where no clause step reads it (events/roles.py other_armed,
same_side), on sentences written for these tests. Places are attached by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from tests.stages.test_events import events_of, name, only, parse  # noqa: F401  (fixtures)


def test_the_side_named_in_the_next_sentence_is_actor_2(events_of):
    e = only(events_of("ISIS fighters attacked a checkpoint in Mosul on Monday, sparking a firefight that lasted an "
                       "hour. Iraqi troops lost two men."))
    assert e.sub_event_type == "Armed clash"
    assert name(e.actor1) == "Islamic State"
    assert str(name(e.actor2)).startswith("Military Forces of Iraq")


def test_unnamed_rivals_fighting_each_other_are_both_sides(events_of):
    e = only(events_of("Gunmen from two rival tribes exchanged fire in Mosul on Monday, leaving three dead."))
    assert e.sub_event_type == "Armed clash"
    assert e.actor1 is not None and e.actor2 == e.actor1


def test_a_named_side_is_never_both_sides(events_of):
    e = only(events_of("ISIS militants fired on an Iraqi army post near Mosul on Tuesday and fought for two hours."))
    assert name(e.actor1) == "Islamic State"
    assert e.actor2 != e.actor1
