"""The sides read, recoded (events/roles_recode.py, settings `side_recode_steps`): a member ACLED names only as
associated with one main actor is coded as that actor (`umbrella`; data/actors/umbrella_actors.csv, learned by
thucydides.learn.umbrella_actors from ACLED train); a government read where ACLED names a state's force is that
force (`state_force`); an unnamed armed actor 1 is the one armed group its clause names (`named_group`). Sentences
and rows written for these tests; places attached by hand."""

from __future__ import annotations

import pytest

from tests.stages.test_events import name, only
from tests.stages.test_events_where import events_runner
from thucydides.events.roles_recode import SideRecoding
from thucydides.knowledge.settings import SettingsError
from thucydides.learn.state_side_forces import StateSideSettings
from thucydides.learn.state_side_forces import learn as learn_forces
from thucydides.learn.umbrella_actors import UmbrellaSettings, learn
from thucydides.model import Place

PLACES = {"Marinka": Place("marinka", "Marinka", 47.94, 37.50, "populated_place", "UA", "Donetsk"),
          "Gulu": Place("gulu", "Gulu", 2.77, 32.30, "populated_place", "UG", "Northern"),
          "Ghazni": Place("ghazni", "Ghazni", 33.55, 68.42, "populated_place", "AF", "Ghazni")}
SHELLING = "On 3 March 2022, Ukrainian forces shelled positions of Donbass People's Militia near Marinka."
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
    assert [(u.member, u.role, u.country, u.event_type, u.main, u.associated, u.named) for u in learned] == [
        (member, "actor1", "TD", "Battles", front, 10, 1)]
    assert not learn(rows, UmbrellaSettings(min_associated=10, min_associated_share=0.8, min_main_share=0.95))
    assert not learn(rows, UmbrellaSettings(min_associated=10, min_associated_share=0.95, min_main_share=0.8))


def test_a_member_militia_shelled_is_coded_to_its_front_the_member_associated():
    e = only(events_runner(PLACES)(SHELLING))
    assert name(e.actor1) == "Military Forces of Ukraine (2019-)"
    assert name(e.actor2) == FRONT
    assert name(e.assoc_actor2) == "Donbass People's Militia"


def test_a_member_militia_met_in_a_clash_is_coded_to_its_front_as_actor_2():
    e = only(events_runner(PLACES)("On 3 March 2022, Ukrainian forces clashed with Donbass People's Militia near "
                                   "Marinka."))
    assert name(e.actor2) == FRONT


def test_switched_off_the_member_stays():
    e = only(events_runner(PLACES, side_recode_steps=("named_group",))(SHELLING))
    assert name(e.actor2) == "Donbass People's Militia"


def test_an_unknown_recoding_step_fails_naming_the_choices():
    with pytest.raises(SettingsError, match="nonesuch; choose from named_group, state_force, umbrella"):
        SideRecoding.of(["umbrella", "nonesuch"])


def test_a_bomb_believed_planted_by_a_named_group_is_that_groups():
    e = only(events_runner(PLACES)("On 5 May 2021, a roadside bomb believed to have been planted by the Taliban "
                                   "killed two farmers near Ghazni."))
    assert name(e.actor1) == "Taliban"
    assert "actor1 by named_group" in (e.notes or "")


def test_a_sentence_calling_the_doers_unknown_keeps_the_unidentified_armed_group():
    e = only(events_runner(PLACES)("On 5 May 2021, unidentified gunmen killed two farmers who had sold grain to "
                                   "the Taliban near Ghazni."))
    assert name(e.actor1) == "Unidentified Armed Group (Afghanistan)"


def test_a_group_named_only_in_another_sentence_is_not_the_doer():
    e = only(events_runner(PLACES)("On 5 May 2021, a roadside bomb killed two farmers near Ghazni. The Taliban had "
                                   "held the district until 2019."))
    assert name(e.actor1) == "Unidentified Armed Group (Afghanistan)"


def test_switched_off_the_suspected_group_is_left_unidentified():
    e = only(events_runner(PLACES, side_recode_steps=("umbrella",))(
        "On 5 May 2021, a roadside bomb believed to have been planted by the Taliban killed two farmers near Ghazni."))
    assert name(e.actor1) == "Unidentified Armed Group (Afghanistan)"


def test_the_learner_keeps_the_force_where_a_government_is_almost_never_coded():
    rows = [{"sub_event_type": "Arrests", "actor1": "Police Forces of Atlantis (2001-)", "actor2": ""}] * 7
    rows += [{"sub_event_type": "Arrests", "actor1": "Military Forces of Atlantis (2001-)", "actor2": ""}] * 2
    rows += [{"sub_event_type": "Arrests", "actor1": "Government of Atlantis (2001-)", "actor2": ""}]
    rows += [{"sub_event_type": "Agreement", "actor1": "Government of Atlantis (2001-)", "actor2": ""}] * 10
    learned = learn_forces(rows, StateSideSettings(min_support=10, max_government_share=0.1))
    assert [(f.role, f.sub_event_type, f.force, f.support) for f in learned] == [("actor1", "Arrests", "police", 10)]
    assert not learn_forces(rows, StateSideSettings(min_support=10, max_government_share=0.05))


def test_the_authorities_arresting_are_the_police():
    e = only(events_runner(PLACES)("On 5 May 2021, the authorities arrested two journalists in Gulu."))
    assert e.sub_event_type == "Arrests"
    assert name(e.actor1) == "Police Forces of Uganda (1986-)"
    assert only(events_runner(PLACES, side_recode_steps=())(
        "On 5 May 2021, the authorities arrested two journalists in Gulu.")).actor1 != e.actor1
