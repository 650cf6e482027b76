"""The event's place when its anchor is a verb joined to another ("rallied in X and demanded justice for the family of
a man from Y"): the first verb's places are the anchor's clause's too, and the one hanging from fewer nouns wins
(`events.where.in_clause`); with the anchor's own clause alone, Y was taken. Invented sentences."""

from __future__ import annotations

import pytest

RALLY = "Dozens of teachers rallied in Tartu and demanded justice for the family of a fisherman from Narva."


@pytest.mark.slow
def test_the_first_verbs_place_places_the_joined_verbs_event(analyse) -> None:  # type: ignore[no-untyped-def]
    a = analyse(RALLY)
    assert a.events, "a rally is an event"
    assert a.places[a.events[0].place or ""].name == "Tartu"
