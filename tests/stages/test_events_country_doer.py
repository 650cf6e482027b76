"""Events stage: a country named as the doer of a violent happening stands for its military (events/roles.py
country_doer, data/acled.yaml country_doer_event_types), as ACLED codes a state's violence by its forces. Sentences
written for these tests; places attached by hand as in tests/stages/test_events.py (Syria is a country there)."""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from tests.stages.test_events import analysed, events_of, name, only, parse  # noqa: F401  (fixtures)


def test_a_country_that_shelled_a_town_is_its_military(events_of):
    e = only(events_of("Syria shelled the town of Saraqib on Monday, killing four farmers."))
    assert e.event_type == "Explosions/Remote violence"
    assert str(name(e.actor1)).startswith("Military Forces of Syria")


def test_a_country_as_the_agent_of_a_passive_is_its_military(analyse):
    """The whole pipeline, places resolved by the gazetteer."""
    events = analyse("A hospital in Kherson was shelled by Russia on Monday.").events
    assert len(events) == 1
    assert str(name(events[0].actor1)).startswith("Military Forces of Russia")
