"""The main actor ACLED's coders name where a report names one of its members (`data/actors/umbrella_actors.csv`,
written by `python -m thucydides.learn.umbrella_actors` from ACLED's train split): a member militia of a front, a
unit fighting under a named operation, a force assisting another's operation. ACLED names the member only as an
associated actor (assoc_actor_1, assoc_actor_2) and the front, operation or leading force as the actor itself, so a
report naming the member alone is coded to its main actor."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import read_learned_rows

FILE = "actors/umbrella_actors.csv"
COLUMNS = ("member", "role", "country", "event_type", "main", "associated", "named", "share")


@dataclass(frozen=True)
class UmbrellaActor:
    """A member ACLED's coders associate with one main actor in a country's events of a type."""

    member: str
    """ACLED's name of the member ('Donbass People's Militia')."""
    role: str
    """The side it is associated with: 'actor1' or 'actor2' (a party's supporters rioting are the rioters' side,
    its members attacked the civilians')."""
    country: str
    """ISO alpha-2 of the events' country."""
    event_type: str
    main: str
    """ACLED's name of the actor the member is associated with there."""
    associated: int
    """Train rows naming the member as associated with the role's actor in the country and event type."""
    named: int
    """Train rows naming it as the role's actor there."""
    share: float
    """Share of the associated rows whose actor on the member's side is `main`."""


@cache
def umbrella_actors() -> Mapping[tuple[str, str, str, str], str]:
    """(member name, role, country, event type) -> the main actor's name."""
    return {(r["member"], r["role"], r["country"], r["event_type"]): r["main"]
            for r in read_learned_rows(FILE, COLUMNS)}
