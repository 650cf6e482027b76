"""Events stage: actor 2 where the text names the side acted on by no actor of the base, on sentences written for
these tests: someone named only by a word for a person (events/roles.py unnamed_people) and the state force that
stepped in on a protest (intervener), a house struck and victims named by their nationality. Places are attached
by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from tests.stages.test_events import events_of, name, only, parse  # noqa: F401  (fixtures)


def test_a_shopkeeper_shot_by_gunmen_is_civilians(events_of):
    e = only(events_of("Gunmen on a motorbike shot dead a shopkeeper in Mosul on Sunday."))
    assert e.sub_event_type == "Attack"
    assert name(e.actor2) == "Civilians (Iraq)"


def test_a_woman_killed_by_an_air_strike_is_civilians(events_of):
    e = only(events_of("Warplanes bombed a house in Saraqib on Friday, killing a woman."))
    assert e.event_type == "Explosions/Remote violence"
    assert name(e.actor2) == "Civilians (Syria)"


def test_a_person_word_in_a_peaceful_protest_makes_no_actor_2(events_of):
    e = only(events_of("Hundreds of teachers marched peacefully in Mosul to demand higher pay for every teacher."))
    assert e.sub_event_type == "Peaceful protest"
    assert e.actor2 is None


def test_the_police_who_dispersed_a_protest_are_actor_2(events_of):
    e = only(events_of("Hundreds of students protested in Mosul against power cuts. Police fired tear gas to "
                       "disperse the marchers."))
    assert e.sub_event_type == "Protest with intervention"
    assert str(name(e.actor1)).startswith("Protesters")
    assert str(name(e.actor2)).startswith("Police Forces of Iraq")


def test_a_house_struck_is_civilians(events_of):
    e = only(events_of("Warplanes bombed a house in Saraqib on Friday."))
    assert e.event_type == "Explosions/Remote violence"
    assert name(e.actor2) == "Civilians (Syria)"


def test_victims_named_by_their_nationality_are_that_country_s_civilians(events_of):
    e = only(events_of("Iraqi police detained 30 Syrian migrants near Mosul on Monday."))
    assert e.sub_event_type == "Arrests"
    assert name(e.actor2) == "Civilians (Syria)"


def test_victims_named_by_a_people_are_that_country_s_civilians(events_of):
    e = only(events_of("Turkish warplanes bombed a village near Mosul on Friday, killing three Syrians."))
    assert e.event_type == "Explosions/Remote violence"
    assert name(e.actor2) == "Civilians (Syria)"
