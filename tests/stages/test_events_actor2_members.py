"""Events stage: in the sub-event types whose actor 2 ACLED always codes as civilians (data/acled.yaml
civilian_only_sub_events), a party's member or an official harmed is the country's civilians, the party or the office
associated (events/build.py as_civilians, settings `members_as_civilians`); an armed side stays (a clash). Sentences
written for these tests; places attached by hand as in tests/stages/test_events.py."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.stages.test_events import analysed, events_of, name, only, parse  # noqa: F401  (fixtures)
from thucydides.model import Event, Place
from thucydides.pipeline import available_stages

MEMBER = "Gunmen attacked a member of the Democratic Party at his home in Mosul on Sunday."


def test_a_party_member_attacked_is_the_countrys_civilians_with_the_party_associated(events_of):
    e = only(events_of(MEMBER))
    assert e.sub_event_type == "Attack"
    assert name(e.actor2) == "Civilians (Iraq)"
    assert e.assoc_actor2 is not None and "Democratic Party" in str(name(e.assoc_actor2))


def test_an_official_killed_by_gunmen_is_the_civilians(events_of):
    e = only(events_of("Armed men shot dead the mayor of Mosul outside his office on Sunday."))
    assert e.event_type == "Violence against civilians"
    assert name(e.actor2) == "Civilians (Iraq)"


def test_soldiers_attacked_stay_the_military_and_make_a_clash(events_of):
    e = only(events_of("Gunmen attacked soldiers at a checkpoint in Mosul on Sunday."))
    assert e.sub_event_type == "Armed clash"
    assert str(name(e.actor2)).startswith("Military Forces of Iraq")


@pytest.fixture
def events_without(parse, settings_from: Callable[[str], None]) -> Iterator[Callable[[str], Event]]:
    settings_from("stages:\n  events:\n    members_as_civilians: false\n")

    def run(text: str) -> Event:
        claims, events = (available_stages()[n].build() for n in ("claims", "events"))
        analysis = analysed(parse, text, {}, None)
        claims([analysis])
        events([analysis])
        return only(analysis.events)

    yield run


def test_switched_off_the_party_is_actor_2(events_without):
    assert "Democratic Party" in str(name(events_without(MEMBER).actor2))


WIDER_PLACES = {
    "Chisinau": Place("chisinau", "Chisinau", 47.0, 28.86, "populated_place", "MD", "Chisinau"),
    "Nairobi": Place("nairobi", "Nairobi", -1.28, 36.82, "populated_place", "KE", "Nairobi"),
}
ARREST = "Police arrested five members of the PSRM outside a court in Chisinau on Monday."
CHURCH = "Gunmen shot dead a pastor of the Living Waters Church in Nairobi on Sunday."


@pytest.fixture(scope="module")
def wider() -> Callable[..., list[Event]]:
    from tests.stages.test_events_where import events_runner

    def run(text: str, **settings: object) -> list[Event]:
        return events_runner(WIDER_PLACES, **settings)(text)

    return run


def test_party_members_arrested_are_the_civilians_with_the_party_associated(wider):
    e = only(wider(ARREST))
    assert e.sub_event_type == "Arrests"
    assert name(e.actor2) == "Civilians (Moldova)"
    assert "PSRM" in str(name(e.assoc_actor2))


def test_only_in_the_civilian_only_sub_events_the_arrested_party_stays(wider):
    assert "PSRM" in str(name(only(wider(ARREST, members_as_civilians_wide=False)).actor2))


def test_armed_men_arrested_stay_their_group(wider):
    e = only(wider("Police arrested five Al Shabaab militants in Nairobi on Sunday."))
    assert name(e.actor2) == "Al Shabaab"


def test_an_organisation_the_base_lacks_harmed_is_the_civilians(wider):
    e = only(wider(CHURCH))
    assert name(e.actor2) == "Civilians (Kenya)"
    assert "Living Waters Church" in str(name(e.assoc_actor2))
    assert "Living Waters Church" in str(name(only(wider(CHURCH, organisations_as_civilians=False)).actor2))
