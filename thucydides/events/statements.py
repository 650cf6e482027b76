"""Statements read as protests: 'the council reiterates its support', 'the ministry condemns the attack', 'the
council has demonstrated its unity' (a verb of judgement, lexicons judgement_verbs, is a statement too).

The coder learnt protests from notes where a crowd gathers and demands; a government's or an organisation's
statement shares their words (support, condemn, demand) but is no protest. A Protests reading whose own clause
is a statement — a verb of saying or condemning as its head and a government or organisation as its subject —
with no crowd as its subject is dropped (words: data/lexicons.yaml; settings `event_statements`).

A happening told only under a verb of stance ('the lawyer insisted his client had no part in the attacks', 'the group
alleged that guards had beaten prisoners'; the lexicon's stance_verbs) is
someone's claim about it, not news of it: ACLED's notes tell their happenings under 'claimed', 'accused' or
'reported', almost never under these (filter `stance`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.settings import section
from thucydides.ling.arguments import NOMINAL_SUBJECT_DEPS
from thucydides.ling.clauses import heads_clause
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import ancestors, forms


@dataclass(frozen=True)
class StatementSettings:
    """Which readings are checked and who speaks (the words: the lexicon's statement_verbs and crowd_words)."""

    event_types: tuple[str, ...]
    """Readings of these event types are checked."""
    speaking_kinds: tuple[str, ...]
    """Actor kinds (the actor base's) that state positions rather than take to the streets."""
    judgements: bool = True
    """A verb of judgement ('has demonstrated its unity', 'hailed') heads a statement too, not only one of saying."""
    stance_exempt_types: tuple[str, ...] = ("Protests", "Riots")
    """Event types whose readings a verb of stance may head: a crowd's stance is its protest."""


def statement_settings() -> StatementSettings:
    return section("event_statements", StatementSettings)


def is_statement(ctx: DocContext, event_type: str, anchor: Token) -> bool:
    """Whether a reading of `event_type` anchored on `anchor` is a statement, not a happening of that type."""
    s = statement_settings()
    if event_type not in s.event_types:
        return False
    subjects = [c for c in anchor.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    words = lexicons()
    if not subjects or any(forms(t) & words.crowd_words for c in subjects for t in c.subtree):
        return False  # a purpose clause ('marched to denounce ...') tells the protest's aim
    verbs = words.reporting_verbs | words.statement_verbs | (words.judgement_verbs if s.judgements else frozenset())
    return bool(forms(anchor) & verbs) and _speaking_subject(ctx, anchor, s)


def _speaking_subject(ctx: DocContext, anchor: Token, s: StatementSettings) -> bool:
    """The clause's subject is an actor of a speaking kind (a government, an agency)."""
    for child in anchor.children:
        if child.dep_ not in NOMINAL_SUBJECT_DEPS:
            continue
        start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
        if any(a.kind in s.speaking_kinds for a in ctx.actors.overlapping(start, end)):
            return True
    return False


def is_told_as_stance(event_type: str, anchor: Token) -> bool:
    """Whether a reading of `event_type` anchored on `anchor` is told only as a stance: the anchor, or a clause above
    it, is a verb of stance (the lexicon's stance_verbs: insist, allege, appal ...)."""
    if event_type in statement_settings().stance_exempt_types:
        return False
    verbs = lexicons().stance_verbs
    return any(forms(t) & verbs for t in (anchor, *ancestors(anchor)) if t is anchor or heads_clause(t))
