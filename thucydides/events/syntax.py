"""Reading the dependency parse: which tokens are triggers, and whether they report a happening."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from thucydides.events.lexicon import Lexicon, Trigger

Token = Any
"""A spaCy Token (typed loosely: the model layer does not depend on spaCy)."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_CLAUSE_EDGES = {"relcl", "parataxis"}
_NOUNISH = {"NOUN", "PROPN"}


def is_root(token: Token) -> bool:
    """spaCy makes a fresh Token object on every access, so identity is by index."""
    return bool(token.head.i == token.i)


def lemma(token: Token) -> str:
    return str(token.lemma_).lower()


def words(token: Token) -> set[str]:
    """The forms a lexicon entry may name a token by: lemma and lower-cased text."""
    return {lemma(token), str(token.lower_)}


@dataclass(frozen=True)
class Sentences:
    """Sentence boundaries as character spans; a blank line always ends a sentence (headlines)."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, spacy_doc: Any, text: str) -> Sentences:
        starts: list[int] = []
        ends: list[int] = []
        for sent in spacy_doc.sents:
            lo, hi = sent.start_char, sent.end_char
            cut = lo
            for m in _PARAGRAPH_BREAK.finditer(text, lo, hi):
                if text[cut:m.start()].strip():
                    starts.append(cut)
                    ends.append(m.start())
                cut = m.end()
            if text[cut:hi].strip():
                starts.append(cut)
                ends.append(hi)
        return cls(starts, ends)

    def index(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def span(self, char: int) -> tuple[int, int]:
        i = self.index(char)
        return self.starts[i], self.ends[i]


_HASHES: dict[tuple[int, int], frozenset[int]] = {}


def trigger_hashes(vocab: Any, lex: Lexicon) -> frozenset[int]:
    """The string-store ids of every trigger word, so most tokens are dismissed by an integer look-up."""
    key = (id(vocab), id(lex))
    if key not in _HASHES:
        _HASHES[key] = frozenset(vocab.strings.add(form) for form in lex.by_lemma)
    return _HASHES[key]


def match_trigger(token: Token, lex: Lexicon) -> Trigger | None:
    """The first lexicon entry that fits this token, or None.

    Most tokens are no trigger word: two set look-ups settle them before any tree is read.
    """
    forms = [f for f in (str(token.lower_), str(token.lemma_).lower()) if f in lex.by_lemma]
    if not forms:
        return None
    candidates = sorted({t for f in forms for t in lex.by_lemma[f]}, key=lex.triggers.index)
    pos = "NOUN" if token.pos_ == "PROPN" else token.pos_
    child_words: set[str] | None = None
    head_words = words(token.head) if not is_root(token) else set()
    for trig in candidates:
        if pos not in trig.pos and token.pos_ not in trig.pos:
            continue
        if trig.child or trig.exclude_child:
            if child_words is None:
                child_words = set().union(*(words(c) for c in token.children))
            if trig.child and not trig.child & child_words:
                continue
            if trig.exclude_child & child_words:
                continue
        if trig.head and not trig.head & head_words:
            continue
        if trig.head_dep and token.dep_ not in trig.head_dep:
            continue
        if trig.exclude_head & (head_words | _governor_words(token)):
            continue
        if trig.head2 and (is_root(token) or is_root(token.head) or not trig.head2 & words(token.head.head)):
            continue
        if trig.victims and not _victims_named(token, trig.victims):
            continue
        if trig.needs_subject and not _finite_with_subject(token):
            continue
        if trig.subject_of_head and (is_root(token) or not any(
                c.dep_ == "nsubj" and words(c) & trig.subject_of_head for c in token.head.children)):
            continue
        return trig
    return None


def _governor_words(token: Token) -> set[str]:
    """The words of the head a list item hangs from ('destroyed positions, routes and a device')."""
    current = token
    for _ in range(8):
        if is_root(current) or current.dep_ != "conj":
            break
        current = current.head
    return words(current.head) if not is_root(current) else set()


def _finite_with_subject(verb: Token) -> bool:
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} and not (verb.tag_ == "VBN" and any(
            c.dep_ == "aux" for c in verb.children)):
        return False
    return any(c.dep_ == "nsubj" for c in verb.children)


def _victims_named(verb: Token, victims: frozenset[str]) -> bool:
    """'gunmen shot dead two shepherds', 'a farmer was murdered': the ones acted on are named as such."""
    acted_on = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    acted_on += [c for a in acted_on for c in a.children if c.dep_ == "conj"]
    return any(words(a) & victims for a in acted_on)


def modifies_a_noun(token: Token, lex: Lexicon) -> bool:
    """'the clash areas', 'missile platforms', 'areas of clash': the word describes a thing, not a happening."""
    if token.dep_ in {"compound", "amod", "nmod"} and token.head.pos_ in _NOUNISH and not is_root(token):
        return not has_own_subject(token)
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        owner = token.head.head
        return lemma(owner) in lex.locative_heads
    return False


def has_own_subject(token: Token) -> bool:
    """A verb with its own subject heads a clause even when the parser hangs it on a noun
    ('the SDF captured Hajin' parsed as an adjective of Hajin)."""
    return token.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def ancestors_within_clause(token: Token, limit: int = 8) -> Iterator[Token]:
    """The token's heads up the tree, stopping at a relative clause or a parenthetical."""
    current = token
    for _ in range(limit):
        if current.dep_ in _CLAUSE_EDGES or is_root(current):
            return
        current = current.head
        yield current


