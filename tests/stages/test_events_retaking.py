"""Events stage: taking a place back ('the liberation of X', 'operations to retake X') is the state's regaining of
territory (data/acled.yaml fallback_predicates), whose actor 1, where the report names no doer, is the country's
military (default_actors: Government regains territory); a non-state doer told makes it an overtaking (coding_rules).
Sentences written for these tests; places attached by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from tests.stages.test_events import analysed, events_of, name, only, parse  # noqa: F401  (fixtures)


def test_a_liberation_told_without_a_doer_is_the_countrys_military_regaining_it(events_of):
    e = only(events_of("The minister welcomed the liberation of Tikrit last week."))
    assert e.sub_event_type == "Government regains territory"
    assert str(name(e.actor1)).startswith("Military Forces of Iraq")


def test_rebels_retaking_a_town_overtake_it(events_of):
    e = only(events_of("Rebels recaptured the town of Tikrit from the army on Sunday."))
    assert e.sub_event_type == "Non-state actor overtakes territory"
    assert not str(name(e.actor1)).startswith("Military Forces")
