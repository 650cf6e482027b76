"""The place an event happened: the most specific place its own clause names, else its sentence's, else
the place the paragraph was about so far, else the report's main place — named steps (settings
`stages.events.place_steps`), each giving a toponym and ACLED's geo precision; the choice among places is
`geo.located`'s, which claims share."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from thucydides.events.detect import Candidate
from thucydides.geo.distance import km
from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.located import (
    AREA_LEVEL,
    PRECISION,
    REGION_LEVEL,
    WIDE_KINDS,
    Located,
    astray,
    holds,
    inside_an_actor_name,
    located_at,
    main_place,
    most_specific,
    specificity,
    told_as_area,
    told_as_origin,
    told_as_quarter,
    unvouched,
    vouched_places,
    vouches,
    where_it_happens,
)
from thucydides.geo.offsets import moved, told_offset
from thucydides.geo.priors import capital_place
from thucydides.geo.recognize import knowledge
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.unit_points import unit_code, unit_points
from thucydides.ling.clauses import NOUN_CLAUSE_DEPS, TOLD_DEPS, clause_head, has_own_subject, telling_verb
from thucydides.ling.context import DocContext, actors_country
from thucydides.ling.tokens import NOUN_MODIFIER_DEPS, ancestors, contains, span_head
from thucydides.model import Place, Toponym


@dataclass(frozen=True)
class PlaceContext:
    doc: DocContext
    candidate: Candidate
    carried: Toponym | None
    """The place the paragraph was about before this sentence."""
    vouch_km: float | None = None
    """Places no other place of the report lies this near come last (`unvouched`; None: no such check)."""
    attachment: bool = False
    """Among equally specific places, the one hanging from the fewest nouns below the anchor first."""
    first_named: bool = False
    """On a tie after that, the place named first in the unit, not the one nearest the anchor: a place is most
    often named before the areas holding it ('in A (B district, C region)', 'in A, B province'), and an area
    read as a town of its name ties with it."""
    qualifiers: bool = False
    """Among equally specific places, qualifiers read widely and a place qualified by its areas first
    (`geo.located.qualifier_rank`)."""
    origins: bool = False
    """A place told as where someone comes from comes after every other (`geo.located.told_as_origin`)."""
    governing: bool = False
    """A participle or infinitive anchor takes the place of the clause it hangs on first (`governing_clause`)."""
    doubt_own_line: bool = False
    """A place in a purpose or manner clause below the anchor, or an origin, makes no clause place doubtful
    (`doubtful_in_its_sentence`)."""
    telling_apart: bool = False
    """A place told in the clause of a verb of telling does not place the happening it tells (`speakers_place`)."""


NESTING = re.compile(r"(?:['’]s)?((?:\s+[\w'’.-]+){0,4}?)\s+(?:located\s+|situated\s+)?(?:in|of)\s+(?:the\s+)?")
"""What tells that a place lies in the place named next: "A in B", "the A area of B", "A Cathedral in B", "A
located in B" (the words between checked by `_part_words`)."""


def _part_words(words: str) -> bool:
    """The words between a place and "in"/"of" name a part of it or a site in it: capitalised words of a longer
    name ("San Miguel Cathedral") or a place, quarter or facility noun ("the X area of")."""
    know, quarters = knowledge(), lexicons().quarter_nouns
    nouns = know.place_nouns | know.facility_nouns | quarters
    return all(w[:1].isupper() or w.lower() in nouns for w in words.split())


def told_inside(ctx: DocContext, t: Toponym) -> Toponym | None:
    """The place the text says `t` lies in ("A in B", "the A area of B"): the next place named, right after."""
    after = [o for o in ctx.toponyms.items if o.start >= t.end and o.place and o.place != t.place]
    if not after:
        return None
    nxt = min(after, key=lambda o: o.start)
    m = NESTING.fullmatch(ctx.text, t.end, nxt.start)
    return nxt if m is not None and _part_words(m.group(1)) else None