def _has_modal(token: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and words(c) & lex.modal_auxiliaries for c in token.children)


def _going_to(token: Token) -> bool:
    """'is going to attack': future by periphrasis."""
    head = token.head
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and lemma(head) == "go" \
        and head.tag_ == "VBG"


def _unrealised_infinitive(token: Token, lex: Lexicon, realis_heads: frozenset[str] = frozenset()) -> bool:
    """'to attack' reports an intention unless a verb like 'managed' or 'continued' governs it."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    return not words(token.head) & (lex.realis_controls | realis_heads)


def _negated(token: Token) -> bool:
    """'did not attack', 'there were no clashes'."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _nothing_done_for(token: Token) -> bool:
    """'no date has been set for an assault': a passive head whose subject is 'no ...' says the act is not done."""
    return any(c.dep_ == "nsubjpass" and _negated(c) for c in token.children)


def _conditional(token: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in token.children)


def _cue(token: Token, lex: Lexicon) -> bool:
    if words(token) & lex.irrealis_cues:
        return True
    return any(c.dep_ == "advmod" and words(c) & lex.irrealis_cues for c in token.children)


def _generic_modifier(token: Token, lex: Lexicon) -> bool:
    """'a planned protest', 'similar attacks', 'possible clashes': the noun's own modifier says it did not
    (or not once) happen."""
    return any(c.dep_ in {"amod", "compound", "advmod"} and words(c) & (lex.generic_modifiers | lex.irrealis_cues)
               for c in token.children)


def is_realis(trigger: Token, lex: Lexicon, realis_heads: frozenset[str] = frozenset()) -> bool:
    """Whether the trigger reports something that happened (or is happening).

    Negated, modal, future, intended, expected, prevented or habitual mentions are not events.
    The trigger itself and its heads up to the clause edge are checked; a conjoined head
    only passes on cue words, not its own auxiliaries ("could retreat and X captured").
    """
    if trigger.pos_ in _NOUNISH and _generic_modifier(trigger, lex):
        return False
    chain = [trigger, *ancestors_within_clause(trigger)]
    for i, token in enumerate(chain):
        if i > 0 and token.dep_ == "ROOT" and chain[i - 1].dep_ == "ccomp":
            # a report verb ("said that ...") keeps its own modality
            return not (_negated(token) or _cue(token, lex))
        via_conj = i > 0 and chain[i - 1].dep_ == "conj"
        if i > 0 and (_cue(token, lex) or _nothing_done_for(token)):
            return False
        if via_conj:
            continue
        if _negated(token) or _has_modal(token, lex) or _conditional(token) or _going_to(token):
            return False
        if _unrealised_infinitive(token, lex, realis_heads):
            return False
    return True


def verb_of(token: Token) -> Token | None:
    """The verb that governs a noun trigger ('launched attacks' -> launched), or the trigger itself."""
    current = token
    for _ in range(6):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if is_root(current):
            return None
        current = current.head
    return None


def is_past_or_perfect(verb: Token) -> bool:
    """'controlled', 'has controlled', 'managed to control': a completed act rather than a standing state."""
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children):
        return True
    if verb.dep_ == "xcomp":
        return is_past_or_perfect(verb.head) or (verb.head.tag_ == "JJ" and is_past_or_perfect(verb.head.head))
    return False


def is_plural(token: Token) -> bool:
    return token.tag_ in {"NNS", "NNPS"}


def is_bare_plural(token: Token) -> bool:
    """'as a result of aerial bombardments': plural with no determiner or possessor, hence generic,
    unless it is a subject ('warplanes struck', 'air strikes kill 20')."""
    if not is_plural(token):
        return False
    if any(c.dep_ in {"det", "poss", "nummod"} for c in token.children):
        return False
    return token.dep_ not in {"nsubj", "nsubjpass"}


