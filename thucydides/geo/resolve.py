"""Toponym resolution: pick, for each recognised span, the place the report means, or none.

First the document's geography (`document.py`): the countries and regions its unambiguous names,
demonyms, actors and outlet imply. The strong names' likeliest places seed the context. Then, pass
after pass, each mention's candidates are gated by the hand-set rules (`handset.py`: how much the text
says the name is a place, and whether the candidate fits the places the *other* names resolved to) and
ranked by a fitted conditional logit (`ranker.py`) over their features (`features.py`): the hand-set
score, population, kind, how the name matches, agreement with the document's geography, distance to
the other places. A mention the gates admit is resolved to the best of their candidates; one they leave
out (a name the text barely marks as a place) only when the fitted admit model is confident. "Town,
State" pins the town inside the state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter
from typing import Generic, Protocol, TypeVar

from thucydides.geo import handset
from thucydides.geo.context import Points, Region
from thucydides.geo.distance import km
from thucydides.geo.document import (
    OUTLET_KEY,
    DocumentGeography,
    GeographyView,
    actor_countries,
    add_evidence,
    demonym_votes,
    home_country,
    name_evidence,
    outlet_evidence,
)
from thucydides.geo.features import StaticEntry, admit_row, context_rows, frame_row, static_entry
from thucydides.geo.fold import fold, strip_accents
from thucydides.geo.gazetteer import HAND_SOURCE, Candidate, Gazetteer
from thucydides.geo.outlets import OutletHome, outlet_settings
from thucydides.geo.priors import AREA_KINDS, CONTAINER_KINDS, coded
from thucydides.geo.ranker import PlacesSettings, Ranker, admit_threshold, places_settings, ranker
from thucydides.geo.recognize import Found, Knowledge, is_dictionary_word, knowledge
from thucydides.ling.tokens import is_acronym
from thucydides.model import Place

__all__ = ["Resolution", "actor_countries", "home_country", "resolve"]


@dataclass(frozen=True, slots=True)
class Resolution:
    found: Found
    candidate: Candidate | None
    confidence: float
    geo_precision: int


def lookup_names(f: Found, know: Knowledge) -> list[str]:
    """The name itself, then forms without "the", a part word ("western") or an admin noun."""
    names = [f.name]
    words = f.name.split()
    if f.admin and len(words) > 1 and words[-1].lower() in know.admin_nouns:
        names.append(" ".join(words[:-1]))
    if len(words) > 1 and words[0].lower() in know.part_words | {"the"}:
        names.append(" ".join(words[1:]))
    return names


def candidates_for(f: Found, gaz: Gazetteer, know: Knowledge, settings: PlacesSettings,
                   cap: bool = True) -> list[Candidate]:
    """The places a span may name: the one it is fixed to, else those of its first spelling the gazetteer
    knows, else (for a name something marks as a place) another transliteration's. `cap`: at most
    `max_candidates` of them (`capped`); the container pin reads them all first."""
    fixed = f.border or f.fixed
    if fixed:
        return fixed_place(fixed, gaz)
    variants = spellings(f, know)
    found = known_as_written(f, variants, gaz, know, settings)
    if found is not None:
        return capped(found, settings) if cap else found
    return unit_of_the_name(f, gaz, know) or marked_place_transliterated(f, variants, gaz, settings)


def known_as_written(f: Found, variants: list[str], gaz: Gazetteer, know: Knowledge,
                     settings: PlacesSettings) -> list[Candidate] | None:
    """The places of the span told with its unit noun (`told_unit`), else of its first spelling the gazetteer
    knows, joined by their namesake units and left to people abroad (`people_abroad`); None where it knows none."""
    found = told_unit(f, gaz, know) if settings.told_unit_name else None
    found = found or next((cs for cs in (written(v, gaz, f.armed_name) for v in variants) if cs), None)
    if not found:
        return None
    return people_abroad(f, namesake_units(f, found, gaz, know) if settings.namesake_units else found)


def marked_place_transliterated(f: Found, variants: list[str], gaz: Gazetteer,
                                settings: PlacesSettings) -> list[Candidate]:
    """For a name something marks as a place (spaCy's GPE or LOC, a place cue, a unit noun) that the gazetteer
    knows under none of its spellings: the places of another transliteration; for any other name, none."""
    if f.ner in ("GPE", "LOC") or f.place_cue or f.admin:
        return people_abroad(f, transliterated(variants, gaz, settings))
    return []


def told_unit(f: Found, gaz: Gazetteer, know: Knowledge) -> list[Candidate]:
    """ "in Cordoba province": a name told with its unit noun that the gazetteer knows with it as a unit's name
    ("Córdoba Province", Argentina's) means those units, not the units of the bare name elsewhere that the
    gazetteer never calls so (Colombia's Córdoba department). Empty where it knows no such unit, and for a name of
    part words ("Eastern region": many countries' units bear it, the gazetteer names few so: `namesake_units`)."""
    words = f.text.split()
    if not f.admin or len(words) < 2 or words[-1].lower() not in know.admin_nouns or f.text == f.name \
            or all(w in know.part_words for w in f.name.lower().split()):
        return []
    return [c for c in written(f.text, gaz) if c.place.kind == "admin1"]


def unit_of_the_name(f: Found, gaz: Gazetteer, know: Knowledge) -> list[Candidate]:
    """ "the Volta Region", "Dangur District": a span that ends in a capitalised unit noun (`admin_nouns`) and that
    the gazetteer lacks as written names the unit the rest is the name of (where the span came from the parser
    whole, the recogniser never marked it `admin`): only the first-level and second-level units of that name."""
    words = f.name.split()
    if f.admin or len(words) < 2 or not words[-1][:1].isupper() or words[-1].lower() not in know.admin_nouns:
        return []
    return [c for c in written(" ".join(words[:-1]), gaz) if c.place.kind in ("admin1", "admin2")]


def namesake_units(f: Found, found: list[Candidate], gaz: Gazetteer, know: Knowledge) -> list[Candidate]:
    """ "clashes in the Eastern Region": a span ending in a unit noun (`admin_nouns`) whose places are all units is
    as likely any unit of that kind bearing the rest of the name (Ghana's, Sierra Leone's, Zambia's Eastern, where
    the gazetteer holds "Eastern Region" for Uganda's alone): those join it, for the report's context to choose."""
    words = f.name.split()
    if len(words) < 2 or words[-1].lower() not in know.admin_nouns:
        return found
    kinds = {c.place.kind for c in found}
    if not kinds <= {"admin1", "admin2"}:
        return found
    ids = {c.place.id for c in found}
    more = [c for c in written(" ".join(words[:-1]), gaz) if c.place.kind in kinds and c.place.id not in ids]
    return [*found, *more] if more else found


def told_as_town(f: Found, cs: list[Candidate]) -> list[Candidate]:
    """ "protested in Amara city", "the town of X": a name the text tells is a town's (`Found.town`) means one of its
    towns, not a province or a country bearing the name (Ethiopia's Amara region for Iraq's Amara): where the name
    has a town among its places, the areas go. Asked after the pins ("Sorong city (West Papua province)": where the
    town's own entry lies in another province than the one named, the district of its name lying there is meant)."""
    if not f.town or not any(c.place.kind == "populated_place" for c in cs):
        return cs
    return [c for c in cs if c.place.kind not in AREA_KINDS]


UNIT_KINDS = frozenset({"admin1", "region"})


def told_as_unit(f: Found, cs: list[Candidate], know: Knowledge) -> list[Candidate]:
    """ "clashes in Oromiya region": a name the text tells is a unit's (a unit noun after it) means one of its units,
    not a town bearing the name or a spelling of it abroad (Iran's Orumiyeh): where the name has a unit among its
    places, the towns of countries with no such unit go (a province's seat of its name stays: ACLED codes "Wajir
    county" at Wajir town); `told_as_town`'s mirror."""
    words = f.name.split()
    if not (f.admin or (len(words) > 1 and words[-1].lower() in know.admin_nouns)):
        return cs  # not said to be a unit: most names, and their units' countries go unasked
    countries = {c.place.country for c in cs if c.place.kind in UNIT_KINDS}
    if not countries:
        return cs
    return [c for c in cs if c.place.kind in AREA_KINDS or c.place.country in countries]


def people_abroad(f: Found, cs: list[Candidate]) -> list[Candidate]:
    """A people's name ('Maasai', 'Murle': ACLED's actor base has its ethnic militia or group) names no town that
    only sounds like it outside the people's countries (Masai in Malaysia, Morley): those towns go; a town of
    the very name abroad stays (Beja in Portugal), as do a country or a province (a nation's word: 'Turkish',
    Turkey), and all candidates where words that introduce only places say the name is one ('in X': `place_cue`)."""
    if not cs or f.place_cue:
        return cs
    homes = _people_countries(f.name)
    if not homes:
        return cs
    key = _spelt(f.name)
    return [c for c in cs if c.place.country in homes or c.place.kind in CONTAINER_KINDS
            or _spelt(c.name) == key or _spelt(c.place.name) == key]


def _spelt(name: str) -> str:
    """A name as written, but for case and accents: 'Béja' is Beja, Masai is not Maasai (`fold` makes it so)."""
    return strip_accents(name).casefold()


@lru_cache(maxsize=1 << 12)
def _people_countries(name: str) -> frozenset[str]:
    from thucydides.knowledge.actors import actor_base

    return actor_base().people_countries(name)


def written(variant: str, gaz: Gazetteer, armed_name: bool = False) -> list[Candidate]:
    """The places of one spelling; "US" is the country, not Oss or Us: acronyms match only as written, both ways
    (`_code_alias`). An armed group's acronym ("SDF") names no town through the town's alternate names (an airport's
    code)."""
    return list(_written(gaz, variant, armed_name))


@lru_cache(maxsize=1 << 15)
def _written(gaz: Gazetteer, variant: str, armed_name: bool) -> tuple[Candidate, ...]:
    """`written`, remembered per gazetteer as its own lookups are: the same names recur over a run's reports."""
    found = gaz.candidates(variant)
    if not _is_acronym(variant):
        return tuple(c for c in found if not _code_alias(c))
    return tuple(c for c in found if c.name == variant and not (armed_name and _code_of_a_town(c)))


_is_acronym = lru_cache(maxsize=1 << 16)(is_acronym)
"""`is_acronym`, remembered: asked of every candidate's name, over and over the same names."""


def _code_alias(c: Candidate) -> bool:
    """A town's alternate name in capitals ("SEA", "DAY": an airport's code), met by a word not written so ("Sea",
    "St. Patrick's Day"): a code names a town only as written (a region's stays: "Ind." for Indiana)."""
    return _is_acronym(c.name) and _code_of_a_town(c)


def _code_of_a_town(c: Candidate) -> bool:
    """An alternate name of a place smaller than a region: a code or a nickname, not what the place is called."""
    return c.weight < 2 and c.place.kind not in AREA_KINDS


def fixed_place(place_id: str, gaz: Gazetteer) -> list[Candidate]:
    """The one place a border's or a state abbreviation's span names."""
    place = gaz.place(place_id)
    return [Candidate(place, place.name, 2, HAND_SOURCE)] if place else []


def spellings(f: Found, know: Knowledge) -> list[str]:
    """The name, then without its admin noun, "the" or a part word, then the town of a "Town - Quarter" name."""
    variants = [f.name]
    if f.admin:
        variants.append(re.sub(r"\s+(?:" + "|".join(sorted(know.admin_nouns)) + r")$", "", f.name, flags=re.I))
    return [*variants, *lookup_names(f, know)[1:], *town_of_a_quarter(f.name)]


def town_of_a_quarter(name: str) -> list[str]:
    """ "Manaus - South Zone", "Quito - Eloy Alfaro": a town, a spaced dash and a part of it name a quarter the
    gazetteer seldom knows; the town it lies in is where the happening is, near enough."""
    head, dash, _ = name.partition(" - ")
    return [head.strip()] if dash and head.strip() else []


def transliterated(variants: list[str], gaz: Gazetteer, settings: PlacesSettings) -> list[Candidate]:
    """The places of the first spelling that shares a known name's consonant skeleton, closest first."""
    for variant in variants:
        found = sorted(gaz.similar(variant, settings.skeleton_match), key=lambda c: -c.match)
        if found:
            return found[:settings.max_candidates]
    return []


def capped(cs: list[Candidate], settings: PlacesSettings) -> list[Candidate]:
    """At most `max_candidates` candidates, main names first, but never leaving out a big place known by the name
    as an alternate one (Washington, D.C. among the many towns called Washington)."""
    limit = settings.max_candidates
    if len(cs) <= limit:
        return cs
    floor = settings.big_alias_population
    big = [c for c in cs if c.weight >= 1 and c.population >= floor]
    seen = set(big)  # equal candidates hash alike: the same test as `c not in big`, without a scan per candidate
    # only a big one can equal a big one: the others are not hashed
    rest = [c for c in cs if not (c.weight >= 1 and c.population >= floor and c in seen)]
    return big + rest[:max(0, limit - len(big))]


def is_strong(f: Found) -> bool:
    """Mentions trusted without document context."""
    return not f.doubtful and bool(f.ner or f.admin or f.border or f.fixed or f.dateline or " " in f.name.strip())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def plausible_name(f: Found, know: Knowledge) -> bool:
    """Capitalised, not a function word ("To", "And"); a common English word only when spaCy calls it a place. A
    word in capitals standing as a place noun is an acronym, not the function word ("the US", not "us")."""
    name = f.name.strip()
    if not name or not (name[0].isupper() or name[:3].lower() in ("al-", "el-", "as-", "ad-", "ar-", "an-", "at-")):
        return False
    if " " in name or f.admin or f.fixed or f.acronym_noun:
        return True
    if name.lower() in stop_words() or name.lower().rstrip(".") in know.never_names:
        return False
    return name.lower() not in know.common_words or f.ner in ("GPE", "LOC")


def is_common_word(f: Found, know: Knowledge) -> bool:
    return " " not in f.name.strip() and f.name.strip().lower() in know.common_words and not f.admin


def precision_of(f: Found, c: Candidate) -> int:
    """ACLED geo_precision: 1 the place, 2 near it or a border, 3 only the region."""
    if c.place.kind in AREA_KINDS:
        return 3
    if f.vicinity or c.place.kind == "border":
        return 2
    return 1


def inside(c: Candidate, container: Candidate) -> bool:
    """A town in a state or a country named right after it ("Alexandria, Louisiana"). The gazetteer's sources name
    some states differently (a town's "Extreme-Nord" is the state "Far North"): the name the state was met by, or
    its own, counts as its name too."""
    p, box = c.place, container.place
    if p.id == box.id or p.country != box.country:
        return False
    return box.kind == "country" or (p.admin1 is not None and (
        p.admin1 == box.admin1 or fold(p.admin1) in (fold(container.name), fold(box.name))))


@dataclass(frozen=True, slots=True)
class Pin:
    """A town pinned inside its container: the indices of the two names."""

    town: int
    container: int


def pin_containers(found: list[Found], options: list[list[Candidate]], hops: int,
                   seat_km: float = 0.0, lost_units: bool = False,
                   other_state_km: float = 0.0) -> tuple[set[int], list[Pin]]:
    """ "Town, State" and "Town (District, State)": each town's candidates and its container's, pinned to each
    other (`pinned`); the container is the first name after it that can be a state or a country, or the outermost
    of a chain that nests ("Nara (Nara, Koulikoro)": Koulikoro, not the Japanese prefecture the second "Nara" can
    be). A container known only as a town pins by the province it names (`in_province_named`, `seat_km`).
    `lost_units`: a name that can only be a unit, in a container holding none of them, keeps none (`lost_unit`).
    `other_state_km`: a town none of whose places lies in the state keeps those of the state's country within this
    many km of it (`pinned`; 0: none).
    Returns the names that met their container or their town (each confirms the other), and those pins."""
    at = {f.start: i for i, f in enumerate(found)}
    confirmed: set[int] = set()
    pins: list[Pin] = []
    for i in range(len(found)):
        j = container_of(i, found, options, at, hops)
        if j is None:
            continue
        held = [] if _boxes(options[j]) else in_province_named(options[i], found[j].name, options[j], seat_km)
        if held:
            options[i] = held
            confirmed.update((i, j))
            pins.append(Pin(i, j))
        else:
            boxes = _boxes(options[j])
            if lost_units and lost_unit(options[i], boxes):
                options[i] = []
                continue
            options[i], options[j] = pinned(options[i], options[j], other_state_km)
            if options[i] and _within(options[i], boxes):
                confirmed.update((i, j))
                pins.append(Pin(i, j))
    return confirmed, pins


def self_qualified(found: list[Found], options: list[list[Candidate]], pin: Pin) -> None:
    """ "in San Juan (San Juan)": a town qualified by its own name lies in the unit of that name, and where units of
    the name in several countries each hold a town of it (Argentina's province, Puerto Rico's), the most populous
    unit is meant (a report names a small namesake's country): the pair keeps that unit and the towns inside it."""
    town, box = pin.town, pin.container
    if found[town].name.casefold() != found[box].name.casefold():
        return
    units = _boxes(options[box])
    if len({c.place.country for c in units}) < 2:
        return
    best = max(units, key=lambda c: c.place.population or 0)
    held = _within(options[town], [best])
    if held:
        options[town], options[box] = held, [best]


LOST_UNIT_KINDS = frozenset({"admin1", "admin2", "region"})


def lost_unit(unit: list[Candidate], boxes: list[Candidate]) -> bool:
    """ "a village (North Western, Tigray)": a name whose places are all units (Zambia's North-Western province,
    Sierra Leone's) chained inside a state or country of which none lies in the country is that state's unit the
    gazetteer lacks (Tigray's zone), not a namesake abroad: it keeps no candidate, and the state places the report.
    A unit in the state's country stays, held or not: the gazetteer's sources name provinces differently."""
    countries = {b.place.country for b in boxes}
    return bool(unit) and bool(boxes) and all(c.place.kind in LOST_UNIT_KINDS and c.place.country not in countries
                                              for c in unit)


def in_province_named(town: list[Candidate], name: str, container: Sequence[Candidate] = (),
                      seat_km: float = 0.0) -> list[Candidate]:
    """ "Mahdalynivka, Zaporizhia": a container the gazetteer knows by that spelling only as a town (no state among
    its candidates), while some of the town's candidates say they lie in a province of that very name (a source
    that spells its provinces so, ACLED's locations): those candidates, the province told. Else, where the container
    is a town its own source places in a province of its name (the province's seat, as that source spells it), the
    town's candidates in its country within `seat_km` of it (0: not asked): the gazetteer's other source spells the
    province otherwise ("Zaporizka oblast")."""
    key = fold(name)
    towns = [c for c in town if c.place.kind not in CONTAINER_KINDS]
    named = [c for c in towns if c.place.admin1 and fold(c.place.admin1) == key]
    if named or not seat_km:
        return named
    seats = [s.place for s in container if s.place.admin1 and fold(s.place.admin1) == key]
    return [c for c in towns if any(_near_seat(c.place, s, seat_km) for s in seats)]


def _near_seat(p: Place, seat: Place, seat_km: float) -> bool:
    """Another place than the seat, in its country, within `seat_km` of it."""
    return seat.country == p.country and seat.id != p.id and km(seat.lat, seat.lon, p.lat, p.lon) <= seat_km


UNIT_GAP = re.compile(r"\s+(?:[a-z]+|[A-Z]{2,5})\s*\(\s*")
"""A unit's word between a name and the bracket naming where it lies: "Ilam municipality (Ilam district)", "Hangu
city (Hangu, KPK)", "Kwande LGA (Benue)"."""


def unit_linked(found: list[Found], text: str) -> list[Found]:
    """The spans as the pin reads them: a name followed by one word (a unit's: "municipality", "city", "LGA") and
    a bracket is linked to the name in the bracket, as one right before the bracket is (`Found.within`)."""
    out = list(found)
    for k, (a, b) in enumerate(zip(found, found[1:], strict=False)):
        if a.within is None and text and UNIT_GAP.fullmatch(text, a.end, b.start):
            out[k] = replace(a, within=b.start)
    return out


def container_of(i: int, found: list[Found], options: list[list[Candidate]], at: dict[int, int],
                 hops: int) -> int | None:
    """The index of the name that holds name i: the first of its chain of "A, B" / "A (B" links that can be a
    state or a country, or a farther one where the chain nests (each name lies in the next) and it holds one of
    name i's candidates; else the one right after it."""
    first = _linked(found[i], at)
    able = [j for j in _chain(first, found, at, hops) if _boxes(options[j])]
    if not able:
        return first
    best = j = able[0]
    for k in able[1:]:
        if not _within(options[j], _boxes(options[k])):
            break  # a list ("Nevada, New Mexico, Ohio"), not a chain of containers
        j = k
        if _within(options[i], _boxes(options[k])):
            best = k
    return best


def _chain(j: int | None, found: list[Found], at: dict[int, int], hops: int) -> list[int]:
    """The names up a chain from j, at most `hops` + 1 of them."""
    out: list[int] = []
    while j is not None and len(out) <= hops and j not in out:
        out.append(j)
        j = _linked(found[j], at)
    return out


def _boxes(cands: list[Candidate]) -> list[Candidate]:
    """The states and countries a container name may be."""
    return [b for b in cands if b.place.kind in CONTAINER_KINDS and b.weight >= 1]


def _linked(f: Found, at: dict[int, int]) -> int | None:
    return at.get(f.within) if f.within is not None else None


def pinned(town: list[Candidate], state: list[Candidate],
           other_state_km: float = 0.0) -> tuple[list[Candidate], list[Candidate]]:
    """The town's candidates inside a candidate of the state, and the state's that hold one. A town-like name
    (no state or country among its candidates) with none inside a name that can only be a state or country
    is a town the gazetteer does not know there: it keeps no candidate rather than landing on a namesake abroad.
    `other_state_km`: it first keeps its places in a state's country within this many km of that state's point,
    and those states: a state split or renamed since the gazetteer's source placed the town ("Walewale
    (Northern)", now in North East), or a note's slip to a state nearby, names the town all the same; a namesake
    farther off is another town ("Orient, Ohio" is no village of New York)."""
    boxes = _boxes(state)
    held = _within(town, boxes)
    if held:
        return held, _within(boxes, held, holding=True)
    if boxes and len(state) == len(boxes) and not any(c.place.kind in CONTAINER_KINDS for c in town):
        near = [(c, b) for c in town for b in boxes if other_state_km and _beside(c.place, b.place, other_state_km)]
        if near:
            return _unique(c for c, _ in near), _unique(b for _, b in near)
        return [], state
    return town, state


def _beside(p: Place, state: Place, reach_km: float) -> bool:
    """A place in the state's country within `reach_km` of the state's point."""
    return p.country == state.country and km(p.lat, p.lon, state.lat, state.lon) <= reach_km


def _unique(cands: Iterable[Candidate]) -> list[Candidate]:
    """The candidates in their first order, each once."""
    out: list[Candidate] = []
    for c in cands:
        if all(c is not o for o in out):
            out.append(c)
    return out


def _within(cands: list[Candidate], others: list[Candidate], holding: bool = False) -> list[Candidate]:
    """The candidates inside one of `others` (or, `holding`, holding one of them)."""
    if holding:
        return [c for c in cands if any(inside(o, c) for o in others)]
    return [c for c in cands if any(inside(c, o) for o in others)]


@dataclass(slots=True)
class Mention:
    """A recognised span with its name key, its candidates, the hand-set gate it passes and its static scores."""

    found: Found
    key: str
    options: list[Candidate]
    strong: bool
    plausible: bool
    common: bool
    gate: str | None = None
    in_container: bool = False
    """Named in a chain "Town, State" whose other name holds (or lies in) one of its candidates: each confirms
    the other."""
    container: int | None = None
    """The index of the name this one was pinned inside (`pin_containers`)."""
    unpinned: list[Candidate] = field(default_factory=list)
    """A pinned name's candidates before the pin."""
    static: list[list[float]] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    lesser_alias: list[bool] = field(default_factory=list)
    """Per candidate, a town met by an alternate name beside bigger towns bearing it (`lesser_aliases`)."""
    pickable: list[bool] = field(default_factory=list)
    """Per candidate, whether the mention may be resolved to it (`pickable`); all may vote for their region."""
    respelt: list[bool] = field(default_factory=list)
    """Per candidate, met only through folding beside one spelt as written (`handset.respelt`)."""
    signature: tuple[object, ...] = ()
    """What its ranking depends on besides the document: two mentions alike in it rank alike in one pass."""
    frame: list[float] = field(default_factory=list)
    """What the words right around it say, for the admit model (`features.frame_row`)."""
    allowed_in: tuple[GeographyView, int, list[int]] | None = field(default=None, compare=False, repr=False)
    """The view and town size `allowed` last read, and what it allowed: a name's view stays the same over the passes,
    and with it what the view allows (the passes rank the mention again against other places only)."""
    considered: bool = field(init=False, default=False)
    """Has candidates and a plausible name: the passes rank it. Set once (neither is reassigned): the passes and the
    steps after them ask it of every mention, over and over."""

    def __post_init__(self) -> None:
        self.considered = bool(self.options) and self.plausible


@dataclass(frozen=True, slots=True)
class Ranked:
    """A mention's candidates that may be meant, best first, with their probabilities; `gated` when the hand-set
    gates admitted them, else `admit` is the fitted admit model's probability of resolving the mention."""

    scored: list[tuple[float, Candidate]]
    gated: bool
    admit: float

    def best(self, floor: float) -> Candidate | None:
        if not self.scored or not (self.gated or self.admit >= floor):
            return None
        return self.scored[0][1]

    @property
    def confidence(self) -> float:
        top = self.scored[0][0] if self.scored else 0.0
        return top if self.gated else top * self.admit


def allowed(m: Mention, view: GeographyView, settings: PlacesSettings) -> list[int]:
    """Indices of the candidates that may be meant outside the gates: when the report implies some country, a
    small town in a country it never implies is not (nor, for a facility's name, any place outside its countries)."""
    f = m.found
    if f.facility and not view.known:
        return []
    population, hit = settings.foreign_town_population, m.allowed_in
    if hit is not None and hit[0] is view and hit[1] == population:
        return hit[2]
    out = [i for i, c in enumerate(m.options) if not handset.foreign_and_obscure(f, c, view, population)]
    m.allowed_in = (view, population, out)
    return out


def far_village(f: Found, c: Candidate, view: GeographyView, points: Points, settings: PlacesSettings) -> bool:
    """A village (below `far_village_population`) in a country the report never implies, while the report is firmly
    placed elsewhere (its top country has at least `far_village_vote`, and the other names' towns and regions lie
    in other countries, `Points.settled`): "an attack in the Karrada district of Baghdad" in a report on Iraq is no
    Turkish village of the name's key, even as the gazetteer's only place of it. Such a candidate is no answer even
    through the hand-set gates; with no other, the mention stays unresolved. A country named alone does not place
    the report ("rallied in a German village against the war in Ukraine"); a dispatch's place is the report's own;
    a border or a place of no country is no village."""
    firm = settings.far_village_vote
    p = c.place
    if not firm or f.dateline or not p.country or p.kind in AREA_KINDS or p.kind == "border":
        return False
    if c.population >= settings.far_village_population or view.implies(p.country):
        return False
    return bool(points.settled) and p.country not in points.settled and \
        max(view.countries.values(), default=0.0) >= firm


def choices(m: Mention, view: GeographyView, points: Points, settings: PlacesSettings) -> tuple[list[int], bool]:
    """The candidates a mention may mean, and whether the hand-set gates admitted them (else the ones
    the document's geography allows, for the admit model to judge)."""
    f = m.found
    if m.gate is not None:
        gated = [i for i, c in enumerate(m.options) if handset.admitted(m.gate, f, c, view, points)
                 and not far_village(f, c, view, points, settings)]
        if gated or only_place_of_its_name(m, view, settings.one_place_km, settings.lone_name_over_peoples):
            return gated or [0], True
        lone = [i for i in _lone_town(m, view, points, settings)
                if not far_village(f, m.options[i], view, points, settings)]
        if lone:
            return lone, True
    if m.in_container:
        return list(range(len(m.options))), True
    return allowed(m, view, settings), False


def _lone_town(m: Mention, view: GeographyView, points: Points, settings: PlacesSettings) -> list[int]:
    """A small town after a locative word, the only country of its name (`handset.lone_country`), when on (or, for
    a name where a verb's happening is, when recognition marked it: `recognize.mark_verb_arguments`)."""
    f = m.found
    on = settings.gates.lone_town or f.verb_argument
    if not on or (f.ner not in ("GPE", "LOC") and is_dictionary_word(f.name)):
        return []
    return handset.lone_country(f, m.options, view, points, settings.one_place_km)


def pickable(f: Found, options: list[Candidate], big: int) -> list[bool]:
    """Which candidates a mention may be resolved to: not a county met by a bare alternate name ("Scott" for Scott
    County) where towns carry the name as their own ("Scott", a town): the name is a town's or a person's. Such
    counties are still ranked (the others' features stay as fitted) and vote for their region (`possible_regions`);
    they are only never the answer. Nor is a town met by an alternate name that is an English word spaCy does not
    read as a place ("Day" for Dayton, "Dec" for Decatur, "Holy" for Hawley), unless at least `big` ("Calcutta"):
    the word is meant."""
    word = _english_word(f)
    county_alias = not f.admin and any(c.weight == 2 for c in options)
    return [not (c.weight < 2 and ((county_alias and c.place.kind == "admin2")
                                   or (word and c.place.kind not in AREA_KINDS and c.population < big)))
            for c in options]


def _english_word(f: Found) -> bool:
    """An English word spaCy does not read as a place (`pickable`)."""
    return f.ner not in ("GPE", "LOC") and is_dictionary_word(f.name)


def lesser_aliases(options: list[Candidate]) -> list[bool]:
    """Per candidate, whether it is a town met by an alternate name no bigger than a town bearing the name as its own
    ("Avondale" for Avondale Estates beside the towns called Avondale): meant only where the report's other places
    are (`handset.fits_closely`)."""
    main = max((c.population for c in options if c.weight == 2 and c.place.kind not in AREA_KINDS), default=-1)
    return [c.weight < 2 and c.place.kind not in AREA_KINDS and c.population <= main for c in options]


def only_place_of_its_name(m: Mention, view: GeographyView, one_place_km: float, over_peoples: bool = False) -> bool:
    """A name after a word that introduces places or a locative one ("in Liessel", "residents of X", "at X"), that
    the gazetteer gives one place only (a town and its same-named district around it, within `one_place_km`,
    count as one), by that place's own name, in a country the report implies or in a report that implies none:
    however small, no namesake competes with it. Not an English word spaCy does not read as a place ("in Section
    2AA", "the Chapel of ..."). `over_peoples`: also where only people's adjectives and actors, no other name,
    place the report ("a Russian tank fired near X", "outside the Malaysian Embassy in X"): they say who acted or
    whose building it is, not where; only after a locative word or a place noun ("near X", "the town of X"), not
    any cue ("a rally of Women for Peace" names no Belgian village in a report on Korea)."""
    f = m.found
    if not (f.place_cue or f.cue) or f.person_name or (f.ner not in ("GPE", "LOC") and is_dictionary_word(f.name)):
        return False
    c = m.options[0]
    if not (c.weight == 2 and c.match >= 1.0 and (not view.known or view.implies(c.place.country)
                                                  or (over_peoples and f.place_cue and not view.named))):
        return False
    return all(km(o.place.lat, o.place.lon, c.place.lat, c.place.lon) <= one_place_km for o in m.options[1:])


@dataclass(frozen=True, slots=True)
class Rows:
    """What the ranker reads for one mention in one context: the candidates that may be meant and their features."""

    keep: list[int]
    gated: bool
    static: list[list[float]]
    context: list[list[float]]


def rows_for(m: Mention, view: GeographyView, points: Points, settings: PlacesSettings) -> Rows:
    keep, gated = choices(m, view, points, settings)
    static = [m.static[i] for i in keep]
    respelt = [m.respelt[i] for i in keep]
    return Rows(keep, gated, static, context_rows([m.options[i] for i in keep], view, points, static, respelt))


def rank(m: Mention, view: GeographyView, points: Points, model: Ranker, settings: PlacesSettings,
         confirmed: bool) -> Ranked | None:
    """The mention's candidates ranked; `confirmed`: another mention of its name resolved through the gates."""
    one = len(m.options) == 1 and m.pickable[0]
    if m.gate is not None and one and handset.admitted(m.gate, m.found, m.options[0], view, points) \
            and not far_village(m.found, m.options[0], view, points, settings):
        return Ranked([(1.0, m.options[0])], True, 1.0)  # nothing to rank
    rows = rows_for(m, view, points, settings)
    if not rows.keep:
        return None
    cands = [m.options[i] for i in rows.keep]
    probs = model.probabilities([m.scores[i] for i in rows.keep], rows.context)
    best = max(range(len(probs)), key=probs.__getitem__)
    admit = 1.0 if rows.gated else model.admit(
        admit_row(m.found, m.gate, confirmed, cands, best, probs[best], rows.static[best], rows.context[best], m.frame))
    scored = [(p, c) for p, c, i in zip(probs, cands, rows.keep, strict=True) if m.pickable[i] and not (
        m.lesser_alias[i] and not handset.fits_closely(m.found, c, view, points))]
    if settings.one_place_votes:
        scored = one_place_votes(scored, settings.one_place_km)
    return Ranked(sorted(scored, key=lambda pc: pc[0], reverse=True), rows.gated, admit)


def one_place_votes(scored: list[tuple[float, Candidate]], one_place_km: float) -> list[tuple[float, Candidate]]:
    """Each candidate scored with the probabilities of every candidate that is the same place under another entry
    (same country, within `one_place_km`: "Moscow" the city and "Moskva" the federal city): a place the gazetteer
    lists twice does not lose to a namesake abroad that each entry alone outscores. Ties go to the entry the ranker
    scored higher."""
    groups = _one_place_groups(tuple((c.place.country, c.place.lat, c.place.lon) for _, c in scored), one_place_km)
    summed = [(min(1.0, sum(scored[j][0] for j in group)), p, c) for group, (p, c) in zip(groups, scored, strict=True)]
    return [(total, c) for total, _, c in sorted(summed, key=lambda t: (t[0], t[1]), reverse=True)]


@lru_cache(maxsize=1 << 14)
def _one_place_groups(points: tuple[tuple[str | None, float, float], ...], one_place_km: float
                      ) -> tuple[tuple[int, ...], ...]:
    """Per candidate (country, lat, lon), the indices of those that are the same place (itself among them), in
    order: the passes rank the same candidates again and again, so the distances are measured once."""
    return tuple(tuple(j for j, (country, lat, lon) in enumerate(points)
                       if country == here[0] and km(here[1], here[2], lat, lon) <= one_place_km)
                 for here in points)


def build_mentions(found: list[Found], gaz: Gazetteer, settings: PlacesSettings, model: Ranker,
                   text: str = "") -> list[Mention]:
    """Each span's mention; a chain's names pinned to each other over more than the capped candidates (a town the
    gazetteer knows in the state named may lie past the first `max_candidates` of its name: `pin_reach`), each
    list capped after.
    `text`: the report, where a unit's word may part a town from its container (`unit_linked`)."""
    names = NameShare(gaz, settings, model)
    looked_up = [names.candidates(f) for f in found]
    unpinned = [kept for kept, _ in looked_up]
    options = [reach for _, reach in looked_up]
    confirmed, pins = pin_containers(unit_linked(found, text), options, settings.container_hops,
                                     settings.province_seat_km, settings.lost_units, settings.other_state_km)
    if settings.self_qualified_unit:
        for pin in pins:
            self_qualified(found, options, pin)
    bound_by_anchors(found, options, settings)
    options = [told_as_town(f, cs) for f, cs in zip(found, options, strict=True)]
    if settings.told_as_unit:
        options = [told_as_unit(f, cs, knowledge()) for f, cs in zip(found, options, strict=True)]
    # a name with no candidate is never ranked, and only a ranking reads a frame (`rank`'s admit row, `signature`)
    mentions = [names.mention(f, cs, i in confirmed, frame_row(text, f) if cs else [])
                for i, (f, cs) in enumerate(zip(found, options, strict=True))]
    for pin in pins:
        for i in (pin.town, pin.container):
            mentions[i].unpinned = unpinned[i]
        mentions[pin.town].container = pin.container
    return mentions


_lookup_key = attrgetter("name", "border", "fixed", "admin", "armed_name", "ner", "place_cue")
"""What `candidates_for` reads of a span."""
_scoring_key = attrgetter("name", "admin", "facility", "ner")
"""What `scored` reads of a span, besides its candidates."""


class NameShare:
    """One report's names looked up and their candidates scored once each: a report repeats a name ("Aleppo" six
    times), and a mention's candidates and their static scores depend on the name and a few flags of the span
    (`_lookup_key`, `_scoring_key`), not on where it stands. Made per report by `build_mentions`, so nothing is kept
    from one report to the next."""

    def __init__(self, gaz: Gazetteer, settings: PlacesSettings, model: Ranker) -> None:
        self.gaz, self.settings, self.model, self.know = gaz, settings, model, knowledge()
        self.lookups: dict[tuple[object, ...], tuple[list[Candidate], list[Candidate]]] = {}
        self.scores: dict[tuple[object, ...], tuple[list[Candidate], list[Candidate], Scored]] = {}

    def candidates(self, f: Found) -> tuple[list[Candidate], list[Candidate]]:
        """The span's capped candidates (`capped`), and those a pin reads (`pin_reach`)."""
        key = _lookup_key(f)
        hit = self.lookups.get(key)
        if hit is None:
            every = candidates_for(f, self.gaz, self.know, self.settings, cap=False)
            kept = capped(every, self.settings)
            hit = self.lookups[key] = (kept, pin_reach(every, kept))
        return hit

    def mention(self, f: Found, cs: list[Candidate], in_container: bool, frame: list[float]) -> Mention:
        """`mention` of the span over `cs`, capped; scored as an earlier span of the same name over the very same
        candidate list was (the list is kept with its scores, so `is` tells it)."""
        key = (id(cs), *_scoring_key(f))
        hit = self.scores.get(key)
        if hit is None or hit[0] is not cs:
            kept = capped(cs, self.settings)
            hit = self.scores[key] = (cs, kept, scored(f, kept, self.model, self.settings))
        return mention(f, hit[1], in_container, self.model, self.settings, frame, hit[2])


def bound_by_anchors(found: list[Found], options: list[list[Candidate]], settings: PlacesSettings) -> None:
    """ "Safina, 45 km south of Mosul": a name placed from a town keeps only its candidates near one of the town's
    (those by its own name first: an alternate name's town does not stretch the anchor); none near, it keeps none:
    the gazetteer does not know it there, and a namesake abroad is no answer."""
    at = {f.start: i for i, f in enumerate(found)}
    for i, f in enumerate(found):
        j = at.get(f.anchor) if f.anchor is not None else None
        towns = [c for c in options[j] if c.place.kind not in AREA_KINDS] if j is not None else []
        anchors = [c for c in towns if c.weight == 2] or towns
        if not anchors:
            continue  # no town to measure from: "north of Syria" bounds nothing by a country's middle
        reach = settings.anchor_km if f.anchor_km is None else \
            f.anchor_km * settings.anchor_slack + settings.anchor_km / 2
        options[i] = [c for c in options[i] if any(
            km(c.place.lat, c.place.lon, a.place.lat, a.place.lon) <= reach for a in anchors)]


def pin_reach(cs: list[Candidate], kept: list[Candidate]) -> list[Candidate]:
    """The candidates a pin reads: the capped ones (`kept`, `capped(cs)`), and past the cap those bearing the name as
    their own (not a town's alternate name: "Washington, New York" is a list, not Watervliet met by an old name)."""
    if len(kept) == len(cs):
        return kept
    ids = {c.place.id for c in kept}
    return kept + [c for c in cs if c.weight == 2 and c.place.id not in ids]


def mention(f: Found, cs: list[Candidate], in_container: bool, model: Ranker, settings: PlacesSettings,
            frame: list[float], candidates: Scored | None = None) -> Mention:
    """A span's mention over candidates `cs`, with its gate, static scores (`candidates`: `scored(f, cs)` already
    made) and `frame` (`features.frame_row`). A common word pinned in the container named after it ("Lincoln
    (Nebraska)", `in_container`) is a place name."""
    know = knowledge()
    strong, common = is_strong(f), is_common_word(f, know)
    plausible = bool(f.border) or plausible_name(f, know) or (in_container and f.name[:1].isupper())
    gate = handset.gate(f, strong, common)
    if not (cs and plausible):  # not considered (`Mention.considered`): nothing scored, no signature
        return Mention(f, fold(f.name), cs, strong, plausible, common, gate, in_container=in_container, frame=frame)
    got = candidates or scored(f, cs, model, settings)
    m = Mention(f, fold(f.name), cs, strong, plausible, common, gate, in_container=in_container, frame=frame,
                respelt=got.respelt, static=got.static, pickable=got.pickable, lesser_alias=got.lesser_alias,
                scores=got.scores)
    m.signature = signature(m)
    return m


@dataclass(frozen=True, slots=True)
class Scored:
    """What a mention's candidates are apart from the document: as `Mention`'s fields of the same names."""

    respelt: list[bool]
    static: list[list[float]]
    pickable: list[bool]
    lesser_alias: list[bool]
    scores: list[float]


def scored(f: Found, cs: list[Candidate], model: Ranker, settings: PlacesSettings) -> Scored:
    """The static side of a span's candidates `cs`: which were met only through folding, their static rows and
    scores, which may be picked and which are lesser aliases."""
    entry = static_entry(f, cs)
    pickable_ones, lesser = _pickable_and_lesser(f, cs, entry, settings.word_alias_population)
    return Scored(handset.respelt(cs, f.name), entry.rows, pickable_ones, lesser, static_scores(model, entry))


def static_scores(model: Ranker, entry: StaticEntry) -> list[float]:
    """`model.static_scores` of a mention's static rows, kept in their cache entry: `static_entry` hands the same
    entry to the same name over and over."""
    if entry.scores is None or entry.scores[0] is not model:
        entry.scores = (model, model.static_scores(entry.rows))
    return entry.scores[1]


def _pickable_and_lesser(f: Found, cs: list[Candidate], entry: StaticEntry, big: int) -> tuple[list[bool], list[bool]]:
    """`pickable` and `lesser_aliases` of a mention, kept in its static rows' cache entry: those stand for the same
    candidates (places, how the name names them) and admin noun, which with the name's being an English word
    decide both."""
    key = (_english_word(f), big)
    hit = entry.traits.get(key)
    if hit is None:
        hit = entry.traits[key] = (pickable(f, cs, big), lesser_aliases(cs))
    return hit


def unpin_abroad(mentions: list[Mention], geo: DocumentGeography, model: Ranker, settings: PlacesSettings) -> bool:
    """ "Ilam municipality (Ilam district)" in a report about Nepal: the pin runs before the report's geography
    is known, and a same-name state abroad (Iran's Ilam province) pinned the town there. Where a town is pinned in
    a container of its own name and the rest of the report implies countries the pin left out (`implied`), in
    which both names may lie, the pin proposed the wrong pair: each name keeps, of its candidates before the pin,
    those in those countries. Returns whether any pin was undone."""
    undone = False
    for i, town in enumerate(mentions):
        j = town.container
        if j is None or mentions[j].key != town.key:
            continue  # only a same-name pair: "London, England" is no namesake pin, however the report leans
        countries = implied(geo.view(town.key, mentions[j].key), settings.unpin_vote)
        if not _pinned_abroad(town, mentions[j], countries):
            continue
        for k in (i, j):
            m = mentions[k]
            mentions[k] = mention(m.found, [c for c in m.unpinned if c.place.country in countries], False, model,
                                  settings, m.frame)
        undone = True
    return undone


def implied(view: GeographyView, least: float) -> frozenset[str]:
    """The countries a view implies by at least `least` of a vote, its actors' and its outlet's."""
    home = {view.home} if view.home else set()
    return frozenset({c for c, v in view.countries.items() if v >= least} | view.actors | home)


def _pinned_abroad(town: Mention, box: Mention, countries: frozenset[str]) -> bool:
    """None of the town's pinned candidates lies in `countries`, and both names have one before the pin that does."""
    if not countries or any(c.place.country in countries for c in town.options):
        return False
    return all(any(c.place.country in countries for c in m.unpinned) for m in (town, box))


def mentions_in(found: list[Found], gaz: Gazetteer, text: str, home: str | None, actors: frozenset[str],
                named: frozenset[str] = frozenset(), outlet: OutletHome | None = None, model: Ranker | None = None
                ) -> tuple[list[Mention], DocumentGeography]:
    """The mentions (scored by `model`, else the shipped ranker) and the document's geography, each pin the
    geography rules out undone (`unpin_abroad`)."""
    settings, model = places_settings(), model or ranker()
    mentions = build_mentions(found, gaz, settings, model, text)
    geo = geography(mentions, text, home, actors, named, outlet)
    if unpin_abroad(mentions, geo, model, settings):
        geo = geography(mentions, text, home, actors, named, outlet)
    return mentions, geo


def signature(m: Mention) -> tuple[object, ...]:
    f = m.found
    return (m.key, m.gate, f.ner, f.cue, f.place_cue, f.listed, f.holder, f.other_entity, f.facility, f.dateline,
            f.admin, f.vicinity, f.doubtful, " " in f.name.strip(), m.in_container,
            tuple(map(_PLACE_ID, m.options)), tuple(m.frame))


_PLACE_ID = attrgetter("place.id")
"""A candidate's place id, read in C over a mention's candidates (`signature`)."""


def geography(mentions: list[Mention], text: str, home: str | None, actors: frozenset[str],
              named: frozenset[str] = frozenset(), outlet: OutletHome | None = None) -> DocumentGeography:
    """The document's geography; `named`: the countries of the actors the report names, one vote each, as a
    demonym's ("the KMT" places a report in Taiwan as "Taiwanese" would); `outlet`: the outlet's learned home,
    whose country is the outlet's (before its web address's) and whose region votes as a name does."""
    votes = {**peoples_votes(text), **demonym_votes(text, knowledge()), **dict.fromkeys(named, 1.0)}
    geo = DocumentGeography(demonyms=votes, actors=actors, home=outlet.country if outlet else home)
    if outlet is not None and outlet.region is not None:
        settings = outlet_settings()
        geo.outlet_region = outlet.region
        geo.home_region = outlet.region if settings.gate else None
        if settings.region_vote:
            geo.add(OUTLET_KEY, outlet_evidence(outlet.region, settings.region_vote))
    places = places_settings()
    for m in mentions:  # a name's first evidence stands (`DocumentGeography.add`): a later mention's is not weighed
        if m.key not in geo.by_name and m.plausible and not m.common and m.options and (m.strong or m.found.place_cue):
            geo.add(m.key, name_evidence(m.options, m.strong, m.found.admin, places.spread_limit, places.town_share))
    return geo


def peoples_votes(text: str) -> dict[str, float]:
    """Countries named by a people's adjective written capitalised ("Dutch", "Polish", "Salvadoran"), from the world
    country table (`knowledge.demonyms`; the places list covers the countries at war): one vote each."""
    phrases = _peoples_phrases()
    out: dict[str, float] = {}
    for m in _CAPITALISED.finditer(text):
        for phrase, code in phrases.get(m.group(), ()):
            if code not in out and text.startswith(phrase, m.start()) and not _letter_at(text, m.start() + len(phrase)):
                out[code] = 1.0
    return out


_CAPITALISED = re.compile(r"[A-Z](?<![^\W\d_][A-Z])[^\W\d_]+")  # the capital first: a quick test per place


def _letter_at(text: str, i: int) -> bool:
    return i < len(text) and text[i].isalpha()


@lru_cache(maxsize=1)
def _peoples_phrases() -> dict[str, tuple[tuple[str, str], ...]]:
    """First word -> (demonym, ISO code) of the world table's capitalised demonyms (not "US", "UK": the places'
    own names say those)."""
    from thucydides.knowledge.demonyms import countries

    out: dict[str, list[tuple[str, str]]] = {}
    for c in countries().by_code.values():
        for d in c.demonyms:
            if d[:1].isupper() and not d.isupper() and "." not in d:
                out.setdefault(d.split()[0], []).append((d, c.code))
    return {k: tuple(v) for k, v in out.items()}


def points_of(mentions: list[Mention], picks: list[Candidate | None]) -> dict[str, Candidate]:
    """Name key -> the place its first resolved mention chose."""
    out: dict[str, Candidate] = {}
    for m, c in zip(mentions, picks, strict=True):
        if c is not None and m.key not in out:
            out[m.key] = c
    return out


Regions = dict[Region, float]


def possible_regions(mentions: list[Mention], geo: DocumentGeography | None = None) -> dict[str, Regions]:
    """For each name, the regions its candidates lie in, 1/n of a vote each: "Paris and Henry County" share
    Tennessee before either is resolved. The outlet's home region votes as a name that may lie only there."""
    out: dict[str, Regions] = {}
    vote = outlet_settings().possible_vote
    if geo is not None and geo.outlet_region is not None and vote:
        out[OUTLET_KEY] = {geo.outlet_region: vote}
    for m in mentions:
        if m.key not in out and m.considered and m.gate is not None:
            regions = {_region(c) for c in m.options} - {None}
            if regions:
                out[m.key] = {r: 1.0 / len(regions) for r in regions if r}
    return out


def _region(c: Candidate) -> Region | None:
    """(country, admin1) of a place below the country level."""
    p = c.place
    return (p.country, p.admin1) if p.country and p.admin1 and p.kind != "country" else None


def context_for(key: str, located: dict[str, Candidate], possible: dict[str, Regions],
                votes: VoteSums | None = None, whole: list[Points] | None = None,
                placed: Placed | None = None) -> Points:
    """What the other names say, as the mention `key` sees it (its own name left out). `votes`: each key's
    `_votes` over the same `possible`, filled as met (they stay the same over the passes), with their sums by country
    (`Points.possible_countries`, filled by the first context that asks, then read by the others); `whole`: this
    pass's places of every located name, kept for the names not located themselves (they all see the same places);
    `placed`: `located`'s places read once (`Placed`), for the pass's every context."""
    by_country: dict[str, float] = {}
    if votes is None:
        own = _votes(key, possible)
    else:  # a name with no regions hears every vote, as the others do
        own, by_country = votes.of(key if key in possible else _NOWHERE)
    if placed is None:
        placed = Placed.of(located)
    if whole is None or key in located:
        records = placed.records
        at = placed.index.get(key)
        if at is not None:  # the name's own place left out, the others in their order
            records = records[:at] + records[at + 1:]
        return _points_of(records, own, by_country)
    if not whole:
        whole.append(_points_of(placed.records, {}))
    every = whole[0]
    return Points(every.items, every.countries, every.regions, own, every.settled, _near=every._near,
                  _possible_countries=by_country, _top=every._top)


_NOWHERE = "\0nowhere"
"""The votes' key for the names that may lie in no region: nothing of theirs is left out of the votes."""


def context_key(key: str, located: dict[str, Candidate], possible: dict[str, Regions]) -> str:
    """What a pass keeps the name `key`'s context under: its own key, or `_NOWHERE` for every name neither located
    nor voting for a region, whose contexts are all the same (`context_for`: every located place and every vote). One
    context for them all keeps their candidates' features once (`Points.rows`: they depend on the candidate, the
    view and the context only; the views of names that cast no vote are one too, `Views`)."""
    return key if key in located or key in possible else _NOWHERE


PlaceRecord = tuple[tuple[str, float, float] | None, str | None, bool, Region | None]
"""What a context reads of one located place (`_record`): its point (id, lat, lon) when point-like, its country,
whether it lies below the country level, and its region ((country, admin1), `_region`)."""


def _record(c: Candidate) -> PlaceRecord:
    p, country = c.place, c.place.country
    below = bool(country) and p.kind != "country"
    return ((p.id, p.lat, p.lon) if p.kind not in AREA_KINDS else None, country, below,
            (country, p.admin1) if country and below and p.admin1 else None)


@dataclass(frozen=True, slots=True)
class Placed:
    """One pass's located places, each read once (`_record`): every located name's context is made of all of them
    but its own (`context_for`), so each place was read again for each name."""

    records: list[PlaceRecord]
    index: dict[str, int]
    """Name key -> its place's index in `records`."""

    @staticmethod
    def of(located: dict[str, Candidate]) -> Placed:
        return Placed([_record(c) for c in located.values()], {k: i for i, k in enumerate(located)})


def _points(others: list[Candidate], votes: Regions, by_country: dict[str, float] | None = None) -> Points:
    """The places `others` chose as a context, with the regions the names may lie in (`votes`; `by_country`: their
    sums by country where kept, `context_for`)."""
    return _points_of([_record(c) for c in others], votes, by_country)


def _points_of(others: list[PlaceRecord], votes: Regions, by_country: dict[str, float] | None = None) -> Points:
    """`_points` of the other places' records."""
    points: dict[str, tuple[str, float, float]] = {}  # the point-like places, by id (the last of an id kept)
    countries: dict[str, float] = {}
    regions: Regions = {}
    settled: set[str] = set()  # the countries of the places below the country level
    share = 1.0 / len(others) if others else 0.0
    for point, country, below, region in others:
        if point is not None:
            points[point[0]] = point
        if country:
            countries[country] = countries.get(country, 0.0) + share
            if below:
                settled.add(country)
                if region is not None:
                    regions[region] = regions.get(region, 0.0) + share
    return Points(tuple(points.values()), countries, regions, votes, frozenset(settled),
                  _possible_countries={} if by_country is None else by_country)


S = TypeVar("S")


@dataclass(slots=True)
class KeptSums(Generic[S]):
    """Sums over `order` with one key left out, made from kept running sums: `before[j]` holds the first j keys'
    (made as far as asked), and a key's sum starts from the one before it and adds the keys after it. The additions
    are those of summing every other key afresh, in the same order, so the floats are the same."""

    order: list[str]
    add: Callable[[S, str], S]
    """Adds a key's part to a sum in place and returns it."""
    copy: Callable[[S], S]
    before: list[S]
    """before[0]: the empty sum."""

    def without(self, key: str) -> S:
        """The sum of every key but `key` (of every key, where `key` is not one)."""
        order, before = self.order, self.before
        j = order.index(key) if key in order else len(order)
        while len(before) <= j:
            before.append(self.add(self.copy(before[-1]), order[len(before) - 1]))
        out = self.copy(before[j])
        for k in order[j + 1:]:
            self.add(out, k)
        return out


@dataclass(slots=True)
class VoteSums:
    """Each name's `_votes` over one report's `possible` (they stay the same over the passes), with their sums by
    country (`Points.possible_countries`, filled by the first context that asks), made as met from kept running
    sums (`KeptSums`: the same additions as `_votes`, in its order)."""

    possible: dict[str, Regions]
    kept: dict[str, tuple[Regions, dict[str, float]]] = field(default_factory=dict)
    sums: KeptSums[Regions] = field(init=False)

    def __post_init__(self) -> None:
        possible = self.possible
        self.sums = KeptSums(list(possible), lambda votes, k: _add_votes(votes, possible[k]), dict, [{}])

    def of(self, key: str) -> tuple[Regions, dict[str, float]]:
        hit = self.kept.get(key)
        if hit is None:
            hit = self.kept[key] = (self.sums.without(key), {})
        return hit


def _add_votes(votes: Regions, shares: Regions) -> Regions:
    for region, share in shares.items():
        votes[region] = votes.get(region, 0.0) + share
    return votes


def _votes(key: str, possible: dict[str, Regions]) -> Regions:
    """The regions the other names may lie in, each name's vote split among its own."""
    votes: Regions = {}
    for k, shares in possible.items():
        if k != key:
            _add_votes(votes, shares)
    return votes


def first_guess(m: Mention, view: GeographyView | None = None, population: int = 0) -> Candidate | None:
    """A strong mention's best candidate on the hand-set prior alone: the seed of the document's context. Given the
    mention's view of the document's geography, not a town small or alternately named abroad
    (`handset.town_abroad`, towns of fewer than `population`): "youths rioted in Kiranja; police from
    Kerugoya dispersed them", a seed at an Indian town sounding like Kiranja made Kerugoya, Kenya, fit nothing in the
    first pass, and Kiranja, alone in the second, went to India."""
    if not (m.considered and m.gate == "strong"):
        return None
    keep = [i for i, c in enumerate(m.options)
            if view is None or not handset.town_abroad(m.found, c, view, population)]
    if not keep:
        return None
    return m.options[max(keep, key=lambda i: m.static[i][-1])]


def seeds_of(mentions: list[Mention], views: Views, settings: PlacesSettings) -> list[Candidate | None]:
    """Each mention's `first_guess` (seen from its view with `gates.seed_at_home`), made once per signature: a name's
    mentions alike in what their ranking depends on guess alike, as they rank alike (`run_passes`)."""
    at_home, population = settings.gates.seed_at_home, settings.foreign_town_population
    made: dict[tuple[object, ...], Candidate | None] = {}
    out: list[Candidate | None] = []
    for m in mentions:
        if m.considered and m.gate == "strong" and m.signature not in made:
            made[m.signature] = first_guess(m, views.view(m.key) if at_home else None, population)
        out.append(made[m.signature] if m.considered and m.gate == "strong" else None)
    return out


@dataclass(slots=True)
class Passes:
    """The state of the passes over one document: each mention's ranking and pick, and the regions the names
    may lie in."""

    ranked: list[Ranked | None]
    picks: list[Candidate | None]
    possible: dict[str, Regions]
    views: Views

    def confirmed(self, mentions: list[Mention]) -> set[str]:
        """Names resolved through the hand-set gates (strong names' first guesses before any pass)."""
        return {m.key for m, r, c in zip(mentions, self.ranked, self.picks, strict=True)
                if c is not None and (r.gated if r else m.gate == "strong")}


def run_passes(mentions: list[Mention], geo: DocumentGeography, model: Ranker, settings: PlacesSettings,
               passes: int) -> Passes:
    """Rank every mention `passes` times, each time against the places the previous pass chose for the others.
    A pass before the last passes on to the next only, per name, the place its first resolved mention chose and
    whether the gates confirmed it (`points_of`, `Passes.confirmed`): once a mention of a name is both, that
    pass skips the name's later mentions (their rankings would go unread; the last pass ranks every mention)."""
    floor = admit_threshold(model, settings)
    views = Views(geo)
    state = Passes([None] * len(mentions), seeds_of(mentions, views, settings), possible_regions(mentions, geo), views)
    votes = VoteSums(state.possible)
    before: dict[tuple[object, ...], tuple[Points, bool, Ranked | None]] = {}
    for n in range(passes):
        located = points_of(mentions, state.picks)
        confirmed = state.confirmed(mentions)
        contexts: dict[str, Points] = {}
        whole: list[Points] = []
        placed = Placed.of(located)
        done: dict[tuple[object, ...], Ranked | None] = {}
        settled: set[str] = set()  # names located and confirmed in this pass, before the last
        for i, m in enumerate(mentions):
            if not m.considered or m.key in settled:
                continue
            if m.signature not in done:
                view = state.views.view(m.key)
                at = context_key(m.key, located, state.possible)
                points = contexts.get(at) or contexts.setdefault(
                    at, context_for(m.key, located, state.possible, votes, whole, placed))
                done[m.signature] = _ranked_again(m, view, points, model, settings, m.key in confirmed, before)
            ranked = state.ranked[i] = done[m.signature]
            state.picks[i] = ranked.best(floor) if ranked else None
            if ranked and ranked.gated and state.picks[i] is not None and n < passes - 1:
                settled.add(m.key)
    return state


@dataclass(slots=True)
class Views:
    """Each name's view of one report's geography (`DocumentGeography.view`), made once: the passes and the steps
    after them ask for the same names' views again and again. The names that cast no vote all see the one same view
    (nothing of theirs is left out), which keeps its candidates' features once for them all. The views are made from
    kept running sums (`KeptSums`: the same additions as `DocumentGeography.view`, in its order)."""

    geo: DocumentGeography
    made: dict[str, GeographyView] = field(default_factory=dict)
    sums: KeptSums[tuple[dict[str, float], dict[Region, float]]] = field(init=False)

    def __post_init__(self) -> None:
        by_name = self.geo.by_name
        self.sums = KeptSums(list(by_name), lambda summed, k: add_evidence(*summed, by_name[k]),
                             lambda summed: (dict(summed[0]), dict(summed[1])), [(dict(self.geo.demonyms), {})])

    def view(self, key: str) -> GeographyView:
        at = key if key in self.geo.by_name else _NOWHERE
        hit = self.made.get(at)
        if hit is None:
            hit = self.made[at] = self.geo.seen_as(*self.sums.without(at), any(k != at for k in self.geo.by_name))
        return hit


class ViewSource(Protocol):
    """What the steps after the passes read a name's view from: the report's `DocumentGeography`, or its `Views`."""

    def view(self, key: str) -> GeographyView: ...


def _ranked_again(m: Mention, view: GeographyView, points: Points, model: Ranker, settings: PlacesSettings,
                  confirmed: bool, before: dict[tuple[object, ...], tuple[Points, bool, Ranked | None]]
                  ) -> Ranked | None:
    """`rank`, or the previous pass's ranking of the same signature where its context and confirmation are
    unchanged (the ranking depends on nothing else); `before` keeps each signature's last ranking."""
    last = before.get(m.signature)
    if last is not None and last[1] == confirmed and _same_context(last[0], points):
        return last[2]
    ranked = rank(m, view, points, model, settings, confirmed)
    before[m.signature] = (points, confirmed, ranked)
    return ranked


def _same_context(a: Points, b: Points) -> bool:
    """Equal contexts, their countries in the same order too (the first of tied top countries counts)."""
    return a == b and list(a.countries) == list(b.countries)


def resolve(found: list[Found], gaz: Gazetteer, home: str | None = None,
            actor_countries: frozenset[str] = frozenset(), text: str = "",
            named: frozenset[str] = frozenset(), outlet: OutletHome | None = None) -> list[Resolution]:
    """Resolve every recognised span; weak spans that fit nothing are left out, strong ones stay unresolved.

    `home` is the outlet's country (ISO code) by its web address; `actor_countries` are where the report's actors
    fight; `text` is searched for demonyms; `named` are the countries of the actors it names
    (`named_actor_countries`); `outlet` is the outlet's learned home (`outlets.py`). All join the names in the
    document's geography."""
    settings, model = places_settings(), ranker()
    floor = admit_threshold(model, settings)
    mentions, geo = mentions_in(found, gaz, text, home, actor_countries, named, outlet)
    state = run_passes(mentions, geo, model, settings, settings.passes)
    out = [resolution(m, r, floor) for m, r in zip(mentions, state.ranked, strict=True)]
    views = state.views
    out = by_records(mentions, state.ranked, out, views, settings)
    if settings.same_name_same_place:
        out = same_name_same_place(mentions, out, settings)
    out = by_neighbours(mentions, state.ranked, out, geo, settings)
    out = [person_or_place(m, res, views, settings) for m, res in zip(mentions, out, strict=True)]
    return [res for m, r, res in zip(mentions, state.ranked, out, strict=True)
            if res.candidate is not None or (keeps(m, r, floor) and not m.found.person_name)]


def by_records(mentions: list[Mention], ranked: list[Ranked | None], out: list[Resolution], views: ViewSource,
               settings: PlacesSettings) -> list[Resolution]:
    """The steps that weigh a name's places against where conflict records place it (`priors.coded`): a coded
    namesake, an unresolved name, an own name over an alias, then a spelling nothing vouches for."""
    if settings.coded_namesakes_km:
        out = [coded_namesake(m, r, res, views, settings.coded_namesakes_km, settings.coded_in_country,
                              settings.coded_namesake_population)
               for m, r, res in zip(mentions, ranked, out, strict=True)]
    if settings.coded_unresolved_km:
        out = [coded_unresolved(m, r, res, views, settings.coded_unresolved_km, settings.coded_unresolved_untold)
               for m, r, res in zip(mentions, ranked, out, strict=True)]
    if settings.coded_over_alias_km:
        out = [coded_over_alias(m, r, res, views, settings.coded_over_alias_km)
               for m, r, res in zip(mentions, ranked, out, strict=True)]
    if settings.respelt_unplaced_km:
        out = [respelt_unplaced(m, res, views, settings) for m, res in zip(mentions, out, strict=True)]
    return out


def by_neighbours(mentions: list[Mention], ranked: list[Ranked | None], out: list[Resolution],
                  geo: DocumentGeography, settings: PlacesSettings) -> list[Resolution]:
    """The steps that read the names next to a name: one kind per list (`lists.same_kind_in_lists`), then a name
    held in the country of the place that qualifies it (`qualified.held_by_qualifier`)."""
    if settings.list_kind_quorum:
        from thucydides.geo.lists import same_kind_in_lists

        out = same_kind_in_lists(mentions, out, settings.list_kind_quorum)
    if settings.qualifier_country:
        from thucydides.geo.qualified import held_by_qualifier

        out = held_by_qualifier(mentions, ranked, out, geo)
    return out


def coded_namesake(m: Mention, ranked: Ranked | None, res: Resolution, geo: ViewSource,
                   reach_km: float, in_country: bool = False, big: int = 0) -> Resolution:
    """ "Protesters gathered in Brest", and nothing else in the report says which country: the ranker takes the
    biggest namesake; a war report more likely means the one a conflict record places (`priors.coded`). So when
    nothing else places the report (`_namesakes_to_weigh`), a resolution no record places yields to the best-ranked
    candidate one does (the gates' ranking may hold only the namesake: the mention's other candidates
    come after, in their order). With `in_country`, a report that names the country but not the province chooses
    among the country's namesakes the same way ("shelling near Vodyane", Ukraine: of its villages of the name). A
    place of at least `big` people (when set) stays: the records code a capital under other names ("Delhi - X")."""
    if res.candidate is None or (big and res.candidate.population >= big) or coded(m.key, res.candidate, reach_km):
        return res
    options = _namesakes_to_weigh(m, res.candidate, geo.view(m.key), in_country)
    ranks = {c.place.id: -p for p, c in ranked.scored} if ranked else {}
    found = [c for c in options if coded(m.key, c, reach_km)]
    if not found:
        return res
    cand = min(found, key=lambda c: (ranks.get(c.place.id, 0.0), found.index(c)))
    return Resolution(m.found, cand, res.confidence, precision_of(m.found, cand))


def coded_unresolved(m: Mention, ranked: Ranked | None, res: Resolution, geo: ViewSource,
                     reach_km: float, untold: bool = False) -> Resolution:
    """ "Monitors heard explosions near X", X a village name several villages bear and nothing else in the report
    says which: the ranker, with no geography to go by, leaves X unresolved, and the happening goes unplaced. When
    the text says X is a place (`said_to_be_place`, or a locative word before it: "a granary at X", where spaCy took
    X for an organisation's or a person's name) and nothing else places the report, the candidate a conflict record
    places (`priors.coded`) within `reach_km` is the likelier one; the best-ranked of them is taken. With `untold`,
    also where the text does not say X is a place ("in downtown X", "X Governor's office"), unless the report gives
    the name to a person or an actor's name holds it: in a report that places nothing else, a name a conflict
    record places is likelier that place than anything else."""
    if res.candidate is not None or not m.considered or not _may_be_coded(m.found, untold) or geo.view(m.key).known:
        return res
    options = [c for c, ok in zip(m.options, m.pickable, strict=True) if ok]
    found = [c for c in options if coded(m.key, c, reach_km)]
    if not found:
        return res
    ranks = {c.place.id: -p for p, c in ranked.scored} if ranked else {}
    cand = min(found, key=lambda c: (ranks.get(c.place.id, 0.0), found.index(c)))
    return Resolution(m.found, cand, 0.0, precision_of(m.found, cand))


def _may_be_coded(f: Found, untold: bool) -> bool:
    """Whether `coded_unresolved` may place the name: the text says it is a place, or (`untold`) it is no English
    word spaCy does not read as a place ("shouting 'Die!'") and nothing gives it to a person or an actor."""
    return said_to_be_place(f) or f.cue or (untold and not (f.person_name or f.surname or f.in_actor
                                                            or _english_word(f)))


def coded_over_alias(m: Mention, ranked: Ranked | None, res: Resolution, geo: ViewSource,
                     reach_km: float) -> Resolution:
    """ "A gang burned shops near X", in a report nothing else places, resolved to a bigger town abroad that bears X
    only as an alternate name, while a conflict record places a town that bears X as its own name: that town
    (within `reach_km` of the record), the best-ranked if several; a name written as a place's own beats an alias."""
    if res.candidate is None or res.candidate.weight >= 2 or not m.considered or geo.view(m.key).known:
        return res
    own = [c for c, ok in zip(m.options, m.pickable, strict=True) if ok and c.weight >= 2]
    found = [c for c in own if coded(m.key, c, reach_km)]
    if not found:
        return res
    ranks = {c.place.id: -p for p, c in ranked.scored} if ranked else {}
    cand = min(found, key=lambda c: (ranks.get(c.place.id, 0.0), found.index(c)))
    return Resolution(m.found, cand, res.confidence, precision_of(m.found, cand))


def respelt_unplaced(m: Mention, res: Resolution, geo: ViewSource, settings: PlacesSettings) -> Resolution:
    """ "Gunmen raided Kodjo village": the gazetteer lacks the name as written and met a town only through another
    spelling (folding onto a different name, or the consonant skeleton). Where neither the report's countries (the
    rest of it implies none, or others) nor a conflict record placing the name within `respelt_unplaced_km` of it
    vouch for that spelling, a small town (fewer than `foreign_town_population`) met by a one-word name is most often
    a namesake of a village the gazetteer lacks: the name stays unresolved (a far guess costs more than no place).
    A name of several words ("Khan Sheikhoun") rarely meets another place's by accident: each word must."""
    c = res.candidate
    if c is None or c.place.kind != "populated_place" or c.population >= settings.foreign_town_population \
            or len(m.key.split()) > 1 or geo.view(m.key).implies(c.place.country) or not respelt_only(m.found, c):
        return res
    if coded(m.key, c, settings.respelt_unplaced_km):
        return res
    return Resolution(m.found, None, 0.0, 3)


def respelt_only(f: Found, c: Candidate) -> bool:
    """Whether `c` was met only through another spelling: its consonant skeleton, or a folded key whose name differs
    from every form of the span as written (accents, case and punctuation aside: `handset.spelt`)."""
    if c.match < 1.0:
        return True
    written = {handset.spelt(n) for n in (f.text, *lookup_names(f, knowledge()), *town_of_a_quarter(f.name))}
    return handset.spelt(c.name) not in written


def _namesakes_to_weigh(m: Mention, picked: Candidate, view: GeographyView, in_country: bool) -> list[Candidate]:
    """The candidates `coded_namesake` may choose among: all the pickable ones when nothing else in the report places
    it (no other name, demonym, actor or outlet: in a news story naming other places, the ranker's choice held better,
    LGL fit 200 0.792 -> 0.780 when only the name's candidates' countries were asked); with `in_country`, else those
    of the picked one's country unless the report names its province."""
    options = [c for c, ok in zip(m.options, m.pickable, strict=True) if ok]
    if not view.known:
        return options
    here = picked.place
    if not in_country or (here.country, here.admin1) in view.regions:
        return []
    return [c for c in options if c.place.country == here.country]


def person_or_place(m: Mention, res: Resolution, geo: ViewSource, settings: PlacesSettings) -> Resolution:
    """A name the report also gives a person (`Found.person_name`) is that person here, unless it resolved to a
    big place (a country, a state, a city of `person_name_population`) in a country the rest of the report
    implies: "Jordan said" of a country at war, not "coach Ripley" of a village."""
    c = res.candidate
    if not m.found.person_name or c is None:
        return res
    big = c.place.kind in ("country", "admin1") or c.population >= settings.person_name_population
    if big and geo.view(m.key).implies(c.place.country):
        return res
    return Resolution(m.found, None, 0.0, 3)


def same_name_same_place(mentions: list[Mention], resolutions: list[Resolution],
                         settings: PlacesSettings) -> list[Resolution]:
    """One sense per discourse: a report names one place by one name. A mention left unresolved (a town's name
    used as a modifier, "Gori-based") or resolved with little confidence takes the place the surest mention of
    its folded name was resolved to, when the text says that one is a place, it is sure enough, the report never
    uses the name for a person, and the place is among the mention's candidates."""
    persons = {m.key for m in mentions if m.found.surname}
    surest: dict[str, Resolution] = {}
    for m, res in zip(mentions, resolutions, strict=True):
        if m.key not in persons and _sure_place(m, res, settings) and (
                m.key not in surest or res.confidence > surest[m.key].confidence):
            surest[m.key] = res
    return [_follow(m, res, surest.get(m.key), settings) for m, res in zip(mentions, resolutions, strict=True)]


def _sure_place(m: Mention, res: Resolution, settings: PlacesSettings) -> bool:
    """Resolved with enough confidence, where the text says the name is a place: a mention others may follow."""
    return res.candidate is not None and res.confidence >= settings.same_place_confidence and \
        said_to_be_place(m.found)


def said_to_be_place(f: Found) -> bool:
    """The text itself says the span is a place: spaCy reads it as one, a place word precedes it ("the town of"),
    it opens a dispatch or a state follows it ("Alexandria, Louisiana"); and spaCy does not read it as an
    organisation's name (on the LGL fit half such mentions led their namesakes wrong eight times in nine)."""
    if f.other_entity == "ORG":
        return False
    return f.ner in ("GPE", "LOC") or f.place_cue or f.dateline or f.admin or f.within is not None


def _follow(m: Mention, res: Resolution, surest: Resolution | None, settings: PlacesSettings) -> Resolution:
    """The mention's resolution, or the surest one's place when the mention is unresolved or unsure."""
    if surest is None or surest.candidate is None or not m.plausible:
        return res
    if res.candidate is not None and res.confidence >= settings.same_place_below:
        return res
    place_id = surest.candidate.place.id
    cand = next((c for c in m.options if c.place.id == place_id), None)
    if cand is None:
        return res
    return Resolution(m.found, cand, surest.confidence, precision_of(m.found, cand))


def keeps(m: Mention, ranked: Ranked | None, floor: float) -> bool:
    """Resolved mentions stay; unresolved ones only when spaCy vouches for a place or a border was named."""
    if ranked is not None and ranked.best(floor) is not None:
        return True
    f = m.found
    if not m.options:
        return bool((f.ner in ("GPE", "LOC") and m.plausible) or f.border_countries)
    return m.plausible and f.ner in ("GPE", "LOC")


def resolution(m: Mention, ranked: Ranked | None, floor: float) -> Resolution:
    best = ranked.best(floor) if ranked else None
    if ranked is None or best is None:
        return Resolution(m.found, None, 0.0, 3)
    return Resolution(m.found, best, round(ranked.confidence, 3), precision_of(m.found, best))