def mislaid(ctx: DocContext, t: Toponym, reach_km: float | None) -> Toponym | None:
    """ "a vigil at the San Miguel Cathedral in Masaya", with San Miguel read as a town of that name 300 km away:
    a place the text says lies in another (`told_inside`) while the two resolved places lie farther apart than
    `reach_km`, in different provinces, was read as a namesake; the place holding it is where it is (not when
    the holder is told as an area: "A in B region" may be B province read as its seat).
    Returns that place, or None when nothing contradicts the reading."""
    if reach_km is None or not t.place:
        return None
    outer = told_inside(ctx, t)
    if outer is None:
        return None
    here, there = ctx.place_of(t), ctx.place_of(outer)
    if here.kind in WIDE_KINDS or there.kind in WIDE_KINDS or told_as_area(ctx, outer):
        return None  # "A in B region": B may be the province, read as its seat
    same_province = bool(here.country and here.admin1) and (here.country, here.admin1) == (there.country, there.admin1)
    if same_province or vouches(here, there, reach_km):
        return None
    vouched = vouched_places(ctx, reach_km)
    return None if t.place in vouched and outer.place not in vouched else outer  # the holder is the namesake


def set_right(ctx: DocContext, found: Sequence[Toponym], reach_km: float | None) -> list[Toponym]:
    """Each place with a mislaid one (`mislaid`) replaced by the place the text says holds it."""
    out: list[Toponym] = []
    for t in found:
        kept = mislaid(ctx, t, reach_km) or t
        if kept not in out:
            out.append(kept)
    return out


ACTING_DEPS = frozenset({"nsubj"})
"""A country that is the subject of its verb acts or speaks ("X condemns the attack"); one that is acted on
("X was shelled") may well be where."""


def names_an_actor(ctx: DocContext, t: Toponym) -> bool:
    """ "the X-led coalition", "X forces", "X condemns the attack": a country whose name heads a longer actor
    mention, or is an actor mention of its own acting as a subject, says who acted or spoke, not where the
    happening was (a town heading a name, "the Fargo police", may say both, so only countries)."""
    if ctx.place_of(t).kind != "country":
        return False
    for actor in ctx.actors.overlapping(t.start, t.end):
        if actor.start <= t.start and t.end < actor.end:
            return True
        if (actor.start, actor.end) == (t.start, t.end) and _acting(ctx, t):
            return True
    return False


def _acting(ctx: DocContext, t: Toponym) -> bool:
    head = span_head(ctx.doc, t.start, t.end)
    return head is not None and head.dep_ in ACTING_DEPS


def where_told(ctx: DocContext, found: Sequence[Toponym]) -> list[Toponym]:
    """The places that may say where the happening was, without countries naming an actor (`names_an_actor`)."""
    return [t for t in found if not names_an_actor(ctx, t)]


def told_by_speaker(ctx: DocContext, t: Toponym, anchor: Token | None) -> bool:
    """ "Officials in Kabul said militants attacked a checkpoint", "Speaking in Geneva, the envoy said shelling hit
    X": a place told in the clause of a verb of telling that tells another clause than the anchor's
    (`ling.clauses.telling_verb`: on its subject or after the verb, `_speakers_own`), or in a participle clause
    hanging on that verb, is where the happening was told, not where it took place (anchor None: whatever
    happening the telling tells)."""
    head = span_head(ctx.doc, t.start, t.end)
    if head is None:
        return False
    if (verb := telling_verb(head, anchor)) is not None:
        return verb.dep_ not in ASIDE_TELLING_DEPS and _speakers_own(head, verb)
    side = clause_head(head)
    if not _side_clause(side) or (anchor is not None and contains(side, anchor)) or side.head.i == side.i:
        return False
    verb = telling_verb(side.head, anchor)
    return verb is not None and verb.i == side.head.i and _before_the_speaker(side, verb)


def _before_the_speaker(side: Token, verb: Token) -> bool:
    """ "Speaking in A, the envoy said ...": a participle set before the telling's subject, itself before the verb,
    tells the telling's circumstances; not a quote before an inverted telling ('"coming back to A," said his
    daughter'), which is what is told."""
    return any(c.dep_ in SUBJECT_DEPS and side.i < c.i < verb.i for c in verb.children)


