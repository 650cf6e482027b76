"""The claims stage's view of the actors of one report, all through the actor base.

The actor stage's mentions (`analysis.actors`, settled by country) say which actors the text names. A phrase they
do not cover is described from its words by the base, in ACLED's conventions, in the country the phrase names,
else the passage's, else the report's: a generic actor ("Army officers in Mali": Military Forces of Mali,
"passengers": Civilians (Pakistan), "officials in Kabul": Government of Afghanistan), an office named by what it
is for ("Chad's health ministry": Ministry of Health of Chad), an organisation the base lacks ("Tigray Relief
Committee"), a person, or people who speak as a source of their own ("witnesses"). Every record is the base's:
the claims and the actor mentions share one record, and one id, per actor.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from thucydides.actors.phrases import country_word
from thucydides.actors.settle import document_country
from thucydides.claims.lexicon import ClaimLexicon, lexicon
from thucydides.knowledge.actors import ARMED_KINDS, NEW_PREFIX, NON_STATE_ARMED_KINDS, ActorBase, actor_base
from thucydides.ling.spans import LONGEST_MENTION
from thucydides.ling.tokens import NOUN_MODIFIER_DEPS, PLACE_LABELS
from thucydides.model import Actor, ActorMention, Analysis

PHRASE_DROP = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "parataxis"})
"""Children that start a clause or another phrase: not part of the phrase naming an actor."""
NAME_REACH = LONGEST_MENTION
"""Characters back from a word to where a name covering it may start (no mention is longer): a bound on a search,
not a tuning constant."""
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
    """The actors of one document: the actor stage's mentions, and the base's records for phrases they miss."""

    analysis: Analysis
    base: ActorBase
    lex: ClaimLexicon
    mentions: list[ActorMention] = field(default_factory=list)
    home: str | None = None
    """The country the report is about (the most frequent among its resolved places)."""
    local: str | None = None
    """The country of the passage being read (its sentence's places, else its paragraph's)."""
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, analysis: Analysis, base: ActorBase | None = None, lex: ClaimLexicon | None = None) -> Cast:
        mentions = sorted(analysis.actors, key=lambda m: m.start)
        cast = cls(analysis, base or actor_base(), lex or lexicon(), mentions)
        cast.home = document_country(analysis)
        cast._starts = [m.start for m in cast.mentions]
        return cast

    # known actors ---------------------------------------------------------------------------------

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Known actor mentions starting inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return self.mentions[lo:hi]

    def get(self, actor_id: str | None) -> Actor | None:
        return self.base.get(actor_id)

    def kind(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        return actor.kind if actor else None

    def armed(self, actor_id: str | None) -> bool:
        return self.kind(actor_id) in ARMED_KINDS

    def civilian(self, actor_id: str | None) -> bool:
        return self.kind(actor_id) == "civilians"

    def used_records(self, ids: Iterable[str | None]) -> dict[str, Actor]:
        """The records among `ids` that the base made for this run (offices, organisations, people it lacked),
        which another process's base could not rebuild from the id alone."""
        out = {}
        for i in sorted({i for i in ids if i}):
            actor = self.base.get(i)
            if actor is not None and (i in self.base.made or i.startswith(NEW_PREFIX)):
                out[i] = actor
        return out

    def same_side(self, one: str | None, other: str | None) -> bool:
        """One actor, or one state's forces and government ('Police Forces of Pakistan' and 'Military Forces of
        Pakistan' count no losses against each other)."""
        if one is None or other is None or one == other:
            return one == other
        a, b = self.get(one), self.get(other)
        state = {"state_forces", "government"}
        return a is not None and b is not None and a.kind in state and b.kind in state \
            and len(a.countries) == 1 and a.countries == b.countries

    def names_side(self, mention: ActorMention) -> bool:
        """A mention that names a side by its own name ('five al-Shabab militants'), not a speaker nor a common
        noun ('two women', 'residents')."""
        return not mention.speaker and not self._common(mention)

    # phrases ----------------------------------------------------------------------------------------

    def named_by(self, token: Token, speaking: bool = False) -> str | None:
        """The actor the phrase headed by `token` names: a known name in it, else one described from its words
        (`speaking`: as the source of a statement, where "witnesses" or a person are sources of their own)."""
        words = phrase(token)
        known = self._known_in(token, core(token))
        if known is not None and not self._common(known):
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

    @staticmethod
    def _common(mention: ActorMention) -> bool:
        """A common noun ("government forces", "civilians", "rebels") names whoever the phrase's or the
        passage's country gives it, which may not be the report's country the settle stage gave it."""
        return mention.text[1:].islower() and " " not in mention.text.strip() and not mention.speaker \
            or mention.text.islower() and not mention.speaker

    def describe(self, token: Token, words: list[Token] | None = None, speaking: bool = False) -> str | None:
        """The base's record for the phrase headed by `token`, from its words; None when they name no actor."""
        words = words if words is not None else phrase(token)
        entity = entity_of(token)
        if entity is not None and entity.label_ == "PERSON":
            return self.person(entity) if speaking else None
        if speaking and _plural_of(token, self.lex.source_nouns):  # "witnesses said", "residents told VOA"
            return self.base.source(token.lower_.capitalize()).id
        press = self._press(token) if speaking else None
        if press is not None:  # "state media reported", "according to local media", "local media reports say"
            return self._media(press, token, words)
        found = self._described(token, entity, words, speaking)
        return None if speaking and self.civilian(found) else found  # people speak as witnesses, not as a side

    def _described(self, token: Token, entity: Span | None, words: list[Token], speaking: bool) -> str | None:
        return (self._office(token, words) or self._generic_of(token, words)
                or self._organisation(token, entity, core(token), speaking)
                or self._country_actor(token, entity, speaking))

    def _press(self, token: Token) -> Token | None:
        """The press word of a speaking phrase: its head ("state media"), or the press a report noun is of
        ("local media reports")."""
        if token.lower_ in self.lex.media_nouns:
            return token
        if token.lemma_.lower() not in self.lex.report_nouns:
            return None
        return next((c for c in token.children if c.dep_ == "compound" and c.lower_ in self.lex.media_nouns), None)

    def _media(self, press: Token, token: Token, words: list[Token]) -> str:
        """Press a report cites without naming an outlet ("state media", "local media"): a source of its own, by
        its words and the country it reports from ("Local media (Somalia)")."""
        kinds = sorted({c for t in (press, token) for c in t.children
                        if c.dep_ in ("amod", "compound") and c.i < press.i and self.country_word(c) is None},
                       key=lambda c: c.i)
        label = " ".join([*(c.lower_ for c in kinds), press.lower_]).capitalize()
        iso = self.country(words)
        home = self.base.countries.get(iso) if iso else None
        return self.base.source(f"{label} ({home.name})" if home is not None else label).id

    def _generic_of(self, token: Token, words: list[Token]) -> str | None:
        """The generic actor the phrase's head, modifiers or 'of' objects describe ('army officers', 'units of
        the police', 'government soldiers'), in the phrase's country."""
        lemmas = {token.lemma_.lower(), token.lower_}
        lemmas |= {w.lemma_.lower() for w in token.children if w.dep_ in NOUN_MODIFIER_DEPS}
        lemmas |= {f"{w.lower_} {token.lower_}" for w in token.children if w.dep_ in ("compound", "amod")}
        lemmas |= {o.lemma_.lower() for o in _of_objects(token)}  # "units of the army", "members of the police"
        key = self.base.describes(lemmas)
        return self.generic(key, self.country(words)) if key else None

    def generic(self, key: str, country: str | None) -> str | None:
        """The base's generic actor `key` of `country`; attackers of no named side are the armed group the
        report is about, when there is one; no country gives nothing but the civilians' family."""
        spec = self.base.generics[key]
        if spec.kind in NON_STATE_ARMED_KINDS:  # "the attackers", "gunmen": in a story about one armed group, it
            found = self.main_group(2)
            if found is not None:
                return found
        if country is None and spec.kind != "civilians":
            return None
        return self.base.generic(key, country).id

    def forces_of(self, country: str) -> str:
        return self.base.generic("military", country).id

    def main_group(self, at_least: int, near: int | None = None) -> str | None:
        """The armed group outside the state the report names most (at least `at_least` times) as a side, not as
        a speaker: a named group first; only where it names none, a generic one ('gunmen': Unidentified Armed
        Group (Nigeria)). Of groups named as often, the one named last before `near` (a figure), else first."""
        group = self._group_sides()
        counts = Counter(m.actor for m in group)
        if not counts or max(counts.values()) < at_least:
            return None
        top = [a for a, n in counts.items() if n == max(counts.values())]
        return top[0] if near is None else _named_last(top, group, near)

    def _group_sides(self) -> list[ActorMention]:
        """Mentions of armed groups outside the state as a side, not a speaker: the named ones, else the generic."""
        sides = [m for m in self.mentions if not m.speaker and self.kind(m.actor) in NON_STATE_ARMED_KINDS]
        return [m for m in sides if self.base.generic_key(m.actor) is None] or sides

    def civilians(self) -> str | None:
        return self.generic("civilians", self.local or self.home)

    def armed_side(self, actor_id: str) -> str:
        """A government acts through its forces: the doer of a killing or an arrest is never an office."""
        actor = self.get(actor_id)
        if actor is not None and actor.kind == "government" and len(actor.countries) == 1:
            return self.forces_of(actor.countries[0])
        return actor_id

    def _office(self, token: Token, words: list[Token]) -> str | None:
        """'the health ministry', 'the Ministry of Health': an office keeps what it is for (an office of a
        generic actor is that actor: 'the Iraqi Ministry of Defence' is Iraq's forces)."""
        if token.lemma_.lower() not in self.base.curated.office_nouns:
            return None
        purpose = [c for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        purpose += [o for o in _of_objects(token) if self.country_word(o) is None]
        if not purpose:
            return None
        return self.base.office(token.lemma_.lower(), _title(purpose[0]), self.country(words)).id

    def _organisation(self, token: Token, entity: Span | None, words: list[Token],
                      speaking: bool = False) -> str | None:
        """A named organisation: the base's record, or one made for it ("Tigray Relief Committee")."""
        entity = entity or self._group_entity(words)
        if entity is None or not self._names_group(entity, token, speaking):
            return None
        name = _bare_name(entity.text)
        if not name or name.islower():
            return None
        return self.base.discover(name, None, "rebel_group" if self._armed(entity) else None).id

    def _group_entity(self, words: list[Token]) -> Span | None:
        entities = (entity_of(w) for w in words)
        return next((e for e in entities if e is not None and e.label_ in ("ORG", "NORP", "PERSON")
                     and self.country_word(e.root) is None), None)

    def _armed(self, entity: Span) -> bool:
        """'Baloch Liberation Army', 'al-Shabab militants', 'the group stormed': a name, a noun or a deed of arms."""
        if self.base.head_kind(entity.text) in ARMED_KINDS:
            return True
        head = entity.root.head
        return head.i != entity.root.i and head.lemma_.lower() in self.lex.armed_context \
            and entity.root.dep_ in ("compound", "nmod", "nsubj", "poss", "amod")

    def _names_group(self, entity: Span, token: Token, speaking: bool = False) -> bool:
        """An organisation's name (ORG), or a group named as a nationality ("the Taliban"), not a country's
        adjective ("Somali", "Islamist") nor a place."""
        if not self._may_name_group(entity, speaking):
            return False
        if entity.label_ == "PERSON":  # "40 Boko Haram fighters": a name before fighters is their group's
            return entity.root.dep_ == "compound" and entity.root.head.lemma_.lower() in self.lex.armed_context
        if entity.label_ not in ("ORG", "NORP"):
            return False
        return entity.label_ == "ORG" or (entity.root.pos_ == "PROPN" and entity.start <= token.i < entity.end)

    def _may_name_group(self, entity: Span, speaking: bool = False) -> bool:
        """Not a country's adjective, a building ("Qahira Hotel"), a capital opening a sentence ("Barrel bombs
        killed"; but an organisation telling something names itself there: "Hamas said") nor a place."""
        if self.country_word(entity.root) is not None or entity[-1].lower_ in self.lex.facility_words:
            return False
        opening = len(entity) == 1 and entity[0].is_sent_start and entity[0].is_title
        if opening and not (speaking and entity.label_ == "ORG"):
            return False
        # a place, not a name holding one ("the Tigray Relief Committee")
        return not any(t.start <= entity.start_char and entity.end_char <= t.end for t in self.analysis.toponyms)

    def _country_actor(self, token: Token, entity: Span | None, speaking: bool) -> str | None:
        """A country named as an actor: its government speaks, its forces act ("Pakistan said", "Russia struck")."""
        if entity is None or entity.label_ != "GPE" or token.pos_ != "PROPN":
            return None
        iso = self.country_word(token)
        if iso is None:
            return None
        known = self.base.lookup(entity.text)
        if known is not None:
            return known.id
        return self.generic("government" if speaking else "military", iso)

    def person(self, entity: Span) -> str:
        """A person speaking: the organisation the report says they speak for, else the person by name."""
        intro = self.introduction(entity) or entity
        return self.affiliation(intro) or self.base.person(intro.text).id

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
        known = [f for w in words if (f := self.mention_at(w))]
        named = [f for w in words if (f := self._organisation(w, entity_of(w), [w]))]
        described = [f for w in words if (f := self._generic_of(w, words))]
        return next((f for f in [*known, *named, *described] if self.kind(f) not in ("civilians", "person")), None)

    def mention_at(self, token: Token, generic: bool = True) -> str | None:
        """The actor a known name covering `token` names ("U.S.-designated" names no one: it qualifies;
        without `generic`, a common-noun alias like "police" names no one either)."""
        text = self.analysis.document.text
        for m in self.within(max(0, token.idx - NAME_REACH), token.idx + 1):
            covers = m.start <= token.idx < m.end and text[m.end:m.end + 1] != "-"
            if covers and (generic or not self._common(m)):
                return m.actor
        return None

    def country_word(self, token: Token) -> str | None:
        """The country a word names ("Somali", "Sudan's", "South Sudanese"); a pronoun ("us") names none."""
        return None if token.pos_ == "PRON" else country_word(self.base.countries, token)

    def country(self, words: Iterable[Token]) -> str | None:
        """The country a phrase names ("Somali forces", "officials in Kabul", "Sudan's army"), else the passage's,
        else the report's."""
        for word in words:
            iso = self.country_word(word) or self._place_country(word)
            if iso is not None:
                return iso
        return self.local or self.home

    def focus(self, *spans: tuple[int, int]) -> None:
        """Read the passage: its country is the most frequent among the first of `spans` that places any, else
        the country of the place named last before the passage."""
        self.local = None
        for start, end in spans:
            self.local = document_country(self.analysis, start, end)
            if self.local is not None:
                return
        before = self._countries_in(0, min((s for s, _ in spans), default=0))
        self.local = before[-1] if before else None

    def _countries_in(self, start: int, end: int) -> list[str]:
        places = self.analysis.places
        found = [places[t.place].country for t in self.analysis.toponyms
                 if start <= t.start < end and t.place in places]
        return [c for c in found if c]

    def _place_country(self, token: Token) -> str | None:
        if token.ent_type_ not in PLACE_LABELS:
            return None
        for t in self.analysis.toponyms:
            if t.start <= token.idx < t.end and t.place in self.analysis.places:
                return self.analysis.places[t.place].country
        return None


def _named_last(actors: list[str], mentions: list[ActorMention], before: int) -> str:
    """Of `actors`, the one named last before the offset `before`."""
    last = {m.actor: m.start for m in mentions if m.start < before}
    return max(actors, key=lambda a: last.get(a, -1))


def _title(head: Token) -> str:
    """'Disaster Management Affairs', 'Health': what a ministry is for, with the words before its head."""
    words = [t for t in head.doc[head.left_edge.i:head.i + 1] if t.dep_ in ("compound", "amod") or t.i == head.i]
    return " ".join(w.text for w in words)


def _around(entity: Span) -> list[Token]:
    """The words describing a named person: titles before the name, an apposition, the phrase it heads."""
    root = entity.root
    attached = root.dep_ in ("compound", "appos") and root.head.i != root.i
    around = phrase(root.head) if attached else phrase(root)
    around += [w for c in root.children if c.dep_ == "appos" for w in phrase(c)]
    unique = sorted({w.i: w for w in around}.values(), key=lambda w: w.i)
    return [w for w in unique if w.pos_ in ("NOUN", "PROPN", "ADJ") and not entity.start <= w.i < entity.end]


def _bare_name(text: str) -> str:
    return text.removeprefix("the ").removeprefix("The ").removesuffix("'s").removesuffix("’s").strip()


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
