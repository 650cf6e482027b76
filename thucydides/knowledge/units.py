"""The unit of a state force ACLED's coders name for a sub-event type where the report names only the force
and country (`data/actors/sub_event_units.csv`, written by `python -m thucydides.learn.sub_event_units` from ACLED's
train split): 'Russian forces struck Kharkiv' from the air is coded as 'Military Forces of Russia (2000-) Air Force',
the same in Syria as the force itself."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import read_learned_rows

FILE = "actors/sub_event_units.csv"
COLUMNS = ("force", "country", "sub_event_type", "unit", "support", "share")


@dataclass(frozen=True)
class SubEventUnit:
    force: str
    """ACLED's name of the force ('Military Forces of Russia (2000-)')."""
    country: str
    """ISO alpha-2 of the events' country (ACLED codes a force's units differently in each war)."""
    sub_event_type: str
    unit: str
    """ACLED's name of the unit ('Military Forces of Russia (2000-) Air Force')."""
    support: int
    """Train rows of the force, country and sub-event type, the force as actor 1."""
    share: float


@cache
def sub_event_units() -> Mapping[tuple[str, str, str], str]:
    """(force name, country, sub-event type) -> the unit's name."""
    return {(r["force"], r["country"], r["sub_event_type"]): r["unit"] for r in read_learned_rows(FILE, COLUMNS)}