ASIDE_TELLING_DEPS = NOUN_CLAUSE_DEPS | {"conj"}
"""A telling verb describing a noun ('a man believed to be a herder, in A') or joined to another verb ('was killed
and his body found in A'): not a speaker telling from somewhere, its place is the happening's."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOCATIVE_DEPS = frozenset({"pobj"})
"""A place told as where someone is ('officials in A', 'said at A'), not a name's word ('the A Youth Army said')."""


def _speakers_own(head: Token, verb: Token) -> bool:
    """A place told with a preposition (`LOCATIVE_DEPS`) after the telling's subject ('officials in A said') or
    after its verb ('said in A', 'told reporters in A'), not in the clause it tells; not one set before them ('On
    3 May, in A (B district), the group claimed that ...'), which sets the scene of all the sentence tells, nor
    one naming the speaker ('A police said': whose police), nor one told by a verb on the subject ('the coalition
    striking targets in A said'), which tells the speaker's deeds."""
    path = [head, *ancestors(head)]
    below = next((a for a in path if a.head.i == verb.i), None)
    if below is None or below.dep_ in TOLD_DEPS or head.dep_ not in LOCATIVE_DEPS:  # 'claimed to have killed in A'
        return False
    if any(a.pos_ in VERBS for a in path[:path.index(below) + 1]):  # 'the coalition striking A said': its deed's
        return False
    return head.i > (below.i if below.dep_ in SUBJECT_DEPS else verb.i)


def speakers_place(ctx: DocContext, t: Toponym, anchor: Token | None) -> bool:
    """A place told by a speaker (`told_by_speaker`) that does not place the happening: all but the only place the
    report gives (other places of it all regions of its country holding it, or naming actors) where the happening
    could be (in the country the report's actors say, if they say one)."""
    if not told_by_speaker(ctx, t, anchor):
        return False
    here = ctx.place_of(t)
    others = [o for o in where_told(ctx, ctx.toponyms.items) if o.place and o.place != t.place]
    if any(not holds(ctx, o, t) for o in others):
        return True
    country = actors_country(ctx.analysis.actors)
    return country is not None and here.country is not None and country != here.country


def _speakers(pc: PlaceContext, t: Toponym) -> bool:
    return pc.telling_apart and speakers_place(pc.doc, t, pc.candidate.anchor)


def in_clause(pc: PlaceContext) -> Located | None:
    """A place told in the anchor's own clause (not in a relative clause on one of its words), or in that of the
    verb the anchor is joined to ("gathered outside the court in X and called for justice for one of the Y
    nation": both verbs' place); with `governing`, first that of the clause a participle or infinitive anchor
    hangs on (`governing_clause`)."""
    anchor = pc.candidate.anchor
    governing = governing_clause(anchor) if pc.governing else None
    if governing is not None and (found := _clause_place(pc, {governing.i})) is not None:
        return found
    joined = anchor.dep_ == "conj" and anchor.head.pos_ in VERBS
    return _clause_place(pc, {anchor.i, anchor.head.i} if joined else {anchor.i})


def _clause_place(pc: PlaceContext, heads: set[int]) -> Located | None:
    """The most specific place told in the clauses `heads` head, unless its sentence tells more surely."""
    found = set_right(pc.doc, [t for t in where_told(pc.doc, pc.doc.toponyms.within(pc.candidate.start,
                                                                                     pc.candidate.end))
                               if (head := span_head(pc.doc.doc, t.start, t.end)) is not None
                               and clause_head(head).i in heads and not _speakers(pc, t)], pc.vouch_km)
    best = most_specific(pc.doc, found, pc.candidate.anchor.idx, pc.vouch_km, pc.attachment, pc.first_named,
                         pc.qualifiers, pc.origins)
    if best is None or coarser_than_its_sentence(pc, best) or doubtful_in_its_sentence(pc, best):
        return None
    return located_at(pc.doc, best)


