"""Which units of a report tell an event, and of which ACLED type: the learned coder decides.

Every sentence (a dateline cut off) is classified in one batch. In a sentence taken for an event the
*anchor* is the clause that carries it: each clause is classified on its own words and the clause the
coder reads as the same sub-event type with the highest confidence wins ('the ministry said gunmen
stormed the village' is anchored on 'stormed', not 'said'). The anchor's arguments, mood, place and
time are the event's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from thucydides.events.context import DocContext
from thucydides.ling.clauses import heads_clause
from thucydides.ling.segments import Sentence
from thucydides.ling.tokens import char_span


class Guess(Protocol):
    @property
    def event_type(self) -> str | None: ...

    @property
    def sub_event_type(self) -> str | None: ...

    @property
    def confidence(self) -> float: ...


class Coder(Protocol):
    def classify(self, texts: Sequence[str]) -> Sequence[Guess]: ...


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


def unit_bounds(ctx: DocContext, sentence: Sentence) -> tuple[int, int]:
    """A sentence's characters without a dateline that opens it ('GOMA, May 3 (Wire) - ...')."""
    start = sentence.start
    for lo, hi in ctx.segments.datelines:
        if lo <= start < hi:
            start = hi
    rest = ctx.text[start:sentence.end]
    start += len(rest) - len(rest.lstrip(" -–—\t"))
    return start, sentence.end


def detect(ctx: DocContext, coder: Coder, threshold: float) -> list[Candidate]:
    """Every sentence the coder reads as an event with at least `threshold` confidence, anchored."""
    units = [(s, *unit_bounds(ctx, s)) for s in ctx.segments.sentences]
    units = [(s, lo, hi) for s, lo, hi in units if hi > lo]
    guesses = coder.classify([ctx.text[lo:hi] for _, lo, hi in units])
    out = []
    for (sentence, lo, hi), guess in zip(units, guesses, strict=True):
        if guess.event_type is None or guess.sub_event_type is None or guess.confidence < threshold:
            continue
        span = char_span(ctx.doc, lo, hi)
        if span is None:
            continue
        out.append(Candidate(lo, hi, sentence, guess.event_type, guess.sub_event_type, guess.confidence,
                             anchor_of(span, guess, coder), ctx.segments.in_headline(lo)))
    return out


def clause_heads(span: Span) -> list[Token]:
    return [t for t in span if heads_clause(t) and span.start <= t.left_edge.i and t.right_edge.i < span.end]


def anchor_of(span: Span, guess: Guess, coder: Coder) -> Token:
    """The clause of `span` the coder reads as the same happening most confidently (the root if none)."""
    heads = [h for h in clause_heads(span) if h.i != span.root.i]
    if not heads:
        return span.root
    texts = [span.doc[h.left_edge.i:h.right_edge.i + 1].text for h in heads]
    best, best_score = span.root, -1.0
    for head, clause_guess in zip(heads, coder.classify(texts), strict=True):
        score = _agreement(guess, clause_guess)
        if score > best_score:
            best, best_score = head, score
    return best if best_score > 0 else span.root


def _agreement(sentence: Guess, clause: Guess) -> float:
    """How well a clause's reading backs the sentence's: same sub-type best, same event type next."""
    if clause.sub_event_type == sentence.sub_event_type:
        return 1.0 + clause.confidence
    if clause.event_type == sentence.event_type:
        return clause.confidence
    return 0.0
