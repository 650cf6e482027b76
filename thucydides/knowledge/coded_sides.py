"""The generic side ACLED's coders most often name as actor 2 for a country and sub-event type
(`data/actors/coded_sides.csv`, written by `python -m thucydides.learn.coded_sides` from ACLED's train split):
where a report names no side acted on, an air strike in Gaza is coded against Palestine's civilians and a violent
demonstration in Kenya against its police, as ACLED's coders code most such events there."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import read_learned_rows

FILE = "actors/coded_sides.csv"
COLUMNS = ("country", "sub_event_type", "kind", "support", "share")


@dataclass(frozen=True)
class CodedSide:
    country: str
    """ISO alpha-2 of the events' country."""
    sub_event_type: str
    kind: str
    """The generic actor's kind in the actor base ('civilians', 'police', 'military')."""
    support: int
    """Train rows of the country and sub-event type (with or without an actor 2)."""
    share: float
    """Share of those rows whose actor 2 is the kind's actor of the country."""


@cache
def coded_sides() -> Mapping[tuple[str, str], str]:
    """(country, sub-event type) -> the generic kind ACLED most often codes as actor 2 there."""
    return {(r["country"], r["sub_event_type"]): r["kind"] for r in read_learned_rows(FILE, COLUMNS)}
