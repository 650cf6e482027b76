"""Reading figures from a sequence of words: digits, number words, vague quantities, ranges, hedges.

Works on plain lists of token texts so it is testable without spaCy; the claims stage hands it
the spaCy tokens' texts. The lexicons (number words, vague quantities, hedges) live in
`data/numbers.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from thucydides import data

# "11,350" / "3.000" (both thousands conventions), "1.5", "1700"; anything else ("1,2,3,4") is no number.
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_HYPHEN_RANGE = re.compile(r"^(\d[\d,.]*)[-–](\d[\d,.]*)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from words `start`..`end` (exclusive token indexes)."""

    low: float | None
    high: float | None
    qualifier: str
    start: int
    end: int


@dataclass(frozen=True)
class NumberLexicon:
    ones: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    fractions: dict[str, float]
    vague: dict[tuple[str, ...], tuple[int, int]]
    range_joiners: frozenset[str]
    hedges: dict[tuple[str, ...], str]
    fillers: tuple[tuple[str, ...], ...]
    max_value: float

    @classmethod
    def from_data(cls, raw: dict) -> NumberLexicon:
        hedges = {tuple(p.lower().split()): q for q, phrases in raw["hedges"].items() for p in phrases}
        return cls(
            ones=_ints(raw["ones"]),
            tens=_ints(raw["tens"]),
            scales=_ints(raw["scales"]),
            fractions={k.lower(): float(v) for k, v in dict(raw.get("fractions") or {}).items()},
            vague={tuple(k.lower().split()): (int(v[0]), int(v[1])) for k, v in raw["vague"].items()},
            range_joiners=frozenset(str(w) for w in raw["range_joiners"]),
            hedges=hedges,
            fillers=tuple(sorted((tuple(f.lower().split()) for f in raw["fillers"]), key=len, reverse=True)),
            max_value=float(raw.get("max_value", 1e8)),
        )

    def is_number_word(self, word: str) -> bool:
        w = word.lower()
        return w in self.ones or w in self.tens or w in self.scales or w in self.fractions


