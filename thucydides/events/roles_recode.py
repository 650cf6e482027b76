"""Side recoding after the roles are read, in the order settings `stages.events.side_recode_steps` names:

- `umbrella`: an actor ACLED names only as an associated actor of another is coded as that main actor, the one
  read kept associated (data/actors/umbrella_actors.csv, learned from ACLED train);
- `named_group`: an unnamed armed actor 1 ('gunmen', or none told) in a sentence naming exactly one armed group
  that is not actor 2 is that group, as ACLED codes a suspected perpetrator ('a bomb believed planted by X'), unless
  the sentence calls the doers unknown (data/actors.yaml unknown_doer_words). The sentence, not the paragraph: a
  news paragraph names groups as background ('the abduction recalls Boko Haram's of 2014'; VOA dev: one such)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from thucydides.events.actorbase import ActorBase
from thucydides.knowledge.actors import NON_STATE_ARMED_KINDS
from thucydides.knowledge.actors_recoding import unknown_doer_words
from thucydides.knowledge.actors_umbrella import umbrella_actors
from thucydides.knowledge.settings import SettingsError
from thucydides.model import ActorMention

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
    mentions: Sequence[ActorMention] = ()
    """The actors named in the event's sentence, in text order."""
    text: str = ""
    """The event's sentence."""


def _main_actor(ctx: SideContext, actor: str | None) -> str | None:
    """The main actor ACLED's coders name for `actor` in the country's events of the type, if any."""
    record = ctx.base.base.get(actor) if actor and ctx.country else None
    if record is None:
        return None
    name = umbrella_actors().get((ctx.base.base.name_in(record, ctx.country), ctx.country or "", ctx.event_type))
    main = ctx.base.base.lookup(name) if name else None
    return main.id if main and main.id != actor else None


def umbrella(ctx: SideContext, sides: Sides) -> Sides:
    """'Donbass People's Militia shelled a village': the member a report names stands for the main actor ACLED's
    coders name in the country's events of the type (the front, the operation, the leading force), the member
    associated with it; an actor with no such main actor, or one the base lacks, stays."""
    main1, main2 = _main_actor(ctx, sides.actor1), _main_actor(ctx, sides.actor2)
    if main1:
        sides = replace(sides, actor1=main1, associated1=sides.associated1 or sides.actor1)
    if main2:
        sides = replace(sides, actor2=main2, associated2=sides.associated2 or sides.actor2)
    return sides


def named_group(ctx: SideContext, sides: Sides) -> Sides:
    """'A bomb suspected to have been planted by the Taliban killed three', 'armed men (presumably X militia) shot
    a farmer': an unnamed armed actor 1 of a violent event is the one non-state armed group its sentence names
    (not as a speaker, not actor 2), as ACLED codes the suspected perpetrator; a sentence naming two groups, or
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
    "umbrella": umbrella, "named_group": named_group}


@dataclass(frozen=True)
class SideRecoding:
    """The chosen recoding steps, in order; each takes the sides the one before gave."""

    chosen: tuple[Callable[[SideContext, Sides], Sides], ...]

    @classmethod
    def of(cls, order: Sequence[str]) -> SideRecoding:
        unknown = [name for name in order if name not in SIDE_RECODE_STEPS]
        if unknown:
            raise SettingsError(f"events.side_recode_steps: unknown step(s) {', '.join(unknown)}; "
                                f"choose from {', '.join(sorted(SIDE_RECODE_STEPS))}")
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
