"""Side recoding after the roles are read, in the order settings `stages.events.side_recode_steps` names:

- `umbrella`: an actor ACLED names only as an associated actor of another is coded as that main actor, the one
  read kept associated (data/actors/umbrella_actors.csv, learned from ACLED train);
- `state_force`: a government read as a side of a sub-event type in which ACLED's coders name a state's force there,
  almost never its government (arrests, protests met with intervention), is that force of its country
  (data/actors/state_side_forces.csv, learned from ACLED train);
- `named_group`: an unnamed armed actor 1 ('gunmen', or none told) of a clause naming exactly one armed group that
  is not actor 2 is that group, as ACLED codes a suspected perpetrator ('a bomb believed planted by X'), unless its
  sentence calls the doers unknown (data/actors.yaml unknown_doer_words). The clause, not the paragraph: a news
  paragraph names groups as background ('the abduction recalls Boko Haram's of 2014'; VOA dev: one such), and a
  clause of its own tells what another side did ('..., while the SDF searched the desert')."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from thucydides.events.actorbase import ActorBase
from thucydides.knowledge.actors import NON_STATE_ARMED_KINDS
from thucydides.knowledge.actors_recoding import unknown_doer_words
from thucydides.knowledge.actors_state_sides import state_side_forces
from thucydides.knowledge.actors_umbrella import umbrella_actors
from thucydides.ling.clauses import clause_head, has_own_subject
from thucydides.ling.context import DocContext
from thucydides.model import ActorMention
from thucydides.steps import check_names

GOVERNMENT_KIND = "government"
"""The kind of a state's government and its offices, as against its forces."""
ARMED_GROUP_KEY = "armed_group"
"""The generic kind of ACLED's unidentified armed group."""
VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
"""Event types whose actor 1 ACLED codes as a suspected perpetrator (not protests, riots, strategic developments)."""


@dataclass(frozen=True)
class Sides:
    """An event's two sides as recoded: each actor and the actor associated with it (None: none)."""

    actor1: str | None
    associated1: str | None
    actor2: str | None
    associated2: str | None


@dataclass(frozen=True)
class SideContext:
    base: ActorBase
    country: str | None
    event_type: str
    sub_event_type: str = ""
    mentions: Sequence[ActorMention] = ()
    """The actors named in the event's clause (`clause_mentions`), in text order."""
    text: str = ""
    """The event's sentence."""


def clause_mentions(ctx: DocContext, anchor: Token) -> list[ActorMention]:
    """The actors named in the clause of `anchor` and in the subject-less clauses hung on it ('a bomb planted by X',
    'killed in an attack blamed on X'), not in a clause with a subject of its own ('..., while X searched')."""
    head = clause_head(anchor)
    own = [t for t in head.subtree if t.i != head.i and has_own_subject(t)]
    words = {t.idx for t in head.subtree if not any(o.left_edge.i <= t.i <= o.right_edge.i for o in own)}
    return [m for m in ctx.actors.within(anchor.sent.start_char, anchor.sent.end_char)
            if (token := ctx.token_at(m.start)) is not None and token.idx in words]


def _standing_for(sides: Sides, actor1: str | None, actor2: str | None) -> Sides:
    """The sides with `actor1` and `actor2` (where given) coded in place of the ones read, each read one kept as the
    associated actor unless one is already named (`umbrella`, `state_force`)."""
    if actor1:
        sides = replace(sides, actor1=actor1, associated1=sides.associated1 or sides.actor1)
    if actor2:
        sides = replace(sides, actor2=actor2, associated2=sides.associated2 or sides.actor2)
    return sides


def _main_actor(ctx: SideContext, role: str, actor: str | None) -> str | None:
    """The main actor ACLED's coders name for `actor` read in `role` in the country's events of the type, if any."""
    record = ctx.base.base.get(actor) if actor and ctx.country else None
    if record is None:
        return None
    key = (ctx.base.base.name_in(record, ctx.country), role, ctx.country or "", ctx.event_type)
    name = umbrella_actors().get(key)
    main = ctx.base.base.lookup(name) if name else None
    return main.id if main and main.id != actor else None


