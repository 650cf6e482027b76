"""A distance told from a landmark ("a village about 45 km south of X", "10 miles north-west of the town of X"):
where the happening lies is that far that way from the place named, not at it. News reports measure from a
known town when the village itself is little known, and a gazetteer often misses such villages; the point the
distance and the bearing give is nearer the village than the landmark is. Words as data (geo_words.yaml:
bearings, distance_units, landmark_words)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from thucydides import data
from thucydides.geo.distance import EARTH_RADIUS_KM
from thucydides.geo.located import unit_nouns_alternation
from thucydides.geo.recognize import alternation
from thucydides.model import Place


@dataclass(frozen=True)
class Offset:
    km: float
    bearing: float
    """Degrees clockwise from north."""
    compass: str
    """The compass word as written ("south-east")."""
    written: str = ""
    """The distance as written ("15 miles")."""


@dataclass(frozen=True)
class OffsetWords:
    bearings: dict[str, float]
    units: dict[str, float]
    landmark_words: frozenset[str]


@cache
def offset_words() -> OffsetWords:
    raw = data.load("geo_words.yaml")
    return OffsetWords({str(k).lower(): float(v) for k, v in (raw.get("bearings") or {}).items()},
                       {str(k).lower(): float(v) for k, v in (raw.get("distance_units") or {}).items()},
                       data.word_set(raw, "landmark_words"))


@cache
def offset_pattern() -> re.Pattern[str]:
    """ "45 km south of ", "about 45km (28 miles) south-east of the provincial capital ", "10 miles west of the
    town of ": a number, a unit, an optional bracket (the distance in other units), a compass word and "of" or
    "from", then at most three words that tell what the landmark is, right before its name."""
    w = offset_words()
    filler = f"{unit_nouns_alternation()}|{alternation(w.landmark_words)}"
    return re.compile(
        rf"\b(?P<num>\d+(?:\.\d+)?)\s*-?\s*(?P<unit>{alternation(w.units)})\.?\s+(?:\([^()]{{0,30}}\)\s*)?"
        rf"(?:to\s+the\s+)?(?P<compass>{alternation(w.bearings)})(?:ern)?\s+(?:of|from)\s+(?:the\s+)?"
        rf"(?:(?:{filler})\s+){{0,3}}(?:of\s+(?:the\s+)?)?$", re.I)


def told_offset(text: str, start: int) -> Offset | None:
    """The distance and bearing the text tells right before a place name starting at `start`, if any."""
    m = offset_pattern().search(text, max(0, start - 100), start)
    if m is None:
        return None
    w = offset_words()
    distance = float(m.group("num")) * w.units[m.group("unit").lower()]
    compass = m.group("compass").lower()
    return Offset(distance, w.bearings[compass], compass, f"{m.group('num')} {m.group('unit')}")


def moved(place: Place, offset: Offset) -> Place:
    """The point `offset` from `place` (on a sphere), as a place of its own, in the landmark's country and
    province (a point near a border may lie across it: the landmark's are the likelier)."""
    lat1, lon1, theta = math.radians(place.lat), math.radians(place.lon), math.radians(offset.bearing)
    delta = offset.km / EARTH_RADIUS_KM
    lat2 = math.asin(math.sin(lat1) * math.cos(delta) + math.cos(lat1) * math.sin(delta) * math.cos(theta))
    lon2 = lon1 + math.atan2(math.sin(theta) * math.sin(delta) * math.cos(lat1),
                             math.cos(delta) - math.sin(lat1) * math.sin(lat2))
    lon = (math.degrees(lon2) + 540.0) % 360.0 - 180.0
    told = offset.written or f"{offset.km:.1f} km"
    return Place(id=f"{place.id}@{offset.km:.1f}km{offset.bearing:g}", name=f"{told} {offset.compass} of {place.name}",
                 lat=round(math.degrees(lat2), 4), lon=round(lon, 4), kind="populated_place",
                 country=place.country, admin1=place.admin1)
