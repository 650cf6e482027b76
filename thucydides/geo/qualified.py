"""A name qualified by the place after it: "A, B" says A lies in B. The pin (`resolve.pin_containers`) holds A inside
B where B can only be a state or a country; where B may also be a town ("Baghdad" the city and the governorate) it
cannot, and A may resolve to a namesake abroad ("Karrada, Baghdad": a Turkish village the gazetteer keys so). Once
both are resolved, A's place must lie in B's country, unless the rest of the report implies A's country too (a
border town, a name the report places itself): else A takes its best-ranked candidate in B's country, or stays
unresolved (the happening then falls to B, at B's wider precision, as ACLED codes it). Only the country is asked:
the gazetteer's sources name provinces differently, and B may be a province's seat far from A.

Not in a list ("Mosul, Baghdad and Basra"): A must not follow a list's name, nor B be followed by one. A state or a
country is not qualified so ("Niger, Shiroro", "Iraq, Afghanistan")."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.geo.document import DocumentGeography
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.priors import AREA_KINDS
from thucydides.geo.resolve import Mention, Ranked, Resolution, precision_of


def qualifier_of(i: int, mentions: Sequence[Mention]) -> int | None:
    """The index of the name right after name i and a comma or a bracket, where neither is part of a list."""
    f = mentions[i].found
    j = i + 1
    if f.within is None or f.listed or f.dateline or j >= len(mentions) or mentions[j].found.start != f.within:
        return None
    if j + 1 < len(mentions) and mentions[j + 1].found.listed:
        return None
    return j


def held(c: Candidate, box: Candidate) -> bool | None:
    """Whether `c` lies in the qualifying place's country; None where that says nothing: `c` is a state or a country
    itself, or `box` a place of no country (a sea, a border)."""
    if c.place.kind in AREA_KINDS or not box.place.country or box.place.kind == "border":
        return None
    return c.place.country == box.place.country


def held_by_qualifier(mentions: Sequence[Mention], ranked: Sequence[Ranked | None], resolutions: list[Resolution],
                      geo: DocumentGeography) -> list[Resolution]:
    """Each resolved name whose qualifier (`qualifier_of`) resolved to a place in another country, one the rest of
    the report does not imply, takes its best-ranked candidate in the qualifier's country, else stays unresolved."""
    out = list(resolutions)
    for i, res in enumerate(resolutions):
        j = qualifier_of(i, mentions)
        box = resolutions[j].candidate if j is not None else None
        if res.candidate is None or box is None or held(res.candidate, box) is not False \
                or geo.view(mentions[i].key).implies(res.candidate.place.country):
            continue
        r = ranked[i]
        better = next((c for _, c in (r.scored if r is not None else []) if held(c, box)), None)
        out[i] = Resolution(res.found, better, res.confidence if better else 0.0,
                            precision_of(res.found, better) if better else 3)
    return out
