"""The side ACLED's coders most often name as actor 2 against an actor 1 in a country's fighting
(`data/actors/likely_opponents.csv`, written by `python -m thucydides.learn.opponents` from ACLED's train split)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import read_learned_rows

FILE = "actors/likely_opponents.csv"
COLUMNS = ("country", "actor1", "actor2", "support", "share", "first_year", "last_year")
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
    first_year: int
    last_year: int
    """The years of the period of train rows it was learned from: wars change sides (Ukraine's military fought the
    separatists until 2022, Russia since), so the reading holds for reports of about those years."""

    def distance(self, year: int) -> int:
        """Years from `year` to the period (0: within it)."""
        return max(self.first_year - year, year - self.last_year, 0)


def opponent_in(periods: Sequence[LikelyOpponent], year: int | None, margin: int) -> LikelyOpponent | None:
    """The reading of the period nearest `year`, within `margin` years of it (the later period where two are as
    near); an undated report takes none, since a reading learned from one war's years says nothing of another's."""
    if year is None:
        return None
    near = [p for p in periods if p.distance(year) <= margin]
    return min(near, key=lambda p: (p.distance(year), -p.last_year), default=None)


@cache
def likely_opponents() -> Mapping[tuple[str, str], tuple[LikelyOpponent, ...]]:
    """(country, actor 1's name without years) -> its likely opponents there, one per period, earliest first."""
    table: dict[tuple[str, str], list[LikelyOpponent]] = defaultdict(list)
    for r in read_learned_rows(FILE, COLUMNS):
        table[(r["country"], r["actor1"])].append(
            LikelyOpponent(r["country"], r["actor1"], r["actor2"], int(r["support"]), float(r["share"]),
                           int(r["first_year"]), int(r["last_year"])))
    return {key: tuple(sorted(periods, key=lambda p: p.first_year)) for key, periods in table.items()}
