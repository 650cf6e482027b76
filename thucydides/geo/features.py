"""Features of a mention's candidates, and of the mention itself, for the fitted ranker.

Static features depend on the name and its candidates only (computed once per mention); context
features on the rest of the document: its geography (`document.py`) and the places the other names
resolved to. The null features describe the mention, for the option of leaving it unresolved.
The learner (`thucydides.learn.places`) and the resolver compute them with these same functions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from thucydides.geo import handset
from thucydides.geo.context import Points
from thucydides.geo.document import GeographyView
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import (
    AREA_KINDS,
    CONTAINER_KINDS,
    continents,
    is_capital,
    namesakes,
    prior_population,
    prior_settings,
)
from thucydides.geo.recognize import Found
from thucydides.knowledge.settings import section

STATIC_FEATURES = (
    "population", "population_rank", "kind_country", "kind_admin1", "kind_admin2", "kind_area", "kind_site",
    "main_name", "derived_name", "spelling_gap", "capital", "obscure_alias", "seat_twin", "namesake",
    "map_namesake", "admin_fits", "admin_misfits", "facility_area", "hand_prior",
)
CONTEXT_FEATURES = (
    "text_country", "text_region", "foreign", "actor_country", "home_country", "other_continent",
    "near_50", "near_150", "near_400", "unplaced_small", "picked_country", "picked_region", "possible_region",
    "hand_coherence", "hand_best",
)
CANDIDATE_FEATURES = STATIC_FEATURES + CONTEXT_FEATURES
NULL_FEATURES = (
    "bias", "ner_gpe", "ner_loc", "ner_fac", "gazetteer_only", "cue", "place_cue", "listed", "holder",
    "other_entity", "facility", "multiword", "dateline", "admin", "vicinity", "candidates", "skeleton_only",
)
FRAME_FEATURES = ("party_tag", "proper_of", "dash_after", "possessive_after", "opens_report")
"""What the words right around a mention say (`frame_row`)."""
ADMIT_FEATURES = NULL_FEATURES + (
    "gate_strong", "gate_holder", "gate_place_cue", "gate_cue", "doubtful", "other_person", "other_org",
    "confirmed", "top_probability", "top_population", "top_area", "top_implied", "top_near_150", "top_hand",
) + FRAME_FEATURES + ("top_capital", "top_population_rank")


@dataclass(frozen=True, slots=True)
class FeatureScales:
    """What features are divided by to stand in the others' range, and how far a mention's frame is read
    (`place_features` in the settings); the ranker was fitted on them."""

    population_scale: float
    """Orders of magnitude of a population (log10)."""
    hand_scale: float
    """The hand-set scores, which run to about ten."""
    candidates_scale: float
    """A mention's candidate count (natural log of one more than it)."""
    frame_reach: int
    """Characters read on each side of a mention for its frame (`frame_row`)."""


@lru_cache(maxsize=1)
def feature_scales() -> FeatureScales:
    """The `place_features` settings, read once: every candidate's features ask for them."""
    return section("place_features", FeatureScales)


def _log_pop(n: int) -> float:
    return math.log10(n + 1) / feature_scales().population_scale


@dataclass(slots=True)
class StaticEntry:
    """A mention's STATIC_FEATURES rows and what follows from the same candidates alone, computed at most once per
    entry: names recur across reports, and their mentions meet the same entry (`static_entry`)."""

    rows: list[list[float]]
    scores: tuple[object, list[float]] | None = None
    """The ranker that scored the rows and its `static_scores` of them (`resolve.static_scores`)."""
    traits: dict[tuple[bool, int], tuple[list[bool], list[bool]]] = field(default_factory=dict)
    """(the name is an English word, `word_alias_population`) -> the candidates' pickable and lesser-alias flags
    (`resolve._pickable_and_lesser`)."""


_STATIC_CACHE: dict[tuple[object, ...], StaticEntry] = {}
_STATIC_KEY = attrgetter("place.id", "weight", "match")
"""What a candidate puts in its mention's `static_entry` key, read in C."""
STATIC_CACHE_SIZE = 20_000


def static_entry(f: Found, cs: Sequence[Candidate]) -> StaticEntry:
    """The cache's entry for one mention's candidates: the rows depend on the candidates and on whether the mention
    names an admin unit or a facility only, so those are its key."""
    key = (f.admin, f.facility, *map(_STATIC_KEY, cs))
    entry = _STATIC_CACHE.get(key)
    if entry is None:
        if len(_STATIC_CACHE) >= STATIC_CACHE_SIZE:
            _STATIC_CACHE.clear()
        entry = _STATIC_CACHE[key] = StaticEntry(_static_rows(f, cs))
    return entry


