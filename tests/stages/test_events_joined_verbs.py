"""Which of a sentence's places the event takes (`events.where`, `geo.located`). When its anchor is a verb joined to
another ("rallied in X and demanded justice for the family of a man from Y"), the first verb's places are the anchor's
clause's too, and the one hanging from fewer nouns wins (with the anchor's own clause alone, Y was taken); a town
names the report's country before a region on a tie. Invented sentences."""

from __future__ import annotations

import pytest

RALLY = "Dozens of teachers rallied in Tartu and demanded justice for the family of a fisherman from Narva."


@pytest.mark.slow
def test_the_first_verbs_place_places_the_joined_verbs_event(analyse) -> None:  # type: ignore[no-untyped-def]
    a = analyse(RALLY)
    assert a.events, "a rally is an event"
    assert a.places[a.events[0].place or ""].name == "Tartu"


NURSES = "Nurses from across the Eastern Region marched for better pay in Koforidua."


@pytest.mark.slow
def test_a_town_names_the_reports_country_before_a_region_on_a_tie(analyse) -> None:  # type: ignore[no-untyped-def]
    """One place in Ghana (Koforidua), one region that resolves abroad (many countries have an Eastern Region): the
    town's country is the report's (`located.towns_country`), so the region abroad is the namesake, not the town."""
    a = analyse(NURSES)
    assert a.places[a.events[0].place or ""].name == "Koforidua"
