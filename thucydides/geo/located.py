"""Which of a report's places locates something told in it: the most specific, those in the report's
country and vouched for by its other places first, with ACLED's geo precision. Claims and events both place
what they tell with these (`claims.where`, `events.where`)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from thucydides import data
from thucydides.geo import roles
from thucydides.geo.distance import km
from thucydides.geo.recognize import SPACED_WORD, knowledge
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.settings import section
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import ancestors, span_head
from thucydides.model import Place, Toponym

SPECIFICITY = {"populated_place": 0, "facility": 0, "other": 1, "border": 1, "admin2": 2, "river": 3,
               "admin1": 3, "region": 4, "country": 5}
"""Lower is more specific: a village locates a happening better than its province."""
PRECISION = {"populated_place": 1, "facility": 1, "other": 2, "border": 2, "admin2": 2, "river": 2,
             "admin1": 3, "region": 3, "country": 3}
"""ACLED geo precision by the kind of place: 1 the place itself, 2 part of a region, 3 the region."""
NEAR_WORDS = frozenset({"near", "outside", "outskirts", "vicinity", "around", "countryside", "environs"})


@dataclass(frozen=True)
class Located:
    toponym: Toponym
    geo_precision: int
    unnamed: Place | None = None
    """The place, when the report does not name it (a capital read from the actors, a point measured from a town),
    for the caller to add to the analysis's places: a step only reads the analysis."""


AREA_LEVEL = SPECIFICITY["admin2"]


def specificity(ctx: DocContext, t: Toponym) -> int:
    level = SPECIFICITY.get(ctx.place_of(t).kind, 3)
    return max(level, AREA_LEVEL) if told_as_area(ctx, t) and not qualified(ctx, t) else level


def told_as_area(ctx: DocContext, t: Toponym) -> bool:
    """ "Trans Mara district", "the district of Sakaraha": a name told as an administrative area, whatever the
    gazetteer resolved it to (most often the town of that name, the area's seat): it says where a happening is
    no better than a district does, so a town or village the report names beside it comes first. Unless the
    names after it say where it lies ("in X county (A, B)"): then it is the place told, A and B its areas."""
    nouns = knowledge().admin_nouns
    words = t.text.lower().split()
    if len(words) > 1 and words[-1] in nouns:
        return True
    before = ctx.text[max(0, t.start - 24):t.start].lower().split()
    return len(before) > 1 and before[-1] == "of" and before[-2] in nouns


def located_at(ctx: DocContext, t: Toponym, downgrade: bool = False) -> Located:
    """ACLED's precision of a place: 2 for a town when the happening is only near it ('near X', '20 km south of
    X': `told_by_bearing`), told as an area, or not told for this happening (`downgrade`)."""
    precision = PRECISION.get(ctx.place_of(t).kind, 3)
    before = ctx.text[max(0, t.start - 24):t.start].lower().split()
    near = NEAR_WORDS & set(before[-3:]) or told_by_bearing(ctx, t)
    if precision == 1 and (downgrade or near or told_as_area(ctx, t)):
        precision = 2
    return Located(t, precision)


def inside_an_actor_name(ctx: DocContext, t: Toponym) -> bool:
    """ "the Bank of [Canada]", "Hayat Tahrir al-[Sham]": a place inside an actor's name (past its first word)
    says whose the actor is, not where it acted. A place heading the name ("the [Fargo] police") may say both, and
    so does one a place noun introduces ("the municipality of [X]": the town's own body, in the town)."""
    return any(a.start < t.start and t.end <= a.end and not _unit_of(ctx.text[a.start:t.start])
               for a in ctx.actors.overlapping(t.start, t.end))


def _unit_of(words: str) -> bool:
    """ "the municipality of ", "district of ": the words before a place in a name make it the place's own unit."""
    return unit_of_a_place().fullmatch(words) is not None


@cache
def unit_nouns_alternation() -> str:
    """The nouns a place is told as ("village", "district", "payam"): geo_places.yaml's place and admin nouns and
    geo_words.yaml's unit nouns, as one regex alternation for the patterns that read them."""
    know = knowledge()
    units = data.word_set(data.load("geo_words.yaml"), "unit_nouns")
    return "|".join(sorted(re.escape(w) for w in know.place_nouns | know.admin_nouns | units))


@cache
def unit_of_a_place() -> re.Pattern[str]:
    return re.compile(rf"(?:the\s+)?(?:{unit_nouns_alternation()})\s+of\s+", re.I)


def where_it_happens(ctx: DocContext, t: Toponym) -> bool:
    """A place mention that may be where something happened (not one inside an actor's name or a modifier)."""
    return not (inside_an_actor_name(ctx, t) or roles.told_as_modifier(ctx.analysis, t))


