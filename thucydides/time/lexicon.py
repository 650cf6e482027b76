"""The time vocabulary (data/time.yaml) compiled into the regular expressions that find date phrases.

Everything language-specific lives in the YAML; this module only assembles patterns from it, once.
A handful of compiled regexes over a report cost far less than dateparser, which the stage never needs
for English news dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from thucydides import data


def _alt(words: object) -> str:
    """A regex alternation of literal words, longest first so "Sept" wins over "Sep"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _cased(names: dict[str, int]) -> dict[str, int]:
    """Names as capitalised and in capitals ("December", "DECEMBER"), never lower case."""
    out: dict[str, int] = {}
    for name, value in names.items():
        out[name] = value
        out[name.upper()] = value
    return out


@dataclass(frozen=True)
class Trigger:
    """Words without which no date shape can match: one cheap pass of word lookups over the text."""

    cased: frozenset[str]
    folded: frozenset[str]

    def positions(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in _WORD.finditer(text)
                if m.group()[0].isdigit() or m.group() in self.cased or m.group().lower() in self.folded]


_WORD = re.compile(r"[A-Za-z]+|\d+")


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]
    full_months: frozenset[str]
    weekdays: dict[str, int]
    period_parts: dict[str, str]
    halves: dict[str, int]
    week_ordinals: dict[str, int | str]
    seasons: dict[str, tuple[int, int]]
    numbers: dict[str, int]
    vague_default: str
    relative_days: dict[str, tuple[int, int]]
    lookback_words: tuple[str, ...]
    calendar_relatives: dict[str, int]
    units: dict[str, str]
    role_prefixes: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    role_prefix: re.Pattern[str]
    date_preposition: re.Pattern[str]
    range_connector: re.Pattern[str]
    between_before: re.Pattern[str]
    year_followers: frozenset[str]
    publication_cue: re.Pattern[str]
    trigger: Trigger
    onset_cue: re.Pattern[str]
    """Ends the words before a date that names when something began ("began in")."""
    since_word: re.Pattern[str]
    """The role prefixes that mean \"since\", as words anywhere (\"since the siege began in\")."""
    future_cue: re.Pattern[str]
    """Found in the words before a date that a report looks forward to ("scheduled for")."""

    def month(self, name: str) -> int:
        return self.months[name.rstrip(".")]

    def number(self, word: str | None) -> int | None:
        if word is None:
            return None
        key = re.sub(r"\s+", " ", word.lower())
        if key.isdigit():
            return int(key)
        return self.numbers.get(key)

    def part(self, phrase: str) -> str:
        return self.period_parts[re.sub(r"\s+", " ", phrase.lower()).strip(" -")]


def _numbers(raw: dict[str, Any]) -> dict[str, int]:
    numbers = {str(k): int(v) for k, v in (raw.get("number_words") or {}).items()}
    numbers.update({str(k): int(v) for k, v in (raw.get("vague_counts") or {}).items()})
    return numbers


