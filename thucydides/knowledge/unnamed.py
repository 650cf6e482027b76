"""ACLED's unnamed actor 1 by country and event type where it is not the armed group (`data/actors/
unnamed_actor1.csv`, written by `python -m thucydides.learn.unnamed_actors` from ACLED's train split), and the
words that name such a family outright (`unnamed_cues` in `data/actors.yaml`), and the group a bare armed noun
most likely is by country (`data/actors/likely_groups.csv`, written by the same learner)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_learned_rows, read_yaml, strings

FILE = "actors/unnamed_actor1.csv"
CUES = "actors.yaml"
COLUMNS = ("country", "event_type", "family", "support", "share")
GROUPS_FILE = "actors/likely_groups.csv"
GROUP_COLUMNS = ("country", "noun", "group", "support", "share", "first_year", "last_year")


@dataclass(frozen=True)
class UnnamedActor:
    country: str
    """ISO alpha-2."""
    event_type: str
    family: str
    """ACLED's family name ('Unidentified Gang'), named for the country in an event ('Unidentified Gang (Brazil)')."""
    support: int
    share: float


@cache
def unnamed_actors() -> Mapping[tuple[str, str], str]:
    """(country, event type) -> the family of ACLED's actor 1 where a report names no perpetrator."""
    return {(r["country"], r["event_type"]): r["family"] for r in read_learned_rows(FILE, COLUMNS)}


@dataclass(frozen=True)
class LikelyGroup:
    """The armed group ACLED's coders most often name where a note of `country` says only `noun`."""

    country: str
    """ISO alpha-2."""
    noun: str
    """A bare armed noun, lower case ('militants')."""
    group: str
    """ACLED's name of the group ('Al Shabaab')."""
    support: int
    share: float
    first_year: int
    last_year: int
    """The years of the train rows coding the group: groups rise and fall ('militants' in Afghanistan were the
    Taliban until 2021), so the reading holds for reports of about those years."""

    def holds_in(self, year: int | None, margin: int) -> bool:
        """The reading holds for a report of `year`; an undated report takes none, since groups rise and fall
        and a reading learned from a few years' notes says nothing about another decade."""
        return year is not None and self.first_year - margin <= year <= self.last_year + margin


@cache
def likely_groups() -> Mapping[tuple[str, str], LikelyGroup]:
    """(country, bare armed noun) -> the group it most likely is there."""
    return {(r["country"], r["noun"]): LikelyGroup(r["country"], r["noun"], r["group"], int(r["support"]),
                                                   float(r["share"]), int(r["first_year"]), int(r["last_year"]))
            for r in read_learned_rows(GROUPS_FILE, GROUP_COLUMNS)}


@cache
def unnamed_modifiers(nouns: Iterable[str], bare: Iterable[str]) -> frozenset[str]:
    """Words that, just before a bare armed noun, say its group is unknown or of some unnamed family: those
    before a bare noun in the generic kind's longer nouns ('unknown militants'), and the words naming each
    unnamed family ACLED codes ('tribal' of Unidentified Tribal Militia, 'gang' of Unidentified Gang)."""
    bare_set = frozenset(bare)
    words = {w for n in nouns if n.split()[-1] in bare_set and len(n.split()) > 1 for w in n.split()[:-1]}
    families = {*unnamed_actors().values(), *(c.family for c in unnamed_cues())}
    common = {"unidentified", "armed", "group"}
    words |= {w.lower() for f in families for w in f.split()} - common
    return frozenset(words)


@dataclass(frozen=True)
class UnnamedCue:
    """Words that name an unnamed attacker's family outright ('gang members': Unidentified Gang)."""

    family: str
    words: re.Pattern[str]
    """Any of the words, whole, case folded."""


@cache
def unnamed_cues() -> tuple[UnnamedCue, ...]:
    """The families that words of a report name, in file order."""
    path = data_path(CUES)
    table = read_yaml(path).get("unnamed_cues") or {}
    if not isinstance(table, Mapping):
        raise KnowledgeError(f"{path}: 'unnamed_cues' must map families to lists of words")
    out = []
    for family in table:
        words = sorted(strings(table, str(family), f"{path}: unnamed_cues"), key=len, reverse=True)
        if words:
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in words) + r")\b")
            out.append(UnnamedCue(str(family), pattern))
    return tuple(out)
