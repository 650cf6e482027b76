"""Which units of a report tell an event, and of which ACLED type: the learned coder decides.

Every sentence (a dateline cut off) is classified in one batch. In a sentence taken for an event the
*anchor* is the clause that carries it: each clause is classified on its own words and the clause the
coder reads as the same sub-event type with the highest confidence wins ('the ministry said gunmen
stormed the village' is anchored on 'stormed', not 'said'). The anchor's arguments, mood, place and
time are the event's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from thucydides.events import fallback
from thucydides.events.context import DocContext
from thucydides.events.fallback import FALLBACK_CONFIDENCE
from thucydides.knowledge.acled import Taxonomy
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.clauses import heads_clause
from thucydides.ling.segments import Sentence
from thucydides.ling.tokens import char_span, forms


class Guess(Protocol):
    @property
    def event_type(self) -> str | None: ...

    @property
    def sub_event_type(self) -> str | None: ...

    @property
    def confidence(self) -> float: ...

    @property
    def event_probability(self) -> float: ...


class Coder(Protocol):
    def classify(self, texts: Sequence[str], threshold: float | None = None) -> Sequence[Guess]: ...


@dataclass(frozen=True)
class Candidate:
    """A unit the coder took for an event, anchored on the clause that tells it."""

    start: int
    end: int
    sentence: Sentence
    event_type: str
    sub_event_type: str
    confidence: float
    anchor: Token
    headline: bool
    source: str = "coder"
    """'coder', or 'fallback' when the learned coder read no event and a fallback predicate did."""


def unit_bounds(ctx: DocContext, sentence: Sentence) -> tuple[int, int]:
    """A sentence's characters without a dateline that opens it ('GOMA, May 3 (Wire) - ...')."""
    start = sentence.start
    for lo, hi in ctx.segments.datelines:
        if lo <= start < hi:
            start = hi
    rest = ctx.text[start:sentence.end]
    start += len(rest) - len(rest.lstrip(" -–—\t"))
    return start, sentence.end


def detect(ctx: DocContext, coder: Coder, threshold: float,
           admissible: Callable[[Candidate], bool] = lambda c: True,
           taxonomy: Taxonomy | None = None) -> list[Candidate]:
    """Every sentence the coder reads as an event with at least `threshold` probability, anchored on its
    best-read clause that is `admissible` (a sentence with none is dropped); with a `taxonomy`, sentences
    the coder reads as no event get the fallback predicates' reading (events.fallback)."""
    units = [(s, *unit_bounds(ctx, s)) for s in ctx.segments.sentences]
    units = [(s, lo, hi) for s, lo, hi in units if hi > lo]
    guesses = coder.classify([ctx.text[lo:hi] for _, lo, hi in units], threshold)
    out = []
    for (sentence, lo, hi), guess in zip(units, guesses, strict=True):
        span = char_span(ctx.doc, lo, hi)
        if span is None:
            continue
        headline = ctx.segments.in_headline(lo)
        if guess.event_type is not None and guess.sub_event_type is not None and guess.event_probability >= threshold:
            found = (Candidate(lo, hi, sentence, guess.event_type, guess.sub_event_type, guess.confidence, head,
                               headline) for best in ranked_anchors(span, guess, coder) for head in with_purpose(best))
        elif taxonomy is not None:
            found = (Candidate(lo, hi, sentence, taxonomy.event_type_of(sub), sub, FALLBACK_CONFIDENCE, head, headline,
                               "fallback") for head, sub in fallback.readings(ctx, span, taxonomy))
        else:
            continue
        chosen = next((c for c in found if admissible(c)), None)
        if chosen is not None:
            out.append(chosen)
    return out


def clause_heads(span: Span) -> list[Token]:
    return [t for t in span if heads_clause(t) and span.start <= t.left_edge.i and t.right_edge.i < span.end]


def ranked_anchors(span: Span, guess: Guess, coder: Coder) -> list[Token]:
    """The clauses of `span` the coder reads as the same happening, most confident first; the root when
    none does."""
    root = [] if reports_content(span.root) else [span.root]
    heads = [h for h in clause_heads(span) if h.i != span.root.i and not reports_content(h)]
    if not heads:
        return root
    texts = [span.doc[h.left_edge.i:h.right_edge.i + 1].text for h in heads]
    scored = [(_agreement(guess, g), h) for h, g in zip(heads, coder.classify(texts, 0.0), strict=True)]
    agreeing = [h for score, h in sorted(scored, key=lambda x: -x[0]) if score > 0]
    return agreeing or root


def with_purpose(head: Token) -> list[Token]:
    """A clause, then — when it is a purpose infinitive ('gathered to demand ...') — the verb it serves,
    which tells the happening when the purpose itself did not happen."""
    purpose = head.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.tag_ == "TO" for c in head.children)
    return [head, head.head] if purpose else [head]


def reports_content(head: Token) -> bool:
    """'Officials said (that) ...': a verb of telling with a clause under it tells, it does not happen."""
    return bool(forms(head) & lexicons().reporting_verbs) and any(c.dep_ == "ccomp" for c in head.children)


def _agreement(sentence: Guess, clause: Guess) -> float:
    """How well a clause's reading backs the sentence's: same sub-type best, same event type next."""
    if clause.sub_event_type == sentence.sub_event_type:
        return 1.0 + clause.confidence
    if clause.event_type == sentence.event_type:
        return clause.confidence
    return 0.0
