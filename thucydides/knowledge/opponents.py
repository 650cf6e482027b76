"""The side ACLED's coders most often name as actor 2 against an actor 1 in a country's fighting
(`data/actors/likely_opponents.csv`, written by `python -m thucydides.learn.opponents` from ACLED's train split)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge.unnamed import _learned_rows

FILE = "actors/likely_opponents.csv"
COLUMNS = ("country", "actor1", "actor2", "support", "share")
_YEARS = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def without_years(name: str) -> str:
    """'Military Forces of Iraq (2020-)' -> 'Military Forces of Iraq': a state's forces keep one key across the
    periods ACLED names them by."""
    return " ".join(_YEARS.sub("", name).split())


@dataclass(frozen=True)
class LikelyOpponent:
    """The actor 2 ACLED's coders most often name against `actor1` in `country`'s battles and remote violence."""

    country: str
    """ISO alpha-2."""
    actor1: str
    """ACLED's name of actor 1, without its year range."""
    actor2: str
    """ACLED's name of the opponent, as coded."""
    support: int
    """Train rows of the country with that actor 1 and an actor 2."""
    share: float
    """The share of them coding this actor 2."""


@cache
def likely_opponents() -> Mapping[tuple[str, str], LikelyOpponent]:
    """(country, actor 1's name without years) -> its likely opponent there."""
    return {(r["country"], r["actor1"]): LikelyOpponent(r["country"], r["actor1"], r["actor2"], int(r["support"]),
                                                        float(r["share"]))
            for r in _learned_rows(FILE, COLUMNS)}
