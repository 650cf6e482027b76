"""The weapon decides the type (ACLED): violence against civilians done with explosives from afar or by a
suicide bomber is an Explosions/Remote violence event of that means ('suicide attacks ... killed scores of
civilians' is a suicide bombing with civilian targeting, not an Attack). The coder, reading the civilians
killed, often says Attack; the means named in the happening's own clause re-types it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from thucydides.knowledge.acled import Taxonomy, taxonomy
from thucydides.knowledge.settings import section
from thucydides.ling.clauses import describes_a_noun


@dataclass(frozen=True)
class MeansSettings:
    """Whether a named means re-types a happening (settings `event_means`); which means give which sub-event
    type is ACLED's rule, in the taxonomy (`data/acled.yaml` means_sub_events)."""

    enabled: bool


@cache
def means_settings() -> MeansSettings:
    return section("event_means", MeansSettings)


def means_sub_type(anchor: Token, sub_event_type: str, settings: MeansSettings | None = None,
                   rules: Taxonomy | None = None) -> str | None:
    """The sub-event type the means named in the anchor's clause gives a happening typed `sub_event_type`,
    or None when it names none (or the type is not re-typed)."""
    settings = settings or means_settings()
    rules = rules or taxonomy()
    if not settings.enabled or sub_event_type not in rules.means_retyped_subs:
        return None
    words = " " + clause_words(anchor) + " "
    return next((sub for sub, phrases in rules.means_subs.items()
                 if any(re.search(rf"\b{re.escape(p.lower())}s?\b", words) for p in phrases)), None)


def clause_words(anchor: Token) -> str:
    """The anchor's clause, lower-cased; for a clause describing a noun ('attacks which killed ...') the noun
    and its modifiers too."""
    tokens = set(anchor.subtree)
    head = anchor
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if describes_a_noun(head):
        for noun in _noun_chain(head.head):
            tokens |= {noun, *noun.lefts}
    return " ".join(t.lower_ for t in sorted(tokens, key=lambda t: t.i))


def _noun_chain(noun: Token) -> list[Token]:
    """The noun a clause hangs from and the nouns it is in a prepositional phrase of ('attacks in the town of
    A in B province, which killed ...': the parser hangs the clause from the last of them)."""
    out = [noun]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        noun = noun.head.head
        out.append(noun)
    return out
