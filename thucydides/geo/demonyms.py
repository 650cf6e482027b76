"""Countries named through their people: "Georgian troops", "the Palestinians", "two Kenyan citizens".

Geoparsing corpora count such words as mentions of the country (LGL marks "Georgian" and "Sudanese" as
toponyms of Georgia and Sudan). The places stage keeps them apart from the place names (`Analysis.demonyms`,
not `Analysis.toponyms`): a people's word says whose something is, never where it happens, so no event or
claim takes its place from one, and the report's geography (its main country) is read from place names only.

A word counts when spaCy reads it alone as a nationality or group (NORP) and the country table
(`knowledge/demonyms`) gives it, or its singular ("Palestinians"), a country; a country's own name is left to
recognition, a word inside a place name already found ("the Russian Federation") stays part of that name, and a
word the report uses as a person's name is none ("Officer Dana French", "French said").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Gazetteer
from thucydides.geo.recognize import people_named
from thucydides.knowledge.demonyms import countries, fold_words
from thucydides.knowledge.lexicons import lexicons
from thucydides.model import Toponym

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PEOPLE_LABEL = "NORP"
COUNTRY_PRECISION = 3
"""ACLED geo_precision of a country: only the region."""


def country_of_people_word(word: str) -> str | None:
    """The ISO code of the country a people's word stands for ("Sudanese", "Israelis"), not of a country's name
    ("Sudan"); None for any other word."""
    table = countries()
    folded = fold_words(word)
    if not folded or folded in table.by_name:
        return None
    code = table.by_word.get(folded)
    if code is None and folded.endswith("s") and folded[:-1] not in table.by_name:
        code = table.by_word.get(folded[:-1])
    return code


def people_mentions(doc: Doc | None, gaz: Gazetteer, taken: Sequence[tuple[int, int]]) -> list[Toponym]:
    """Every one-word NORP entity of `doc` that names a country's people, outside the spans in `taken` (the
    place names kept), as a mention of that country."""
    if doc is None:
        return []
    out = []
    people = people_named(doc.text, doc, tuple(doc.ents))
    for ent in doc.ents:
        word = _people_word(ent)
        if word is None or any(s < word.end_char and word.start_char < e for s, e in taken) or \
                fold(word.text) in people or _bare_speaker(word):
            continue
        code = country_of_people_word(word.text)
        place = gaz.place(f"country-{code}") if code else None
        if place is not None:
            out.append(Toponym(word.start_char, word.end_char, word.text, place.id, 1.0, COUNTRY_PRECISION))
    return out


def _bare_speaker(word: Span) -> bool:
    """A lone word speaking ("French said"): a person's name, not a people's."""
    token = word[0]
    bare = not any(True for _ in token.children)
    return bare and token.dep_ == "nsubj" and token.head.lemma_ in lexicons().speech_verbs


def _people_word(ent: Span) -> Span | None:
    """The entity's one capitalised word when it is a NORP entity of one word (a leading "the" aside)."""
    if ent.label_ != PEOPLE_LABEL:
        return None
    words = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
    return words if len(words) == 1 and words[0].is_title else None
