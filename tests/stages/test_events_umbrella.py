"""A member ACLED names only as associated with one main actor is coded as that actor (data/actors/
umbrella_actors.csv, learned by thucydides.learn.umbrella_actors from ACLED train; events/roles_umbrella.py, settings
`side_recode_steps`). Sentences and rows written for these tests; places attached by hand."""

from __future__ import annotations

import pytest

from tests.stages.test_events import name, only
from tests.stages.test_events_where import events_runner
from thucydides.events.roles_umbrella import SideRecoding
from thucydides.knowledge.settings import SettingsError
from thucydides.learn.umbrella_actors import UmbrellaSettings, learn
from thucydides.model import Place

PLACES = {"Marinka": Place("marinka", "Marinka", 47.94, 37.50, "populated_place", "UA", "Donetsk")}
SHELLING = "On 3 March 2022, Donbass People's Militia shelled Marinka, wounding two civilians."
FRONT = "NAF: United Armed Forces of Novorossiya"


def test_the_learner_keeps_the_main_actor_a_member_is_associated_with():
    member, front = "Atlantis Hill Militia", "Atlantis Front"
    here = {"country": "Chad", "event_type": "Battles", "actor2": "Military Forces of Chad (2021-)",
            "assoc_actor_2": ""}
    rows = [{**here, "actor1": front, "assoc_actor_1": f"{member}; Farmers (Chad)"}] * 9
    rows += [{**here, "actor1": "Another Front", "assoc_actor_1": member}]
    rows += [{**here, "actor1": member, "assoc_actor_1": ""}]
    rows += [{**here, "actor1": front, "assoc_actor_1": member, "country": "Niger"}] * 3
    learned = learn(rows, UmbrellaSettings(min_associated=10, min_associated_share=0.8, min_main_share=0.8))
    assert [(u.member, u.country, u.event_type, u.main, u.associated, u.named) for u in learned] == [
        (member, "TD", "Battles", front, 10, 1)]
    assert not learn(rows, UmbrellaSettings(min_associated=10, min_associated_share=0.8, min_main_share=0.95))
    assert not learn(rows, UmbrellaSettings(min_associated=10, min_associated_share=0.95, min_main_share=0.8))


def test_a_member_militia_shelling_is_coded_to_its_front_the_member_associated():
    e = only(events_runner(PLACES)(SHELLING))
    assert name(e.actor1) == FRONT
    assert name(e.assoc_actor1) == "Donbass People's Militia"


def test_a_member_militia_met_in_a_clash_is_coded_to_its_front_as_actor_2():
    e = only(events_runner(PLACES)("On 3 March 2022, Ukrainian forces clashed with Donbass People's Militia near "
                                   "Marinka."))
    assert name(e.actor1) == "Military Forces of Ukraine (2019-)"
    assert name(e.actor2) == FRONT


def test_switched_off_the_member_stays():
    e = only(events_runner(PLACES, side_recode_steps=())(SHELLING))
    assert name(e.actor1) == "Donbass People's Militia"


def test_an_unknown_recoding_step_fails_naming_the_choices():
    with pytest.raises(SettingsError, match="choose from umbrella"):
        SideRecoding.of(["umbrella", "nonesuch"])