def _lasting(verb: Token, lex: Lexicon) -> bool:
    """'pounded the town for days', 'after days of bombardment': told as going on over days or longer."""
    if verb.dep_ == "pobj" and verb.head.lower_ == "of" and not is_root(verb.head) \
            and words(verb.head.head) & lex.duration_units:
        return True
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(words(o) & lex.duration_units
                                                               for o in c.children if o.dep_ == "pobj")
               for c in verb.children)


def _since_earlier_day(prep: Token, lex: Lexicon) -> bool:
    """'since 2014' counts over a period; 'since dawn' is today."""
    return not any(words(o) & lex.same_day_words for o in prep.children if o.dep_ == "pobj")


def is_habitual_or_aggregate(token: Token, lex: Lexicon) -> bool:
    """Plural happenings told in the simple present ('carry out attacks') or counted over a period
    ('30,000 airstrikes since 2014'), and happenings told as lasting days ('pounded it for days'),
    are a pattern, not one event."""
    verb_or_self = token if token.pos_ in {"VERB", "AUX"} else token.head
    if _lasting(token, lex) or _lasting(verb_or_self, lex):
        return True
    if not is_plural(token):
        return False
    verb = token.head if token.dep_ in {"dobj", "nsubj", "nsubjpass"} else None
    if verb is None:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "since" and _since_earlier_day(c, lex) for c in verb.children):
        return True
    if token.dep_ != "dobj":
        return False
    finite = verb
    while finite.dep_ == "xcomp" and not is_root(finite):
        finite = finite.head
    return finite.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in finite.children)


def is_foreground(token: Token) -> bool:
    """Whether the trigger is its sentence's main predicate or that predicate's subject or object."""
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        clause = token.head
    elif token.pos_ in {"VERB", "AUX"}:
        clause = token
    else:
        return False
    while clause.dep_ in {"xcomp", "conj"} and not is_root(clause):
        clause = clause.head
    return clause.dep_ in {"ROOT", "ccomp"}


_SUBORDINATE = {"relcl", "acl", "appos", "advcl", "parataxis", "ccomp", "csubj"}


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the sentence root when none is nearer)."""
    current = token
    for _ in range(16):
        if is_root(current):
            return current
        if current.pos_ in {"VERB", "AUX"} and current.dep_ in _SUBORDINATE | {"conj"}:
            return current
        current = current.head
    return current


def contains(outer: Token, token: Token) -> bool:
    return bool(outer.left_edge.i <= token.i <= outer.right_edge.i)


def in_clause_of(token: Token, trigger: Token) -> bool:
    """Whether `token` is told in the trigger's own clause, not in a relative, adverbial or reported
    clause that the trigger is outside of ('Tal Abyad, which rebels had captured on Sunday')."""
    head = clause_head(trigger)
    if not contains(head, token):
        return False
    current = token
    for _ in range(16):
        if current.i == head.i or is_root(current):
            return True
        if current.dep_ in _SUBORDINATE and not contains(current, trigger):
            return False
        if current.dep_ == "conj" and has_own_subject(current) and not contains(current, trigger):
            return False  # "... and their only way out is towards X": a clause of its own
        current = current.head
    return True


def is_definite_mention(token: Token, determiners: frozenset[str]) -> bool:
    """'the fighting', 'the clashes', 'this offensive': a noun that points back to a happening already told."""
    if token.pos_ not in _NOUNISH:
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in determiners for c in token.children)


def subject_trigger(verb: Token, lex: Lexicon) -> tuple[Token, Trigger] | None:
    """'9 strikes engaged ISIS units': a verb whose subject is itself a trigger word tells that
    subject's happening; the subject names its type."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            trig = match_trigger(child, lex)
            if trig is not None:
                return child, trig
    return None


def renamed_by_predicate(token: Token, lex: Lexicon) -> bool:
    """'The only fighting was an air strike': the subject of a copula is named by a predicate trigger."""
    if token.dep_ != "nsubj" or lemma(token.head) != "be":
        return False
    return any(c.dep_ == "attr" and match_trigger(c, lex) is not None for c in token.head.children)


def instrument_of_happening(token: Token, lex: Lexicon) -> bool:
    """'The strikes were carried out by attack aircraft and artillery': weapons named as the means of a
    happening told by another trigger are part of it."""
    current = token
    for _ in range(8):
        if is_root(current):
            return False
        if current.dep_ in {"agent", "prep"} and current.lower_ in {"by", "with", "using"}:
            verb = current.head
            if verb.pos_ in {"VERB", "AUX"} and subject_trigger(verb, lex) is not None:
                return True
        current = current.head
    return False
