"""Places, round 3, on sentences we wrote: the countries of the actors a report names by their own names vote
for its geography as demonyms do (a generic noun does not), and a country a happening is about, named more often
than the town it happens in, does not make that town a stray."""

from __future__ import annotations

import pytest

from thucydides.geo.document import named_actor_countries
from thucydides.geo.resolve import geography
from thucydides.knowledge.actors import actor_base
from thucydides.model import ActorMention, Analysis, Place


def _mention(text: str, actor_id: str, generic: bool = False) -> ActorMention:
    return ActorMention(0, len(text), text, actor_id, generic=generic)


def _named(name: str) -> ActorMention:
    actor = actor_base().lookup(name)
    assert actor is not None, f"the actor base knows {name!r}"
    return _mention(name, actor.id)


def event_place(analysis: Analysis) -> Place | None:
    assert analysis.events, "the sentence tells a happening"
    place = analysis.events[0].place
    return analysis.places[place] if place else None


# --- fast -------------------------------------------------------------------------------------

def test_an_actor_named_by_its_own_name_gives_its_country() -> None:
    assert named_actor_countries([_named("Taliban")]) == frozenset({"AF"})
    assert named_actor_countries([_named("KMT"), _named("Taliban")]) == frozenset({"TW", "AF"})


def test_a_generic_noun_gives_no_country_whatever_country_it_was_given() -> None:
    member = actor_base().member("teachers", "US")
    assert member is not None
    assert named_actor_countries([_mention("teachers", member.id)]) == frozenset()
    assert named_actor_countries([_mention("gunmen", "Police", generic=True)]) == frozenset()


def test_a_name_the_base_gives_to_another_actor_gives_nothing() -> None:
    assert named_actor_countries([_mention("Taliban", "some-other-actor")]) == frozenset()


def test_named_actors_vote_for_the_report_geography_as_demonyms_do() -> None:
    geo = geography([], "", None, frozenset(), frozenset({"FR"}))
    assert geo.countries() == {"FR": 1.0}
    assert geography([], "", None, frozenset()).countries() == {}


# --- slow: whole sentences through the pipeline -------------------------------------------------

@pytest.mark.slow
def test_a_named_union_places_a_town_shared_by_several_countries(analyse) -> None:
    a = analyse("About fifty CGT members marched through Lourdes on Friday to demand higher wages.")
    town = next((a.places[t.place] for t in a.toponyms if t.text == "Lourdes" and t.place), None)
    assert town is not None and town.country == "FR"


@pytest.mark.slow
def test_a_rally_stays_in_its_town_when_the_country_it_is_about_is_named_twice(analyse) -> None:
    a = analyse("On Friday, Finnish students rallied in Tampere against the war in Ukraine, waving the flag of "
                "Ukraine.")
    place = event_place(a)
    assert place is not None and place.name == "Tampere"
