"""A happening told a distance from a town ('a village 40 km south of A'): placed at the point the distance and
the bearing give, not at the town (events.where.offset_point). Sentences written for these tests, places
attached by hand."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events_where import PLACES, events_runner, first
from thucydides.geo.distance import km
from thucydides.model import Event


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    return events_runner(PLACES)


@pytest.fixture(scope="module")
def events_at_town() -> Callable[[str], list[Event]]:
    return events_runner(PLACES, place_offset_km=None)


SENTENCE = "On Sunday gunmen killed six farmers in a hamlet about 40 km south of Tessin."


def test_a_happening_told_a_distance_from_a_town_lies_there(events_of):
    e = first(events_of(SENTENCE))
    assert e.place and e.place != "tessin" and e.geo_precision == 2
    assert e.place.startswith("tessin@")


def test_the_point_is_the_told_distance_south(events_of):
    e = first(events_of(SENTENCE))
    assert e.place is not None
    lat, lon = _coords(e.place)
    tessin = PLACES["Tessin"]
    assert km(tessin.lat, tessin.lon, lat, lon) == pytest.approx(40.0, abs=1.0)
    assert lat < tessin.lat


def test_switched_off_the_town_stays(events_at_town):
    e = first(events_at_town(SENTENCE))
    assert e.place == "tessin" and e.geo_precision == 2


def test_a_town_told_plainly_stays(events_of):
    e = first(events_of("On Sunday gunmen killed six farmers in Tessin, 40 km from the border."))
    assert e.place == "tessin" and e.geo_precision == 1


def _coords(place_id: str) -> tuple[float, float]:
    """The point an offset place id names, read back the way `geo.offsets.moved` builds it."""
    from thucydides.geo.offsets import moved, told_offset

    offset = told_offset(SENTENCE, SENTENCE.index("Tessin"))
    assert offset is not None
    point = moved(PLACES["Tessin"], offset)
    assert point.id == place_id
    return point.lat, point.lon
