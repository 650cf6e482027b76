"""Side recoding after the roles are read: an actor ACLED names only as an associated actor of another is coded
as that main actor, the one read kept associated (`umbrella`, data/actors/umbrella_actors.csv). Steps are named
in settings `stages.events.side_recode_steps`, applied in order to actor 1 and actor 2."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from thucydides.events.actorbase import ActorBase
from thucydides.knowledge.actors_umbrella import umbrella_actors
from thucydides.knowledge.settings import SettingsError


@dataclass(frozen=True)
class Side:
    """One side of an event as recoded: the actor coded and the actor associated with it (None: none)."""

    actor: str | None
    associated: str | None = None


@dataclass(frozen=True)
class SideContext:
    base: ActorBase
    country: str | None
    event_type: str


def umbrella(ctx: SideContext, side: Side) -> Side:
    """'Donbass People's Militia shelled a village': the member a report names stands for the main actor ACLED's
    coders name in the country's events of the type (the front, the operation, the leading force), the member
    associated with it; an actor with no such main actor, or one the base lacks, stays."""
    record = ctx.base.base.get(side.actor) if side.actor and ctx.country else None
    if record is None:
        return side
    name = umbrella_actors().get((ctx.base.base.name_in(record, ctx.country), ctx.country or "", ctx.event_type))
    main = ctx.base.base.lookup(name) if name else None
    if main is None or main.id == side.actor:
        return side
    return Side(main.id, side.associated or side.actor)


SIDE_RECODE_STEPS: Mapping[str, Callable[[SideContext, Side], Side]] = {"umbrella": umbrella}


@dataclass(frozen=True)
class SideRecoding:
    """The chosen recoding steps, in order; each takes the side the one before gave."""

    chosen: tuple[Callable[[SideContext, Side], Side], ...]

    @classmethod
    def of(cls, order: Sequence[str]) -> SideRecoding:
        unknown = [name for name in order if name not in SIDE_RECODE_STEPS]
        if unknown:
            raise SettingsError(f"events.side_recode_steps: unknown step(s) {', '.join(unknown)}; "
                                f"choose from {', '.join(sorted(SIDE_RECODE_STEPS))}")
        return cls(tuple(SIDE_RECODE_STEPS[name] for name in order))

    def __call__(self, ctx: SideContext, side: Side) -> Side:
        for step in self.chosen:
            side = step(ctx, side)
        return side