def _ints(table: dict) -> dict[str, int]:
    return {str(k).lower(): int(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    return NumberLexicon.from_data(data.load("numbers.yaml"))


def parse_digits(text: str) -> float | None:
    """The value of a digit string in either thousands convention, or None when it is not one number."""
    if _COMMA_THOUSANDS.match(text):
        return float(text.replace(",", ""))
    if _DOT_THOUSANDS.match(text):
        return float(text.replace(".", ""))
    if _PLAIN.match(text):
        return float(text)
    return None


def _word_value(words: Sequence[str], i: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """A number spelt in words starting at i ("twenty-seven", "two hundred and fifty", "a hundred",
    "half a million")."""
    w = words[i].lower() if i < len(words) else ""
    if w in ("a", "an") and i + 1 < len(words) and words[i + 1].lower() in lex.scales:
        return _apply_scales(1.0, words, i + 1, lex)
    if w in lex.tens:
        return _tens(words, i, lex)
    if "-" in w:
        return _hyphenated_word(words, i, lex)
    if w in lex.ones:
        return _apply_scales(float(lex.ones[w]), words, i + 1, lex)
    return _fraction(words, i, lex) if w in lex.fractions else None


def _hyphenated_word(words: Sequence[str], i: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """'twenty-seven' kept as one token."""
    head, _, tail = words[i].lower().partition("-")
    if head in lex.tens and tail in lex.ones:
        return _apply_scales(float(lex.tens[head] + lex.ones[tail]), words, i + 1, lex)
    return None


def _tens(words: Sequence[str], i: int, lex: NumberLexicon) -> tuple[float, int]:
    """'twenty', 'twenty - seven' (hyphen split off), with scales after."""
    value, j = float(lex.tens[words[i].lower()]), i + 1
    if j + 1 < len(words) and words[j] == "-" and words[j + 1].lower() in lex.ones:
        value, j = value + lex.ones[words[j + 1].lower()], j + 2
    return _apply_scales(value, words, j, lex)


def _fraction(words: Sequence[str], i: int, lex: NumberLexicon) -> tuple[float, int] | None:
    """'half a square kilometre' (0.5), 'half a million', 'half-a-million' (500000)."""
    rest = [w.lower() for w in words[i + 1:i + 5] if w != "-"]
    skipped = sum(1 for w in words[i + 1:i + 5] if w == "-")
    if not rest or rest[0] not in ("a", "an"):
        return None
    value = lex.fractions[words[i].lower()]
    if len(rest) > 1 and rest[1] in lex.scales:
        hyphens = min(skipped, 2)
        return value * lex.scales[rest[1]], i + 3 + hyphens
    return value, i + 2


def _apply_scales(value: float, words: Sequence[str], j: int, lex: NumberLexicon) -> tuple[float, int]:
    """Multiply by following scale words ("hundred", "thousand"), adding "and fifty"-like tails."""
    n = len(words)
    while j < n and words[j].lower() in lex.scales:
        value *= lex.scales[words[j].lower()]
        j += 1
        if j + 1 < n and words[j].lower() == "and" and words[j + 1].lower() in {**lex.ones, **lex.tens}:
            tail = _word_value(words, j + 1, lex)
            if tail and tail[0] < value:
                value, j = value + tail[0], tail[1]
    return value, j


def read_number(words: Sequence[str], i: int, lex: NumberLexicon | None = None) -> tuple[float, int] | None:
    """The number starting at word i and the index after it, digits or words, with scale words."""
    lex = lex or lexicon()
    if i >= len(words):
        return None
    value = parse_digits(words[i])
    if value is not None:
        return _apply_scales(value, words, i + 1, lex)
    return _word_value(words, i, lex)


def read_vague(words: Sequence[str], i: int, lex: NumberLexicon | None = None) -> tuple[int, int, int] | None:
    """A vague quantity ("dozens", "several hundred") at word i: (low, high, index after), longest phrase."""
    lex = lex or lexicon()
    lowered = [w.lower() for w in words[i:i + 4]]
    for size in (3, 2, 1):
        key = tuple(lowered[:size])
        if len(key) == size and key in lex.vague:
            low, high = lex.vague[key]
            return low, high, i + size
    return None


def _range_end(words: Sequence[str], j: int, low: float, lex: NumberLexicon) -> tuple[float, int] | None:
    """The upper figure of a range after a joiner at j ("to 3,000", "- 12"), when it is larger."""
    if j < len(words) and words[j].lower() in lex.range_joiners:
        upper = read_number(words, j + 1, lex)
        if upper and upper[0] > low:
            return upper
    return None


def read_quantity(words: Sequence[str], i: int, lex: NumberLexicon | None = None) -> Quantity | None:
    """The figure starting at word i (hedge not included): a number, a range or a vague quantity."""
    lex = lex or lexicon()
    if i >= len(words):
        return None
    vague = read_vague(words, i, lex)
    if vague:
        return Quantity(float(vague[0]), float(vague[1]), "vague", i, vague[2])
    if words[i].lower() == "between":
        return _between(words, i, lex)
    hyphenated = _HYPHEN_RANGE.match(words[i])
    if hyphenated:
        return _hyphen_range(hyphenated, i, lex)
    first = read_number(words, i, lex)
    if not first:
        return None
    value, j = first
    upper = _range_end(words, j, value, lex)
    if upper:
        return _checked(Quantity(value, upper[0], "range", i, upper[1]), lex)
    return _checked(Quantity(value, value, "exact", i, j), lex)


def _between(words: Sequence[str], i: int, lex: NumberLexicon) -> Quantity | None:
    """'between 10 and 12'."""
    first = read_number(words, i + 1, lex)
    if not first or first[1] >= len(words) or words[first[1]].lower() != "and":
        return None
    second = read_number(words, first[1] + 1, lex)
    if second and second[0] > first[0]:
        return _checked(Quantity(first[0], second[0], "range", i, second[1]), lex)
    return None


def _hyphen_range(m: re.Match[str], i: int, lex: NumberLexicon) -> Quantity | None:
    """'10-12' kept as one token."""
    a, b = parse_digits(m.group(1)), parse_digits(m.group(2))
    if a is not None and b is not None and b > a:
        return _checked(Quantity(a, b, "range", i, i + 1), lex)
    return None


def _checked(q: Quantity, lex: NumberLexicon) -> Quantity | None:
    """Drop absurd figures (beyond the lexicon's max_value)."""
    top = max(v for v in (q.low, q.high) if v is not None)
    return q if top <= lex.max_value else None


def read_hedge(words: Sequence[str], i: int, lex: NumberLexicon | None = None) -> tuple[str, int] | None:
    """The hedge ending right before word i ("no more than", "about"), skipping fillers ("only").

    Returns (qualifier, index where the hedge starts).
    """
    lex = lex or lexicon()
    lowered = [w.lower() for w in words[max(0, i - 6):i]]
    end = len(lowered)
    offset = i - end
    for filler in lex.fillers:  # "up to only 4": drop one filler right before the figure
        if end >= len(filler) and tuple(lowered[end - len(filler):end]) == filler:
            end -= len(filler)
            break
    for size in (4, 3, 2, 1):
        if end >= size and tuple(lowered[end - size:end]) in lex.hedges:
            return lex.hedges[tuple(lowered[end - size:end])], offset + end - size
    return None


def hedged(q: Quantity, qualifier: str | None) -> Quantity:
    """Apply a hedge to an exact figure: "over 950" -> [950, None], "up to 100" -> [None, 100]."""
    if qualifier is None or q.qualifier != "exact":
        return q
    value = q.low
    if qualifier == "at_least":
        return Quantity(value, None, "at_least", q.start, q.end)
    if qualifier == "at_most":
        return Quantity(None, value, "at_most", q.start, q.end)
    return Quantity(value, value, qualifier, q.start, q.end)