SIDE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "pcomp"})
"""Attachments by which a participle or infinitive tells a side of another clause's happening ('a rally to
demand', parsed as a relative clause, too; one with a subject of its own, 'who is walking', tells its own)."""
NONFINITE_TAGS = frozenset({"VBG", "VB"})
"""An active participle or a bare infinitive ('demanding', 'to oppose'); not a passive one: 'civilians killed in
A' tells the happening done to the noun, where it was."""


def governing_clause(anchor: Token) -> Token | None:
    """ "rallied in A, demanding justice for the dead of B", "gathered in A as part of a convoy heading to B": an
    anchor that is a participle or infinitive hanging on another clause tells the purpose, manner or a noun of
    that clause's happening, which is told where it took place; the verb heading that clause, else None. A
    participle joined to such a one ('to complain about A and demanding B') hangs where the first does."""
    lead = anchor
    while lead.dep_ == "conj" and lead.head.pos_ in VERBS:
        lead = lead.head
    if not _side_clause(lead) or anchor.tag_ not in NONFINITE_TAGS:
        return None
    head = clause_head(lead.head)
    while _side_clause(head) and head.i != (up := clause_head(head.head)).i:  # 'took part ... to protest, denouncing'
        head = up
    return None if head.i == lead.i else head


def _side_clause(head: Token) -> bool:
    return head.dep_ in SIDE_DEPS and head.tag_ in NONFINITE_TAGS and not has_own_subject(head)


VERBS = frozenset({"VERB", "AUX"})


def doubtful_in_its_sentence(pc: PlaceContext, t: Toponym) -> bool:
    """ "In Mejicanos, gunmen killed a man in the Lorena quarter", with the quarter read as a namesake abroad or
    far away, or told as a quarter: a place of the anchor's clause that is astray (`astray`), that no other place
    vouches for (`unvouched`) or that is a quarter (`told_as_quarter`), while its sentence names one that is
    none of these, tells less surely where the happening is than the sentence does; the sentence decides."""
    if not _doubtful(pc, t):
        return False
    return any(o.place != t.place and not _doubtful(pc, o) and where_it_happens(pc.doc, o)
               and (not pc.doubt_own_line or _may_make_doubtful(pc, o))
               for o in pc.doc.toponyms.within(pc.candidate.start, pc.candidate.end))


def _may_make_doubtful(pc: PlaceContext, t: Toponym) -> bool:
    """ "demonstrated in A to oppose the closure of a plant in B, C": a place told in a clause that holds the
    anchor (its own or one it hangs on) or in one joined to it ('blocked roads and burned tyres in A'), in a
    passive participle's ('a shop located in A') or a relative clause ('men who live in A killed ...'), not in an
    infinitive or an active participle below it (a purpose, a manner), nor told as an origin."""
    head = span_head(pc.doc.doc, t.start, t.end)
    if head is None or told_as_origin(pc.doc, t):
        return False
    anchor, clause = pc.candidate.anchor, clause_head(head)
    if contains(clause, anchor) or any(c.i == clause.i for c in anchor.conjuncts):
        return True
    return clause.tag_ not in NONFINITE_TAGS


def _doubtful(pc: PlaceContext, t: Toponym) -> bool:
    vouch = pc.vouch_km is not None and unvouched(pc.doc, t, pc.vouch_km)
    return astray(pc.doc, t) or vouch or told_as_quarter(pc.doc, t)


def coarser_than_its_sentence(pc: PlaceContext, t: Toponym) -> bool:
    """ "Activists rallied in Tartu against the war in Ukraine": a region or country in the anchor's clause,
    while the sentence names a town or a district where something may happen, says what the happening is about
    rather than where it is; ACLED codes the most specific place, so the sentence decides. Only a town on the
    anchor's line of clauses counts (`on_its_line`): in a run-on sentence, one named in a side clause ('..., while
    X holds the area near Y town') locates what that clause tells, not the happening."""
    if specificity(pc.doc, t) < REGION_LEVEL:
        return False
    anchor = pc.candidate.anchor
    return any(specificity(pc.doc, o) <= AREA_LEVEL and where_it_happens(pc.doc, o)
               and not told_apart(pc.doc, o, anchor) and on_its_line(pc.doc, o, anchor)
               for o in pc.doc.toponyms.within(pc.candidate.start, pc.candidate.end))


