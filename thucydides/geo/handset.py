"""The hand-set resolver, kept inside the fitted one: its gates and its score.

Before the ranker was fitted, candidates were scored by hand-set priors (kind, population, capital,
namesakes) plus their coherence with the places the other names resolved to, and gated by how much the
text says a name is a place: a strong name (spaCy's place, "X Province", a multi-word name) may mean
any candidate that fits the report or stands alone; a name at the head of an organisation, after a
place word or in a list only one that fits the report closely. Those gates decide here which candidates
a mention may mean at all, and the hand-set score is one feature of the fitted ranker (stacking: the
fit starts from the hand-set choice and can only add to it). The gates' bounds are settings
(`stages.places.gates`); the score's weights (`place_handset`) define that feature, which the ranker was fitted
on: change one and refit (`python -m thucydides.learn.places`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from thucydides.geo.context import Points
from thucydides.geo.distance import km
from thucydides.geo.document import GeographyView
from thucydides.geo.fold import articles, strip_accents
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import (
    AREA_KINDS,
    CONTAINER_KINDS,
    continents,
    is_capital,
    namesakes,
    people,
    prior_population,
)
from thucydides.geo.ranker import GateSettings, places_settings
from thucydides.geo.recognize import Found
from thucydides.knowledge.settings import SettingsError, section


@dataclass(frozen=True, slots=True)
class HandsetSettings:
    """The hand-set score's weights (`place_handset` in the settings): the fitted ranker's feature, so a change
    means a refit."""

    kind_prior: dict[str, float]
    """Place kind -> how likely a bare name means a place of that kind, before population (0 for a kind not listed)."""
    namesake_penalty: dict[str, float]
    """`priors.namesakes` reason -> how much less likely a bare name means such a namesake."""
    alias_penalty: float
    """Least penalty of a GeoNames candidate met only by an alternate name while a bigger one bears it as its own."""
    capital_bonus: float
    """A country's capital."""
    home_bonus: float
    """A candidate in the outlet's home country."""
    actor_country_bonus: float
    """A candidate in a country whose actors the report names."""
    shared_region_weight: float
    """Weight of the share of the report's other names that may lie in the candidate's region (or country)."""
    alias_penalty_cap: float = 4.0
    """Most penalty of an alternate-name candidate, however much bigger the place bearing the name as its own."""
    population_weight: float = 0.4
    """Per order of magnitude of the candidate's population (log10)."""
    own_name_bonus: float = 0.5
    """A candidate met by its own name (name weight 2)."""
    alternate_name_bonus: float = 0.0
    """A candidate met by one of its alternate names (name weight 1)."""
    weak_name_bonus: float = -0.7
    """A candidate met by a weaker name (any other name weight)."""
    inexact_penalty: float = 2.0
    """Per unit of fuzzy mismatch between the name written and the candidate's name (1 - match)."""
    admin_bonus: float = 3.0
    """A state or district for a mention written as one ("X Province")."""
    admin_other_penalty: float = 1.0
    """Any other kind of place for such a mention."""
    country_share_weight: float = 3.0
    """Weight of the share of the report's other places in the candidate's country."""
    other_continent_penalty: float = 2.0
    """A candidate on another continent than the country most of the report's other places lie in."""
    region_share_weight: float = 2.0
    """Weight of the share of the report's other places in the candidate's region (state)."""
    nearness_km: tuple[float, ...] = (50.0, 150.0, 400.0)
    """Distance bounds to the nearest other place, nearest first; paired with `nearness_bonus`."""
    nearness_bonus: tuple[float, ...] = (2.0, 1.2, 0.5)
    """Bonus for a candidate within each bound of `nearness_km` (the first that holds); none beyond the last."""

    def __post_init__(self) -> None:
        if len(self.nearness_km) != len(self.nearness_bonus):
            raise SettingsError("place_handset: nearness_km and nearness_bonus must be as long as each other")


@lru_cache(maxsize=1)
def handset_settings() -> HandsetSettings:
    """Read once: the weights are fixed for a run, and the scores below ask for them per candidate."""
    return section("place_handset", HandsetSettings)


def _gates() -> GateSettings:
    return places_settings().gates


