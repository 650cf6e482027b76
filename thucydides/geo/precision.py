"""The event's own place: the most specific resolved place named in an event's clause, with ACLED geo_precision.

ACLED codes an event at the most specific place its sources name: the village over the district,
the named town over the province. geo_precision says how sure that point is: 1 the place itself,
2 near it or a part of a region (a district, "the outskirts of X", a border), 3 only the larger
region (a province, a country). When several places are equally specific, the one inside the
others' regions wins (a town in the province the clause names), then the first named.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from thucydides.model import Place, Toponym

SPECIFICITY = {"populated_place": 0, "facility": 0, "other": 0, "admin2": 1, "border": 1, "river": 2,
               "region": 2, "admin1": 2, "country": 3}
"""Lower is more specific; unknown kinds count as regions."""


@dataclass(frozen=True, slots=True)
class EventPlace:
    place: Place
    geo_precision: int
    toponym: Toponym


def precision(place: Place, toponym: Toponym) -> int:
    """ACLED geo_precision of an event placed at `place` through `toponym`."""
    level = SPECIFICITY.get(place.kind, 2)
    if level == 0:
        return 2 if toponym.geo_precision == 2 else 1
    return 2 if level == 1 else 3


def _fits(place: Place, others: Sequence[Place]) -> bool:
    """Inside the regions and countries the clause also names (or nothing else is named)."""
    for other in others:
        if other.id == place.id or SPECIFICITY.get(other.kind, 2) <= SPECIFICITY.get(place.kind, 2):
            continue
        if other.country and place.country != other.country:
            return False
        if other.kind == "admin1" and place.admin1 and other.admin1 and place.admin1 != other.admin1:
            return False
    return True


def event_place(toponyms: Sequence[Toponym], places: Mapping[str, Place], start: int, end: int) -> EventPlace | None:
    """The most specific resolved place named between `start` and `end` (an event's clause); None when none is."""
    inside = [(t, places[t.place]) for t in toponyms
              if t.place and t.place in places and start <= t.start and t.end <= end]
    if not inside:
        return None
    named = [p for _, p in inside]
    best_t, best_p = min(inside, key=lambda tp: (SPECIFICITY.get(tp[1].kind, 2), not _fits(tp[1], named),
                                                 tp[0].start))
    return EventPlace(best_p, precision(best_p, best_t), best_t)
