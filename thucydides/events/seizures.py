"""Things taken read as people taken: '... destroyed tanks and equipment captured near X' is no arrest.

A participle that modifies a noun ('equipment captured', 'weapons seized') says what was taken: that noun. An
Arrests or abduction reading whose clause takes only through such participles, on nouns that name things
(the lexicon's `thing_nouns`) and no actor or person (no actor mention, person, group or organisation entity),
took something, not someone (settings `event_seizures`: which readings).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.settings import section
from thucydides.ling.context import DocContext

PARTICIPLE_DEPS = frozenset({"acl"})
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP", "ORG"})


@dataclass(frozen=True)
class SeizureSettings:
    """Which readings are checked (the words: the lexicon's taking_verbs and thing_nouns)."""

    sub_event_types: tuple[str, ...]
    """Readings of these sub-event types are checked (taking people)."""


def is_thing_taken(ctx: DocContext, sub_event_type: str, anchor: Token) -> bool:
    """Whether a reading of `sub_event_type` anchored on `anchor` tells a thing taken rather than a person."""
    if sub_event_type not in section("event_seizures", SeizureSettings).sub_event_types:
        return False
    verbs = lexicons().taking_verbs
    taking = [t for t in anchor.subtree if t.lemma_.lower() in verbs and t.pos_ == "VERB"]
    return bool(taking) and all(_thing_taken(ctx, t) for t in taking)


def _thing_taken(ctx: DocContext, verb: Token) -> bool:
    """A taking participle on a noun that names no one ('trucks captured')."""
    if verb.dep_ not in PARTICIPLE_DEPS or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    things = lexicons().thing_nouns
    return all(not _names_someone(ctx, t) and (t.lemma_.lower() in things or t.lower_ in things)
               for t in (verb.head, *verb.head.conjuncts))


def _names_someone(ctx: DocContext, noun: Token) -> bool:
    if noun.ent_type_ in PEOPLE_ENTITIES or noun.pos_ == "PRON":
        return True
    return bool(ctx.actors.overlapping(noun.idx, noun.idx + len(noun)))
