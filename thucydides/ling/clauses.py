"""Clauses: the verb (or predicate) heading the clause a word stands in, its voice, tense and mood.

A clause is headed by the sentence root or by a verb attached as a clause (complement, adverbial,
relative, participial, coordinated or parenthetical). Its mood says whether it reports something that
happened: negation, a modal, a condition, a governing cue of intent or expectation ("planned to
attack"), or an infinitive no verb of success governs make it not a happening.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from spacy.tokens import Span, Token

from thucydides.knowledge.lexicons import Lexicons, lexicons
from thucydides.knowledge.settings import section
from thucydides.ling.tokens import NOMINAL, VERBAL, ancestors, contains, forms, is_root, lemma
from thucydides.steps import check_names

CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})
"""Attachments by which a verb heads a clause of its own."""
EMBEDDING_DEPS = frozenset({"ccomp", "xcomp", "advcl", "conj", "pcomp", "csubj"})
"""Clauses whose mood the governing clause passes down ('planned to attack', 'said they would attack')."""
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
"""Clauses that describe a noun ('a mural that was removed on Saturday', 'supporters arriving for a rally'):
what they tell is what the noun went through, not the happening of the clause the noun stands in."""
BARRIER_DEPS = NOUN_CLAUSE_DEPS | {"parataxis"}
"""Clauses with a mood of their own: a relative or parenthetical clause is told as a fact of its own."""


def describes_a_noun(token: Token) -> bool:
    """The token heads a clause describing a noun (`NOUN_CLAUSE_DEPS`)."""
    return token.dep_ in NOUN_CLAUSE_DEPS

Tense = Literal["past", "present", "future", "nonfinite"]


def heads_clause(token: Token) -> bool:
    return is_root(token) or (token.pos_ in VERBAL and (token.dep_ in CLAUSE_DEPS or has_own_subject(token)))


def has_own_subject(token: Token) -> bool:
    """A verb with a subject of its own heads a clause wherever the parser hung it ('the SDF captured Hajin'
    parsed as a modifier of Hajin)."""
    return token.pos_ in VERBAL and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def clause_head(token: Token) -> Token:
    """The verb heading the clause `token` stands in (the sentence root when no nearer verb heads one)."""
    if heads_clause(token):
        return token
    for head in ancestors(token):
        if heads_clause(head):
            return head
    return token.sent.root


TOLD_DEPS = frozenset({"ccomp", "parataxis", "xcomp"})
"""How a verb of telling holds what it tells: 'said that ... killed', 'killed ..., police said', 'claimed to have
killed'."""
AS_ASIDE = frozenset({"mark", "advmod"})
"""'as' opening a telling clause ('as reported on 3 May'): an aside on the source of the whole sentence."""


def telling_verb(token: Token, anchor: Token | None, lex: Lexicons | None = None) -> Token | None:
    """ "Police said on Tuesday that gunmen killed five", "Officials in X said ...": the verb of telling (lexicons
    `reporting_verbs`) heading the clause `token` stands in, when it tells another clause (`TOLD_DEPS`) than the
    anchor's own: what `token` says (a date, a place) is the telling's, not the happening's. Not so 'announced
    its formation on 15 May' (the telling is the happening) nor an aside on the source ('as reported on 3 May',
    `AS_ASIDE`), which bears on all the sentence tells. None where `token` is not so told."""
    lex = lex or lexicons()
    verb = clause_head(token)
    if verb.pos_ not in VERBAL or not forms(verb) & lex.reporting_verbs:
        return None
    if anchor is not None and clause_head(anchor).i == verb.i:
        return None
    tells = verb.dep_ == "parataxis" or any(c.dep_ in TOLD_DEPS for c in verb.children)
    return verb if tells and not any(c.lower_ == "as" and c.dep_ in AS_ASIDE for c in verb.children) else None


def clause_tokens(head: Token) -> list[Token]:
    """The clause's own words: the head's subtree without the clauses embedded in it."""
    embedded = [t for t in head.subtree if t.i != head.i and heads_clause(t)]
    return [t for t in head.subtree if not any(contains(e, t) for e in embedded)]


def in_clause(token: Token, head: Token) -> bool:
    """Whether `token` is told in the clause `head` heads (not in a clause embedded in it)."""
    return clause_head(token).i == head.i


