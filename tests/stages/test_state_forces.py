"""'Security forces' read per country as ACLED's coders read them (settle.state_force_reading): Ethiopia's police,
Somalia's military; in a protest the events stage's police rule keeps precedence. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from thucydides.knowledge.actors import actor_base, name_key
from thucydides.knowledge.state_forces import state_force_readings

pytestmark = pytest.mark.slow


def _name(actor_id: str | None) -> str:
    actor = actor_base().get(actor_id)
    assert actor is not None
    return name_key(actor.name)


def _kind(actor_id: str | None) -> str | None:
    """The generic kind ('military', 'police') of a country's member."""
    return actor_base().generic_key(actor_id) if actor_id else None


@pytest.mark.parametrize(("text", "country", "key"), [
    ("Security forces detained twelve students in Gondar, Ethiopia, on Friday.", "ET", "police"),
    ("Security forces raided a farm near Afgooye in Somalia on Monday, killing two men.", "SO", "military"),
])
def test_security_forces_are_the_force_acled_codes_in_the_country(analyse, text, country, key) -> None:
    assert state_force_readings()[country].reading == key
    a = analyse(text)
    force = next(m for m in a.actors if m.text == "Security forces")
    assert _kind(force.actor) == key and force.country == country
    assert a.events and _kind(a.events[0].actor1) == key


def test_in_a_protest_the_police_rule_keeps_precedence(analyse) -> None:
    a = analyse("Security forces fired tear gas at the demonstrators in Afgooye, Somalia, on Monday.")
    assert any(_name(e.actor2) == _name(actor_base().generic("police", "SO").id) for e in a.events)
