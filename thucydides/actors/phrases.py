"""What the parse adds to the names the scanner found.

- A generic name ("troops", "police", "protesters", "the authorities") takes its country from its own phrase:
  a demonym or a country before it ("Nigerian troops", "Kenyan police"), a possessive ("Sudan's army") or an
  "of" after it ("the army of Mali"); any family does ("Kenyan students": Students (Kenya)).
- An organisation the base lacks becomes a new actor record: spaCy's ORG entities ("the Darfur Bar
  Association"), an office with a country ("Sudan's health ministry"), an office of a place ("the governor of
  Kassala"), and a group named after a place ("the Tal Afar militia", whose town is then no place).
- A person named by a country and a speaker noun speaks for that country's government ("a Somali official").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.actors import ARMED_KINDS, ActorBase, bears_word
from thucydides.knowledge.demonyms import Countries
from thucydides.ling.tokens import NOUN_MODIFIER_DEPS, PLACE_LABELS
from thucydides.model import Actor

MODIFIER_DEPS = NOUN_MODIFIER_DEPS | {"npadvmod", "nummod"}
POSSESSIVE_MARKS = ("'s", "’s", "'")
"""How spaCy splits a possessive off a name ('the army's', 'the rebels'')."""
GROUP_HEADS = frozenset({"militia", "militias", "brigade", "brigades", "battalion", "battalions", "front",
                         "movement", "group", "forces", "army", "guards"})
"""Heads of a group that a place or a person may name ('the Tal Afar militia', 'the Kabiye guards')."""
MEMBER_HEADS = frozenset({"militiamen", "fighters", "militants", "rebels", "gunmen"})
"""Heads naming a group's members: the group is named by the words before them ('Fano militiamen': Fano)."""
NAME_KINDS = frozenset({"ORG"})
SPEAKING_FOR = frozenset({"military", "police", "government"})
COMMUNAL = "communal militia"
"""ACLED's militias named by a place ('Kakamega Communal Militia'), whose name alone is the place."""
SIDE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos", "ROOT"})
"""Where a people's name alone is a side: the doer, the one acted on ('Pokot raided the Turkana')."""
SIDE_PREPOSITIONS = frozenset({"with", "against", "between", "among", "by"})
"""... or the other side ('clashed with Marakwet', 'fighting between the Bimoba and Konkomba')."""
"""Generic actors a country's official may speak for ('an army spokesman': the military)."""


@dataclass(frozen=True, slots=True)
class Found:
    """An actor found through the parse: a span, the actor, and whether a person speaks for it."""

    start: int
    end: int
    actor: Actor
    speaker: bool = False


def overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _militia_peoples(militias: Iterable[str]) -> dict[str, str]:
    """One-word name -> the militia's short name, for the militias ACLED names by a people or a place alone
    ('pokot militia')."""
    return {n.removesuffix(" militia"): n for n in militias
            if n.endswith(" militia") and " " not in n.removesuffix(" militia")}


