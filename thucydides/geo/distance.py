"""Great-circle distance between two points, in kilometres."""

from __future__ import annotations

from collections.abc import Iterable
from math import asin, cos, inf, radians, sin, sqrt

EARTH_RADIUS_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance."""
    p1, p2 = radians(lat1), radians(lat2)
    a = sin((p2 - p1) / 2) ** 2 + cos(p1) * cos(p2) * sin(radians(lon2 - lon1) / 2) ** 2
    return EARTH_RADIUS_KM * 2 * asin(sqrt(a))


def nearest_km(lat0: float, lon0: float, points: Iterable[tuple[str, float, float]], skip: str,
               degrees: float) -> float:
    """The least `km` from (lat0, lon0) to the points (id, lat, lon) other than `skip` that lie within `degrees` of
    latitude of it (infinite when none does): `km`'s arithmetic, its terms for (lat0, lon0) worked out once, since a
    report's places are measured from each of its candidates."""
    best, p1 = inf, radians(lat0)
    cos1 = cos(p1)
    for pid, lat, lon in points:
        if abs(lat - lat0) <= degrees and pid != skip:
            p2 = radians(lat)
            a = sin((p2 - p1) / 2) ** 2 + cos1 * cos(p2) * sin(radians(lon - lon0) / 2) ** 2
            d = EARTH_RADIUS_KM * 2 * asin(sqrt(a))
            if d < best:
                best = d
    return best
