"""The main actor ACLED's coders name where a note names one of its members, learned from the train split of
ACLED's events, by the events' country and type.

    python -m thucydides.learn.umbrella_actors [--acled ../shared/data/acled/events.csv] [--out FILE]

ACLED names one actor per side and lists others on that side as associated actors: a member militia under its front
(Donbass People's Militia under the United Armed Forces of Novorossiya), a faction under a named operation, a
force stepping into another's operation. A report names the member; the system reads the member as the side; ACLED
codes the main actor. For each actor name, role (the side it is on), country and event type, the train rows naming
it as associated with that side and those naming it as that side's actor are counted, the associated rows by the
actor of the side (a party's supporters rioting are the rioters', its members attacked the civilians'). The
most frequent main actor is kept where the member is associated in at least `min_associated` rows, these are at
least `min_associated_share` of all the rows naming it, and the main actor takes `min_main_share` of the associated
rows (settings `umbrella_learning`). Chosen on 2,567 train notes held out of the count (30 per country,
`bench/eval.py`-style pipeline run): 10/0.8/0.8 fixes 8 actors and breaks none there (keyed without the role, 8
and none, but 6 wrong actors changed for others: parties attacked read as rioters).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from thucydides.knowledge import data_path
from thucydides.knowledge.actors_umbrella import COLUMNS, FILE, UmbrellaActor
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.learn.corpora import acled_parser, acled_split_rows, cell_names, parse_acled_args
from thucydides.learn.tables import write_table

SIDES = (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2"))
"""ACLED's actor of each side and the column listing the actors associated with it."""


@dataclass(frozen=True)
class UmbrellaSettings:
    """Settings section `umbrella_learning`."""

    min_associated: int
    """Train rows naming the member as an associated actor in the country and event type."""
    min_associated_share: float
    """Share of the rows naming the member at all that name it as associated (not as a side of its own)."""
    min_main_share: float
    """Share of the associated rows whose side is the main actor."""


def learn(rows: Iterable[Mapping[str, str]], settings: UmbrellaSettings) -> list[UmbrellaActor]:
    table = countries()
    named: Counter[tuple[str, str, str, str]] = Counter()
    mains: dict[tuple[str, str, str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        code = table.code_of(row["country"])
        if not code:
            continue
        for side, listed in SIDES:
            main = " ".join(row[side].split())
            if main:
                named[(main, side, code, row["event_type"])] += 1
            for member in cell_names(row[listed]):
                mains[(member, side, code, row["event_type"])][main] += 1
    out = []
    for key, counts in sorted(mains.items()):
        leader, n = counts.most_common(1)[0]
        associated, alone = sum(counts.values()), named[key]
        if leader and associated >= settings.min_associated and n / associated >= settings.min_main_share \
                and associated / (associated + alone) >= settings.min_associated_share:
            member, side, code, event_type = key
            out.append(UmbrellaActor(member, side, code, event_type, leader, associated, alone,
                                     round(n / associated, 3)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    a = parse_acled_args(acled_parser(__doc__, data_path(FILE)), argv)
    columns = ("country", "event_type", *(c for pair in SIDES for c in pair))
    learned = learn(acled_split_rows(a.acled, "train", columns), section("umbrella_learning", UmbrellaSettings))
    write_table(a.out, COLUMNS, ([u.member, u.role, u.country, u.event_type, u.main, u.associated, u.named, u.share]
                                 for u in learned))
    print(f"{len(learned)} members, roles, countries and event types with a main actor -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
