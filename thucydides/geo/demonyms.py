"""Countries named through their people: "Georgian troops", "the Palestinians", "two Kenyan citizens".

Geoparsing corpora count such words as mentions of the country (LGL marks "Georgian" and "Sudanese" as
toponyms of Georgia and Sudan). The places stage keeps them apart from the place names (`Analysis.demonyms`,
not `Analysis.toponyms`): a people's word says whose something is, never where it happens, so no event or
claim takes its place from one, and the report's geography (its main country) is read from place names only.

A word counts when spaCy reads it alone as a nationality or group (NORP) and the country table
(`knowledge/demonyms`) gives it, or its singular ("Palestinians"), a country; a NORP entity of up to three words
counts too when an ending turns it into a place the report names ("South Ossetians", "Iowans"). A country's own
name is left to recognition, a word inside a place name already found ("the Russian Federation") stays part of that
name, and a word the report uses as a person's name is none ("Officer Dana French", "French said"). The stage keeps
only the words of countries the report also names by a place name (`geo/stage.add_demonyms`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Gazetteer
from thucydides.geo.recognize import people_named, place_entities
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


def people_mentions(doc: Doc | None, gaz: Gazetteer, taken: Sequence[tuple[int, int]],
                    named: Mapping[str, str] | None = None) -> list[Toponym]:
    """Every NORP entity of `doc` that names a country's people (one word), or the people of a place the report
    names (`named`: lower-case name -> place id; "South Ossetians" for South Ossetia, "Iowans" for Iowa), outside the
    spans in `taken` (the place names kept), as a mention of that country or place."""
    if doc is None:
        return []
    out = []
    people = people_named(doc.text, doc, place_entities(doc))
    for ent in doc.ents:
        words = _people_words(ent)
        if words is None or any(s < words.end_char and words.start_char < e for s, e in taken) or \
                fold(words.text) in people or _bare_speaker(words):
            continue
        place_id = _country_place(words.text, gaz) or place_of_people(words.text, named or {})
        if place_id is not None:
            out.append(Toponym(words.start_char, words.end_char, words.text, place_id, 1.0, COUNTRY_PRECISION))
    return out


def _country_place(text: str, gaz: Gazetteer) -> str | None:
    code = country_of_people_word(text) if " " not in text else None
    place = gaz.place(f"country-{code}") if code else None
    return place.id if place is not None else None


_PEOPLE_ENDINGS = (("ians", "ia"), ("ian", "ia"), ("ans", ""), ("an", ""), ("ns", ""), ("n", ""), ("ers", ""),
                   ("er", ""), ("ns", "s"), ("n", "s"), ("s", "ia"), ("", "ia"))
"""(ending, replacement) that turn a people's word into its place's name: Ossetian -> Ossetia, Ohioan -> Ohio,
Iowans -> Iowa, Londoner -> London, Texan -> Texas, Abkhaz -> Abkhazia."""


def place_of_people(text: str, named: Mapping[str, str]) -> str | None:
    """The place, among those the report names (`named`, by lower-case name), whose people `text` names."""
    low = text.lower()
    for ending, replacement in _PEOPLE_ENDINGS:
        if low.endswith(ending):
            stem = low[:len(low) - len(ending)] + replacement
            if stem in named:
                return named[stem]
    return None


def _bare_speaker(word: Span) -> bool:
    """A lone word speaking ("French said"): a person's name, not a people's."""
    token = word[0]
    bare = not any(True for _ in token.children)
    return bare and token.dep_ == "nsubj" and token.head.lemma_ in lexicons().speech_verbs


MAX_PEOPLE_WORDS = 3


def _people_words(ent: Span) -> Span | None:
    """The entity's capitalised words when it is a NORP entity of at most three words (a leading "the" aside)."""
    if ent.label_ != PEOPLE_LABEL:
        return None
    words = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
    return words if 0 < len(words) <= MAX_PEOPLE_WORDS and all(w.is_title for w in words) else None
