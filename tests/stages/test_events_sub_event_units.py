"""Actor 1 read as a state force is the unit ACLED's coders name for the country and sub-event type (data/actors/
sub_event_units.csv, learned by thucydides.learn.sub_event_units from ACLED train; events/build.py unit_of, settings
`sub_event_units`). Sentences and rows written for these tests; places attached by hand."""

from __future__ import annotations

from tests.stages.test_events import name, only
from tests.stages.test_events_where import events_runner
from thucydides.learn.sub_event_units import UnitSettings, learn
from thucydides.model import Place

PLACES = {"Kharkiv": Place("kharkiv", "Kharkiv", 49.99, 36.23, "populated_place", "UA", "Kharkiv")}
STRIKE = "Russian forces carried out two airstrikes on Kharkiv on Monday, damaging a school."


def test_the_learner_keeps_the_unit_a_force_is_coded_as_for_a_sub_event_type():
    force = "Military Forces of Atlantis (2001-)"
    here = {"country": "Chad", "sub_event_type": "Air/drone strike"}
    rows = [{**here, "actor1": f"{force} Air Force"}] * 8 + [{**here, "actor1": force}] * 2
    rows += [{**here, "actor1": force, "country": "Niger"}] * 10
    rows += [{**here, "actor1": force, "sub_event_type": "Armed clash"}] * 10
    rows += [{**here, "actor1": "Protesters (Atlantis)", "sub_event_type": "Peaceful protest"}] * 10
    learned = learn(rows, UnitSettings(min_support=10, min_share=0.7))
    assert [(u.force, u.country, u.sub_event_type, u.unit, u.support) for u in learned] == [
        (force, "TD", "Air/drone strike", f"{force} Air Force", 10)]
    assert not learn(rows, UnitSettings(min_support=10, min_share=0.9))


def test_a_forces_air_strike_is_its_air_forces():
    e = only(events_runner(PLACES)(STRIKE))
    assert e.sub_event_type == "Air/drone strike"
    assert name(e.actor1) == "Military Forces of Russia (2000-) Air Force"


def test_its_shelling_stays_the_force_and_switched_off_so_does_the_strike():
    e = only(events_runner(PLACES)("Russian forces shelled Kharkiv on Monday, damaging a school."))
    assert name(e.actor1) == "Military Forces of Russia (2000-)"
    assert name(only(events_runner(PLACES, sub_event_units=False)(STRIKE)).actor1) == \
        "Military Forces of Russia (2000-)"
