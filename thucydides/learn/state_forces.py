"""How ACLED's coders read a state force named only as 'security forces' (a noun of `state_force_nouns` in
data/actors.yaml), per country, learned from the train split of ACLED's events.

    python -m thucydides.learn.state_forces [--acled ../shared/data/acled/events.csv] [--out FILE] [--choose]

The actors stage reads such a noun as the country's military; ACLED's coders read it as the military in some
countries and mostly as the police in others. Over the train notes of a country that hold such a noun and name no
other state force (no other military or police noun, no named state force), outside the protests and riots a
force stepped into (the events stage reads the police there), those coding the country's military
or its police as actor 1 or 2 (one of them, not both) are counted; a country's reading is kept where it takes
`min_share` of those rows and they number `min_support` (settings `state_force_learning`). `--choose` scores a grid
of both on held-out folds of train: a table learned on the other folds is applied to the fold's rows, each row
of a country read as the police scoring +1 where ACLED coded the police and -1 where it coded the military (a
country read as the military changes nothing: the noun already names it).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.actors.scan import NameScanner
from thucydides.knowledge import data_path
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.actors import ActorBase, actor_base
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.knowledge.splits import train_fold
from thucydides.knowledge.state_forces import COLUMNS, FILE, READINGS, StateForceReading, state_force_nouns
from thucydides.learn.actors import train_rows
from thucydides.learn.corpora import acled_parser, parse_acled_args
from thucydides.learn.tables import ThresholdGrid, print_choices, word_pattern, write_table

FORCE_KIND = "state_forces"
DEFAULT_READING = "military"
"""What the actors stage reads such a noun as without the table."""


@dataclass(frozen=True)
class ForceRow:
    """A train note naming a state force only by such a noun, and the force ACLED coded."""

    country: str
    """ISO alpha-2."""
    coded: str
    """'military' or 'police'."""
    fold: int


def _coded(row: Mapping[str, str]) -> str | None:
    """'military' or 'police' where ACLED coded the row's country's military or its police (not both)."""
    coded = {reading for reading, prefix in (("military", "Military Forces of "), ("police", "Police Forces of "))
             for name in (row.get("actor1", ""), row.get("actor2", ""))
             if name.startswith(prefix + row["country"])}
    return next(iter(coded)) if len(coded) == 1 else None


def force_rows(rows: Iterable[Mapping[str, str]], base: ActorBase, folds: int = 1) -> list[ForceRow]:
    """The notes naming a state force only by a noun of `state_force_nouns`, with the force ACLED coded; not
    those of a protest or riot a force stepped into (data/acled.yaml intervention_sub_events), where the events
    stage's own rule reads such a force as the police whatever the table says."""
    table = countries()
    only_so = _OnlySo.of(base)
    crowd = taxonomy().intervention_subs
    out = []
    for row in rows:
        decided = row.get("sub_event_type") in crowd
        code = table.code_of(row["country"]) if not decided and only_so.names(row["notes"]) else None
        coded = _coded(row) if code else None
        if code is None or coded is None:
            continue
        fold = train_fold(row["event_id_cnty"], folds)
        out.append(ForceRow(code, coded, fold))
    return out


@dataclass(frozen=True)
class _OnlySo:
    """Whether a note names a state force only by such a noun: it holds one, and no other military or police
    noun and no named state force."""

    base: ActorBase
    scanner: NameScanner
    ambiguous: re.Pattern[str]
    others: re.Pattern[str]

    @staticmethod
    def of(base: ActorBase) -> _OnlySo:
        nouns = state_force_nouns()
        others = word_pattern(n for kind in base.curated.generic if kind.key in READINGS for n in kind.nouns
                          if n.lower() not in nouns)
        return _OnlySo(base, NameScanner(base), word_pattern(nouns), others)

    def names(self, notes: str) -> bool:
        if not self.ambiguous.search(notes) or self.others.search(self.ambiguous.sub(" ", notes)):
            return False
        return not any(self.base.generic_key(h.actor) is None and self.base.kind(h.actor) == FORCE_KIND
                       for h in self.scanner.find(notes))


def learn(rows: Iterable[ForceRow], min_support: int, min_share: float) -> list[StateForceReading]:
    """Per country, the force ACLED coded most often, kept with the support and the share."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        counts[r.country][r.coded] += 1
    out = []
    for country, coded in sorted(counts.items()):
        total = sum(coded.values())
        reading, n = max(coded.items(), key=lambda rc: (rc[1], rc[0] == DEFAULT_READING))
        if total >= min_support and n / total >= min_share:
            out.append(StateForceReading(country, reading, total, round(n / total, 3)))
    return out


def held_out_gain(rows: Sequence[ForceRow], folds: int, min_support: int, min_share: float) -> tuple[int, int]:
    """(gain, rows changed) over held-out folds: +1 where a country read as the police is coded so, -1 where it
    is coded as the military."""
    gain = changed = 0
    for fold in range(folds):
        police = {r.country for r in learn((r for r in rows if r.fold != fold), min_support, min_share)
                  if r.reading != DEFAULT_READING}
        for r in rows:
            if r.fold == fold and r.country in police:
                changed += 1
                gain += 1 if r.coded != DEFAULT_READING else -1
    return gain, changed


def write(path: Path, learned: Sequence[StateForceReading]) -> None:
    write_table(path, COLUMNS, ([r.country, r.reading, r.support, r.share] for r in learned))


def main(argv: Sequence[str] | None = None) -> int:
    ap = acled_parser(__doc__, data_path(FILE))
    ap.add_argument("--choose", action="store_true", help="print the held-out gain of the thresholds' grid")
    a = parse_acled_args(ap, argv)
    settings = section("state_force_learning", ThresholdGrid)
    rows = force_rows(train_rows(a.acled), actor_base(), settings.folds)
    if a.choose:
        print_choices(rows, settings, held_out_gain)
    learned = learn(rows, settings.min_support, settings.min_share)
    write(a.out, learned)
    print(f"{len(rows)} train notes; {len(learned)} countries with a reading -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
