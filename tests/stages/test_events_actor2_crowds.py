"""Events stage: actors of crowds and sides, on sentences written for these tests: the force that stepped into a
protest (events/roles.py intervener: 'security forces' there are the police, data/acled.yaml crowd_police_nouns),
the police ACLED codes where the report does not name the force (intervention_default), rioters on both sides of a
clash between crowds (crowd_clash; also a party's followers), whatever a mob acted on (acted_on_civilians),
foreigners of several or no nationalities (unnamed_people: Civilians (International)), the side ACLED most often
names against actor 1 in the country where no other is told (likely_opponent, for a report of about the years it was
learned from), an off-duty policeman acted on as a civilian (off_duty), and a riot told with arrests keeping the
rioters as actor 1 (events/build.py typed_actor1). Places are attached by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from tests.stages.test_events import analysed, events_of, name, only, parse  # noqa: F401  (fixtures)
from thucydides.events.stage import EventsConfig
from thucydides.knowledge import settings
from thucydides.model import Event, Interval
from thucydides.pipeline import available_stages


def test_security_forces_dispersing_a_protest_are_the_police(events_of):
    e = only(events_of("Security forces fired tear gas to disperse hundreds of students who protested in Mosul "
                       "against power cuts."))
    assert e.sub_event_type == "Protest with intervention"
    assert str(name(e.actor2)).startswith("Police Forces of Iraq")


def test_security_forces_in_a_clash_stay_the_military(events_of):
    e = only(events_of("Security forces clashed with militants near Mosul on Sunday."))
    assert e.sub_event_type == "Armed clash"
    assert str(name(e.actor1)).startswith("Military Forces of Iraq")


def test_a_protest_broken_up_by_an_unnamed_force_has_the_police_as_actor_2(events_of):
    e = only(events_of("Hundreds of students protested in front of the court in Mosul; the protest was dispersed "
                       "with tear gas."))
    assert e.sub_event_type == "Protest with intervention"
    assert str(name(e.actor2)).startswith("Police Forces of Iraq")


def test_two_crowds_clashing_are_rioters_on_both_sides(events_of):
    e = only(events_of("Two groups of students clashed on the campus of Mosul University on Monday, injuring five "
                       "students."))
    assert e.sub_event_type == "Mob violence"
    assert name(e.actor1) == name(e.actor2) == "Rioters (Iraq)"


def test_followers_of_a_party_clashing_with_another_crowd_are_rioters_on_both_sides(events_of):
    e = only(events_of("Supporters of the CPN(UML) clashed with supporters of the Nepali Congress outside a polling "
                       "station on Friday, injuring four people."))
    assert e.sub_event_type == "Mob violence"
    assert name(e.actor1) == name(e.actor2) == "Rioters (Nepal)"


def test_party_cadres_fighting_the_police_still_have_the_police_as_actor_2(events_of):
    e = only(events_of("CPN(UML) cadres clashed with police outside a polling station on Friday."))
    assert str(name(e.actor2)).startswith("Police Forces of Nepal")


def test_rioters_clashing_with_police_have_the_police_as_actor_2(events_of):
    e = only(events_of("Rioters clashed with police in Mosul on Sunday."))
    assert str(name(e.actor2)).startswith("Police Forces of Iraq")


def test_a_building_a_mob_set_on_fire_is_civilians(events_of):
    e = only(events_of("A mob torched the town hall in Mosul on Sunday after a disputed election."))
    assert e.sub_event_type == "Mob violence"
    assert name(e.actor2) == "Civilians (Iraq)"


def test_someone_a_mob_beat_named_by_a_pronoun_is_civilians(events_of):
    e = only(events_of("A mob beat him in Mosul on Sunday."))
    assert e.sub_event_type == "Mob violence"
    assert name(e.actor2) == "Civilians (Iraq)"


def test_migrants_of_no_nationality_told_are_international_civilians(events_of):
    e = only(events_of("Turkish police detained 40 migrants in Mosul on Monday."))
    assert e.sub_event_type == "Arrests"
    assert name(e.actor2) == "Civilians (International)"


def test_foreigners_of_several_nationalities_are_international_civilians(events_of):
    e = only(events_of("Police arrested 50 foreigners from Nigeria, Ghana and Togo in Mosul on Monday."))
    assert name(e.actor2) == "Civilians (International)"


def test_migrants_of_one_nationality_stay_that_country_s_civilians(events_of):
    e = only(events_of("Turkish police detained 30 Syrian migrants near Mosul on Monday."))
    assert name(e.actor2) == "Civilians (Syria)"


STRIKE = "Turkish artillery fired on positions near Mosul on Monday."


@pytest.fixture
def strike_with_opponent(parse, settings_from: Callable[[str], None]) -> Iterator[Callable[..., Event]]:
    """The strike read with `likely_opponent` among the actor 2 steps (shipped on; appended last through a
    settings override should the shipped settings leave it out), published on `published`."""
    steps = settings.section("stages.events", EventsConfig).actor2_steps
    if "likely_opponent" not in steps:
        settings_from(f"stages:\n  events:\n    actor2_steps: {[*steps, 'likely_opponent']}\n")

    def strike(published: Interval | None) -> Event:
        claims, events = (available_stages()[n].build() for n in ("claims", "events"))
        analysis = analysed(parse, STRIKE, {}, published)
        claims([analysis])
        events([analysis])
        return only(analysis.events)

    yield strike


def _published(year: int) -> Interval:
    return Interval(date(year, 5, 4), date(year, 5, 4))


def test_a_strike_naming_no_target_side_is_against_the_learned_opponent_of_its_years(strike_with_opponent):
    e = strike_with_opponent(_published(2023))
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert str(name(e.actor1)).startswith("Military Forces of Turkey")
    assert name(e.actor2) == "PKK: Kurdistan Workers Party"


def test_a_strike_of_another_decade_or_undated_takes_no_learned_opponent(strike_with_opponent):
    assert strike_with_opponent(_published(2009)).actor2 is None, "the table's Turkish strikes in Iraq are of 2022"
    assert strike_with_opponent(None).actor2 is None, "undated: a reading of one war's years says nothing of another"


@pytest.fixture
def strike_silent(parse, settings_from: Callable[[str], None]) -> Iterator[Callable[..., Event]]:
    """The strike read with `likely_opponent` last among the actor 2 steps and shelling among the sub-event types
    where it names none (`likely_opponent_silent`)."""
    steps = [s for s in settings.section("stages.events", EventsConfig).actor2_steps if s != "likely_opponent"]
    settings_from(f"stages:\n  events:\n    actor2_steps: {[*steps, 'likely_opponent']}\n"
                  "    likely_opponent_silent: [Shelling/artillery/missile attack]\n")

    def strike(published: Interval | None) -> Event:
        claims, events = (available_stages()[n].build() for n in ("claims", "events"))
        analysis = analysed(parse, STRIKE, {}, published)
        claims([analysis])
        events([analysis])
        return only(analysis.events)

    yield strike


def test_a_shelling_where_acled_mostly_codes_no_target_takes_no_learned_opponent_when_told_so(strike_silent):
    e = strike_silent(_published(2023))
    assert e.sub_event_type == "Shelling/artillery/missile attack"
    assert e.actor2 is None


def test_a_riot_told_with_arrests_keeps_the_rioters_as_actor_1(events_of):
    e = only(events_of("Hundreds of students demonstrated in Mosul on Sunday and threw stones at the governor's "
                       "office. Police arrested ten of them."))
    assert e.sub_event_type == "Violent demonstration"
    assert name(e.actor1) == "Rioters (Iraq)"


def test_an_off_duty_policeman_shot_is_a_civilian(events_of):
    e = only(events_of("Gunmen shot dead an off-duty policeman in Mosul on Monday."))
    assert e.sub_event_type == "Attack"
    assert name(e.actor2) == "Civilians (Iraq)"


def test_a_policeman_on_duty_stays_the_police(events_of):
    e = only(events_of("Gunmen shot dead a policeman in Mosul on Monday."))
    assert str(name(e.actor2)).startswith("Police Forces of Iraq")