def bounds_period(token: Token, lex: Lexicons | None = None, happening: Token | None = None) -> bool:
    """Whether `token` hangs, within its clause, on a preposition of `period_bounds` ('the worst attack since the
    start of the war in 2011'), or stands in a clause such a word introduces ('since the war began in 2011'): it
    tells where a period starts or ends, not when the clause around it happened. Not when it hangs on the verb of
    `happening` itself ('since gunmen raided the valley in 2014, ...': the raid's own date)."""
    words = (lex or lexicons()).period_bounds
    for t in (token, *ancestors(token)):
        if happening is not None and t.i == happening.i:
            return False
        if t.dep_ == "prep" and t.lower_ in words:
            return True
        if heads_clause(t):
            return any(c.dep_ == "mark" and c.lower_ in words for c in t.children)
    return False


def is_passive(head: Token) -> bool:
    if any(c.dep_ in {"nsubjpass", "auxpass", "csubjpass"} for c in head.children):
        return True
    # 'militants backed by Iran', 'a bomb planted by the group': a participle modifying a noun
    return head.tag_ == "VBN" and head.dep_ == "acl"


def tense(head: Token, lex: Lexicons | None = None) -> Tense:
    lex = lex or lexicons()
    auxes = [c for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if any(forms(a) & lex.modal_auxiliaries for a in auxes) and any(a.lower_ in {"will", "'ll", "shall"}
                                                                    for a in auxes):
        return "future"
    tags = {head.tag_, *(a.tag_ for a in auxes)}
    if tags & {"VBD"} or (head.tag_ == "VBN" and any(lemma(a) == "have" for a in auxes)):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return "nonfinite"


@dataclass(frozen=True, slots=True)
class Mood:
    """Why a clause is not a report of something that happened, if it is not."""

    negated: bool = False
    modal: bool = False
    conditional: bool = False
    cue: bool = False
    unrealised_infinitive: bool = False
    generic: bool = False

    @property
    def realis(self) -> bool:
        return not (self.negated or self.modal or self.conditional or self.cue
                    or self.unrealised_infinitive or self.generic)


def _negated(token: Token) -> bool:
    """'did not attack', 'never attacked', 'there were no clashes'."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _modal(token: Token, lex: Lexicons) -> bool:
    if any(c.dep_ in {"aux", "auxpass"} and forms(c) & lex.modal_auxiliaries for c in token.children):
        return True
    # 'is going to attack'
    head = token.head
    return (not is_root(token) and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
            and lemma(head) == "go" and head.tag_ == "VBG")


def _conditional(token: Token, lex: Lexicons) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in token.children)


def _cue(token: Token, lex: Lexicons) -> bool:
    if forms(token) & lex.irrealis_cues:
        return True
    return any(c.dep_ in {"advmod", "acomp"} and forms(c) & lex.irrealis_cues for c in token.children)


def _unrealised_infinitive(token: Token, lex: Lexicons) -> bool:
    """'to attack' tells an intention unless a verb like 'managed' or 'continued' governs it."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children) or is_root(token):
        return False
    return not forms(token.head) & lex.realis_controls


def _generic_noun(token: Token, lex: Lexicons) -> bool:
    """'a planned protest', 'similar attacks', 'possible clashes'; a participle of asking hung on a noun tells what
    is asked for ('demanding arrears'), not that the noun's happening is unrealised."""
    return token.pos_ in NOMINAL and any(
        c.dep_ in {"amod", "compound", "advmod"} and (forms(c) & lex.generic_modifiers or
                                                     (forms(c) & lex.irrealis_cues and c.tag_ != "VBG"))
        for c in token.children)


def governing_chain(head: Token) -> list[tuple[Token, str]]:
    """The clause head and the clauses it is embedded in whose mood it inherits, with the link that
    led to each ('' for the head itself)."""
    chain = [(head, "")]
    current = head
    for _ in range(8):
        if is_root(current) or current.dep_ in BARRIER_DEPS or current.dep_ not in EMBEDDING_DEPS:
            break
        link = current.dep_
        current = clause_head(current.head)
        chain.append((current, link))
    return chain


def mood(token: Token, lex: Lexicons | None = None) -> Mood:
    """The mood of the clause `token` stands in, with what its governing clauses pass down. A happening
    its clause tells as planned, similar or possible ('a planned protest was cancelled') is generic.

    A coordinated clause inherits only cue words from the clause it is joined to ('could retreat and X
    captured' still tells a capture), and with settings `clause_mood.conj_cues` off not even those: 'stopped a
    vehicle and detained 30', 'planned and carried out the attack' tell a detention and an attack (what governs
    both, 'sought to enter and loot', still passes its cue down); a reported clause keeps its own modality ('said X
    would attack' is not a happening, 'said X attacked' is)."""
    lex = lex or lexicons()
    head = clause_head(token)
    own = _clause_mood(token, head, lex)
    governors = _governors(head, lex)
    conj_cues = section("clause_mood", ClauseMoodSettings).conj_cues
    return replace(own, negated=own.negated or any(_negated(v) for v, link in governors if link != "conj"),
                   cue=own.cue or any(_cue(v, lex) for v, link in governors if conj_cues or link != "conj"))


def own_mood(token: Token, lex: Lexicons | None = None) -> Mood:
    """The mood the clause of `token` has by its own words, whatever the clauses above it say: its
    negation, modal, condition, generic happening noun or a verb that stops its object."""
    lex = lex or lexicons()
    return replace(_clause_mood(token, clause_head(token), lex), unrealised_infinitive=False)


def _clause_mood(token: Token, head: Token, lex: Lexicons) -> Mood:
    """The mood of the clause's own words (`_own_mood`), with its negation (of its verb, subject or object) and a
    generic happening noun: what `mood` adds the governing clauses to, and `own_mood` reads alone."""
    told = [token, *(c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"})]
    if section("clause_mood", ClauseMoodSettings).bracket_asides:
        told = [t for t in told if t is token or not in_brackets(t)]
    return replace(_own_mood(head, token, lex), negated=any(_negated(t) for t in (head, *told)),
                   generic=any(_generic_noun(t, lex) for t in _named_happenings(token, head, lex)))


def in_brackets(token: Token) -> bool:
    """Whether `token` stands inside square brackets in its sentence ('killed him [size=no report]'): an editor's or
    a coder's aside, which a parser may hang on the clause as its object."""
    for t in reversed(token.doc[token.sent.start:token.i]):
        if t.text == "]":
            return False
        if t.text == "[":
            return True
    return False


def _named_happenings(token: Token, head: Token, lex: Lexicons) -> list[Token]:
    """The words that may name the clause's happening as a noun: the word itself, the clause's subject ('a
    planned march was called off') and object ('carried out similar attacks'), but not the object of a verb of
    asking or intent: what is asked for is not the happening ('demanding regular salaries'); with settings
    `clause_mood.happening_objects`, an object only where it is a happening noun (lexicons happening_nouns): what a
    verb of its own acts on ('protested the planned road', 'arrested potential recruits') is not its happening."""
    asked = bool(forms(head) & lex.irrealis_cues)
    deps = {"nsubj", "nsubjpass", "attr"} if asked else {"nsubj", "nsubjpass", "dobj", "attr"}
    only_happenings = section("clause_mood", ClauseMoodSettings).happening_objects
    return [token, *(c for c in head.children if c.dep_ in deps
                     and (c.dep_ != "dobj" or not only_happenings or forms(c) & lex.happening_nouns))]


def _own_mood(head: Token, token: Token, lex: Lexicons) -> Mood:
    """What the clause's own verb says: a modal, a condition, an unrealised infinitive, a cue word above the
    happening ('planned attacks'), or a verb that stops its object ('refused an agreement', 'the march was
    cancelled'), unless one of its objects is a way it obstructs ('blocked (with tyres) the main road')."""
    stopped = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
    blocking = bool(forms(head) & lex.blocking_verbs) and bool(stopped) and not any(obstructed(c, lex) for c in stopped)
    return Mood(modal=_modal(head, lex), conditional=_conditional(head, lex),
                unrealised_infinitive=_unrealised_infinitive(head, lex),
                cue=blocking or (head.i != token.i and _cue(head, lex)))


def _governors(head: Token, lex: Lexicons) -> list[tuple[Token, str]]:
    """The clauses above `head` whose mood it inherits, up to a verb of telling it reports under."""
    out = []
    for verb, link in governing_chain(head)[1:]:
        out.append((verb, link))
        if link == "ccomp" and forms(verb) & lex.reporting_verbs:
            break
    return out


def is_realis(token: Token, lex: Lexicons | None = None) -> bool:
    """Whether the clause `token` stands in reports something that happened (or is happening)."""
    return mood(token, lex).realis


def is_aggregate(token: Token, lex: Lexicons | None = None) -> bool:
    """Whether a clause or happening noun tells many happenings as one: a plural happening quantified as a
    pattern ('several attacks', 'a wave of strikes'), or a perfect that has gone on since a date. The people a
    verb of harm undergoes are counted, not the happenings ('killed several villagers' is one attack)."""
    lex = lex or lexicons()
    head = clause_head(token) if token.pos_ in VERBAL else token
    harmed = bool(forms(head) & lex.harm_verbs)
    nouns = [token, *(c for c in head.children if c.dep_ in {"dobj", "attr"} and not harmed)]
    if any(_quantified_plural(n, lex) for n in nouns):
        return True
    return any(_perfect_since(verb) or _over_recent_period(verb, lex) for verb, _ in governing_chain(head))


def _over_recent_period(verb: Token, lex: Lexicons) -> bool:
    """'killed 1,000 fighters in the past week', 'arrested 300 people over the last three months': a tally of
    what went on over a stretch of time up to now, not one happening (a verb coordinated with it shares it).
    Only with 'the' and a word of recency: 'last week' alone dates one happening."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    return any(_recent_period(p, lex) for v in verbs for p in v.children
               if p.dep_ == "prep" and p.lower_ in lex.period_prepositions)


def _recent_period(preposition: Token, lex: Lexicons) -> bool:
    """'in the past week': a period noun with 'the' and a word of recency under the preposition."""
    return any(o.dep_ == "pobj" and o.lower_ in lex.tally_periods
               and any(c.dep_ == "det" and c.lower_ == "the" for c in o.children)
               and any(c.dep_ == "amod" and c.lower_ in lex.recency_words for c in o.children)
               for o in preposition.children)


def _perfect_since(verb: Token) -> bool:
    """'have intensified attacks since May' (and the participles hung on it): what has gone on since."""
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    return perfect and any(c.dep_ in {"prep", "advcl", "mark"} and c.lower_ == "since" or
                           (c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children))
                           for c in verb.children)


def is_bare_plural(noun: Token) -> bool:
    """'carry out attacks': a plural noun with no determiner, possessor or number tells of happenings in
    general."""
    return noun.tag_ in {"NNS", "NNPS"} and not any(c.dep_ in {"det", "poss", "nummod"} for c in noun.children)


def _quantified_plural(noun: Token, lex: Lexicons) -> bool:
    """'several attacks', 'a wave of attacks', 'attacks' counted by a number word of the aggregate list."""
    if forms(noun) & lex.aggregate_words:
        return True
    if noun.tag_ not in {"NNS", "NNPS"}:
        return False
    return any(forms(c) & lex.aggregate_words for c in noun.children if c.i < noun.i)


def unrealised_nouns(tokens: Span | list[Token], lex: Lexicons | None = None) -> list[Token]:
    """Nouns the text names a happening by without telling that it happened: the complement of a noun of
    threat, fear or possibility ('the threat of raids'), a noun denied by 'no' ('no clashes'), and the object
    a verb stops ('rejected the truce', 'the rally was called off'). A relative clause on such a noun tells
    of the unrealised thing, not of a happening."""
    lex = lex or lexicons()
    return [t for t in tokens if t.pos_ in NOMINAL and t.pos_ != "PRON" and _unrealised_noun(t, lex)]


def _unrealised_noun(noun: Token, lex: Lexicons) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOMINAL:
        return bool(forms(head.head) & lex.irrealis_nouns)
    return noun.dep_ in {"dobj", "nsubjpass"} and bool(forms(head) & lex.blocking_verbs) and not obstructed(noun, lex)


def _passage(noun: Token, lex: Lexicons) -> bool:
    """A way or passage, or a stretch of one ('a section of the road', 'km 40 of the highway'): blocked, it is
    obstructed, which is itself a happening."""
    if forms(noun) & lex.passage_nouns:
        return True
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(o.dep_ == "pobj" and forms(o) & lex.passage_nouns
                                                              for o in p.children) for p in noun.children)


def _named(noun: Token, lex: Lexicons) -> bool:
    """A proper name ('blocked the N2', 'stopped Vanguard Drive'): a place, a road, a group or a person, not a
    happening the verb keeps from happening (unless the name is a happening noun: 'halted the Offensive')."""
    return noun.pos_ == "PROPN" and not forms(noun) & lex.happening_nouns


def _kept_from(noun: Token, lex: Lexicons) -> bool:
    """Whom the verb keeps from doing something ('prevented teachers from entering', 'stopped them from
    marching'): what is stopped is the 'from' clause (its mood carries the verb's cue), not the object, and the
    preventing happened."""
    preps = [p for t in (noun.head, noun) for p in t.children if p.dep_ == "prep" and p.lower_ == "from"]
    return any(c.dep_ == "pcomp" and c.pos_ in VERBAL for p in preps for c in p.children)


def _passage_pronoun(noun: Token, lex: Lexicons) -> bool:
    """A neuter pronoun standing for a passage: the nearest common noun before it in its sentence is one ('stood
    on the main road to block it'; a name in brackets after the road is passed over)."""
    if noun.pos_ != "PRON" or "Gender=Neut" not in str(noun.morph) or "Number=Sing" not in str(noun.morph):
        return False
    before = [t for t in noun.doc[noun.sent.start:noun.i] if t.pos_ == "NOUN"]
    return bool(before) and _passage(before[-1], lex)


OBSTRUCTED: Mapping[str, Callable[[Token, Lexicons], bool]] = {
    "passage": _passage, "name": _named, "kept_from": _kept_from, "pronoun": _passage_pronoun}
"""Kinds of object a blocking verb obstructs or holds back (its own happening), rather than stops from happening."""


@dataclass(frozen=True, slots=True)
class ClauseMoodSettings:
    """How a clause's own words and the clauses above it tell whether it happened (`clause_mood` in the settings)."""

    obstructed: tuple[str, ...] = ("passage", "name", "kept_from", "pronoun")
    """Names of `OBSTRUCTED` kinds, in order; a blocking verb whose object is none of them stops it."""
    bracket_asides: bool = True
    """An argument in square brackets ('[size=no report]' parsed as an object) does not negate its clause."""
    conj_cues: bool = False
    """A coordinated clause inherits the cue words of the clause it is joined to (false: only of the clauses
    governing both)."""
    happening_objects: bool = True
    """A clause's object names its happening (a generic one, 'carried out similar attacks', makes the clause not
    realis) only where it is a happening noun (false: any object)."""


@lru_cache(maxsize=4)
def _obstructed_kinds(names: tuple[str, ...]) -> tuple[Callable[[Token, Lexicons], bool], ...]:
    check_names("clause_mood.obstructed", OBSTRUCTED, names, "kind(s)")
    return tuple(OBSTRUCTED[n] for n in names)


def obstructed(noun: Token, lex: Lexicons) -> bool:
    """Whether a blocking verb's object `noun` is of a kind the verb obstructs or holds back (settings
    `clause_mood.obstructed`): 'blocked the R71', 'prevented them from marching' tell a blockade or an
    intervention that happened; 'cancelled the march' tells a march that did not."""
    kinds = _obstructed_kinds(section("clause_mood", ClauseMoodSettings).obstructed)
    return any(kind(noun, lex) for kind in kinds)


def text_without(span: Span, nouns: list[Token]) -> str:
    """The span's text with the words of `nouns` left out: each noun's phrase, but not the clauses inside it,
    which tell happenings of their own ('no one was hurt in the town, where a fire broke out')."""
    dropped = {t.i for n in nouns for t in noun_words(n)}
    return "".join(t.text_with_ws for t in span if t.i not in dropped).strip()


def noun_words(noun: Token) -> list[Token]:
    """A noun's phrase without the clauses embedded in it."""
    embedded = [t for t in noun.subtree if t.i != noun.i and heads_clause(t)]
    return [t for t in noun.subtree if not any(contains(e, t) for e in embedded)]


def is_accident(head: Token, lex: Lexicons | None = None) -> bool:
    """Whether a clause tells a mishap that befell its subject and no one did ('the helicopter crashed in
    the hills', 'the ferry capsized'): an accident verb with no object, no target ('crashed into the
    crowd') and no agent ('was sunk by a drone')."""
    lex = lex or lexicons()
    if not forms(head) & lex.accident_verbs:
        return False
    return not any(c.dep_ in {"dobj", "agent"} or (c.dep_ == "prep" and c.lower_ in lex.target_prepositions)
                   for c in head.children)
