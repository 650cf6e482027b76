"""The unit of a state force ACLED's coders name as actor 1 for a sub-event type, learned from the train split of
ACLED's events, by the events' country.

    python -m thucydides.learn.sub_event_units [--acled ../shared/data/acled/events.csv] [--out FILE]

A report names a force ('Russian forces', 'the army'); ACLED's coders name the unit that does some kinds of
happening in some wars: Russia's and Ukraine's air strikes in Ukraine are coded to their air forces (Russia's in
Syria to the force itself). For each force, country and sub-event type, the train rows whose actor 1 is the force
or one of its units (ACLED writes a unit after the force's period: 'Military Forces of Russia (2000-) Air Force')
are counted by unit; the most frequent unit is kept where it takes `min_share` of those rows and they number
`min_support` (settings `sub_event_unit_learning`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from thucydides.knowledge import data_path
from thucydides.knowledge.actors import split_subunit
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.knowledge.units import COLUMNS, FILE, SubEventUnit
from thucydides.learn.corpora import acled_parser, acled_split_rows, parse_acled_args
from thucydides.learn.tables import write_table

FORCE_PREFIXES = ("Military Forces of ", "Police Forces of ")
"""ACLED's names of state forces, the only actors whose units it codes by what they did."""


@dataclass(frozen=True)
class UnitSettings:
    """Settings section `sub_event_unit_learning`."""

    min_support: int
    """Train rows of the force (or its units) as actor 1 in the country and sub-event type."""
    min_share: float
    """Share of them the unit must take."""


def learn(rows: Iterable[Mapping[str, str]], settings: UnitSettings) -> list[SubEventUnit]:
    table = countries()
    counts: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        force, unit = split_subunit(" ".join(row["actor1"].split()))
        code = table.code_of(row["country"])
        if force.startswith(FORCE_PREFIXES) and code:
            counts[(force, code, row["sub_event_type"])][unit or ""] += 1
    out = []
    for (force, code, sub), units in sorted(counts.items()):
        unit, n = units.most_common(1)[0]
        total = sum(units.values())
        if unit and total >= settings.min_support and n / total >= settings.min_share:
            out.append(SubEventUnit(force, code, sub, f"{force} {unit}", total, round(n / total, 3)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    a = parse_acled_args(acled_parser(__doc__, data_path(FILE)), argv)
    rows = acled_split_rows(a.acled, "train", ("actor1", "country", "sub_event_type"))
    learned = learn(rows, section("sub_event_unit_learning", UnitSettings))
    write_table(a.out, COLUMNS, ([u.force, u.country, u.sub_event_type, u.unit, u.support, u.share] for u in learned))
    print(f"{len(learned)} forces, countries and sub-event types with a unit of their own -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
