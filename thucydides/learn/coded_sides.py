"""The generic side ACLED's coders name as actor 2 for a country and sub-event type, learned from the train split
of ACLED's events.

    python -m thucydides.learn.coded_sides [--acled ../shared/data/acled/events.csv] [--out FILE]

A report often names who struck or rioted and not whom: 'warplanes struck a house in Gaza, killing one', 'a bomb
went off near the market'. ACLED's coders still name a side acted on, and in a country and sub-event type they
mostly name the same generic one (Palestine's air strikes: its civilians; Myanmar's remote explosives: its
civilians). For each country and sub-event type, the train rows (with or without an actor 2) are counted by the
generic kind of their actor 2 (the actor base's generic actors, named for the row's country: 'Civilians
(Palestine)', 'Police Forces of Kenya (2013-)'); the most frequent kind is kept where it takes `min_share` of
those rows and they number `min_support` (settings `coded_side_learning`). Rows with no actor 2 count against
every kind, so a sub-event type ACLED mostly codes one-sided keeps none.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from thucydides.knowledge import data_path
from thucydides.knowledge.actors import ActorBase, actor_base
from thucydides.knowledge.coded_sides import COLUMNS, FILE, CodedSide
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.learn.corpora import acled_parser, acled_split_rows, parse_acled_args
from thucydides.learn.tables import write_table


@dataclass(frozen=True)
class CodedSideSettings:
    """Settings section `coded_side_learning`."""

    min_support: int
    """Train rows of the country and sub-event type."""
    min_share: float
    """Share of them whose actor 2 the kind must take."""


def generic_kind(name: str, country: str, base: ActorBase) -> str | None:
    """The generic kind an ACLED actor name is of in `country` ('Police Forces of Kenya (2013-)' in KE: police)."""
    home = base.countries.get(country)
    if home is None or not name:
        return None
    return next((key for key, spec in base.generics.items() if name.startswith(spec.name_for(home))), None)


def learn(rows: Iterable[Mapping[str, str]], settings: CodedSideSettings,
          base: ActorBase | None = None) -> list[CodedSide]:
    base = base or actor_base()
    table = countries()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        code = table.code_of(row["country"])
        if code:
            kind = generic_kind(" ".join(row["actor2"].split()), code, base)
            counts[(code, row["sub_event_type"])][kind or ""] += 1
    out = []
    for (code, sub), kinds in sorted(counts.items()):
        total = sum(kinds.values())
        kind, n = max(((k, c) for k, c in kinds.items() if k), key=lambda kc: (kc[1], kc[0]), default=("", 0))
        if kind and total >= settings.min_support and n / total >= settings.min_share:
            out.append(CodedSide(code, sub, kind, total, round(n / total, 3)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    a = parse_acled_args(acled_parser(__doc__, data_path(FILE)), argv)
    rows = acled_split_rows(a.acled, "train", ("actor2", "country", "sub_event_type"))
    learned = learn(rows, section("coded_side_learning", CodedSideSettings))
    write_table(a.out, COLUMNS, ([s.country, s.sub_event_type, s.kind, s.support, s.share] for s in learned))
    print(f"{len(learned)} countries and sub-event types with a generic actor 2 -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
