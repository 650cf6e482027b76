"""The actor 2 step 'coded_side': where no clause names a side acted on, the generic side ACLED's coders most often
name as actor 2 for the event's country and sub-event type (data/actors/coded_sides.csv, learned by
thucydides.learn.coded_sides from ACLED train). Sentences and rows written for these tests; places attached by
hand."""

from __future__ import annotations

from tests.stages.test_events import name, only
from tests.stages.test_events_where import events_runner
from thucydides.events.stage import EventsConfig
from thucydides.knowledge.settings import section
from thucydides.learn.coded_sides import CodedSideSettings, learn
from thucydides.model import Place

PLACES = {"Khan Younis": Place("khan-younis", "Khan Younis", 31.34, 34.31, "populated_place", "PS", "Gaza Strip")}
STRIKE = "Israeli warplanes struck a building in Khan Younis on Tuesday."


def test_the_learner_keeps_the_generic_side_most_rows_of_a_country_and_sub_event_type_name():
    here = {"country": "Chad", "sub_event_type": "Air/drone strike"}
    rows = [{**here, "actor2": "Civilians (Chad)"}] * 7 + [{**here, "actor2": ""}] * 3
    rows += [{**here, "actor2": "Civilians (Niger)", "country": "Niger"}] * 3 + [{**here, "actor2": "",
                                                                                   "country": "Niger"}] * 7
    rows += [{**here, "actor2": "Police Forces of Chad (2021-)", "sub_event_type": "Violent demonstration"}] * 10
    rows += [{**here, "actor2": "Boko Haram", "sub_event_type": "Armed clash"}] * 10
    learned = learn(rows, CodedSideSettings(min_support=10, min_share=0.6))
    assert [(s.country, s.sub_event_type, s.kind, s.support) for s in learned] == [
        ("TD", "Air/drone strike", "civilians", 10), ("TD", "Violent demonstration", "police", 10)]
    assert len(learn(rows, CodedSideSettings(min_support=11, min_share=0.6))) == 0


def test_a_strike_naming_no_target_is_against_the_coded_side_and_switched_off_none():
    e = only(events_runner(PLACES)(STRIKE))
    assert e.sub_event_type == "Air/drone strike"
    assert name(e.actor2) == "Civilians (Palestine)"
    steps = tuple(s for s in section("stages.events", EventsConfig).actor2_steps if s != "coded_side")
    assert only(events_runner(PLACES, actor2_steps=steps)(STRIKE)).actor2 is None