def on_its_line(ctx: DocContext, t: Toponym, anchor: Token) -> bool:
    """Whether a place is named in a clause the anchor's clause hangs on (or in it), or under the anchor: not in
    a clause on a side branch of the sentence, which tells another happening or state."""
    head = span_head(ctx.doc, t.start, t.end)
    return head is None or contains(clause_head(head), anchor) or contains(anchor, head)


APART_DEPS = frozenset({"appos", "parataxis"})
"""Phrases set beside the sentence that tell something else ('..., a claim rejected in Mosul'); a relative
clause on a side of the happening often tells where it was ('attackers who besieged a hotel in X')."""


def told_apart(ctx: DocContext, t: Toponym, anchor: Token) -> bool:
    """Whether a place is named in an appositive or parenthetical phrase that does not hold the anchor: it
    locates what that phrase tells, not the happening."""
    head = span_head(ctx.doc, t.start, t.end)
    if head is None:
        return False
    return any(token.dep_ in APART_DEPS and not contains(token, anchor) for token in (head, *ancestors(head)))


def in_sentence(pc: PlaceContext) -> Located | None:
    found = set_right(pc.doc, [t for t in where_told(pc.doc, pc.doc.toponyms.within(pc.candidate.start,
                                                                                     pc.candidate.end))
                               if not told_apart(pc.doc, t, pc.candidate.anchor)
                               and not _speakers(pc, t)], pc.vouch_km)
    best = most_specific(pc.doc, found, pc.candidate.anchor.idx, pc.vouch_km, pc.attachment, pc.first_named,
                         pc.qualifiers, pc.origins)
    return located_at(pc.doc, best) if best else None


def paragraph(pc: PlaceContext) -> Located | None:
    """'Fighting broke out in X on Monday. Five people were killed.': the place the paragraph was about."""
    return located_at(pc.doc, pc.carried) if pc.carried else None


def document(pc: PlaceContext) -> Located | None:
    """The report's main place, at best a region-level precision (it is not told for this event)."""
    best = main_place(pc.doc)
    return located_at(pc.doc, best, downgrade=True) if best else None


def in_a_name(pc: PlaceContext) -> Located | None:
    """ "Students of the University of X rioted", "a busy X street": a report whose only places are named inside an
    actor's or a body's name or as a modifier still tells where it is; its most specific such place, at a
    region-level precision (not told as where). Runs after `document`, which takes any other place first. A country
    as a modifier ("a UK aid convoy") says whose, not where: not taken."""
    items = [t for t in pc.doc.toponyms.items if t.place and not where_it_happens(pc.doc, t)
             and (inside_an_actor_name(pc.doc, t) or pc.doc.place_of(t).kind != "country")]
    if not items:
        return None
    best = min(items, key=lambda t: (specificity(pc.doc, t), t.start))
    return Located(best, 3)


def actors_capital(pc: PlaceContext) -> Located | None:
    """ "NDC supporters clashed with NPP supporters": a report that resolves no place name at all, whose named
    actors say one country (`DocContext.country`, from the actors where no place says it), happened most often in
    that country's capital, where parties, unions and ministries meet; placed there at a region-level precision
    (not told; the capital, named nowhere in the report, rides on the result for the caller to add to the
    analysis's places). Runs last: any place the report names comes first. Where no other actor says a country, the
    organisations of the report's speakers do ('protests called by ODM leaders'): only the place reads them, the
    actors' settling does not (a foreign official's comment names no local force)."""
    if pc.doc.toponyms.items:
        return None
    return unnamed_capital(pc.doc.country or actors_country(pc.doc.analysis.actors, speakers=True))


def unnamed_capital(country: str | None) -> Located | None:
    """The capital of `country`, named nowhere in the report, as a happening's place at a region-level precision
    (it rides on the result for the caller to add); None without a country or a capital the gazetteer holds."""
    place = capital_place(open_gazetteer(), country) if country else None
    if place is None:
        return None
    return Located(Toponym(0, 0, place.name, place.id, 0.0, 3), 3, unnamed=place)


