"""What a candidate is, before any context: its kind, its population, whether it is a capital, and which
candidates of a name a bare mention rarely means (namesakes). Shared by the hand-set scores and the
fitted ranker's features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import HAND_SOURCE, MAP_SOURCE, Candidate, Gazetteer
from thucydides.knowledge.demonyms import geonames_records
from thucydides.knowledge.settings import section
from thucydides.model import Place

AREA_KINDS = frozenset({"admin1", "admin2", "country", "region", "river"})
CONTAINER_KINDS = frozenset({"admin1", "country"})


@dataclass(frozen=True, slots=True)
class PriorSettings:
    """Populations a candidate counts as before any context (`place_priors` in the settings)."""

    seat_nominal_population: int
    """GeoNames lists a cities500 town with no population only when it is a seat: it counts as this many."""
    seat_town_population: int
    """A town this big, or any town by its main name, is notable: a state named like a notable town inside it is
    rarely what a bare name means (`namesakes`, "seat_twin")."""


@lru_cache(maxsize=1)
def prior_settings() -> PriorSettings:
    """The `place_priors` settings, read once: every candidate's prior asks for them."""
    return section("place_priors", PriorSettings)

FEATURE_KINDS = frozenset({"region", "river"})


@lru_cache(maxsize=1)
def continents() -> dict[str, str]:
    return {iso: c.get("continentcode") or "" for iso, c in geonames_records().items()}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO code -> folded name of the capital: a bare "Paris" or "Washington" means the capital."""
    return {iso: fold(c["capital"]) for iso, c in geonames_records().items() if c.get("capital")}


def is_capital(c: Candidate) -> bool:
    p = c.place
    return p.kind == "populated_place" and bool(p.country) and capitals().get(p.country or "") == fold(p.name)


def prior_population(c: Candidate) -> int:
    """GeoNames lists a town of cities500 with no population only when it is an administrative seat; a hand-listed
    sea, range or region counts no people at all, yet is no smaller a place for it (`feature_population`)."""
    if c.population:
        return c.population
    if c.source == "geonames" and c.place.kind == "populated_place":
        return prior_settings().seat_nominal_population
    if _hand_feature(c):
        return _feature_population()
    return 0


def people(c: Candidate) -> int:
    """How many people the gates count a candidate as: its own, or for a hand-listed sea, range or region, which
    counts none, `feature_population`."""
    return c.population or (_feature_population() if _hand_feature(c) else 0)


def _feature_population() -> int:
    from thucydides.geo.ranker import places_settings

    return places_settings().feature_population


def namesakes(cs: Sequence[Candidate]) -> dict[str, str]:
    """Candidates a bare name rarely means, by place id, with why: a region named like a town inside it
    ("seat_twin"), a village named after a far bigger state elsewhere ("namesake"), a war-map village
    named like a GeoNames town of the same country ("map_namesake")."""
    others = _Namesakes.of(cs)
    return {c.place.id: why for c in cs if (why := others.why(c))}


Where = tuple[str | None, str | None]


@dataclass(frozen=True, slots=True)
class _Namesakes:
    """What a name's candidates say about each other."""

    towns: frozenset[Where]
    """(country, admin1) of its notable towns"""
    areas: dict[Where, int]
    """(country, admin1) -> population of the states and countries it is the main name of"""
    surveyed: frozenset[str | None]
    """countries where GeoNames knows a town of the name"""

    @classmethod
    def of(cls, cs: Sequence[Candidate]) -> _Namesakes:
        return cls(frozenset((c.place.country, c.place.admin1) for c in cs if _notable_town(c)),
                   {(c.place.country, c.place.admin1): prior_population(c) for c in cs if _main_area(c)},
                   frozenset(c.place.country for c in cs if _surveyed_town(c)))

    def why(self, c: Candidate) -> str | None:
        p = c.place
        if p.kind in ("admin1", "admin2") and (p.country, p.admin1) in self.towns:
            return "seat_twin"
        if c.source == MAP_SOURCE and p.country in self.surveyed:
            return "map_namesake"
        return "namesake" if self._named_after_a_bigger_area(c) else None

    def _named_after_a_bigger_area(self, c: Candidate) -> bool:
        """A village named after a state, a country or a hand-listed sea, range or region ten times its size, and
        not inside it (Mexico, Missouri; Pacific, Missouri)."""
        p = c.place
        if p.kind != "populated_place" or (p.country, p.admin1) in self.areas:
            return False
        biggest = max(self.areas.values(), default=0)
        return biggest > 10 * c.population and (p.country, None) not in self.areas


def _notable_town(c: Candidate) -> bool:
    if c.place.kind != "populated_place":
        return False
    return c.weight == 2 or c.population >= prior_settings().seat_town_population


def _main_area(c: Candidate) -> bool:
    """A state or country bearing the name as its own, or a sea, range or region listed by hand under it."""
    return (c.place.kind in CONTAINER_KINDS and c.weight == 2) or _hand_feature(c)


def _hand_feature(c: Candidate) -> bool:
    return c.source == HAND_SOURCE and c.place.kind in FEATURE_KINDS


def _surveyed_town(c: Candidate) -> bool:
    return c.source == "geonames" and c.place.kind == "populated_place" and c.weight == 2


@dataclass(frozen=True, slots=True)
class CodedPoint:
    """A place a conflict record locates an event at: ACLED's train locations and units (`geo_acled_places`)."""

    lat: float
    lon: float
    country: str


@lru_cache(maxsize=1)
def coded_places() -> dict[str, tuple[CodedPoint, ...]]:
    """Folded name (and alias) -> the points ACLED's train split codes events at under it: of two namesakes, the
    one a conflict record places is the likelier in a war report that says no more."""
    import csv
    import gzip

    from thucydides import data

    out: dict[str, list[CodedPoint]] = {}
    with gzip.open(data.data_path("geo_acled_places.csv.gz"), "rt", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            point = CodedPoint(float(row["lat"]), float(row["lon"]), row["country"])
            for name in (row["name"], *(a for a in row["aliases"].split("|") if a)):
                out.setdefault(fold(name), []).append(point)
    return {k: tuple(v) for k, v in out.items()}


def coded(key: str, c: Candidate, reach_km: float) -> bool:
    """Whether a conflict record places an event under the name `key` within `reach_km` of the candidate."""
    from thucydides.geo.distance import km

    p = c.place
    return any(pt.country == p.country and km(pt.lat, pt.lon, p.lat, p.lon) <= reach_km
               for pt in coded_places().get(key, ()))


def capital_place(gaz: Gazetteer, country: str) -> Place | None:
    """The capital of the country `country` (ISO alpha-2) as the gazetteer holds it: the most populous town of
    the capital's name in that country; None where the country table names no capital or the gazetteer no town."""
    name = capitals().get(country)
    if not name:
        return None
    towns = [c for c in gaz.candidates(name) if c.place.country == country and c.place.kind == "populated_place"]
    return max(towns, key=lambda c: c.population).place if towns else None