def astray(ctx: DocContext, t: Toponym) -> bool:
    """A place in a country no other place of the report lies in, when the report is about another one: most
    often a namesake ("Alameda" for a square in Luanda), or a place only talked about."""
    country = ctx.place_of(t).country
    home = towns_country(ctx) or ctx.country
    if not (home and country) or country == home:
        return False
    return not any(o is not t and ctx.place_of(o).country == country for o in ctx.toponyms.items)


def towns_country(ctx: DocContext) -> str | None:
    """The country most of the report's places below the country level lie in (the first named on ties): a
    country named as such is often what a happening is about ("rallied in Oulu against the invasion of
    Ukraine"), a town or a province where it is."""
    countries = [p.country for t in ctx.toponyms.items
                 if (p := ctx.place_of(t)).kind != "country" and p.country and where_it_happens(ctx, t)]
    if not countries:
        return None
    counts, told, towns = Counter(countries), told_countries(ctx), towns_by_country(ctx)
    placed = said_as_places(ctx) if len(counts) > 1 and located_settings().home_said_as_place else Counter[str]()
    return max(counts, key=lambda c: (counts[c], told[c], towns[c], placed[c], -countries.index(c)))


@dataclass(frozen=True)
class LocatedSettings:
    """Switches of the report's home country (settings `place_located`)."""

    home_said_as_place: bool = True
    """On a tie, the country whose places the text tells as places (`said_as_places`) is the report's."""


@cache
def located_settings() -> LocatedSettings:
    return section("place_located", LocatedSettings)


def said_as_places(ctx: DocContext) -> Counter[str]:
    """The report's places below the country level per country that the text tells as places: after a word
    that introduces only places ("in X", "near X") or before a town or unit noun ("X city", "X district").
    "members of the X Party rallied in Y": a name read as a namesake town abroad ("X") is most often part of
    something else's name, told as no place, while the place where things happen is told as one."""
    return Counter(p.country for t in ctx.toponyms.items
                   if (p := ctx.place_of(t)).kind != "country" and p.country and where_it_happens(ctx, t)
                   and said_as_place(ctx.text, t))


def said_as_place(text: str, t: Toponym) -> bool:
    """A place preposition right before the name or a town or unit noun right after it (`knowledge`)."""
    know = knowledge()
    before = text[max(0, t.start - 16):t.start]
    words, after = before.split(), SPACED_WORD.match(text, t.end)
    if words and before[-1:].isspace() and words[-1].lower() in know.place_preps:
        return True
    noun = after.group(1).lower() if after is not None else ""
    return noun in know.town_nouns or noun in know.admin_nouns



def towns_by_country(ctx: DocContext) -> Counter[str]:
    """The report's towns and villages per country: on a tie, a town names its country more surely than a region
    does ("women from across the Eastern Region marched in Koforidua": many countries have an Eastern Region)."""
    return Counter(p.country for t in ctx.toponyms.items
                   if (p := ctx.place_of(t)).kind == "populated_place" and p.country and where_it_happens(ctx, t))


def told_countries(ctx: DocContext) -> Counter[str]:
    """What else says which country a report is about, for places tied in number ("protested at North Beach in
    Durban"): the countries it names as such and the countries of the actors it names."""
    named = [p.country for t in ctx.toponyms.items if (p := ctx.place_of(t)).kind == "country" and p.country]
    actors = [a.country for a in ctx.actors.items if a.country and not a.generic and not a.speaker]
    return Counter(named + actors)


def most_specific(ctx: DocContext, found: Sequence[Toponym], anchor: int, vouch_km: float | None = None,
                  attachment: bool = False, first_named: bool = False,
                  qualifiers: bool = False, origins: bool = False) -> Toponym | None:
    """The most specific of the places that may be where something happened: (with `origins`) not those told as
    where someone comes from (`told_as_origin`), then those in the report's country, then (given `vouch_km`)
    those another place of the report vouches for; on ties one that qualifies another last (with `qualifiers`,
    read more widely and one qualified by its areas first: `qualifier_rank`), then (with `attachment`) the one
    hanging from the fewest nouns below the anchor, then the first named (`first_named`) or else the nearest to
    `anchor`."""
    found = [t for t in found if where_it_happens(ctx, t)]
    if not found:
        return None
    token = ctx.token_at(anchor) if attachment else None
    return min(found, key=lambda t: (origins and told_as_origin(ctx, t), astray(ctx, t),
                                     vouch_km is not None and unvouched(ctx, t, vouch_km),
                                     _rank(ctx, t),
                                     qualifier_rank(ctx, t) if qualifiers else (qualifies(ctx, t), False),
                                     _nouns_between(ctx, t, token),
                                     t.start if first_named else abs(t.start - anchor)))