def acting_countrys_capital(pc: PlaceContext) -> Located | None:
    """ "X authorities dispersed the youths", "X condemned the arrests": a report whose only places are one country,
    each time told as who acts (heading an actor's name, acting as a subject or qualifying an actor's word:
    `_acting_country`), names no place where the happening was; as `actors_capital` (which asks for no place at
    all), the country's capital at a region-level precision, where the state's bodies act most often. Not a country
    only modifying a thing ("a X aid convoy"): that says whose, not who acts."""
    items = pc.doc.toponyms.items
    if not items or not all(pc.doc.place_of(t).kind == "country" and _acting_country(pc.doc, t) for t in items):
        return None
    countries = {pc.doc.place_of(t).country for t in items}
    return unnamed_capital(countries.pop() if len(countries) == 1 else None)


def _acting_country(ctx: DocContext, t: Toponym) -> bool:
    """A country named as who acts (`names_an_actor`) or qualifying the word an actor is named by ("the X military":
    the actor is "military")."""
    if names_an_actor(ctx, t):
        return True
    head = span_head(ctx.doc, t.start, t.end)
    if head is None or head.dep_ not in NOUN_MODIFIER_DEPS or head.head.i == head.i:
        return False
    word = head.head
    return any(a.start <= word.idx < a.end for a in ctx.actors.overlapping(word.idx, word.idx + len(word)))


def country_capital(ctx: DocContext, located: Located) -> Located:
    """ "Protesters marched against fuel prices in Ghana": a happening placed at a country, in a report naming no
    smaller place of that country, most often happened in its capital, where rallies, parties and ministries
    are (ACLED train cap 300: of 38 events placed at a country, the capital within 161 km in 18, the centroid in
    12); placed there at a region-level precision, the capital riding on the result like `actors_capital`'s. Not
    where the report names the country only as who acts or speaks ("The United States condemns the attack on X":
    `names_an_actor`), when the happening is somewhere else its places leave unsaid."""
    place = ctx.place_of(located.toponym)
    if place.kind != "country" or not place.country:
        return located
    if all(names_an_actor(ctx, t) for t in ctx.toponyms.items if t.place == located.toponym.place):
        return located
    if any(t.place and ctx.place_of(t).kind != "country" and ctx.place_of(t).country == place.country
           for t in ctx.toponyms.items):
        return located
    capital = capital_place(open_gazetteer(), place.country)
    if capital is None:
        return located
    return Located(Toponym(located.toponym.start, located.toponym.end, capital.name, capital.id, 0.0, 3), 3,
                   unnamed=capital)


def carried_place(ctx: DocContext, candidate: Candidate, vouch_km: float | None = None, attachment: bool = False,
                  qualifiers: bool = False, origins: bool = False, telling_apart: bool = False) -> Toponym | None:
    """The most specific place named earlier in the candidate's paragraph, nearest first; with `telling_apart`, not
    a speaker's ('Police in A said bandits ambushed a bus in B state. Five were killed.': `speakers_place`)."""
    sentence = candidate.sentence
    lo = ctx.segments.paragraph_start(sentence.paragraph, sentence.start)
    earlier = [t for t in where_told(ctx, ctx.toponyms.within(lo, candidate.start))
               if not (telling_apart and speakers_place(ctx, t, None))]
    return most_specific(ctx, earlier, candidate.start, vouch_km, attachment, qualifiers=qualifiers, origins=origins)


def offset_point(ctx: DocContext, located: Located, km_range: tuple[float, float] | None) -> Located:
    """ "gunmen killed 15 villagers about 45 km south of A": a happening placed at a town the text measures from
    (`geo.offsets.told_offset`) lies that far that way from it; placed at that point (ACLED precision 2), as a
    place of its own (`Located.unnamed`, for the caller to add), when the distance falls in `km_range` (a shorter
    one leaves the town near enough, a much longer one tells a journey more than a place). None: the town stays."""
    t = located.toponym
    if km_range is None or not t.place or t.end <= t.start or PRECISION.get(ctx.place_of(t).kind) != 1:
        return located
    offset = told_offset(ctx.text, t.start)
    if offset is None or not km_range[0] <= offset.km <= km_range[1]:
        return located
    point = moved(ctx.place_of(t), offset)
    return Located(replace(t, place=point.id), 2, unnamed=point)


