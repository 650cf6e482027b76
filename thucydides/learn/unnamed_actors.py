"""Who ACLED names as actor 1 where a report names no perpetrator, by country and event type, and which group
a bare armed noun ('militants') most likely is, by country and noun, learned from the train split of ACLED's
events.

    python -m thucydides.learn.unnamed_actors [--acled ../shared/data/acled/events.csv] [--out FILE]
        [--groups-out FILE] [--choose]

ACLED codes an unnamed attacker as 'Unidentified Armed Group (X)' in most countries, but as 'Unidentified Gang
(Brazil)', 'Sole Perpetrator (United States)' or 'Unidentified Clan Militia (Somalia)' where its coders read
such attackers that way. For each country and violent event type, the family of the unnamed actor 1 most often
coded is kept where it is not the armed group and has support (settings `unnamed_actor_learning`).

A bare armed noun (a generic kind's `refer_back` noun: 'militants', 'insurgents', 'jihadists') with no group
named near it is the country's unidentified armed group; ACLED's coders often know better. Over the train notes
that hold the noun and name at most one armed non-state group (so the noun is that group, or none), the
non-state armed actor ACLED coded as actor 1 or 2 is counted per (country, noun); a group is kept where it takes
`min_share` of those rows and the rows number `min_support` (settings `unnamed_group_learning`). `--choose`
scores a grid of both on held-out folds of train: a table learned on the other folds is applied to the fold's
notes that name no group at all (the case the table serves), each row scoring +1 where ACLED coded the learned
group and -1 where it coded the unidentified armed group the table replaces.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.actors.scan import NameScanner
from thucydides.knowledge import data_path
from thucydides.knowledge.actors import NON_STATE_ARMED_KINDS, ActorBase, actor_base
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.settings import section
from thucydides.knowledge.splits import train_fold
from thucydides.knowledge.unnamed import (
    COLUMNS,
    FILE,
    GROUP_COLUMNS,
    GROUPS_FILE,
    LikelyGroup,
    UnnamedActor,
    unnamed_cues,
)
from thucydides.learn.actors import train_rows
from thucydides.learn.corpora import acled_parser, parse_acled_args
from thucydides.learn.tables import ThresholdGrid, print_choices, word_pattern, write_table

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
    skip_cued: bool = True
    """Count only the notes that hold none of a family's own words (data/actors.yaml unnamed_cues): where a report
    says 'gang members', the cue names the family at run time, so the table serves only reports that say no such
    word, and ACLED's coders read those otherwise (Brazil's battles: Unidentified Gang 24 of 24 notes with a cue,
    the armed group 19 of 25 without)."""


def _cued(notes: str) -> bool:
    text = notes.lower()
    return any(cue.words.search(text) for cue in unnamed_cues())


def learn(rows: Iterable[Mapping[str, str]], settings: UnnamedSettings) -> list[UnnamedActor]:
    table = countries()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for row in rows:
        match = UNNAMED.match(row["actor1"])
        code = table.code_of(row["country"])
        if settings.skip_cued and _cued(row.get("notes", "")):
            continue
        if match and code and row["event_type"] in VIOLENT:
            counts[(code, row["event_type"])][match.group(1)] += 1
    out = []
    for (code, event_type), families in sorted(counts.items()):
        family, n = families.most_common(1)[0]
        total = sum(families.values())
        if family != DEFAULT_FAMILY and total >= settings.min_support and n / total >= settings.min_share:
            out.append(UnnamedActor(code, event_type, family, total, round(n / total, 3)))
    return out


@dataclass(frozen=True)
class NounRow:
    """One (train note, bare armed noun in it): what the learner counts."""

    country: str
    noun: str
    coded: str | None
    """The one non-state armed actor ACLED coded as actor 1 or 2 (its ACLED name); None with none or several."""
    unidentified: bool
    """That actor is the country's unidentified armed group (what the table would replace)."""
    named: int
    """Named (not generic) armed non-state groups the note names."""
    fold: int
    year: int = 0
    """The event's year (0: not told)."""


def noun_rows(rows: Iterable[Mapping[str, str]], base: ActorBase, folds: int = 1) -> list[NounRow]:
    """Every bare armed noun of every note (a longer noun of the armed group, 'unknown militants', hides the
    bare one inside it) with what ACLED coded and how many groups the note names."""
    table = countries()
    scanner = NameScanner(base)
    bare = frozenset(n for kind in base.curated.generic for n in kind.refer_back)
    pattern = _armed_nouns(base)
    out: list[NounRow] = []
    for row in rows:
        code = table.code_of(row["country"])
        found = {m.group(0).lower() for m in pattern.finditer(row["notes"])} & bare if code else set()
        if not code or not found:
            continue
        named = {h.actor for h in scanner.find(row["notes"]) if _named_group(base, h.actor)}
        one = _coded_group(base, row)
        fold = train_fold(row["event_id_cnty"], folds)
        year = int(row["year"]) if row.get("year", "").isdigit() else 0
        out.extend(NounRow(code, noun, one, one is not None and _unidentified(base, one), len(named), fold, year)
                   for noun in sorted(found))
    return out


