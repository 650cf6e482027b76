"""A distance and a bearing told from a landmark: read from the words before its name, and the point they give."""

from __future__ import annotations

import pytest

from thucydides.geo.distance import km
from thucydides.geo.offsets import moved, told_offset
from thucydides.model import Place

LANDMARK = Place("kano", "Kano", 12.0, 8.5, "populated_place", "NG", "Kano")


def _before(text: str):
    return told_offset(text, text.rindex(" ") + 1)


@pytest.mark.parametrize(("text", "distance", "bearing"), [
    ("raiders burned a hamlet about 40 km south-west of Kano", 40.0, 225.0),
    ("a market some 25km (15 miles) north of Kano", 25.0, 0.0),
    ("a camp 10 miles to the east of the town of Kano", 16.09, 90.0),
    ("a checkpoint 12 kilometres northwest of the provincial capital Kano", 12.0, 315.0),
])
def test_distance_and_bearing_read_before_the_name(text, distance, bearing):
    offset = _before(text)
    assert offset is not None
    assert offset.km == pytest.approx(distance)
    assert offset.bearing == bearing


@pytest.mark.parametrize("text", [
    "fighting north of Kano",                     # a bearing with no distance: near the town, not a point
    "they walked 30 km and then rested in Kano",  # a distance that measures no bearing from the town
    "30 km south of here and in Kano",            # words between that say nothing of the town
])
def test_no_offset_without_a_distance_and_a_bearing_from_the_name(text):
    assert _before(text) is None


def test_the_point_lies_that_far_that_way():
    offset = _before("a village 50 km east of Kano")
    assert offset is not None
    point = moved(LANDMARK, offset)
    assert km(LANDMARK.lat, LANDMARK.lon, point.lat, point.lon) == pytest.approx(50.0, abs=0.5)
    assert point.lon > LANDMARK.lon and point.lat == pytest.approx(LANDMARK.lat, abs=0.01)
    assert (point.country, point.admin1) == ("NG", "Kano") and point.id != LANDMARK.id
    assert point.name == "50 km east of Kano"  # as the text tells it, for the exports' location column