PLACE_STEPS: Mapping[str, Callable[[PlaceContext], Located | None]] = {
    "clause": in_clause, "sentence": in_sentence, "paragraph": paragraph, "document": document, "in_a_name": in_a_name,
    "actors_capital": actors_capital, "acting_countrys_capital": acting_countrys_capital,
}


@dataclass(frozen=True)
class PointContext:
    """A happening's settled place, for the steps that may set it at a conventional point instead."""

    doc: DocContext
    located: Located
    snap_km: float
    """A gazetteer town of the point's name this near stands for the point."""
    seat_max_km: float | None = None
    """Neither step moves a happening farther than this from the unit's own point (None: any)."""


def unit_point(pc: PointContext) -> Located | None:
    """ "Protesters rallied in Nakuru county": a happening placed only at a first-level unit is coded by ACLED at a
    point of its own for the unit (precision 3), most often its capital, not at the unit's centroid-like point,
    often more than 25 km away; the point learned from ACLED's train rows (`knowledge.unit_points`), as the
    gazetteer's town of that name when one lies within `snap_km` of it, else as a place of its own riding on the
    result. None: not a first-level unit, no point learned for it, or one farther than `seat_max_km` (`_too_far`)."""
    t = pc.located.toponym
    unit = pc.doc.place_of(t)
    code = unit_code(unit.id) if unit.kind == "admin1" else None
    point = unit_points().get(code) if code else None
    if point is None or _too_far(pc, point.lat, point.lon, unit):
        return None
    towns = [c.place for c in open_gazetteer().candidates(point.location)
             if c.place.country == unit.country and km(c.place.lat, c.place.lon, point.lat, point.lon) <= pc.snap_km]
    place = min(towns, key=lambda p: km(p.lat, p.lon, point.lat, point.lon)) if towns else Place(
        id=f"{unit.id}@point", name=point.location, lat=point.lat, lon=point.lon, kind="populated_place",
        country=unit.country, admin1=unit.admin1)
    return Located(replace(t, place=place.id), 3, unnamed=place)


def unit_seat(pc: PointContext) -> Located | None:
    """A happening placed only at a first-level unit ACLED's train rows learned no point for (`unit_point` first):
    its most populous town, where ACLED codes such a happening most often (ACLED train: of 924 precision-3 rows
    whose unit the gazetteer knows, 702 within 25 km of the unit's largest town, 280 of the unit's own point), at
    precision 3, unless that town lies farther than `seat_max_km` from the unit's point (a wide unit: a reader
    told only the unit may well mean it whole). None: not a first-level unit, or no town known in it."""
    t = pc.located.toponym
    unit = pc.doc.place_of(t)
    if unit.kind != "admin1" or not unit.country or not unit.admin1:
        return None
    town = open_gazetteer().largest_town(unit.country, unit.admin1)
    if town is None or _too_far(pc, town.lat, town.lon, unit):
        return None
    return Located(replace(t, place=town.id), 3, unnamed=town)


def _too_far(pc: PointContext, lat: float, lon: float, unit: Place) -> bool:
    """A point farther than `seat_max_km` from the unit's own: news told only the unit may mean it whole, and our
    news gold gives a province 100-200 km, so neither step moves a happening farther than that."""
    return pc.seat_max_km is not None and km(lat, lon, unit.lat, unit.lon) > pc.seat_max_km


POINT_STEPS: Mapping[str, Callable[[PointContext], Located | None]] = {"unit_point": unit_point, "unit_seat": unit_seat}
"""Steps that may set a happening placed at a wide area at the point conflict records code it at (settings
`stages.events.place_point_steps`); the first that answers wins."""
