"""Whom ACLED codes as actor 2 against an actor 1 in a country's fighting, learned from the train split of ACLED's
events.

    python -m thucydides.learn.opponents [--acled ../shared/data/acled/events.csv] [--out FILE]

A report of a battle or a strike often names only the side that acted ('Russian forces attempted an offensive
near X', 'coalition aircraft destroyed a bridge'); ACLED's coders name the other side from what they know of the
war. Over the train rows of the event types `opponent_learning.event_types`, the actor 2 of each (country, actor 1
without its year range) is counted; the most frequent is kept where the rows with an actor 2 number `min_support`,
it takes `min_share` of them and it is no civilians (a side, not victims).

Wars change sides (Ukraine's military fought the separatists until 2022, Russia's forces since; Afghanistan's
Taliban fought the 2014- military until 2021), so the rows are counted per year: consecutive years whose most
frequent actor 2 is the same make one period, and each period that has the support and share is a row of the
table with its first and last year; a report takes the reading of the period of its year (`holds_in`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.knowledge import data_path
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.opponents import COLUMNS, FILE, LikelyOpponent, without_years
from thucydides.knowledge.settings import section
from thucydides.learn.corpora import acled_parser, acled_split_rows, parse_acled_args
from thucydides.learn.tables import write_table

CIVILIANS = "Civilians"


@dataclass(frozen=True)
class OpponentSettings:
    """Settings section `opponent_learning`."""

    min_support: int
    """Train rows of a country and actor 1 that name an actor 2."""
    min_share: float
    """Share of those rows the opponent must take."""
    event_types: tuple[str, ...]
    """ACLED event types whose rows are counted (fighting: battles, remote violence)."""


def learn(rows: Iterable[Mapping[str, str]], settings: OpponentSettings) -> list[LikelyOpponent]:
    """Per (country, actor 1 without years), the periods of years with one most frequent actor 2, kept where
    they have the support and the share and the opponent is no civilians."""
    table = countries()
    counts: dict[tuple[str, str], dict[int, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for row in rows:
        code = table.code_of_name(row["country"])
        year = int(row["year"]) if row["year"].strip().isdigit() else 0
        if code and year and row["event_type"] in settings.event_types and row["actor1"].strip() \
                and row["actor2"].strip():
            counts[(code, without_years(row["actor1"]))][year][row["actor2"].strip()] += 1
    out = []
    for (code, actor1), by_year in sorted(counts.items()):
        for years in periods(by_year):
            opponents = sum((by_year[y] for y in years), Counter[str]())
            total = sum(opponents.values())
            actor2, n = _leader(opponents)
            if total >= settings.min_support and n / total >= settings.min_share \
                    and not actor2.startswith(CIVILIANS):
                out.append(LikelyOpponent(code, actor1, actor2, total, round(n / total, 3), min(years), max(years)))
    return out


def _leader(opponents: Counter[str]) -> tuple[str, int]:
    return max(opponents.items(), key=lambda an: (an[1], an[0]))


def periods(by_year: Mapping[int, Counter[str]]) -> list[list[int]]:
    """The years of rows, in runs of consecutive years (of those with rows) led by the same actor 2 (a year where
    the run's leader ties the most frequent stays in the run)."""
    runs: list[list[int]] = []
    leaders: list[str] = []
    for year in sorted(by_year):
        leader, n = _leader(by_year[year])
        if leaders and by_year[year][leaders[-1]] == n:
            runs[-1].append(year)
        else:
            runs.append([year])
            leaders.append(leader)
    return runs


def write(path: Path, learned: Sequence[LikelyOpponent]) -> None:
    write_table(path, COLUMNS, ([o.country, o.actor1, o.actor2, o.support, o.share, o.first_year, o.last_year]
                                for o in learned))


def main(argv: Sequence[str] | None = None) -> int:
    ap = acled_parser(__doc__, data_path(FILE))
    a = parse_acled_args(ap, argv)
    rows = acled_split_rows(a.acled, "train", ("country", "year", "event_type", "actor1", "actor2"))
    learned = learn(rows, section("opponent_learning", OpponentSettings))
    write(a.out, learned)
    print(f"{len(learned)} periods of countries and actors 1 with a likely opponent -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
