"""Simple anaphora: a pronoun or a definite group noun stands for the nearest fitting name before it.

'They', 'it', 'the group', 'the militants' point back to the last actor named within a few sentences;
'he' and 'she' to the last person or speaker. Recency within the reach, never across a document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from spacy.tokens import Token

from thucydides.knowledge.lexicons import Lexicons, lexicons
from thucydides.ling.segments import Segmentation
from thucydides.ling.spans import Located

M = TypeVar("M", bound=Located)


def is_pronoun(token: Token, lex: Lexicons | None = None) -> bool:
    lex = lex or lexicons()
    return token.lower_ in lex.group_pronouns | lex.person_pronouns


def is_definite_back_reference(token: Token, lex: Lexicons | None = None) -> bool:
    """'the group', 'these fighters': a definite common noun pointing back."""
    lex = lex or lexicons()
    return token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in lex.anaphoric_determiners for c in token.children)


def antecedent(token: Token, mentions: Sequence[M], segments: Segmentation, reach: int,
               fits: Callable[[M], bool] = lambda m: True) -> M | None:
    """The nearest mention before `token`, within `reach` sentences, that `fits`."""
    here = segments.sentence_at(token.idx)
    if here is None:
        return None
    earliest = here.index - reach
    best: M | None = None
    for mention in mentions:
        if mention.end > token.idx:
            break
        sentence = segments.sentence_at(mention.start)
        if sentence is not None and sentence.index >= earliest and fits(mention):
            best = mention
    return best