def static_rows(f: Found, cs: Sequence[Candidate]) -> list[list[float]]:
    """STATIC_FEATURES of each candidate of one mention, kept (`static_entry`)."""
    return static_entry(f, cs).rows


def _static_rows(f: Found, cs: Sequence[Candidate]) -> list[list[float]]:
    if not cs:
        return []
    pops = [prior_population(c) for c in cs]
    top = max(pops)
    main_pop = max((c.population for c in cs if c.weight == 2 and c.place.kind not in CONTAINER_KINDS), default=-1)
    flags = namesakes(cs)
    penalty, hand = handset.penalties(cs), feature_scales().hand_scale
    return [_static_row(f, c, pop, top, main_pop, flags.get(c.place.id)) + [handset.prior(f, c, penalty) / hand]
            for c, pop in zip(cs, pops, strict=True)]


def _static_row(f: Found, c: Candidate, pop: int, top: int, main_pop: int, flag: str | None) -> list[float]:
    kind, scale = c.place.kind, feature_scales().population_scale
    is_area = kind in AREA_KINDS or kind == "border"
    obscure = (math.log10((main_pop + 1) / (c.population + 1)) / scale
               if c.weight < 2 and c.source == "geonames" and main_pop > c.population else 0.0)
    capital = is_capital(c)
    return [
        _log_pop(pop), math.log10((pop + 1) / (top + 1)) / scale,
        float(kind == "country"), float(kind == "admin1"), float(kind == "admin2"),
        float(kind in ("region", "river", "border")), float(kind in ("facility", "other")),
        float(c.weight == 2), float(c.weight == 0), 1.0 - c.match, float(capital), obscure,
        float(flag == "seat_twin"), float(flag == "namesake"), float(flag == "map_namesake"),
        float(f.admin and kind in ("admin1", "admin2")), float(f.admin and kind not in ("admin1", "admin2")),
        float(f.facility and is_area),
    ]


def context_rows(cs: Sequence[Candidate], view: GeographyView, points: Points,
                 static: Sequence[Sequence[float]], respelt: Sequence[bool] = ()) -> list[list[float]]:
    """CONTEXT_FEATURES of each candidate of one mention (`static`: their STATIC_FEATURES rows; `respelt`: which
    were met only through folding beside one spelt as written, `handset.respelt`). Each candidate's features and
    coherence are kept in `points.rows` for the view they were computed against."""
    top = view.top_country()
    top_continent = continents().get(top) if top else None
    flags, hand = list(respelt) or [False] * len(cs), feature_scales().hand_scale
    kept = points.rows
    rows, coherence = [], []
    for c, r in zip(cs, flags, strict=True):
        hit = kept.get((c.place.id, r))
        if hit is None or hit[0] is not view:
            row, fit = _context_row(c, view, points, top_continent, r)
            hit = kept[(c.place.id, r)] = (view, row, fit / hand)
        rows.append(hit[1])
        coherence.append(hit[2])
    return _with_hand_scores(rows, static, coherence)


def _with_hand_scores(rows: list[list[float]], static: Sequence[Sequence[float]],
                      coherence: list[float]) -> list[list[float]]:
    """Append the hand-set coherence, and whether the hand-set score (prior + coherence) ranks the candidate first."""
    totals = [s[-1] + h for s, h in zip(static, coherence, strict=True)]
    best = max(totals, default=0.0)
    return [row + [h, float(t >= best)] for row, h, t in zip(rows, coherence, totals, strict=True)]


def _context_row(c: Candidate, view: GeographyView, points: Points, top_continent: str | None,
                 respelt: bool) -> tuple[list[float], float]:
    """The candidate's context features and its hand-set coherence, from one reading of the context
    (`Points.shares`)."""
    agree = view.rows.get(c.place.id)
    if agree is None:
        agree = view.rows[c.place.id] = _geography_features(c, view, top_continent)
    shares = points.shares(c)
    return (agree + _other_places_features(c, shares, view.known),
            handset.coherence_at(c, view, points, respelt, *shares))


def _geography_features(c: Candidate, view: GeographyView, top_continent: str | None) -> list[float]:
    """text_country .. other_continent: agreement with what the report's names, actors and outlet imply."""
    p = c.place
    cc = p.country or ""
    region = view.regions.get((cc, p.admin1 or ""), 0.0) if p.kind != "country" else 0.0
    foreign = view.known and bool(cc) and not view.implies(cc)
    continent = continents().get(cc)
    return [
        min(1.0, view.countries.get(cc, 0.0)), min(1.0, region), float(foreign), float(cc in view.actors),
        float(bool(cc) and cc == view.home), float(bool(top_continent and continent and continent != top_continent)),
    ]