def _patterns(raw: dict[str, Any], months: dict[str, int], weekdays: dict[str, int],
              numbers: dict[str, int]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Every date-phrase shape, named; all are tried and the longest non-overlapping matches kept."""
    abbreviations = {str(k).lower() for k in raw.get("month_abbreviations") or {}}

    full = _alt(name for name in months if name.lower() not in abbreviations)
    abbreviated = _alt(name for name in months if name.lower() in abbreviations)

    def month(group: str = "month") -> str:
        """A month name; only an abbreviation takes the full stop after it ("Dec.", never "December.")."""
        return rf"(?<![A-Za-z])(?P<{group}>(?:{full})(?![A-Za-z])|(?:{abbreviated})(?![A-Za-z])\.?)"

    def day(group: str) -> str:
        return rf"(?<![\d.,])(?P<{group}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d])"

    def year(group: str = "year") -> str:
        return rf"(?<![\d])(?<!\d[.,])(?P<{group}>(?:19|20)\d\d)(?![\dA-Za-z])(?![.,]\d)"

    weekday = rf"(?<![A-Za-z])(?P<weekday>{_alt(weekdays)})(?![A-Za-z])"
    part = rf"(?<![A-Za-z])(?i:(?P<part>{_alt(raw['period_parts'])}))(?:\s*-\s*|\s+)"
    dash = r"(?:-|–|—|(?i:to|and|until|till|through))"
    number = rf"(?:\d+|{_alt(numbers)})"
    units = _alt(raw["units"])
    day_parts = _alt(raw.get("day_parts") or [])
    comma_year = rf"(?:,?\s+{year()})?"
    shapes = {
        "iso": r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month_num>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?!\d)",
        "numeric": rf"(?<![\d./])(?P<a>\d{{1,2}})([/.])(?P<b>\d{{1,2}})\2{year()}",
        "dmy_range": rf"(?:{weekday},?\s+)?{day('day')}\s*{dash}\s*{day('day_to')}(?:\s+(?i:of))?\s+{month()}"
                     rf"{comma_year}",
        "mdy_range": rf"{month()}\s+{day('day')}\s*{dash}\s*{day('day_to')}{comma_year}",
        "dmy": rf"(?:{weekday},?\s+(?:(?i:the)\s+)?)?{day('day')}(?:\s+(?i:of))?\s+{month()}{comma_year}",
        "mdy": rf"(?:{weekday},?\s+)?{month()}\s+(?:(?i:the)\s+)?{day('day')}{comma_year}",
        "week_of": rf"(?<![A-Za-z])(?i:(?:the\s+)?(?P<nth>{_alt(raw['week_ordinals'])})\s+week\s+of)\s+{month()}"
                   rf"{comma_year}",
        "month": rf"(?:{part})?{month()}(?:,?\s+(?:(?i:of)\s+)?{year()})?",
        "half": rf"(?<![A-Za-z])(?i:(?:the\s+)?(?P<half>{_alt(raw['halves'])})\s+half\s+of)\s+{year()}",
        "season": rf"(?<![A-Za-z])(?i:(?:the\s+)?(?P<season>{_alt(raw['seasons'])})(?:\s+of)?)\s+{year()}",
        "year_range": rf"{year()}\s*(?:-|–|—|(?i:to|and|until|till|through))\s*{year('year_to')}",
        "year": rf"(?:{part})?{year()}",
        "weekday": rf"(?:(?<![A-Za-z])(?i:(?P<rel>last|this|past))\s+)?{weekday}(?:\s+(?i:{day_parts}))?",
        "relative_days": rf"(?<![A-Za-z])(?i:(?P<phrase>{_alt(raw['relative_days'])}))(?![A-Za-z])",
        "lookback": rf"(?<![A-Za-z])(?i:(?:(?:in|over|during|within|for)\s+(?:the\s+)?|the\s+)"
                    rf"(?P<look>{_alt(raw['lookback_words'])})\s+(?:(?P<n>{number})(?:\s*(?:-|–|to)\s*(?P<n_to>{number}))?\s+)?(?P<unit>{units}))(?![A-Za-z])"
                    # 'last year's vote' is the calendar year ('calendar'); 'the previous day's blasts' stays a window
                    r"(?!(?i:(?<=week)|(?<=month)|(?<=year))['’]s(?![A-Za-z]))",
        "ago": rf"(?<![A-Za-z\d])(?i:(?P<n>{number})\s+(?P<unit>{units})\s+ago)(?![A-Za-z])",
        "calendar": rf"(?<![A-Za-z])(?i:(?P<which>{_alt(raw['calendar_relatives'])})\s+(?P<unit>week|month|year))"
                    r"(?![A-Za-z])",
    }
    return tuple((name, re.compile(pattern)) for name, pattern in shapes.items())


def build(raw: dict[str, Any]) -> TimeLexicon:
    full = _cased(_ints(raw, "months"))
    months = {**_cased(_ints(raw, "month_abbreviations")), **full}
    weekdays = _cased(_ints(raw, "weekdays"))
    numbers = _numbers(raw)
    role_prefixes = _strs(raw, "role_prefixes")
    return TimeLexicon(
        months=months,
        full_months=frozenset(full),
        weekdays=weekdays,
        period_parts=_strs(raw, "period_parts"),
        halves=_ints(raw, "halves"),
        week_ordinals=dict(raw["week_ordinals"]),
        seasons=_pairs(raw, "seasons"),
        numbers=numbers,
        vague_default=str(raw.get("vague_default") or "few"),
        relative_days=_pairs(raw, "relative_days"),
        lookback_words=tuple(raw["lookback_words"]),
        calendar_relatives=_ints(raw, "calendar_relatives"),
        units=_strs(raw, "units"),
        role_prefixes=role_prefixes,
        patterns=_patterns(raw, months, weekdays, numbers),
        year_followers=frozenset(str(w) for w in _listed(raw, "year_followers", [])),
        trigger=_trigger(raw, months, weekdays),
        **_cues(raw, role_prefixes),
    )


def _table(raw: dict[str, Any], key: str) -> dict[str, Any]:
    return dict(raw.get(key) or {})


def _ints(raw: dict[str, Any], key: str) -> dict[str, int]:
    return {str(k): int(v) for k, v in _table(raw, key).items()}


def _strs(raw: dict[str, Any], key: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _table(raw, key).items()}


def _pairs(raw: dict[str, Any], key: str) -> dict[str, tuple[int, int]]:
    return {str(k): (int(v[0]), int(v[1])) for k, v in _table(raw, key).items()}


def _listed(raw: dict[str, Any], key: str, default: list[str]) -> list[str]:
    return [str(w) for w in raw.get(key) or default]


def _cues(raw: dict[str, Any], role_prefixes: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """The regexes of words around a date: role prefixes, prepositions, range connectors and cues."""
    onset = _alt(_listed(raw, "onset_cues", ["began"]))
    onset_prepositions = _alt(_listed(raw, "onset_prepositions", ["in"]))
    return {
        "role_prefix": re.compile(rf"(?<![A-Za-z])(?i:(?P<prefix>{_alt(role_prefixes)}))\s+$"),
        "date_preposition": re.compile(rf"(?<![A-Za-z])(?i:{_alt(raw['date_prepositions'])})[\s-]+$"),
        "range_connector": re.compile(rf"^\s*(?i:(?P<connector>{_alt(raw['range_connectors'])}))\s*$"),
        "between_before": re.compile(r"(?<![A-Za-z])(?i:between|from)\s+$"),
        "publication_cue": re.compile(rf"(?<![A-Za-z])(?i:{_alt(_listed(raw, 'publication_cues', ['published']))})"
                                      r"(?:\s+on)?\s*[:\-–—]?\s*$"),
        "onset_cue": re.compile(rf"(?<![A-Za-z])(?i:{onset})\s+(?:(?i:{onset_prepositions})\s+)?(?:(?i:the)\s+)?$"),
        "since_word": re.compile(rf"(?<![A-Za-z])(?i:{_alt(_since_words(role_prefixes))})(?![A-Za-z])"),
        "future_cue": re.compile(rf"(?<![A-Za-z])(?i:{_alt(_listed(raw, 'future_cues', ['will']))})(?![A-Za-z])"),
    }


def _since_words(role_prefixes: dict[str, str]) -> list[str]:
    """Prefixes meaning "since" that keep that sense before a clause ("from" does not: "from the town")."""
    return [word for word, role in role_prefixes.items() if role == "since" and word != "from"]


def _trigger(raw: dict[str, Any], months: dict[str, int], weekdays: dict[str, int]) -> Trigger:
    words: set[str] = {"ago", "half", "week", "weeks", *raw["units"], *raw["lookback_words"], *raw["seasons"]}
    words |= {str(w).split()[-1] for w in raw["relative_days"]}
    words |= {str(w).split()[-1] for w in raw["calendar_relatives"]}
    return Trigger(frozenset({*months, *weekdays}), frozenset(w.lower() for w in words))


@lru_cache(maxsize=1)
def lexicon() -> TimeLexicon:
    return build(data.load("time.yaml"))
