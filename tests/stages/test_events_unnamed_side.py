"""Events stage: the side a clash was fought with, named by a noun of unnamed fighting men and by no actor, is the
country's unidentified group of that kind (events/roles.py unnamed_side, data/acled.yaml unnamed_sides). Sentences
written for these tests; places attached by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from tests.stages.test_events import analysed, events_of, name, only, parse  # noqa: F401  (fixtures)


def test_local_militiamen_a_force_clashed_with_are_the_countrys_communal_militia(events_of):
    e = only(events_of("Soldiers clashed with local militiamen near Tikrit on Sunday."))
    assert e.sub_event_type == "Armed clash"
    assert name(e.actor2) == "Unidentified Communal Militia (Iraq)"


def test_a_named_side_still_wins(events_of):
    e = only(events_of("Soldiers clashed with Islamic State fighters near Tikrit on Sunday."))
    assert "Communal" not in str(name(e.actor2))