class PhraseReader:
    """Reads one parsed report for the actors its phrases name."""

    def __init__(self, base: ActorBase, new_actors: bool = True, alliance_words: frozenset[str] = frozenset()) -> None:
        self.base = base
        self.new_actors = new_actors
        self.alliance_words = alliance_words
        self.means = {m.lower(): g.key for g in base.generics.values() for m in g.means if " " not in m}
        """Weapons that name a side only with its country ('Israeli drones'), by generic kind."""
        self.means_words = frozenset(self.means)
        self.weapon_words = self.means_words | frozenset(w.lower() for words in taxonomy().means_subs.values()
                                                         for w in words)
        """Weapons by the base's means and by ACLED's means of sub-event types ('VBIED', 'IED'): no organisation."""
        self.speaker_words = frozenset(n.lower() for n in base.curated.speaker_nouns
                                       if " " not in n and n.lower() not in base.curated.head_kinds)
        """Nouns naming a person who speaks ('official', 'minister'), not an office ('ministry')."""
        self.government_heads = frozenset(w for w, kind in base.curated.head_kinds.items() if kind == "government")
        """Head nouns of a government office ('ministry', 'governor'): the only words `_offices` looks at."""
        self.peoples = _militia_peoples(base.militias)
        """A people's or place's one-word name (folded) -> the short name of the militia ACLED names by it."""
        self.people_words = frozenset((*self.peoples, *(f"{n}s" for n in self.peoples)))

    # countries of phrases

    def country_word(self, token: Token) -> str | None:
        """The country a word names: a demonym, a country, or the entity the word is part of ('South Sudanese')."""
        return country_word(self.base.countries, token)

    def country_of(self, head: Token, before: int) -> tuple[str, int, int] | None:
        """(country, start, end) of the phrase on `head` that names the country, from a modifier left of `before`
        ('Nigerian troops', "Sudan's army") or an 'of' after the head ('the army of Mali')."""
        for child in head.lefts:
            if child.dep_ in MODIFIER_DEPS and child.idx < before:
                code = self.country_word(child) if child.dep_ != "poss" else self._possessor(child)
                if code:
                    return code, child.left_edge.idx, head.idx + len(head.text)
        for prep in head.rights:
            if prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and (code := self.country_word(obj)):
                        return code, head.idx, obj.idx + len(obj.text)
        return None

    def _possessor(self, token: Token) -> str | None:
        words = [t for t in token.subtree if t.dep_ != "case" and t.text not in POSSESSIVE_MARKS]
        text = _without_article(" ".join(t.text for t in words))
        return self.base.countries.code_of(text) or self.country_word(token)

    # generic names settled by their own phrase

    def settle_families(self, doc: Doc, hits: Sequence[tuple[int, int, str]]) -> list[Found]:
        """Family names the scanner found ('troops', 'students') whose phrase names a country."""
        out = []
        for start, end, actor_id in hits:
            actor = self.base.get(actor_id)
            span = doc.char_span(start, end, alignment_mode="expand")
            if actor is None or not actor.generic or span is None or not len(span):
                continue
            where = self.country_of(span.root, start) or self._conjunct_country(span.root)
            member = self.base.member(actor.id, where[0]) if where else None
            if where and member is not None:
                out.append(Found(min(where[1], start), max(where[2], end), member))
        return out

    def alliances(self, doc: Doc, hits: Sequence[tuple[int, int, str]]) -> list[Found]:
        """'Coalition military forces', 'a coalition airstrike': a force or weapon an alliance word qualifies is
        that alliance's (the one the report names with that word, else the base's only one), not the forces of
        the report's country; the phrase replaces the bare generic name."""
        out = []
        countries = cache(lambda: self._report_countries(doc, hits))  # read once, only where a fallback asks
        for token in tokens_among(doc, self.alliance_words):
            head = token.head
            if token.dep_ not in MODIFIER_DEPS or head is token or not self._force_or_means(head, hits):
                continue
            actor = self._alliance(token.lower_, hits, countries)
            if actor is not None:
                out.append(Found(token.idx, max(head.idx + len(head.text), token.idx + len(token.text)), actor))
        return out

    def _force_or_means(self, head: Token, hits: Sequence[tuple[int, int, str]]) -> bool:
        """A head noun naming a generic force the scanner found ('forces') or a weapon ('airstrike')."""
        if head.lower_ in self.means_words or f"{head.lemma_.lower()}s" in self.means_words:
            return True
        end = head.idx + len(head.text)
        return any(s <= head.idx and end <= e and self._armed_family(a) for s, e, a in hits)

    def _armed_family(self, actor_id: str) -> bool:
        """A generic actor of an armed kind, which an alliance word makes the alliance's ('Coalition forces'; not
        'coalition government')."""
        actor = self.base.get(actor_id)
        return self.base.settles(actor) and actor is not None and actor.kind in ARMED_KINDS

    def _alliance(self, word: str, hits: Sequence[tuple[int, int, str]],
                  countries: Callable[[], set[str]]) -> Actor | None:
        """The foreign force of this word the report names ('the US-led coalition'), else the base's only one
        where it acts in a country the report names (a Yemen report's 'coalition' is not the coalition of Iraq
        and Syria)."""
        for _, _, actor_id in hits:
            actor = self.base.get(actor_id)
            if actor is not None and actor.kind == "external_force" and bears_word(actor, word):
                return actor
        alliance = self.base.alliance_named(word)
        if alliance is None or not countries() & set(alliance.countries):
            return None
        return alliance

    def _report_countries(self, doc: Doc, hits: Sequence[tuple[int, int, str]]) -> set[str]:
        """The countries a report names by a country or people word, or through its actors' countries."""
        named = {self.country_word(t) for t in doc if t.is_title or t.is_upper}
        for _, _, actor_id in hits:
            actor = self.base.get(actor_id)
            if actor is not None:
                named.update(actor.countries)
        return {code for code in named if code}

    def armed_means(self, doc: Doc, taken: Sequence[tuple[int, int]]) -> list[Found]:
        """'Israeli drones', 'Russian air strikes': a weapon with a country names that country's forces."""
        out = []
        for token in tokens_among(doc, self.means_words):
            key = self.means.get(token.lower_)
            if key is None or overlaps(token.idx, token.idx + len(token), taken):
                continue
            where = self.country_of(token, token.idx) or self._country_before(token)
            if where:
                out.append(Found(where[1], where[2], self.base.generic(key, where[0])))
        return out

    def _country_before(self, token: Token) -> tuple[str, int, int] | None:
        """'an Israeli sniper shot ...' parsed as one noun ('sniper' a compound of 'shot'): a means noun the parse
        made a modifier still takes the demonym right before it."""
        if token.dep_ != "compound" or token.i == 0:
            return None
        before = token.doc[token.i - 1]
        code = self.country_word(before) if before.dep_ in MODIFIER_DEPS else None
        return (code, before.idx, token.idx + len(token.text)) if code else None

    def _conjunct_country(self, head: Token) -> tuple[str, int, int] | None:
        """'Israeli artillery and tanks': a bare noun joined to a phrase with a country shares that country."""
        if head.dep_ != "conj":
            return None
        where = self.country_of(head.head, head.head.idx)
        return (where[0], head.idx, head.idx + len(head.text)) if where else None

    # actors the base lacks

    def organisations(self, doc: Doc, taken: Sequence[tuple[int, int]]) -> list[Found]:
        """New actor records for organisations and offices the base lacks, and groups named after a place."""
        if not self.new_actors:
            return []
        out: list[Found] = []
        for found in (*self._entities(doc), *self._offices(doc), *self._place_groups(doc)):
            if not overlaps(found.start, found.end, [*taken, *((f.start, f.end) for f in out)]):
                out.append(found)
        return out

    def _entities(self, doc: Doc) -> Iterable[Found]:
        for ent in doc.ents:
            if ent.label_ not in NAME_KINDS:
                continue
            span = _trim(ent)
            if span is None or len(span) > 8 or not self._organisation_name(span):
                continue
            yield Found(span.start_char, span.end_char, self._office_or_new(span.text, self._country_of_name(span)))

    def _office_or_new(self, name: str, country: str | None) -> Actor:
        """An office that speaks for a generic actor is that actor ('the Defence Ministry': the military of
        its country, settled later when the name gives none); any other organisation is a new record."""
        office = self.base.office_named(name, country)
        if office is not None:
            return office
        key = self.base.office_generic(name) if self.base.head_kind(name) in ("government", "state_forces") \
            or name.lower().endswith("command") else None
        return self.base.generic(key, country) if key else self.base.discover(name, country)

    def _organisation_name(self, span: Span) -> bool:
        """An entity that names an organisation by its head noun ('Bar Association', 'Health Ministry') or by an
        acronym ('DBA'); spaCy's ORG label alone also covers places and people it misreads."""
        text = span.text
        if self.base.countries.code_of(text) or not any(c.isupper() for c in text):
            return False
        if len(span) == 1 and text.isupper() and len(text) >= 2:
            return not self._weapon(text)
        return self.base.head_kind(text) is not None

    def _weapon(self, acronym: str) -> bool:
        """'UAV', 'VBIED': an acronym the base or ACLED's taxonomy knows as a weapon is no organisation."""
        low = acronym.lower()
        return low in self.weapon_words or f"{low}s" in self.weapon_words

    def _country_of_name(self, span: Span) -> str | None:
        """A country in the name ('Sudanese Doctors Union') or owning it ("Sudan's Rapid Support Forces")."""
        for token in span:
            code = self.base.countries.code_of(token.text)
            if code:
                return code
        before = span.doc[span.start - 1] if span.start else None
        if before is not None and before.text in ("'s", "’s") and before.i > 0:
            return self.country_word(before.doc[before.i - 1])
        return None

    def _offices(self, doc: Doc) -> Iterable[Found]:
        """'Sudan's health ministry' (an office named by what it is for), 'Sudan's sovereign council' (an office
        with a country) and 'the governor of Kassala' (of a place)."""
        for token in tokens_among(doc, self.government_heads):
            low = token.lower_
            if self.base.curated.head_kinds.get(low) != "government" or token.pos_ not in ("NOUN", "PROPN"):
                continue
            found = self._named_office(token) if low in self.base.curated.office_nouns else None
            found = found or self._country_office(token) or self._place_office(token)
            if found is not None:
                yield found

    def _named_office(self, token: Token) -> Found | None:
        """'Sudan's health ministry', 'the Ministry of Health': Ministry of Health of Sudan (of the report's
        country when the phrase names none)."""
        where = self.country_of(token, token.idx)
        start = where[1] if where else token.idx
        end = token.idx + len(token.text)
        words = [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.idx >= start
                 and not self.country_word(t)]
        if not words and (purpose := _of_proper(token, proper=False)) is not None \
                and not self.country_word(purpose.root):
            words, end = list(purpose), max(end, purpose.end_char)
        if not words:
            return None
        start = min(start, words[0].idx)
        office = self.base.office(token.lemma_, " ".join(w.text for w in words), where[0] if where else None)
        return Found(start, max(end, where[2] if where else end), office)

    def _country_office(self, token: Token) -> Found | None:
        """'Sudan's sovereign council': an office the phrase places in a country."""
        where = self.country_of(token, token.idx)
        known = self.base.lookup(token.lower_)
        if not where or self.base.generic_key(known.id if known else None) is not None:
            return None
        words = [t for t in token.lefts if t.dep_ in ("compound", "amod") and t.idx >= where[1]
                 and not self.country_word(t)]
        label = " ".join(w.text for w in (*words, token)).title()
        country = self.base.countries.get(where[0])
        name = f"{label} ({country.name})" if country else label
        key = self.base.office_generic(label)
        return Found(where[1], where[2], self.base.generic(key, where[0]) if key
                     else self.base.discover(name, where[0], "government"))

    def _place_office(self, token: Token) -> Found | None:
        """'the governor of Kassala': a person's office speaks for the government of the place's country, as ACLED
        codes governors and commissioners (settled by the report's country when the place is no country); any
        other office of a place is a record of its own ('the council of Kassala')."""
        place = _of_proper(token)
        if place is None:
            return None
        country = self.base.countries.code_of(place.text)
        if self.base.describes([token.lower_]) == "government":
            return Found(token.idx, place.end_char, self.base.generic("government", country))
        return Found(token.idx, place.end_char,
                     self.base.discover(f"{token.text.title()} of {place.text}", country, "government"))

    def _place_groups(self, doc: Doc) -> Iterable[Found]:
        """'the Tal Afar militia', 'Fano militiamen': a group (or its members) named by a proper name that is no
        country."""
        for token in tokens_among(doc, GROUP_HEADS | MEMBER_HEADS):
            low = token.lower_
            if low not in GROUP_HEADS and low not in MEMBER_HEADS:
                continue
            names = [t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod") and t.pos_ == "PROPN"]
            if not names or any(self.country_word(t) for t in names):
                continue
            yield self._place_group(doc, token, names)

    def _place_group(self, doc: Doc, head: Token, names: list[Token]) -> Found:
        """The group, or its members, as the militia ACLED names by that people ('Murle militiamen': Murle Ethnic
        Militia) or else a new organisation."""
        first = min((t.left_edge for t in names), key=lambda t: t.idx)
        start = first.idx
        end = head.idx + len(head.text)
        if head.lower_ in MEMBER_HEADS:
            name = doc[first.i:max(names, key=lambda t: t.idx + len(t.text)).i + 1].text
            known = self.base.militia(f"{name} militia") if head.lower_ == "militiamen" else None
            return Found(start, end, known or self.base.discover(name, kind="political_militia"))
        group = doc[first.i:head.i + 1].text
        return Found(start, end, self.base.militia(group) or self.base.discover(group))

    # militias named by their people

    def people_militias(self, doc: Doc, hits: Sequence[tuple[int, int, str]]) -> list[Found]:
        """'Pokot raiders', 'the Konkomba and Dagomba groups', 'Pokot clashed with Marakwet': a people's name with
        a noun of its armed men (`people_heads`), or alone as a side, names the militia ACLED names by that people
        ('Pokot Ethnic Militia'); it replaces a bare name of the people as a social group ('Fulani')."""
        armed = [(s, e) for s, e, a in hits if (actor := self.base.get(a)) is None or actor.kind is not None]
        out = []
        for token in tokens_among(doc, self.people_words):
            if not token.text[:1].isupper() or overlaps(token.idx, token.idx + len(token), armed) \
                    or _inside_name(token):
                continue
            found = self._people_militia(token)
            if found is not None:
                out.append(found)
        return out

    def _people_militia(self, token: Token) -> Found | None:
        """The militia a people's name stands for, where it names the people's armed men or a side."""
        name = self.peoples.get(token.lower_) or self.peoples.get(token.lower_[:-1])
        militia = self.base.militia(name) if name and not self.country_word(token) else None
        end = self._people_side(token, COMMUNAL not in militia.name.lower()) if militia else None
        return Found(token.idx, end, militia) if militia is not None and end is not None else None

    def _people_side(self, token: Token, alone: bool) -> int | None:
        """Where the militia's phrase ends: at the noun of a people's armed men the name heads ('Amhara and Gumuz
        militias': the name is no place then), or at the name where it stands alone as a side (`alone`: a
        people's name, not a place's, which alone is the place); None where the name is neither."""
        first = token
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        noun = first.head
        if first.dep_ in ("compound", "amod", "nmod"):
            return noun.idx + len(noun.text) if noun.lower_ in self.base.curated.people_heads else None
        if not alone or token.ent_type_ in PLACE_LABELS or token.pos_ != "PROPN":
            return None
        side = noun.lower_ in SIDE_PREPOSITIONS if first.dep_ == "pobj" else first.dep_ in SIDE_DEPS
        return token.idx + len(token.text) if side else None

    # people speaking for a country

    def country_speakers(self, doc: Doc, taken: Sequence[tuple[int, int]]) -> list[Found]:
        """'a Somali official', "Sudan's foreign minister": a person speaking for that country's government;
        'a Pakistani army spokesman', 'U.S. defense officials': for its forces, as ACLED codes them."""
        out = []
        for token in tokens_among(doc, self.speaker_words):
            if token.lower_ not in self.speaker_words or overlaps(token.idx, token.idx + len(token), taken):
                continue
            where = self.country_of(token, token.idx)
            if where:
                words = [token.lower_, *(c.lower_ for c in token.lefts if c.dep_ in ("compound", "amod"))]
                key = self.base.describes(words)
                key = key if key in SPEAKING_FOR else "government"
                out.append(Found(where[1], where[2], self.base.generic(key, where[0]), speaker=True))
        return out


def _inside_name(token: Token) -> bool:
    """'Tal Afar militia', 'Twic Dinka': the word ends a longer proper name, which is not the people's."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.pos_ == "PROPN" and before.head in (token, token.head) \
        and before.dep_ in ("compound", "nmod") and not before.is_sent_start  # 'Armed Pokot raiders'


def tokens_among(doc: Doc, words: frozenset[str]) -> Iterator[Token]:
    """The tokens whose lower-case form is one of `words`, in order, found in the parse's array of lower-case
    ids: a pass over every token would build each as a Python object, once per question asked of the report."""
    ids = _string_ids(words)
    if not len(ids):
        return
    lower = doc.to_array(LOWER)
    found = np.minimum(np.searchsorted(ids, lower), len(ids) - 1)  # a lookup in the sorted ids, not a sort per call
    for i in np.flatnonzero(ids[found] == lower).tolist():
        yield doc[i]


@lru_cache(maxsize=64)
def _string_ids(words: frozenset[str]) -> np.ndarray:
    """The words' string ids, sorted."""
    return np.unique(np.array([get_string_id(w) for w in words], dtype=np.uint64))


def entity_of(token: Token) -> Span | None:
    """The entity a token is part of, read from the tokens' entity tags around it (as `Doc.ents` reads them)
    rather than by building every entity of the report."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def country_word(table: Countries, token: Token) -> str | None:
    """The country a word names: a demonym, a country, or the entity the word is part of ('South Sudanese')."""
    if token.ent_type_ in ("GPE", "NORP"):
        ent = entity_of(token)
        if ent is not None:
            found = table.code_of(_without_article(ent.text).removesuffix("'s").removesuffix("’s"))
            if found:
                return found
    return table.code_of(token.text)


def _without_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _trim(span: Span) -> Span | None:
    """An entity without a leading article or a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].text in POSSESSIVE_MARKS:
        end -= 1
    return span.doc[start:end] if end > start else None


def _of_proper(token: Token, proper: bool = True) -> Span | None:
    """The proper name (or, not `proper`, any noun phrase) after 'of' on a head ('governor of Kassala',
    'the Ministry of Health'), as a span without its article."""
    for prep in token.rights:
        if prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or not proper and obj.pos_ == "NOUN"):
                first = obj.left_edge.i + (obj.left_edge.dep_ == "det")
                return token.doc[first:obj.i + 1]
    return None