def umbrella(ctx: SideContext, sides: Sides) -> Sides:
    """'Donbass People's Militia shelled a village': the member a report names stands for the main actor ACLED's
    coders name in the country's events of the type (the front, the operation, the leading force), the member
    associated with it; an actor with no such main actor, or one the base lacks, stays."""
    return _standing_for(sides, _main_actor(ctx, "actor1", sides.actor1), _main_actor(ctx, "actor2", sides.actor2))


def _force_for(ctx: SideContext, role: str, actor: str | None) -> str | None:
    """The force of the country a government read in `role` stands for in the sub-event type, if any."""
    if ctx.base.kind(actor) != GOVERNMENT_KIND or not any(m.actor == actor and not m.speaker for m in ctx.mentions):
        return None  # a government told only as the source ('authorities said the girls were taken') stays
    force = state_side_forces().get((role, ctx.sub_event_type))
    return ctx.base.generic(force, ctx.country) if force else None


def state_force(ctx: SideContext, sides: Sides) -> Sides:
    """'The authorities arrested two journalists', 'the government dispersed the march': a government read as a
    side of a sub-event type where ACLED's coders name a state's force and (almost) never its government is that
    force of the event's country (the police, for these), the government kept associated; only a government its
    clause names, not one read from elsewhere (a source, the sentence before), whose recoding as a force would let
    the coding rules retype the event (a force's abduction is an arrest)."""
    return _standing_for(sides, _force_for(ctx, "actor1", sides.actor1), _force_for(ctx, "actor2", sides.actor2))


def named_group(ctx: SideContext, sides: Sides) -> Sides:
    """'three died when a roadside device, blamed on the Taliban, went off', 'armed men (presumably X militia) shot
    a farmer': an unnamed armed actor 1 of a violent event is the one non-state armed group its clause names
    (not as a speaker, not actor 2), as ACLED codes the suspected perpetrator; a clause naming two groups, or
    calling the doers unknown ('unidentified gunmen'), keeps the unidentified armed group."""
    if ctx.event_type not in VIOLENT_TYPES or ctx.base.generic_key(sides.actor1) != ARMED_GROUP_KEY:
        return sides
    words = set(re.findall(r"[a-z]+", ctx.text.lower()))
    if words & unknown_doer_words():
        return sides
    sides_read = {sides.actor2, sides.associated2}
    groups = {m.actor for m in ctx.mentions if not m.speaker and not m.generic and m.kind in NON_STATE_ARMED_KINDS
              and ctx.base.generic_key(m.actor) is None}
    if len(groups) != 1 or groups & sides_read:
        return sides
    return replace(sides, actor1=groups.pop())


SIDE_RECODE_STEPS: Mapping[str, Callable[[SideContext, Sides], Sides]] = {
    "umbrella": umbrella, "state_force": state_force, "named_group": named_group}


@dataclass(frozen=True)
class SideRecoding:
    """The chosen recoding steps, in order; each takes the sides the one before gave."""

    chosen: tuple[Callable[[SideContext, Sides], Sides], ...]

    @classmethod
    def of(cls, order: Sequence[str]) -> SideRecoding:
        check_names("events.side_recode_steps", SIDE_RECODE_STEPS, order)
        return cls(tuple(SIDE_RECODE_STEPS[name] for name in order))

    def __call__(self, ctx: SideContext, sides: Sides) -> tuple[Sides, str | None, str | None]:
        """The sides recoded, and the last step that changed actor 1 and actor 2 (None: none did)."""
        changed1 = changed2 = None
        for step in self.chosen:
            out = step(ctx, sides)
            changed1 = step.__name__ if out.actor1 != sides.actor1 else changed1
            changed2 = step.__name__ if out.actor2 != sides.actor2 else changed2
            sides = out
        return sides, changed1, changed2
