"""A unit's coded view: its words without the frame news tells a happening in.

News attributes and hedges what it tells ('officials said militants stormed the town', 'jets were reported to
have fired missiles', '..., according to the ministry', 'allegedly'); the event coder learnt from ACLED's
notes, which state the happening bare, and from news sentences of no event, where these words are common, so
a frame pulls a told happening towards no event. The view is the unit's tokens less those of its frame, for the
coder to read; the unit itself (its offsets, its clauses, its mood) is unchanged, so evidence stays on the
original text.

Each step names the tokens of one kind of frame (`FRAME_STEPS`); the settings choose which run and in what
order (`stages.events.coded_view`). A frame over a clause not told as happening (a denial, 'said they would
attack') is left in place: taking it off would state what the source did not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Span, Token

from thucydides.knowledge.lexicons import Lexicons, lexicons
from thucydides.ling.clauses import own_mood, unrealised_nouns
from thucydides.ling.tokens import forms
from thucydides.steps import check_names

FrameStep = Callable[[Span, Lexicons], dict[int, str]]
"""One kind of frame: the tokens of a unit it changes, each with the words that replace it ('' drops it)."""

_FRAME_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "dative", "iobj", "agent", "punct",
                         "expl", "neg"})
"""A telling verb's dependents that are its frame (who told, to whom), not the happening told."""
_ASIDE_DEPS = frozenset({"parataxis"})
"""How a parenthetical telling ('..., the army said, ...') hangs on the clause it tells (not an adverbial clause:
'arrested after she was accused of ...' tells why, it is no aside)."""
_VERBS = frozenset({"VERB", "AUX"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _reporting(token: Token, lex: Lexicons) -> bool:
    """A verb of telling that is not itself a denial or refusal, nor an accusation (what a side charges another
    with is a claim of its own), nor negated ('did not say')."""
    if token.pos_ not in _VERBS:
        return False
    words = forms(token)
    return (bool(words & lex.reporting_verbs) and not words & (lex.blocking_verbs | lex.accusing_verbs)
            and not any(c.dep_ == "neg" for c in token.children))


def _finite(head: Token) -> bool:
    """A clause with a tensed verb ('militants attacked', 'X was arrested'), not a small clause ('found him
    injured'), whose subject is no doer of what the frame tells."""
    return head.tag_ in _FINITE_TAGS or any(c.dep_ in {"aux", "auxpass"} for c in head.children)


def told(span: Span, lex: Lexicons) -> set[int]:
    """'Officials said (that) X', 'X, the ministry said', 'X, Y said, Z': the verb of telling, who told and to whom;
    the clause it reports stays (only where that clause is told as happening)."""
    drop: set[int] = set()
    for verb in span:
        if _reporting(verb, lex):
            drop |= _telling(verb, lex)
    return drop


def _telling(verb: Token, lex: Lexicons) -> set[int]:
    """The frame of one verb of telling: with a clause told as happening, the verb and its frame dependents (and
    the clause's 'that'); as an aside on another clause ('..., the army said, ...'), all its words."""
    content = [c for c in verb.children if c.dep_ == "ccomp" and _finite(c) and own_mood(c, lex).realis]
    if content:
        drop = {verb.i} | {t.i for c in verb.children if c.dep_ in _FRAME_DEPS for t in c.subtree}
        return drop | {m.i for c in content for m in c.children if m.dep_ == "mark" and m.lower_ == "that"}
    return _aside(verb)


def _aside(verb: Token) -> set[int]:
    """All the words of a telling set aside on the clause it tells ('..., the army said, ...'): a verb of telling
    with no clause of its own under it, hanging on another."""
    if verb.dep_ not in _ASIDE_DEPS or verb.head.i == verb.i or any(c.dep_ == "xcomp" for c in verb.children):
        return set()
    return {t.i for t in verb.subtree}


def raised(span: Span, lex: Lexicons) -> set[int]:
    """'X was reported to have fired', 'X is said to have killed': the passive verb of telling and the infinitive's
    'to' and 'have'; its subject is the doer of the happening."""
    drop: set[int] = set()
    for verb in span:
        if not _reporting(verb, lex) or not any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
            continue
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            drop.add(verb.i)
            drop.update(c.i for c in verb.children if c.dep_ == "auxpass")
            drop.update(c.i for c in clause.children if c.dep_ == "aux" and c.lower_ in {"to", "have"})
    return drop


def attributed(span: Span, lex: Lexicons) -> set[int]:
    """'According to the ministry', 'as reported by local media': the attribution phrase and its source."""
    words = [t.lower_ for t in span]
    drop: set[int] = set()
    for phrase in lex.attribution_phrases:
        parts = phrase.split()
        if len(parts) < 2:  # a one-word phrase ('per') is also a rate ('per day')
            continue
        for k in range(len(words) - len(parts) + 1):
            if words[k:k + len(parts)] == parts:
                drop.update(_phrase_tokens(span, k, len(parts)))
    return drop


def _phrase_tokens(span: Span, start: int, length: int) -> set[int]:
    """The tokens of an attribution phrase found at `start` in `span`, with the source its words govern: the
    subtrees of its words, but never one that holds the unit's root (a mis-parse would take the happening)."""
    out: set[int] = set()
    for token in span[start:start + length]:
        if not any(t.i == span.root.i for t in token.subtree):
            out.update(t.i for t in token.subtree)
        else:
            out.add(token.i)
    return out


def hedged(span: Span, lex: Lexicons) -> set[int]:
    """'Allegedly', 'reportedly': a hedge on the happening, not a part of it."""
    return {t.i for t in span if t.lower_ in lex.hedge_adverbs and t.dep_ in {"advmod", "amod"}}


_ARGUMENT_PREPOSITIONS = frozenset({"in", "on", "of", "against", "near", "at", "around", "across", "outside"})
"""Prepositions by which a happening noun takes its place or its target ('the bombings in X', 'the attack on X')."""
_SIDE_DEPS = frozenset({"poss", "compound"})
"""How a happening noun takes its doer ('Russia's shelling', 'the ISIL attack')."""


def nominal(span: Span, lex: Lexicons) -> dict[int, str]:
    """'The bombings in A, B and C', 'the shelling of X': a happening named by a noun (`lexicons.happening_verbs`)
    with a place or a side, told as the clause ACLED's notes would use ('bombed in A, B and C', 'shelled X'): the
    noun becomes its verb, its article and an 'of' that marks its object go. Not a noun told as unrealised ('the
    threat of raids', 'no clashes')."""
    verbs = dict(lex.happening_verbs)
    unreal = {t.i for t in unrealised_nouns(span, lex)}
    edits: dict[int, str] = {}
    for noun in span:
        verb = verbs.get(noun.lemma_.lower())
        if verb is None or noun.pos_ != "NOUN" or noun.i in unreal or not _argued(noun):
            continue
        edits[noun.i] = verb
        edits.update((c.i, "") for c in noun.children if c.dep_ == "det")
        edits.update((c.i, "") for c in noun.children if c.dep_ == "prep" and c.lower_ == "of")
    return edits


def _argued(noun: Token) -> bool:
    """Whether a happening noun names its place or target ('in X', 'on X') or its side ('X's', 'the X attack') by a
    proper name."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in _ARGUMENT_PREPOSITIONS]
    named = [t for p in preps for t in p.subtree if t.pos_ == "PROPN"]
    return bool(named) or any(c.dep_ in _SIDE_DEPS and c.pos_ == "PROPN" for c in noun.children)


def _dropping(step: Callable[[Span, Lexicons], set[int]]) -> FrameStep:
    """A step that only takes words away, as one that edits them (each to nothing)."""
    return lambda span, lex: dict.fromkeys(step(span, lex), "")


FRAME_STEPS: Mapping[str, FrameStep] = {"told": _dropping(told), "raised": _dropping(raised),
                                        "attributed": _dropping(attributed), "hedged": _dropping(hedged),
                                        "nominal": nominal}


def frame_steps(names: Sequence[str]) -> tuple[FrameStep, ...]:
    """The chosen steps in order; an unknown name fails when the stage is built."""
    check_names("stages.events.coded_view", FRAME_STEPS, names)
    return tuple(FRAME_STEPS[n] for n in names)


def coded_view(span: Span, steps: Sequence[FrameStep], lex: Lexicons | None = None) -> str | None:
    """The unit's words without the frames the `steps` find (and with a happening noun told as its clause), as the
    coder reads a text; None when it has none (or when nothing but the frame is left)."""
    lex = lex or lexicons()
    cues = _cues(lex, nominal in steps)
    if not any(t.lower_ in cues or t.lemma_ in cues for t in span):
        return None
    edits: dict[int, str] = {}
    for step in steps:
        edits |= step(span, lex)
    if not edits:
        return None
    kept = _trimmed([t for t in span if edits.get(t.i, t.text)])
    if not any(t.is_alpha and not t.is_stop for t in kept):
        return None
    return "".join(edits.get(t.i, t.text) + (t.whitespace_ if k + 1 < len(kept) and kept[k + 1].i == t.i + 1 else " ")
                   for k, t in enumerate(kept)).strip()


def _cues(lex: Lexicons, nouns: bool) -> frozenset[str]:
    """Words one of which every frame holds: most sentences have none, and no step need look at them."""
    firsts = {p.split()[0] for p in lex.attribution_phrases}
    frames = lex.reporting_verbs | lex.hedge_adverbs | firsts
    return frames | {noun for noun, _ in lex.happening_verbs} if nouns else frames


def _trimmed(tokens: list[Token]) -> list[Token]:
    """The tokens without punctuation at either end (a comma left by a frame taken off the front)."""
    lo, hi = 0, len(tokens)
    while lo < hi and tokens[lo].is_punct:
        lo += 1
    while hi > lo and tokens[hi - 1].is_punct:
        hi -= 1
    return tokens[lo:hi]