def told_as_origin(ctx: DocContext, t: Toponym) -> bool:
    """ "displaced people from A sheltering in B", "traders from A": a place "from" ties to a noun says where
    someone comes from, not where the happening is."""
    head = span_head(ctx.doc, t.start, t.end)
    if head is None or head.dep_ != "pobj" or head.head.lower_ != "from":
        return False
    return head.head.head.pos_ in NOUNS


def qualifier_rank(ctx: DocContext, t: Toponym) -> tuple[bool, bool]:
    """Among equally specific places: one that says where another lies comes last, one whose areas are told
    after it first. "clashed in A village (B, C)", "in A town, B": B qualifies A across the place noun too
    (`qualifier_gap`); "the B council ... in A, B": a name the report uses to qualify a place is that area
    wherever else it is named; "between A and B (C, D)": B, told with its district and province, is the place
    the report locates, as ACLED's own notes write the place they code (not a landmark: `told_by_bearing`)."""
    return qualifies_widely(ctx, t), not qualified_by_area(ctx, t) or told_by_bearing(ctx, t)


BEARING = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of|from)\s+(?:the\s+)?$", re.I)
"""What makes a place a landmark to measure from, not where: "north of X", "20 km south-east of X"."""


def told_by_bearing(ctx: DocContext, t: Toponym) -> bool:
    """ "a barrage north of A, B": A, however qualified, is a landmark the text measures from."""
    return BEARING.search(ctx.text, max(0, t.start - 40), t.start) is not None


@cache
def qualifier_gap() -> re.Pattern[str]:
    """A bracket or comma between two names, after an optional place noun ("A village (B", "A town, B")."""
    return re.compile(rf"(?:\s+(?:{unit_nouns_alternation()}))?\s*[(,]\s*", re.I)


def _qualifying(ctx: DocContext, t: Toponym) -> bool:
    """Right after another place and a bracket or comma (`qualifier_gap`)."""
    before = [o.end for o in ctx.toponyms.items if o.end <= t.start and o.place != t.place]
    return bool(before) and qualifier_gap().fullmatch(ctx.text[max(before):t.start]) is not None


def qualifies_widely(ctx: DocContext, t: Toponym) -> bool:
    """`t` qualifies the place before it, or its name qualifies a place elsewhere in the report (a mention that
    is itself qualified, "in A (A, B)", names the place, not the area)."""
    if _qualifying(ctx, t):
        return True
    name = t.text.lower()
    return not qualified_by_area(ctx, t) and any(o.text.lower() == name and o is not t and _qualifying(ctx, o)
                                                for o in ctx.toponyms.items)


def qualified_by_area(ctx: DocContext, t: Toponym) -> bool:
    """The names right after `t` say where it lies: in brackets ("A (B, C)"), or after a comma a wider place
    ("A, B province"); a list of towns ("A, B and C") is not."""
    after = [o for o in ctx.toponyms.items if o.start >= t.end and o.place != t.place]
    if not after:
        return False
    nxt = min(after, key=lambda o: o.start)
    gap = ctx.text[t.end:nxt.start]
    if qualifier_gap().fullmatch(gap) is None:
        return False
    return "(" in gap or specificity(ctx, nxt) > specificity(ctx, t)


QUALIFIER_GAP = re.compile(r"\s*[(,]\s*")
"""What sets a name that qualifies the place before it apart from it: "Diay (Gourma-Rharous, Tombouctou)"."""


def qualifies(ctx: DocContext, t: Toponym) -> bool:
    """ "near A (B, C)", "in A, B": a place named right after another, in brackets or after a comma, most often
    says where that one lies (its district, read as the town of that name, or its province); among equally
    specific places the one it qualifies comes first."""
    before = [o.end for o in ctx.toponyms.items if o.end <= t.start and o.place != t.place]
    return bool(before) and QUALIFIER_GAP.fullmatch(ctx.text[max(before):t.start]) is not None


def qualified(ctx: DocContext, t: Toponym) -> bool:
    """A place another qualifies (`qualifies`): "X county" in "X county (A, B)"."""
    after = [o.start for o in ctx.toponyms.items if o.start >= t.end and o.place != t.place]
    return bool(after) and QUALIFIER_GAP.fullmatch(ctx.text[t.end:min(after)]) is not None


