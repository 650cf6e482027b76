"""The state force ACLED's coders name where a report names a government as a side of a sub-event type in which they
(almost) never code a government (`data/actors/state_side_forces.csv`, written by `python -m
thucydides.learn.state_side_forces` from ACLED's train split): 'the authorities arrested ...' is the police,
'the government dispersed the protesters' is the police, a government's seizing of property is the military."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import read_learned_rows

FILE = "actors/state_side_forces.csv"
COLUMNS = ("role", "sub_event_type", "force", "support", "government_share", "force_share")


@dataclass(frozen=True)
class StateSideForce:
    role: str
    """'actor1' or 'actor2'."""
    sub_event_type: str
    force: str
    """The generic kind of the force ('police', 'military')."""
    support: int
    """Train rows of the sub-event type whose actor in the role is a state's government, police or military."""
    government_share: float
    force_share: float


@cache
def state_side_forces() -> Mapping[tuple[str, str], str]:
    """(role, sub-event type) -> the generic kind of the force a government read there stands for."""
    return {(r["role"], r["sub_event_type"]): r["force"] for r in read_learned_rows(FILE, COLUMNS)}
