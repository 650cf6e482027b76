"""Where a report's other names resolved to, as one mention sees it (its own name left out)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from thucydides.geo.distance import nearest_km
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import CONTAINER_KINDS

NEAR_LIMIT_KM = 450.0
"""Farther than this, another place says nothing about a candidate."""

Region = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Points:
    """The other names' places: (place id, lat, lon) of the point-like ones, the share of them in each
    country and region, and the regions the other names could lie in (each name's vote split evenly over
    its candidates' regions, so two ambiguous names meet in the one state they share)."""

    items: tuple[tuple[str, float, float], ...]
    countries: Mapping[str, float] = field(default_factory=dict)
    regions: Mapping[Region, float] = field(default_factory=dict)
    possible: Mapping[Region, float] = field(default_factory=dict)
    settled: frozenset[str] = frozenset()
    """The countries of the other names' places below the country level: a town or a province says where the
    report is; a country may be only what it is about ("rallied in Oulu against the invasion of Ukraine")."""
    _near: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    _possible_countries: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    _top: list[str] = field(default_factory=list, compare=False, repr=False)
    rows: dict[tuple[str, bool], tuple[object, list[float], float]] = field(default_factory=dict, compare=False,
                                                                            repr=False)
    """(place id, respelt) -> the view a candidate was scored against, its context features and its hand-set
    coherence (`features.context_rows`), kept: one context stands for one name in one pass, and the name's mentions
    that rank apart (another cue, another frame) share their candidates."""

    def top_country(self) -> str:
        """The country holding the largest share of the other places (the first of tied ones); `countries`
        must not be empty. Asked once per candidate, found once."""
        if not self._top:
            self._top.append(max(self.countries, key=self.countries.__getitem__))
        return self._top[0]

    def nearest_km(self, c: Candidate) -> float:
        """Distance to the nearest other point; beyond NEAR_LIMIT_KM, infinite."""
        pid = c.place.id
        hit = self._near.get(pid)
        if hit is None:
            hit = self._near[pid] = _nearest(c, self.items)
        return hit

    def shares(self, c: Candidate) -> tuple[float, float, float, float]:
        """What the candidate's features and coherence read of the context, read once for both: the distance to the
        nearest other point (infinite for a state or a country: its point is nominal), the share of the other places
        in its country and in its region, and the votes for its region (none for a country)."""
        p = c.place
        d = self.nearest_km(c) if p.kind not in CONTAINER_KINDS else math.inf
        if p.kind == "country":
            return d, self.countries.get(p.country or "", 0.0), 0.0, 0.0
        where = (p.country or "", p.admin1 or "")
        return d, self.countries.get(where[0], 0.0), self.regions.get(where, 0.0), self.possible.get(where, 0.0)

    def possible_countries(self) -> dict[str, float]:
        """`possible` summed by country: a country holds every region of it the other names may lie in."""
        if self.possible and not self._possible_countries:
            for (country, _), share in self.possible.items():
                self._possible_countries[country] = self._possible_countries.get(country, 0.0) + share
        return self._possible_countries


def _nearest(c: Candidate, items: tuple[tuple[str, float, float], ...]) -> float:
    if not items:
        return math.inf
    p = c.place
    best = nearest_km(p.lat, p.lon, items, p.id, NEAR_LIMIT_KM / 111.0)
    return best if best <= NEAR_LIMIT_KM else math.inf