def _nouns_between(ctx: DocContext, t: Toponym, anchor: Token | None) -> int:
    """How many nouns the place hangs from on its way up to the anchor: 'rallied in [A] in support of strikes in
    [B]' — A locates the rally, B the strikes the rally is about. A place not under the anchor counts every noun
    up to the root, and one more."""
    head = span_head(ctx.doc, t.start, t.end)
    if head is None or anchor is None:
        return 0
    count = 0
    for token in ancestors(head):
        if token.i == anchor.i:
            return count
        count += token.pos_ in NOUNS
    return count + 1


NOUNS = frozenset({"NOUN", "PROPN"})


def _rank(ctx: DocContext, t: Toponym) -> int:
    """Specificity, a quarter coming just after the towns: ACLED codes the town a quarter lies in."""
    return 2 * specificity(ctx, t) + told_as_quarter(ctx, t)


def told_as_quarter(ctx: DocContext, t: Toponym) -> bool:
    """ "in the X neighbourhood", "in colonia X": a place name told as part of a town (lexicon quarter_nouns)."""
    words = lexicons().quarter_nouns
    after = ctx.text[t.end:t.end + 24].split()[:1]
    before = ctx.text[max(0, t.start - 24):t.start].split()[-1:]
    return any(w.lower().strip(",.;:()'\"") in words for w in (*after, *before))


def unvouched(ctx: DocContext, t: Toponym, reach_km: float) -> bool:
    """ "In Tolima's capital, gunmen shot a man in El Salado", with El Salado read as a town of that name 500 km
    away: a place that no other place of the report vouches for (none lies within `reach_km` of it, no province
    named holds it or lies around it) while others vouch for each other is most often a namesake of a quarter,
    a square or a building. Countries and wider regions vouch for nothing."""
    if ctx.place_of(t).kind in WIDE_KINDS:
        return False
    vouched = vouched_places(ctx, reach_km)
    return t.place not in vouched and bool(vouched)


def vouched_places(ctx: DocContext, reach_km: float) -> frozenset[str]:
    """The report's places below a region that another such place vouches for (`vouches`, which is symmetric:
    a place outside this set has no partner, so any pair in it is a pair of others), once per report."""
    if reach_km not in ctx.vouched:
        places = {o.place or "": p for o in ctx.toponyms.items if (p := ctx.place_of(o)).kind not in WIDE_KINDS}
        ctx.vouched[reach_km] = frozenset(a for a, here in places.items() for b, other in places.items()
                                          if a != b and vouches(here, other, reach_km))
    return ctx.vouched[reach_km]


WIDE_KINDS = frozenset({"country", "region"})
"""Kinds too wide to say which of two namesakes a report means."""


def vouches(here: Place, other: Place, reach_km: float) -> bool:
    """`other` lies within `reach_km` of `here`, or one is a province holding the other."""
    if here.country and here.country == other.country and here.admin1 and here.admin1 == other.admin1 \
            and "admin1" in (here.kind, other.kind):
        return True
    return km(here.lat, here.lon, other.lat, other.lon) <= reach_km


REGION_LEVEL = 3
"""Specificity from which a place is a region: a state, a province, a country."""
TOWN_LEVEL = 1


def main_place(ctx: DocContext) -> Toponym | None:
    """The most repeated specific place of the report (first named on ties)."""
    items = [t for t in ctx.toponyms.items if where_it_happens(ctx, t)]
    if not items:
        return None
    counts = Counter(t.place for t in items)
    return min(items, key=lambda t: (astray(ctx, t), specificity(ctx, t) > 1, -counts[t.place], t.start))


def holds(ctx: DocContext, area: Toponym, t: Toponym) -> bool:
    """`area` is a country or province `t` lies in."""
    outer, inner = ctx.place_of(area), ctx.place_of(t)
    if specificity(ctx, area) < REGION_LEVEL or outer.country is None or outer.country != inner.country:
        return False
    return outer.kind == "country" or (outer.admin1 is not None and outer.admin1 == inner.admin1)


def refine(ctx: DocContext, located: Located) -> Located:
    """A happening told only at the scale of a region or country ('in Balochistan province') is placed at
    the report's most named town inside it, at precision 2, when the report names one: ACLED codes the
    most specific place the reporting allows."""
    if located.geo_precision < 3 or SPECIFICITY.get(ctx.place_of(located.toponym).kind, 3) < 3:
        return located
    towns = [t for t in ctx.toponyms.items if specificity(ctx, t) <= 1 and holds(ctx, located.toponym, t)
             and where_it_happens(ctx, t)]
    if not towns:
        return located
    counts = Counter(t.place for t in towns)
    best = min(towns, key=lambda t: (-counts[t.place], t.start))
    return Located(best, 2)
