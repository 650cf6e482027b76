"""ACLED's actor 1 (who acts) and actor 2 (who is acted on), read from the anchor clause's arguments.

Each role is decided by named steps tried in order (settings `stages.events.actor1_steps` and
`actor2_steps`): the actors among the clause's doers (or undergoers); the owner of the weapon or attack
that does it ('Israeli strikes killed...'); a pronoun's antecedent; and ACLED's generic actor for the
event type and country ('Unidentified Armed Group (Sudan)', 'Civilians (Somalia)'). For the event types
ACLED always codes with a generic actor 1 (protests, riots) the default comes first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.events.actorbase import ActorBase
from thucydides.events.context import DocContext
from thucydides.events.detect import Candidate
from thucydides.knowledge.acled import Taxonomy
from thucydides.ling.anaphora import antecedent, is_definite_back_reference, is_pronoun
from thucydides.ling.arguments import Arguments, arguments, noun_arguments
from thucydides.ling.tokens import NOMINAL, children
from thucydides.model import ActorMention

MEMBER_PREPOSITIONS = frozenset({"of", "from"})
AFFILIATION_WORDS = frozenset({"loyal", "affiliated", "linked", "allied", "belonging", "close"})


@dataclass(frozen=True)
class RoleContext:
    doc: DocContext
    candidate: Candidate
    args: Arguments
    base: ActorBase
    taxonomy: Taxonomy
    anaphora_reach: int
    actor1: str | None = None
    """Once chosen, actor 2 steps never return it again."""

    @property
    def country(self) -> str | None:
        return self.doc.country


def phrase_actor(ctx: DocContext, token: Token) -> ActorMention | None:
    """The actor a noun phrase names: a mention in the phrase up to its head ('the Somali army'), or in
    its member or affiliation complement ('fighters of X', 'forces loyal to X')."""
    found = ctx.actors.overlapping(token.left_edge.idx, token.idx + len(token.text))
    if found:
        return max(found, key=lambda m: m.end)
    for complement in _complements(token):
        inner = ctx.actors.overlapping(complement.left_edge.idx, complement.idx + len(complement.text))
        if inner:
            return inner[0]
    return None


def _complements(token: Token) -> Iterable[Token]:
    for prep in children(token, "prep"):
        if prep.lower_ in MEMBER_PREPOSITIONS:
            yield from children(prep, "pobj")
    for mod in children(token, "amod", "acl"):
        if mod.lower_ in AFFILIATION_WORDS:
            for prep in children(mod, "prep"):
                yield from children(prep, "pobj")


def _settled(rc: RoleContext, mention: ActorMention | None) -> str | None:
    if mention is None:
        return None
    actor = rc.base.settle(mention, rc.country)
    return None if actor == rc.actor1 else actor


def _first_actor(rc: RoleContext, tokens: Iterable[Token]) -> str | None:
    for token in tokens:
        actor = _settled(rc, phrase_actor(rc.doc, token))
        if actor is not None:
            return actor
    return None


def doers(rc: RoleContext) -> str | None:
    """The actors the clause names as doing it: subjects, the agent of a passive, a noun's owner."""
    return _first_actor(rc, rc.args.doers)


def means_owner(rc: RoleContext) -> str | None:
    """'Israeli strikes killed 25', 'drones operated by the army struck': a weapon or an attack that does
    it stands for whoever owns it."""
    means = [t for t in rc.args.doers if t.pos_ in NOMINAL and phrase_actor(rc.doc, t) is None]
    return _first_actor(rc, (d for m in means for d in noun_arguments(m).doers))


def pronoun(rc: RoleContext) -> str | None:
    """'They stormed the village': a pronoun or 'the group' stands for the actor named just before."""
    for token in rc.args.doers:
        if is_pronoun(token) or is_definite_back_reference(token):
            before = rc.doc.actors.before(token.idx)
            found = antecedent(token, before, rc.doc.segments, rc.anaphora_reach, lambda m: not m.speaker)
            actor = _settled(rc, found)
            if actor is not None:
                return actor
    return None


def undergoers(rc: RoleContext) -> str | None:
    """The actors the clause names as acted on: objects, a passive's subject, the targets of 'on',
    'against', 'at'; an attack named as the object ('launched an attack on X') passes on its own target."""
    direct = _first_actor(rc, rc.args.undergoers)
    if direct is not None:
        return direct
    nested = (t for u in rc.args.undergoers if u.pos_ in NOMINAL for t in noun_arguments(u).undergoers)
    return _first_actor(rc, nested)


def default_actor1(rc: RoleContext) -> str | None:
    defaults = rc.taxonomy.default_actors.get(rc.candidate.event_type)
    return rc.base.generic(defaults.actor1, rc.country) if defaults and defaults.actor1 else None


def default_actor2(rc: RoleContext) -> str | None:
    defaults = rc.taxonomy.default_actors.get(rc.candidate.event_type)
    return rc.base.generic(defaults.actor2, rc.country) if defaults and defaults.actor2 else None


ACTOR1_STEPS: Mapping[str, Callable[[RoleContext], str | None]] = {
    "doers": doers, "means_owner": means_owner, "pronoun": pronoun, "default": default_actor1,
}
ACTOR2_STEPS: Mapping[str, Callable[[RoleContext], str | None]] = {
    "undergoers": undergoers, "default": default_actor2,
}


def anchor_arguments(anchor: Token) -> Arguments:
    return arguments(anchor)
