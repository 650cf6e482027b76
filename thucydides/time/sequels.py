"""Phrases that count days from the day a report told last, not from its publication: "the next day", "two days
later", "a week earlier", "hours later". The time stage places phrases against the publication; these are placed
against the narrative's own last date by the events' `sequel` date step (events.when). Read from time.yaml
(`sequel_units`, `sequel_directions`, `sequel_vague`, `number_words`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from thucydides import data

_TAKES_WORDS = re.compile(r"\s+[\w\"'‘“]")


@dataclass(frozen=True)
class Sequel:
    """A phrase at characters `start`-`end` placing its day `low` to `high` days after the day told last (negative:
    before it)."""

    start: int
    end: int
    low: int
    high: int


@dataclass(frozen=True)
class SequelLexicon:
    pattern: re.Pattern[str]
    units: Mapping[str, tuple[int, int]]
    """Days in one unit, and the spread either side a count of it leaves."""
    directions: Mapping[str, int]
    vague: Mapping[str, tuple[int, int]]
    """Uncounted units ('days later'): the first and last day offsets."""
    numbers: Mapping[str, int]
    opening: re.Pattern[str]
    """What may come before a sequel that opens its sentence (`sequel_leads`)."""
    prepositions: frozenset[str] = frozenset()
    """Directions that, with words after them, count from what those words tell ('two days after the attack')."""

    def find(self, text: str) -> list[Sequel]:
        """Every sequel phrase of `text`, in order."""
        return [s for m in self.pattern.finditer(text) if (s := self._read(m)) is not None]

    def opening_sentence(self, sentence: str) -> Sequel | None:
        """The sequel opening `sentence` ("The next day, soldiers ..."), if one does."""
        found = self.find(sentence)
        return found[0] if found and self.opening.fullmatch(sentence[:found[0].start]) else None

    def _read(self, m: re.Match[str]) -> Sequel | None:
        direction = (m.group("dir") or m.group("dir2") or m.group("dir3")).lower()
        if direction in self.prepositions and _TAKES_WORDS.match(m.string, m.end()):
            return None
        sign = self.directions[direction]
        if m.group("vague"):
            low, high = self.vague[m.group("vague").lower()]
        else:
            days, spread = self.units[(m.group("unit") or m.group("unit2") or m.group("unit3")).lower()]
            count = self._count(m.group("count"))
            if count is None:
                return None
            low, high = count * days - spread, count * days + spread
        first, last = (low, high) if sign > 0 else (-high, -low)
        return Sequel(m.start(), m.end(), first, last)

    def _count(self, word: str | None) -> int | None:
        if word is None:
            return 1
        key = word.lower()
        return int(key) if key.isdigit() else self.numbers.get(key)


def build(raw: Mapping[str, Any]) -> SequelLexicon:
    units = {str(k).lower(): (int(v[0]), int(v[1])) for k, v in (raw.get("sequel_units") or {}).items()}
    directions = {str(k).lower(): int(v) for k, v in (raw.get("sequel_directions") or {}).items()}
    vague = {str(k).lower(): (int(v[0]), int(v[1])) for k, v in (raw.get("sequel_vague") or {}).items()}
    numbers = {"a": 1, "an": 1, **{str(k).lower(): int(v) for k, v in (raw.get("number_words") or {}).items()}}
    leads = [str(w) for w in raw.get("sequel_leads") or []]
    prepositions = [str(w) for w in raw.get("sequel_prepositions") or []]
    opening = re.compile(rf"\W*(?:(?i:{_alt(dict.fromkeys(leads))})\s+)*" if leads else r"\W*")
    return SequelLexicon(_pattern(units, directions, vague, numbers), units, directions, vague, numbers, opening,
                         frozenset(w.lower() for w in prepositions))


def _alt(words: Mapping[str, object]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _pattern(units: Mapping[str, tuple[int, int]], directions: Mapping[str, int],
             vague: Mapping[str, tuple[int, int]], numbers: Mapping[str, int]) -> re.Pattern[str]:
    """'the next day' / 'the following week' (a direction before the unit, after 'the'), 'two days later' / 'a
    week earlier' (a count, the unit, a direction after it), 'the day after' (not 'the day before yesterday'),
    'hours later' (an uncounted unit and a direction after it)."""
    before = {w: s for w, s in directions.items() if w in {"next", "following"}}
    after = {w: s for w, s in directions.items() if w not in before}
    unit, ahead, behind = _alt(units), _alt(before), _alt(after)
    return re.compile(
        rf"(?<![A-Za-z])(?i:"
        rf"the\s+(?P<dir>{ahead})\s+(?P<unit>{unit})"
        rf"|(?:(?P<count>\d+|{_alt(numbers)})\s+(?P<unit2>{unit})|(?P<vague>{_alt(vague)}))\s+(?P<dir2>{behind})"
        rf"|the\s+(?P<unit3>{unit})\s+(?P<dir3>{behind})(?!\s+(?:yesterday|tomorrow))"
        rf")(?![A-Za-z])")


@cache
def sequels() -> SequelLexicon:
    return build(data.load("time.yaml"))