def _other_places_features(c: Candidate, shares: tuple[float, float, float, float], placed: bool) -> list[float]:
    """near_50 .. possible_region: closeness to the places the other names resolved to (or may lie in), as
    `Points.shares` reads them; `placed`: anything places the report."""
    d, country, region, possible = shares
    small = not placed and c.place.kind == "populated_place" and c.population < prior_settings().seat_nominal_population
    return [float(d < 50), float(d < 150), float(d < 400), float(small), country, region, min(1.0, possible)]


def null_row(f: Found, cs: Sequence[Candidate]) -> list[float]:
    """NULL_FEATURES of a mention: how much the text itself says it names a place."""
    return [
        1.0, float(f.ner == "GPE"), float(f.ner == "LOC"), float(f.ner == "FAC"), float(f.ner is None),
        float(f.cue), float(f.place_cue), float(f.listed), float(f.holder), float(f.other_entity is not None),
        float(f.facility), float(" " in f.name.strip()), float(f.dateline), float(f.admin), float(f.vicinity),
        math.log(len(cs) + 1) / feature_scales().candidates_scale, float(bool(cs) and all(c.match < 1.0 for c in cs)),
    ]


_PARTY_TAG = re.compile(r"(?:^|[\s(\[,])[A-Z]-$")
"""A legislator's party letter and a hyphen before the name: "Sen. Jane Roe, R-[Town]"."""
_PROPER_OF = re.compile(r"\b[A-Z][\w.&'-]*\s+of\s+(?:the\s+)?$")
"""A capitalised word and "of" before the name: "University of [X]", "the Town of [X]"."""
_DASH_AFTER = re.compile(r"(?:,\s*[A-Z][A-Za-z.]{1,8}\.?)?\s*(?:\([^()]{1,20}\)\s*)?(?:-{2,}|[\u2014\u2013\x97])")
"""A dash after the name, as after a dispatch's place, whatever its case: "[Town], St. --", "[TOWN] \u2014"."""
_NON_SPACE = re.compile(r"\S")
"""What opens a report: nothing but space before the name (searched up to the name only, not the whole text sliced)."""
_POSSESSIVE_AFTER = re.compile(r"(?:['\u2019]s\b|-based\b)")
"""The name owns something or something is based there: "[X]'s mayor", "an [X]-based firm"."""


def frame_row(text: str, f: Found) -> list[float]:
    """FRAME_FEATURES of a mention in `text` (the report the offsets point into; empty: no frame)."""
    if not text:
        return [0.0] * len(FRAME_FEATURES)
    reach, start, end = feature_scales().frame_reach, f.start, f.end
    before = text[max(0, start - reach):start]
    tagged = before.endswith(("-", "-\n")) and _PARTY_TAG.search(before) is not None  # the patterns' ends first
    proper = before[-1:].isspace() and before.rstrip().endswith(("of", "the")) and \
        _PROPER_OF.search(before) is not None
    # the patterns after the name read the text up to `reach` past it, as from a slice (neither looks behind)
    return [1.0 if tagged else 0.0, 1.0 if proper else 0.0,
            0.0 if _DASH_AFTER.match(text, end, end + reach) is None else 1.0,
            0.0 if _POSSESSIVE_AFTER.match(text, end, end + reach) is None else 1.0,
            1.0 if _NON_SPACE.search(text, 0, start) is None else 0.0]


def admit_row(f: Found, gate: str | None, confirmed: bool, cs: Sequence[Candidate], best: int, probability: float,
              static: Sequence[float], context: Sequence[float], frame: Sequence[float] = ()) -> list[float]:
    """ADMIT_FEATURES of a mention whose best candidate is `cs[best]` with `probability`, with that
    candidate's STATIC and CONTEXT features; `confirmed`: another mention of the same name resolved; `frame`: the
    mention's FRAME_FEATURES (`frame_row`; empty: none)."""
    c = cs[best]
    return null_row(f, cs) + [
        float(gate == "strong"), float(gate == "holder"), float(gate == "place_cue"), float(gate == "cue"),
        float(f.doubtful), float(f.other_entity == "PERSON"), float(f.other_entity == "ORG"), float(confirmed),
        probability, _log_pop(prior_population(c)), float(c.place.kind in AREA_KINDS),
        float(context[_TEXT_COUNTRY] > 0 or context[_PICKED_COUNTRY] > 0), context[_NEAR_150], static[_HAND_PRIOR],
    ] + (list(frame) or [0.0] * len(FRAME_FEATURES)) + [static[_CAPITAL], static[_POPULATION_RANK]]


_TEXT_COUNTRY, _PICKED_COUNTRY, _NEAR_150 = (CONTEXT_FEATURES.index(n) for n in ("text_country", "picked_country",
                                                                                  "near_150"))
_HAND_PRIOR, _CAPITAL, _POPULATION_RANK = (STATIC_FEATURES.index(n) for n in ("hand_prior", "capital",
                                                                              "population_rank"))