def penalties(cs: Sequence[Candidate]) -> dict[str, float]:
    """Place id -> how much less likely a bare name means it: a region named like its own town, a village
    named after a far bigger state, a war-map village beside a GeoNames town, an obscure alternate name."""
    flags, weights = namesakes(cs), handset_settings()
    main_population = max((c.population for c in cs if c.weight == 2 and c.place.kind not in CONTAINER_KINDS),
                          default=-1)
    out: dict[str, float] = {}
    for c in cs:
        flag = flags.get(c.place.id)
        if flag:
            out[c.place.id] = weights.namesake_penalty[flag]
        elif c.weight < 2 and c.source == "geonames" and main_population > c.population:
            excess = math.log10(main_population / (c.population + 1))
            out[c.place.id] = min(weights.alias_penalty_cap, weights.alias_penalty + excess)
    return out


def respelt(cs: Sequence[Candidate], written: str) -> list[bool]:
    """Per candidate, whether it was met only through folding ("Haarlem" folds onto "Harlem", "Vienne" onto
    "Vienna", "Hoorn" onto "Horn") while another candidate bears the name as written (accents, case and
    punctuation aside): the writer spelt the name of that one. Transliterations are folded for a reason
    ("Medina" for Madinah): `coherence` counts this only against places in countries the report does not imply."""
    plain = spelt(written)
    exact = {c.place.id for c in cs if spelt(c.name) == plain} if plain else None
    if not exact:
        return [False] * len(cs)  # no candidate spelt as written: none was met only through folding beside one
    return [c.place.id not in exact for c in cs]


@lru_cache(maxsize=65_536)
def spelt(name: str) -> str:
    """A name as written, accents, case, a leading article and everything but letters and digits aside ("Sana'a" is
    "Sanaa", "The Hague" is "Hague")."""
    words = [w for w in re.split(r"[\W_]+", strip_accents(name).casefold()) if w]
    if len(words) > 1 and words[0] in articles():
        words = words[1:]
    return "".join(words)


def prior(f: Found, c: Candidate, penalty: dict[str, float]) -> float:
    """Context-free plausibility: kind, population, capital status and how well the name fits."""
    place, weights = c.place, handset_settings()
    score = weights.kind_prior.get(place.kind, 0.0) + weights.population_weight * math.log10(prior_population(c) + 1)
    score += _name_bonus(c.weight, weights) - weights.inexact_penalty * (1.0 - c.match)
    if f.admin:
        score += weights.admin_bonus if place.kind in ("admin1", "admin2") else -weights.admin_other_penalty
    else:
        score -= penalty.get(place.id, 0.0)
    return score + weights.capital_bonus * is_capital(c)


def _name_bonus(weight: int, weights: HandsetSettings) -> float:
    """How much the kind of name met (own, alternate, weaker) says the candidate is meant."""
    if weight == 2:
        return weights.own_name_bonus
    return weights.alternate_name_bonus if weight == 1 else weights.weak_name_bonus


def coherence(c: Candidate, view: GeographyView, points: Points, respelt: bool = False) -> float:
    """How well a candidate fits the places the report's other names resolved to, its outlet and its actors;
    `respelt`: met only through folding beside a place spelt as written (`respelt`), which counts against it
    outside the report's countries."""
    return coherence_at(c, view, points, respelt, *points.shares(c))


def coherence_at(c: Candidate, view: GeographyView, points: Points, respelt: bool, near: float, country: float,
                 region: float, possible: float) -> float:
    """`coherence`, given what `Points.shares` reads of `points` for the candidate: the context features read the
    same, so a candidate's lookups are made once for both."""
    cc, weights = c.place.country or "", handset_settings()
    score = weights.home_bonus * (bool(cc) and cc == view.home) + weights.actor_country_bonus * (cc in view.actors)
    if respelt and not view.implies(cc):
        score -= places_settings().respelt_penalty
    return score + _country_fit(cc, points, country) + _region_fit(c, points, region, possible) + _nearness(near)


def _country_fit(cc: str, points: Points, share: float) -> float:
    """The share of the other places in the candidate's country (`share`); a candidate on another continent than
    most loses."""
    if not (points.countries and cc):
        return 0.0
    table, weights = continents(), handset_settings()
    top = table.get(points.top_country())
    elsewhere = top and table.get(cc) not in (top, None)
    return weights.country_share_weight * share - (weights.other_continent_penalty if elsewhere else 0.0)