def _coded_group(base: ActorBase, row: Mapping[str, str]) -> str | None:
    """The one non-state armed actor ACLED coded as actor 1 or 2 (None with none or several)."""
    coded = [n for n in (row["actor1"], row["actor2"]) if n and _armed(base, n)]
    return coded[0] if len(coded) == 1 else None


def _armed_nouns(base: ActorBase) -> re.Pattern[str]:
    """Every noun of a generic kind with bare nouns, longest first, so 'unknown militants' is found whole."""
    return word_pattern(n for kind in base.curated.generic if kind.refer_back for n in (*kind.nouns, *kind.refer_back))


def _named_group(base: ActorBase, actor_id: str) -> bool:
    return base.generic_key(actor_id) is None and base.kind(actor_id) in NON_STATE_ARMED_KINDS


def _armed(base: ActorBase, name: str) -> bool:
    actor = base.lookup(name)
    return actor is not None and actor.kind in NON_STATE_ARMED_KINDS


def _unidentified(base: ActorBase, name: str) -> bool:
    actor = base.lookup(name)
    return actor is not None and base.generic_key(actor.id) == "armed_group"


def learn_groups(rows: Iterable[NounRow], min_support: int, min_share: float) -> list[LikelyGroup]:
    """Per (country, noun), the group ACLED coded most often where the note names at most one armed group, kept
    where it is no unidentified group and has the share and the support."""
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    years: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for r in rows:
        if r.named <= 1:
            counts[(r.country, r.noun)][r.coded or ""] += 1
            years[(r.country, r.noun, r.coded or "")].add(r.year)
    out = []
    for (country, noun), groups in sorted(counts.items()):
        total = sum(groups.values())
        group, n = max(((g, c) for g, c in groups.items() if g), key=lambda gc: (gc[1], gc[0]), default=("", 0))
        if group and not UNNAMED.match(group) and total >= min_support and n / total >= min_share:
            span = years[(country, noun, group)]
            out.append(LikelyGroup(country, noun, group, total, round(n / total, 3), min(span), max(span)))
    return out


def held_out_gain(rows: Sequence[NounRow], folds: int, min_support: int, min_share: float) -> tuple[int, int]:
    """(gain, rows changed) over held-out folds: each fold's notes that name no group, read by the table learned
    on the other folds; +1 where ACLED coded the learned group, -1 where it coded the unidentified armed group."""
    gain = changed = 0
    for fold in range(folds):
        table = {(g.country, g.noun): g.group for g in
                 learn_groups((r for r in rows if r.fold != fold), min_support, min_share)}
        for r in rows:
            group = table.get((r.country, r.noun)) if r.fold == fold and r.named == 0 else None
            if group is not None:
                changed += 1
                gain += (r.coded == group) - r.unidentified
    return gain, changed


def write(path: Path, learned: Sequence[UnnamedActor]) -> None:
    write_table(path, COLUMNS, ([u.country, u.event_type, u.family, u.support, u.share] for u in learned))


def write_groups(path: Path, learned: Sequence[LikelyGroup]) -> None:
    write_table(path, GROUP_COLUMNS, ([g.country, g.noun, g.group, g.support, g.share, g.first_year, g.last_year]
                                      for g in learned))


def main(argv: Sequence[str] | None = None) -> int:
    ap = acled_parser(__doc__, data_path(FILE))
    ap.add_argument("--groups-out", type=Path, default=data_path(GROUPS_FILE),
                    help="the CSV file of likely groups to write")
    ap.add_argument("--choose", action="store_true", help="print the held-out gain of the thresholds' grid")
    a = parse_acled_args(ap, argv)
    learned = learn(train_rows(a.acled), section("unnamed_actor_learning", UnnamedSettings))
    write(a.out, learned)
    print(f"{len(learned)} countries and event types with an unnamed actor 1 of their own -> {a.out}")
    settings = section("unnamed_group_learning", ThresholdGrid)
    rows = noun_rows(train_rows(a.acled), actor_base(), settings.folds)
    if a.choose:
        print_choices(rows, settings, held_out_gain)
    groups = learn_groups(rows, settings.min_support, settings.min_share)
    write_groups(a.groups_out, groups)
    print(f"{len(groups)} countries and bare armed nouns with a likely group -> {a.groups_out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
