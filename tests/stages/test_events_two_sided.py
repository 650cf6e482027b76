"""Events stage: in the sub-event types ACLED codes with an armed actor 2 in nearly every row (data/acled.yaml
two_sided_sub_events: weapons seized or defused, territory handed over), the other armed side the paragraph names is
actor 2 where no step read one (events/roles.py other_armed). Sentences written for these tests; places attached
by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.stages.test_events import name, only
from tests.stages.test_events_where import events_runner
from thucydides.model import Place

PLACES = {"Nairobi": Place("nairobi", "Nairobi", -1.28, 36.82, "populated_place", "KE", "Nairobi")}
DEFUSED = "Troops defused two bombs near Nairobi on Monday. Al Shabaab had planted them on the road the night before."


def test_the_armed_side_whose_weapons_were_defused_is_actor_2():
    e = only(events_runner(PLACES)(DEFUSED))
    assert e.sub_event_type == "Disrupted weapons use"
    assert str(name(e.actor1)).startswith("Military Forces of Kenya")
    assert name(e.actor2) == "Al Shabaab"


def test_no_other_armed_side_named_leaves_actor_2_empty():
    assert only(events_runner(PLACES)("Police defused a bomb near Nairobi on Monday.")).actor2 is None


def test_without_the_list_only_clashes_take_the_other_armed_side(monkeypatch: pytest.MonkeyPatch):
    from thucydides.events import stage
    from thucydides.knowledge.acled import taxonomy

    monkeypatch.setattr(stage, "taxonomy", lambda: replace(taxonomy(), two_sided_subs=frozenset()))
    assert only(events_runner(PLACES)(DEFUSED)).actor2 is None


def test_a_state_actor_of_the_same_country_is_never_the_other_side():
    e = only(events_runner(PLACES)("Police defused a bomb near Nairobi on Monday. The army sealed off the road."))
    assert e.sub_event_type == "Disrupted weapons use"
    assert e.actor2 is None