def _region_fit(c: Candidate, points: Points, region: float, possible: float) -> float:
    """The other places in the candidate's region (`region`), and the other names that may lie in it (`possible`;
    a country holds every region of it)."""
    place, cc, weights = c.place, c.place.country or "", handset_settings()
    shared = weights.shared_region_weight
    if place.kind == "country" and cc:
        return shared * min(1.0, points.possible_countries().get(cc, 0.0))
    if not (cc and place.admin1):
        return 0.0
    return weights.region_share_weight * region + shared * min(1.0, possible)


def _nearness(d: float) -> float:
    """Closeness to the nearest other place (`d`, infinite for a state or a country: its point is nominal, its towns
    vote instead)."""
    if d == math.inf:
        return 0.0  # nowhere near (or a state's or a country's nominal point): below no bound
    weights = handset_settings()
    for bound, bonus in zip(weights.nearness_km, weights.nearness_bonus, strict=True):
        if d < bound:
            return bonus
    return 0.0


def stands_alone(f: Found, c: Candidate) -> bool:
    """A strong mention may resolve outside the report's focus only to a place that is hard to confuse."""
    return bool(f.admin or f.border or f.fixed or f.dateline or " " in f.name.strip()
                or c.place.kind in AREA_KINDS or c.population >= _gates().alone_population)


def off_theatre(c: Candidate, view: GeographyView, points: Points) -> bool:
    """With no other place to go by, a town outside the countries of the report's actors must be a big city."""
    return bool(view.actors and not points.countries and c.place.country not in view.actors
                and c.place.kind not in AREA_KINDS and c.population < _gates().theatre_population)


def fits(f: Found, c: Candidate, view: GeographyView, points: Points, towns_only: bool = False) -> bool:
    """In a country the other names resolved to or the outlet's, or near one of the report's places; with no
    such context, a well-known town after a locative word or a large city. `towns_only`: only towns and
    regions placed elsewhere rule other countries out, not a country named, which may be only what the
    report is about ("rallied in Oulu against the invasion of Ukraine")."""
    cc = c.place.country
    if cc and (points.countries.get(cc, 0.0) > 0 or cc == view.home or cc in view.countries):
        return True
    gates = _gates()
    if points.nearest_km(c) < gates.near_km:
        return True
    if (points.settled if towns_only else points.countries) or (view.actors and cc not in view.actors):
        return False
    if f.cue:
        return people(c) >= gates.known_town_population  # a sea or a range after "in" is well known
    return c.population >= gates.theatre_population


def fits_closely(f: Found, c: Candidate, view: GeographyView, points: Points) -> bool:
    """In a region the other names resolved to or the outlet's home region, or near one of their places."""
    p = c.place
    if view.home_region is not None and (p.country, p.admin1) == view.home_region:
        return True
    if not points.regions and not points.items:
        return fits(f, c, view, points)
    if p.country and p.admin1 and points.regions.get((p.country, p.admin1), 0.0) > 0:
        return True
    return points.nearest_km(c) < _gates().close_km


GATES = ("strong", "holder", "place_cue", "cue")
"""How a mention came to be considered, strongest first; the gate's name is a feature too."""


def gate(f: Found, strong: bool, common: bool) -> str | None:
    """Which gate a mention passes; None: a capitalised word only the gazetteer knows, with no cue, or a
    name spaCy read as something else."""
    if f.doubtful:
        return None
    if strong and not common:
        return "strong"
    if f.holder:
        return "holder"
    if f.place_cue:
        return "place_cue"
    if f.cue or f.listed:
        return "cue"
    return None


def admitted(kind: str, f: Found, c: Candidate, view: GeographyView, points: Points) -> bool:
    """Whether candidate `c` may be meant by a mention that passed gate `kind`. Another spelling's place (met
    through the consonant skeleton) only where the report's other places are; a facility's place only in a
    country the report implies."""
    if f.facility and view.known and not view.implies(c.place.country):
        return False  # a hospital or a camp lies in the report's countries
    if c.match < 1.0:
        return fits_closely(f, c, view, points)
    return _GATES[kind](f, c, view, points)


def _strong(f: Found, c: Candidate, view: GeographyView, points: Points) -> bool:
    return fits(f, c, view, points, towns_only=True) or (
        stands_alone(f, c) and not off_theatre(c, view, points) and not obscure_abroad(f, c, view))


