"""The place an event happened: the most specific place its own clause names, else its sentence's, else
the place the paragraph was about so far, else the report's main place — named steps (settings
`stages.events.place_steps`), each giving a toponym and ACLED's geo precision; the choice among places is
`geo.located`'s, which claims share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.events.detect import Candidate
from thucydides.geo.located import (
    AREA_LEVEL,
    REGION_LEVEL,
    Located,
    astray,
    located_at,
    main_place,
    most_specific,
    specificity,
    told_as_quarter,
    unvouched,
    where_it_happens,
)
from thucydides.ling.clauses import clause_head
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import ancestors, contains, span_head
from thucydides.model import Toponym


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


def in_clause(pc: PlaceContext) -> Located | None:
    """A place told in the anchor's own clause (not in a relative clause on one of its words)."""
    anchor = pc.candidate.anchor
    found = [t for t in pc.doc.toponyms.within(pc.candidate.start, pc.candidate.end)
             if (head := span_head(pc.doc.doc, t.start, t.end)) is not None and clause_head(head).i == anchor.i]
    best = most_specific(pc.doc, found, anchor.idx, pc.vouch_km, pc.attachment, pc.first_named)
    if best is None or coarser_than_its_sentence(pc, best) or doubtful_in_its_sentence(pc, best):
        return None
    return located_at(pc.doc, best)


def doubtful_in_its_sentence(pc: PlaceContext, t: Toponym) -> bool:
    """ "In Mejicanos, gunmen killed a man in the Lorena quarter", with the quarter read as a namesake abroad or
    far away, or told as a quarter: a place of the anchor's clause that is astray (`astray`), that no other place
    vouches for (`unvouched`) or that is a quarter (`told_as_quarter`), while its sentence names one that is
    none of these, tells less surely where the happening is than the sentence does; the sentence decides."""
    if not _doubtful(pc, t):
        return False
    return any(o.place != t.place and not _doubtful(pc, o) and where_it_happens(pc.doc, o)
               for o in pc.doc.toponyms.within(pc.candidate.start, pc.candidate.end))


def _doubtful(pc: PlaceContext, t: Toponym) -> bool:
    vouch = pc.vouch_km is not None and unvouched(pc.doc, t, pc.vouch_km)
    return astray(pc.doc, t) or vouch or told_as_quarter(pc.doc, t)


def coarser_than_its_sentence(pc: PlaceContext, t: Toponym) -> bool:
    """ "Activists rallied in Tartu against the war in Ukraine": a region or country in the anchor's clause,
    while the sentence names a town or a district where something may happen, says what the happening is about
    rather than where it is; ACLED codes the most specific place, so the sentence decides."""
    if specificity(pc.doc, t) < REGION_LEVEL:
        return False
    return any(specificity(pc.doc, o) <= AREA_LEVEL and where_it_happens(pc.doc, o)
               and not told_apart(pc.doc, o, pc.candidate.anchor)
               for o in pc.doc.toponyms.within(pc.candidate.start, pc.candidate.end))


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
    found = [t for t in pc.doc.toponyms.within(pc.candidate.start, pc.candidate.end)
             if not told_apart(pc.doc, t, pc.candidate.anchor)]
    best = most_specific(pc.doc, found, pc.candidate.anchor.idx, pc.vouch_km, pc.attachment, pc.first_named)
    return located_at(pc.doc, best) if best else None


def paragraph(pc: PlaceContext) -> Located | None:
    """'Fighting broke out in X on Monday. Five people were killed.': the place the paragraph was about."""
    return located_at(pc.doc, pc.carried) if pc.carried else None


def document(pc: PlaceContext) -> Located | None:
    """The report's main place, at best a region-level precision (it is not told for this event)."""
    best = main_place(pc.doc)
    return located_at(pc.doc, best, downgrade=True) if best else None


def carried_place(ctx: DocContext, candidate: Candidate, vouch_km: float | None = None,
                  attachment: bool = False) -> Toponym | None:
    """The most specific place named earlier in the candidate's paragraph, nearest first."""
    sentence = candidate.sentence
    lo = ctx.segments.paragraph_start(sentence.paragraph, sentence.start)
    earlier = ctx.toponyms.within(lo, candidate.start)
    return most_specific(ctx, earlier, candidate.start, vouch_km, attachment)


PLACE_STEPS: Mapping[str, Callable[[PlaceContext], Located | None]] = {
    "clause": in_clause, "sentence": in_sentence, "paragraph": paragraph, "document": document,
}
