"""Small readings of spaCy tokens that every part of the linguistic layer shares."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

VERBAL = frozenset({"VERB", "AUX"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""spaCy's entity labels of places: countries and towns, other locations, facilities."""
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
"""How the words before a noun that say whose or what kind it is hang on it ('ISIS's pocket', 'the ISIS pocket',
'Russian strikes', 'army units')."""


def is_acronym(text: str) -> bool:
    """A short all-capital name ("IS", "US", "M23", "NATO"): one to four letters, every one a capital."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def is_root(token: Token) -> bool:
    """spaCy makes a fresh Token object on every access, so identity is by index."""
    return token.head.i == token.i


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def forms(token: Token) -> frozenset[str]:
    """The forms a word list may name a token by: its lemma and its lower-cased text."""
    return frozenset((token.lemma_.lower(), token.lower_))


def contains(outer: Token, token: Token) -> bool:
    """Whether `token` lies in the subtree of `outer`."""
    return outer.left_edge.i <= token.i <= outer.right_edge.i


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters [start, end), widened to whole tokens; None for empty or outside text."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def token_at(doc: Doc, char: int) -> Token | None:
    """The token holding character `char`; None where no token does (outside the text)."""
    span = char_span(doc, char, char + 1)
    return span[0] if span is not None else None


def span_head(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering [start, end)."""
    span = char_span(doc, start, end)
    return span.root if span is not None else None


def ancestors(token: Token, limit: int = 16) -> list[Token]:
    """The token's heads up to the root, nearest first (bounded: parses can be deep)."""
    out: list[Token] = []
    current = token
    for _ in range(limit):
        if is_root(current):
            break
        current = current.head
        out.append(current)
    return out


def conjuncts(token: Token) -> tuple[Token, ...]:
    """The token and every item coordinated with it ('the army and the police' → army, police)."""
    return (token, *token.conjuncts) if token.conjuncts else (token,)


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]