def obscure_abroad(f: Found, c: Candidate, view: GeographyView) -> bool:
    """ "coast guards fired at fishermen in At Taynah (Midi, Hajjah)": a strong name that stands alone (two words, a
    district, a town of some size) is still no place abroad the report never implies where it is small (a town or a
    district of fewer than `foreign_town_population`) or, below that size, known there by another name
    (`foreign_and_obscure`, a district counted as a town unless told as a unit): most often a namesake of a village
    the gazetteer lacks (`gates.obscure_abroad`)."""
    settings = places_settings()
    if not settings.gates.obscure_abroad or c.population >= settings.foreign_town_population:
        return False  # a city abroad is often met by another spelling ("Zaporizhzhia"): its size vouches for it
    small_areas = frozenset() if f.admin else frozenset({"admin2"})  # "Poni region": told as a unit, not as a village
    return town_abroad(f, c, view, settings.foreign_town_population, small_areas)


def town_abroad(f: Found, c: Candidate, view: GeographyView, population: int,
                small_areas: frozenset[str] = frozenset()) -> bool:
    """A town (or an area of a kind in `small_areas`) abroad that is small or known there by another name
    (`foreign_and_obscure`); never a country, a province or a region ("Britain", "the UK": a country's other names)."""
    if c.place.kind in AREA_KINDS and c.place.kind not in small_areas:
        return False
    return foreign_and_obscure(f, c, view, population, small_areas)


def foreign_and_obscure(f: Found, c: Candidate, view: GeographyView, population: int,
                        small_areas: frozenset[str] = frozenset()) -> bool:
    """In a country the report never implies (when it implies any), and small (a town, or an area of a kind in
    `small_areas`, of fewer than `population`), or known by another name there."""
    p = c.place
    if not (view.known and p.country and not view.implies(p.country) and not f.dateline):
        return False
    small = (p.kind not in AREA_KINDS or p.kind in small_areas) and c.population < population
    return f.facility or c.weight < 2 or c.match < 1.0 or small


def _holder(f: Found, c: Candidate, view: GeographyView, points: Points) -> bool:
    """ "Texas Department of ...": a region or a big town named first, or a place nearby."""
    return fits_closely(f, c, view, points) or (fits(f, c, view, points, towns_only=True) and (
        c.place.kind in CONTAINER_KINDS or c.population >= _gates().holder_population))


def _place_cue(f: Found, c: Candidate, view: GeographyView, points: Points) -> bool:
    """ "in X", "the X crossing": a place of the report's countries, or a known town where no other town or
    region places the report."""
    return fits_closely(f, c, view, points) or (fits(f, c, view, points, towns_only=True)
                                                and people(c) >= _gates().known_town_population)


def lone_country(f: Found, cs: Sequence[Candidate], view: GeographyView, points: Points,
                 one_place_km: float) -> list[int]:
    """ "demonstrated in Ruffec", "shelling near Pisky": a name after a locative word whose places by that name
    (its own name, spelt as written) all lie in one country, or around one place, may mean them however small, where
    no town or region of the report lies in another country and the outlet is not at home elsewhere. A country
    named ("against the invasion of Ukraine") does not rule the town out: it may be only what the report is about.
    Returns the indices of those places (none: the rule does not apply)."""
    anchor = next((c for c in cs if _own_name(c)), None)
    if anchor is None or not (f.cue or f.place_cue) or f.facility or f.person_name:
        return []
    country = anchor.place.country
    if not (country and _nowhere_else(country, view, points) and _one_country(cs, anchor, one_place_km)):
        return []
    return [i for i, c in enumerate(cs) if _own_name(c)]


def _own_name(c: Candidate) -> bool:
    return c.weight == 2 and c.match >= 1.0


def _nowhere_else(country: str, view: GeographyView, points: Points) -> bool:
    """No town or region of the report lies in another country, and the outlet is not at home in another."""
    return points.settled <= {country} and view.home in (None, country)


def _one_country(cs: Sequence[Candidate], anchor: Candidate, one_place_km: float) -> bool:
    """Every candidate lies in the anchor's country or is the anchor under another unit (across a border)."""
    country = anchor.place.country
    return all(c.place.country == country or _same_place(c, anchor, one_place_km) for c in cs)


def _same_place(c: Candidate, anchor: Candidate, one_place_km: float) -> bool:
    return km(c.place.lat, c.place.lon, anchor.place.lat, anchor.place.lon) <= one_place_km


_GATES = {"strong": _strong, "holder": _holder, "place_cue": _place_cue, "cue": fits_closely}
