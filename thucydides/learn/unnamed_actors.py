"""Who ACLED names as actor 1 where a report names no perpetrator, by country and event type, learned from
the train split of ACLED's events.

    python -m thucydides.learn.unnamed_actors [--acled ../shared/data/acled/events.csv] [--out FILE]

ACLED codes an unnamed attacker as 'Unidentified Armed Group (X)' in most countries, but as 'Unidentified Gang
(Brazil)', 'Sole Perpetrator (United States)' or 'Unidentified Clan Militia (Somalia)' where its coders read
such attackers that way. For each country and violent event type, the family of the unnamed actor 1 most often
coded is kept where it is not the armed group and has support (settings `unnamed_actor_learning`).
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.knowledge import data_path
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.knowledge.unnamed import COLUMNS, FILE, UnnamedActor
from thucydides.learn.actors import DEFAULT_ACLED, train_rows

UNNAMED = re.compile(r"^(Unidentified [A-Za-z ]+?|Sole Perpetrator)\s*(?:\(|$| and/or)")
DEFAULT_FAMILY = "Unidentified Armed Group"
VIOLENT = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})


@dataclass(frozen=True)
class UnnamedSettings:
    """Settings section `unnamed_actor_learning`."""

    min_support: int
    """Rows of a country and event type whose actor 1 is unnamed."""
    min_share: float
    """Share of those rows the family must take."""


def learn(rows: Iterable[Mapping[str, str]], settings: UnnamedSettings) -> list[UnnamedActor]:
    table = countries()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        match = UNNAMED.match(row["actor1"])
        code = table.code_of(row["country"])
        if match and code and row["event_type"] in VIOLENT:
            counts[(code, row["event_type"])][match.group(1)] += 1
    out = []
    for (code, event_type), families in sorted(counts.items()):
        family, n = families.most_common(1)[0]
        total = sum(families.values())
        if family != DEFAULT_FAMILY and total >= settings.min_support and n / total >= settings.min_share:
            out.append(UnnamedActor(code, event_type, family, total, round(n / total, 3)))
    return out


def write(path: Path, learned: Sequence[UnnamedActor]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        for u in learned:
            writer.writerow([u.country, u.event_type, u.family, u.support, u.share])


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--acled", type=Path, default=DEFAULT_ACLED, help="ACLED events.csv (its train split is used)")
    ap.add_argument("--out", type=Path, default=data_path(FILE), help="the CSV file to write")
    a = ap.parse_args(argv)
    if not a.acled.is_file():
        ap.error(f"{a.acled}: no such file")
    learned = learn(train_rows(a.acled), section("unnamed_actor_learning", UnnamedSettings))
    write(a.out, learned)
    print(f"{len(learned)} countries and event types with an unnamed actor 1 of their own -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
