"""The state force a government read as a side stands for, by role and sub-event type, learned from the train split
of ACLED's events.

    python -m thucydides.learn.state_side_forces [--acled ../shared/data/acled/events.csv] [--out FILE]

A report says 'the authorities arrested ...' or 'the government dispersed the protest'; ACLED's coders name the
force that acted (the police), almost never the government, in some sub-event types (arrests, protests met with
intervention) and the government itself in others (agreements, changes of activity). For each role (actor 1,
actor 2) and sub-event type, the train rows whose actor there is a state's government, police or military forces
are counted; where they number `min_support` and the government takes at most `max_government_share` of them, the
more frequent force is kept (settings `state_side_force_learning`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from thucydides.knowledge import data_path
from thucydides.knowledge.actors_state_sides import COLUMNS, FILE, StateSideForce
from thucydides.knowledge.settings import section
from thucydides.learn.corpora import acled_parser, acled_split_rows, parse_acled_args
from thucydides.learn.tables import write_table

STATE_PREFIXES = {"Government of ": "government", "Police Forces of ": "police", "Military Forces of ": "military"}
"""ACLED's names of a state's government and forces, by the generic kind they belong to."""
ROLES = ("actor1", "actor2")


@dataclass(frozen=True)
class StateSideSettings:
    """Settings section `state_side_force_learning`."""

    min_support: int
    """Train rows of the role and sub-event type whose actor is a state's government, police or military."""
    max_government_share: float
    """The largest share of them the government may take for a government read there to stand for a force."""


def _state_kind(name: str) -> str | None:
    return next((kind for prefix, kind in STATE_PREFIXES.items() if name.startswith(prefix)), None)


def learn(rows: Iterable[Mapping[str, str]], settings: StateSideSettings) -> list[StateSideForce]:
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        for role in ROLES:
            kind = _state_kind(row[role])
            if kind:
                counts[(role, row["sub_event_type"])][kind] += 1
    out = []
    for (role, sub), kinds in sorted(counts.items()):
        total = sum(kinds.values())
        force, n = max((kinds["police"], "police"), (kinds["military"], "military"))[::-1]
        share = kinds["government"] / total
        if total >= settings.min_support and share <= settings.max_government_share and n:
            out.append(StateSideForce(role, sub, force, total, round(share, 3), round(n / total, 3)))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    a = parse_acled_args(acled_parser(__doc__, data_path(FILE)), argv)
    learned = learn(acled_split_rows(a.acled, "train", ("sub_event_type", *ROLES)),
                    section("state_side_force_learning", StateSideSettings))
    write_table(a.out, COLUMNS, ([s.role, s.sub_event_type, s.force, s.support, s.government_share, s.force_share]
                                 for s in learned))
    print(f"{len(learned)} roles and sub-event types where a government stands for a force -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
