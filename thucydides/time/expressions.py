"""Date and period phrases found in text and normalised to intervals with ACLED precision.

Three steps, each a small pure function: `scan` reads phrase shapes (regexes built from data/time.yaml)
into candidates; `_join_ranges` joins "late October to early November 2018"; `_express` settles years
and relative phrases against the anchor (the publication date) and gives the phrase its role from the
word before it ("since", "until", "as of"). A phrase that cannot be placed, or names an impossible date,
yields nothing: the stage never invents a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal, cast

from thucydides.model import Interval, TimeExpression, TimeRole
from thucydides.time import ranges
from thucydides.time.lexicon import TimeLexicon, lexicon
from thucydides.time.ranges import DayRange
from thucydides.time.settings import time_settings

Role = TimeRole


@dataclass(frozen=True)
class DateParts:
    """An absolute date phrase as read, before its year is settled."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_to: int | None = None
    part: str | None = None
    week: int | str | None = None
    half: int | None = None
    season: tuple[int, int] | None = None
    weekday: int | None = None
    year_to: int | None = None


@dataclass(frozen=True)
class Relative:
    """A phrase placed only by counting from publication ("yesterday", "in the past 10 days")."""

    kind: Literal["days", "weekday", "lookback", "ago", "calendar"]
    low: int = 0
    high: int = 0
    count: int = 1
    unit: str = "day"
    weekday: int = 0
    strictly_before: bool = False


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    parts: DateParts | None = None
    relative: Relative | None = None
    until: DateParts | None = None
    """The far end of a range ("... to early November 2018")."""
    needs_partner: bool = False
    """A bare month or year after "to"/"and": a date only as the end of a range."""
    role: Role = "point"


@dataclass(frozen=True)
class Settled:
    first: date
    last: date
    inferred: bool = False


# --- scanning -------------------------------------------------------------------------------------------


def scan(text: str, lex: TimeLexicon | None = None) -> list[Candidate]:
    """Every date phrase shape in `text`, longest first where shapes overlap."""
    lex = lex or lexicon()
    found = [c for lo, hi in _windows(text, lex) for name, pattern in lex.patterns
             for m in pattern.finditer(text, lo, hi) if (c := _read(name, m, text, lex)) is not None]
    found.sort(key=lambda c: (c.start, c.start - c.end))
    kept: list[Candidate] = []
    for cand in found:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


WINDOW_MARGIN = time_settings().window_margin
"""Characters on either side of a trigger word that a date phrase may reach ("the first week of " ...)."""


def _windows(text: str, lex: TimeLexicon) -> list[tuple[int, int]]:
    """Stretches of text around trigger words (digits, month and weekday names, "ago", "past" ...).

    The shape regexes run only there: most of a report holds no date, and this pre-filter is what keeps
    the stage cheap next to spaCy.
    """
    windows: list[tuple[int, int]] = []
    for start, end in lex.trigger.positions(text):
        lo, hi = max(0, start - WINDOW_MARGIN), min(len(text), end + WINDOW_MARGIN)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _group(m: re.Match[str], name: str) -> str | None:
    return m.groupdict().get(name)


def _int(m: re.Match[str], name: str) -> int | None:
    value = _group(m, name)
    return int(value) if value else None


def _read(name: str, m: re.Match[str], text: str, lex: TimeLexicon) -> Candidate | None:
    """One regex match read into a candidate, or None when the shape is not a date here."""
    start, end = m.span()
    if name in ("relative_days", "lookback", "ago", "calendar", "weekday"):
        relative = _read_relative(name, m, lex)
        role: Role = "during" if name == "lookback" else "point"
        return Candidate(start, end, relative=relative, role=role) if relative else None
    parts = _read_parts(name, m, lex)
    if parts is None:
        return None
    role = "during" if parts.day_to is not None or parts.year_to is not None else "point"
    cand = Candidate(start, end, parts=parts, role=role)
    return _read_bare(m, text, lex, cand, name) if _bare(name, parts) else cand


def _bare(name: str, parts: DateParts) -> bool:
    """A month or year alone ("May", "2011"), which is a date only after a preposition."""
    if name not in ("month", "year", "year_range") or parts.part is not None:
        return False
    return not (name == "month" and parts.year)


def _read_bare(m: re.Match[str], text: str, lex: TimeLexicon, cand: Candidate, name: str) -> Candidate | None:
    """A month or year standing alone is a date only after a preposition ("in May", "since 2011")."""
    if name == "month" and m.group("month").rstrip(".") not in lex.full_months:
        return None
    if name in ("year", "year_range") and not _year_followed_plausibly(text, cand.end, lex):
        return None
    before = text[max(0, cand.start - 24):cand.start]
    if lex.date_preposition.search(before):
        return cand
    connector = re.search(r"(?<![A-Za-z])(?:to|and|until|till|through)\s+$|[-–—]\s*$", before, flags=re.I)
    return replace(cand, needs_partner=True) if connector and name != "year_range" else None


def _year_followed_plausibly(text: str, end: int, lex: TimeLexicon) -> bool:
    """ "in 2018, the ..." is a year; "in 2000 attacks" or "2000-strong" counts things."""
    after = text[end:end + 24]
    if re.match(r"-[A-Za-z]|%|\s*(?:per\s?cent|km|m\b)", after):
        return False
    word = re.match(r"\s+([a-z][a-z-]*)", after)
    return word is None or word.group(1) in lex.year_followers


def _read_parts(name: str, m: re.Match[str], lex: TimeLexicon) -> DateParts | None:
    weekday = _group(m, "weekday")
    part = _group(m, "part")
    parts = DateParts(
        year=_int(m, "year"),
        month=lex.month(month) if (month := _group(m, "month")) else _int(m, "month_num"),
        day=_int(m, "day"),
        day_to=_int(m, "day_to"),
        part=lex.part(part) if part else None,
        weekday=lex.weekdays[weekday] if weekday else None,
        year_to=_int(m, "year_to"),
    )
    if name == "numeric":
        return _read_numeric(m, parts)
    if name == "week_of":
        return replace(parts, week=lex.week_ordinals[m.group("nth").lower()])
    if name == "half":
        return replace(parts, half=lex.halves[m.group("half").lower()])
    if name == "season":
        return replace(parts, season=lex.seasons[m.group("season").lower()])
    return parts


def _read_numeric(m: re.Match[str], parts: DateParts) -> DateParts | None:
    """ "14/12/2018" or "12/14/2018": read only when one number cannot be a month."""
    a, b = int(m.group("a")), int(m.group("b"))
    if a > 12 >= b or a == b:
        return replace(parts, day=a, month=b)
    if b > 12 >= a:
        return replace(parts, day=b, month=a)
    return None


def _read_relative(name: str, m: re.Match[str], lex: TimeLexicon) -> Relative | None:
    if name == "relative_days":
        low, high = lex.relative_days[re.sub(r"\s+", " ", m.group("phrase").lower())]
        return Relative("days", low=low, high=high)
    if name == "weekday":
        rel = (_group(m, "rel") or "").lower()
        return Relative("weekday", weekday=lex.weekdays[m.group("weekday")], strictly_before=rel in ("last", "past"))
    unit_word = m.group("unit").lower()
    unit = lex.units[unit_word]
    if name == "calendar":
        which = re.sub(r"\s+", " ", m.group("which").lower())
        return Relative("calendar", low=lex.calendar_relatives[which], unit=unit)
    counts = [n for n in (lex.number(_group(m, "n")), lex.number(_group(m, "n_to"))) if n is not None]
    if not counts:
        counts = [1 if not unit_word.endswith("s") else lex.numbers[lex.vague_default]]
    return Relative("lookback" if name == "lookback" else "ago", count=max(counts), unit=unit)


# --- ranges ---------------------------------------------------------------------------------------------


def _join_ranges(text: str, cands: list[Candidate], lex: TimeLexicon) -> list[Candidate]:
    """ "from September to December 2018", "between 2011 and 2014": two dates become one range."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and _joinable(text, prev, cand, lex):
            out[-1] = Candidate(prev.start, cand.end, parts=prev.parts, until=cand.parts, role="during")
            continue
        out.append(cand)
    return [c for c in out if not c.needs_partner]


def _joinable(text: str, first: Candidate, second: Candidate, lex: TimeLexicon) -> bool:
    if first.parts is None or second.parts is None or first.until is not None or first.needs_partner:
        return False
    joint = lex.range_connector.match(text[first.end:second.start])
    if joint is None:
        return False
    if joint.group("connector").lower() == "and":
        return bool(lex.between_before.search(text[max(0, first.start - 12):first.start]))
    return True


def _share_year(first: DateParts, last: DateParts) -> tuple[DateParts, DateParts]:
    """ "late October to early November 2018": the end's year carries back (a year earlier across New Year)."""
    start, end = first.month, last.month
    if start is None or end is None:
        return first, last
    if first.year is None and last.year is not None:
        first = replace(first, year=last.year - 1 if start > end else last.year)
    elif last.year is None and first.year is not None:
        last = replace(last, year=first.year + 1 if end < start else first.year)
    return first, last


# --- settling dates -------------------------------------------------------------------------------------


NEAR_FUTURE_DAYS = time_settings().near_future_days
"""A year-less day this soon after a known publication date is an upcoming one ("a convoy is planned for
8 March" in a report of 6 March), not the same day a year before: writers drop the year only for dates
near publication."""

MAX_RELATIVE_ANCHOR_DAYS = time_settings().max_relative_anchor_days
"""Relative phrases ("Tuesday", "yesterday") are placed only against an anchor at most this wide. An
inferred publication interval is at most about two months wide (publication.py); a wider anchor (a
publication known only to its year) would turn "Tuesday" into a quarter or more, which dates nothing."""

WEEKDAY_REACH_YEARS = time_settings().weekday_reach_years
"""Years back from today a weekday alone may place a date in a text naming no year (see TimeSettings)."""

MAX_CONTEXT_DAYS = time_settings().max_context_days
"""Only dates precise to a month or better say which year a report is about ("in June 2017" does, "the
war began in 2011" does not)."""


@dataclass(frozen=True)
class YearGuess:
    """With no publication date at all: the year the report is about, and the day it cannot be before.

    A year-less day is read in the latest year named in a date precise to a month or better, and only if
    it then falls on or after the start of every "since ..." phrase (what is still going on started
    before publication; a year-less day is one near publication). Otherwise it is left undated.
    """

    year: int
    floor: date | None = None


@dataclass(frozen=True)
class Context:
    anchor: Interval | None
    today: date
    context_year: int | None
    lex: TimeLexicon
    guess: YearGuess | None = None
    floor_year: int | None = None
    """The latest year the text names at all: a report is not written before what it narrates."""

    @property
    def horizon(self) -> date:
        """No date after this is believed: the anchor's end, or today without one."""
        return self.anchor.end if self.anchor and self.anchor.end else self.today


def _settle_year(parts: DateParts, ctx: Context, role: Role = "point") -> tuple[int, bool] | None:
    """The year of a year-less date: from its weekday, else the latest one the anchor allows."""
    if parts.year is not None:
        return parts.year, False
    if parts.month is None:
        return None
    year = _year_from_weekday(parts, ctx) if parts.weekday is not None and parts.day is not None else None
    if year is not None:
        return year, ctx.anchor is None or ctx.anchor.inferred
    if ctx.anchor is None or ctx.anchor.end is None:
        return _guessed_year(parts, ctx)
    return _year_before_anchor(parts, ctx.anchor, role), ctx.anchor.inferred


def _guessed_year(parts: DateParts, ctx: Context) -> tuple[int, bool] | None:
    """Without an anchor: the year the report is about, never for a weekday that did not fit it."""
    return (ctx.guess.year, True) if ctx.guess is not None and parts.weekday is None else None


def _year_before_anchor(parts: DateParts, anchor: Interval, role: Role) -> int:
    """The latest year that keeps the date on or before the anchor's end (the latest possible publication).

    Against a known publication day (not inferred), a day or part of a month in the anchor's own or next
    year falling within NEAR_FUTURE_DAYS after it is an upcoming date; a "since" phrase never is.
    """
    end = cast(date, anchor.end)
    late = end + timedelta(days=NEAR_FUTURE_DAYS) if not anchor.inferred and role != "since" else end
    for year in (end.year + 1, end.year):
        days = _day_range(parts, year)
        if days is not None and days[0] <= late and (days[0] <= end or parts.day is not None or parts.part):
            return year
    return end.year - 1


def _year_from_weekday(parts: DateParts, ctx: Context) -> int | None:
    """ "Friday, December 14": the nearest year, not after the horizon, where that day is a Friday."""
    spread: tuple[int, ...]
    if ctx.anchor:
        reference, spread = ctx.horizon.year, (0, -1)
    elif ctx.context_year:
        reference, spread = ctx.context_year, (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6)
    else:
        reference, spread = ctx.today.year, tuple(range(0, -WEEKDAY_REACH_YEARS - 1, -1))
    for offset in spread:
        if ctx.floor_year is not None and reference + offset < ctx.floor_year:
            continue
        day = ranges.safe_date(reference + offset, cast(int, parts.month), cast(int, parts.day))
        if day is not None and day <= ctx.horizon and day.weekday() == parts.weekday:
            return day.year
    return None


def _day_range(parts: DateParts, year: int) -> DayRange | None:
    """The days an absolute phrase covers in `year`, or None when no such days exist."""
    if parts.month is None:
        return _year_range(parts, year)
    if parts.day is not None:
        first = ranges.safe_date(year, parts.month, parts.day)
        last = ranges.safe_date(year, parts.month, parts.day_to or parts.day)
        return (first, last) if first and last and first <= last else None
    if parts.week is not None:
        return ranges.week_of_month(year, parts.month, parts.week)
    if parts.part is not None:
        return ranges.third_of_month(year, parts.month, parts.part)
    return ranges.month_range(year, parts.month)


def _year_range(parts: DateParts, year: int) -> DayRange | None:
    if parts.season is not None:
        first_month, last_month = parts.season
        return ranges.months_range(year - 1 if last_month < first_month else year, first_month, last_month)
    if parts.half is not None:
        return ranges.half_of_year(year, parts.half)
    if parts.part is not None:
        return ranges.third_of_year(year, parts.part)
    last_year = parts.year_to or year
    if last_year < year or not ranges.plausible_year(last_year):
        return None
    return date(year, 1, 1), date(last_year, 12, 31)


def _settle_parts(parts: DateParts, ctx: Context, role: Role = "point") -> Settled | None:
    settled = _settle_year(parts, ctx, role)
    if settled is None or not _believable_year(parts, settled[0], ctx):
        return None
    year, inferred = settled
    days = _day_range(parts, year)
    if days is None or (ctx.anchor is None and parts.year is None and not _fits_guess(days, ctx)):
        return None
    return Settled(days[0], days[1], inferred)


def _believable_year(parts: DateParts, year: int, ctx: Context) -> bool:
    """A plausible year, and no year written out that lies after the horizon."""
    if not ranges.plausible_year(year) or (parts.year_to or 0) > ctx.horizon.year:
        return False
    return parts.year is None or year <= ctx.horizon.year


def _fits_guess(days: DayRange, ctx: Context) -> bool:
    """A year-less date read without an anchor must lie between the guess's floor and today."""
    floor = ctx.guess.floor if ctx.guess else None
    return days[1] <= ctx.today and (floor is None or days[0] >= floor)


def _settle_relative(rel: Relative, ctx: Context) -> Settled | None:
    """Counted from the anchor; an anchor that is a range of days gives a range as wide (or none if too wide)."""
    if ctx.anchor is None or ctx.anchor.end is None:
        return None
    early, late = ctx.anchor.start or ctx.anchor.end, ctx.anchor.end
    if (late - early).days + 1 > MAX_RELATIVE_ANCHOR_DAYS:
        return None
    first, _ = _relative_days(rel, early)
    _, last = _relative_days(rel, late)
    return Settled(first, last, ctx.anchor.inferred) if first <= last else None


def _relative_days(rel: Relative, day: date) -> DayRange:
    if rel.kind == "days":
        return day + timedelta(days=rel.low), day + timedelta(days=rel.high)
    if rel.kind == "weekday":
        found = ranges.weekday_on_or_before(day, rel.weekday, rel.strictly_before)
        return found, found
    if rel.kind == "lookback":
        return _back(day, rel.count, rel.unit), day
    if rel.kind == "ago":
        return _ago(day, rel.count, rel.unit)
    return _calendar(day, rel.low, rel.unit)


def _back(day: date, count: int, unit: str) -> date:
    """The first day of a window of `count` units ending on `day` (hours round down to whole days)."""
    if unit == "hour":
        return day - timedelta(days=count // 24)
    if unit == "week":
        return day - timedelta(weeks=count)
    if unit == "month":
        return ranges.add_months(day, -count)
    if unit == "year":
        return ranges.add_months(day, -12 * count)
    return day - timedelta(days=count)


def _ago(day: date, count: int, unit: str) -> DayRange:
    """ "3 days ago" is a day; "two weeks ago" the week around it; "a month ago" that month."""
    if unit == "week":
        centre = day - timedelta(weeks=count)
        return centre - timedelta(days=3), centre + timedelta(days=3)
    if unit == "month":
        return ranges.month_range(*ranges.shift_month(day.year, day.month, -count))
    if unit == "year":
        return date(day.year - count, 1, 1), date(day.year - count, 12, 31)
    if unit == "hour":
        return day - timedelta(days=-(-count // 24)), day
    back = day - timedelta(days=count)
    return back, back


def _calendar(day: date, offset: int, unit: str) -> DayRange:
    """ "last week" is the whole previous week; "this month" runs from its first day to the anchor."""
    if unit == "week":
        first, last = ranges.week_range(day, offset)
    elif unit == "month":
        first, last = ranges.month_range(*ranges.shift_month(day.year, day.month, offset))
    else:
        first, last = date(day.year + offset, 1, 1), date(day.year + offset, 12, 31)
    return first, min(last, day)


def _settle(cand: Candidate, ctx: Context, role: Role = "point") -> Settled | None:
    if cand.relative is not None:
        return _settle_relative(cand.relative, ctx)
    if cand.parts is None:
        return None
    if cand.until is None:
        return _settle_parts(cand.parts, ctx, role)
    first_parts, last_parts = _share_year(cand.parts, cand.until)
    first, last = _settle_parts(first_parts, ctx, role), _settle_parts(last_parts, ctx, role)
    if first is None or last is None or first.first > last.last:
        return None
    return Settled(first.first, last.last, first.inferred or last.inferred)


# --- expressions ----------------------------------------------------------------------------------------


def _role_prefix(text: str, cand: Candidate, lex: TimeLexicon) -> tuple[int, Role]:
    """Where the phrase starts once a role word before it is included, and the role that word gives."""
    window_start = max(0, cand.start - 24)
    m = lex.role_prefix.search(text[window_start:cand.start])
    if m is None:
        return cand.start, "since" if cand.until is None and _since_onset(text, cand, lex) else cand.role
    role = cast(Role, lex.role_prefixes[re.sub(r"\s+", " ", m.group("prefix").lower())])
    if cand.until is not None or (cand.role == "during" and role in ("point", "since")):
        role = "during"
    return window_start + m.start(), role


SINCE_ONSET_REACH = time_settings().since_onset_reach
"""Characters before a date searched for "since the siege began in" (a since-phrase over a clause)."""
SINCE_ONSET_GAP = time_settings().since_onset_gap
"""At most this many characters (no comma, no number) between "since" and the onset verb."""


def _since_onset(text: str, cand: Candidate, lex: TimeLexicon) -> bool:
    """ "displaced since the operation began in October 2016": the onset date bounds a period from below."""
    window = text[max(0, cand.start - SINCE_ONSET_REACH):cand.start]
    window = window[max((m.end() for m in re.finditer(r"[.;:!?\n]", window)), default=0):]
    onset = lex.onset_cue.search(window)
    if onset is None:
        return False
    since = [m for m in lex.since_word.finditer(window, 0, onset.start())]
    gap = window[since[-1].end():onset.start()] if since else ","
    return len(gap) <= SINCE_ONSET_GAP and not re.search(r"[,\d]|^\s*(?i:then|that)\b", gap)


def _expression(text: str, cand: Candidate, settled: Settled, start: int, role: Role) -> TimeExpression:
    precision = ranges.precision_of(settled.first, settled.last)
    span = Interval(
        settled.first if role != "until" else None,
        settled.last if role != "since" else None,
        inferred=settled.inferred,
    )
    return TimeExpression(start, cand.end, text[start:cand.end], span, precision, role)


def _named_years(cands: list[Candidate]) -> Iterator[int]:
    for cand in cands:
        for parts in (cand.parts, cand.until):
            if parts is not None and parts.year is not None:
                yield parts.year


def _explicit_years(cands: list[Candidate]) -> Iterator[int]:
    """Years of dates precise to a month or better: a year alone ("the revolution in 2011") is background and
    says nothing of when the report was written."""
    for cand in cands:
        for parts in (cand.parts, cand.until):
            if parts is not None and parts.year is not None and parts.month is not None:
                yield parts.year


def find_time_expressions(text: str, anchor: Interval | None, today: date | None = None,
                          guess_years: bool = True) -> list[TimeExpression]:
    """Every date or period phrase in `text` that can be placed, anchored on publication (`anchor`).

    Without an anchor only phrases carrying their own year (or a weekday that fixes it) are placed, and
    year-less days when `guess_years` allows a guess (see `YearGuess`); relative phrases are skipped
    rather than guessed.
    """
    return place(text, read_candidates(text), anchor, today, guess_years)


def read_candidates(text: str) -> list[Candidate]:
    """The date phrases of `text` before anchoring: read once, placed against any anchor by `place`."""
    lex = lexicon()
    return _join_ranges(text, scan(text, lex), lex)


def place(
    text: str, cands: list[Candidate], anchor: Interval | None, today: date | None = None, guess_years: bool = True
) -> list[TimeExpression]:
    """Candidates of `text` settled against `anchor`; those that cannot be placed are left out."""
    lex = lexicon()
    today = today or date.today()
    ctx = Context(anchor, today, _latest(_explicit_years(cands), today), lex,
                  floor_year=_latest(_named_years(cands), today))
    roles = [_role_prefix(text, cand, lex) for cand in cands]
    settled = [_settle(cand, ctx, role) for cand, (_, role) in zip(cands, roles, strict=True)]
    if anchor is None and guess_years:
        settled = _with_guess(cands, roles, settled, ctx)
    return [_expression(text, cand, s, start, role)
            for cand, (start, role), s in zip(cands, roles, settled, strict=True) if s is not None]


def _latest(years: Iterator[int], today: date) -> int | None:
    """The latest plausible year not after today, or None."""
    return max((y for y in years if ranges.plausible_year(y) and y <= today.year), default=None)


def _with_guess(cands: list[Candidate], roles: list[tuple[int, Role]], settled: list[Settled | None],
                ctx: Context) -> list[Settled | None]:
    """Year-less dates read again in the year the report is about (see `YearGuess`)."""
    guess = _year_guess(cands, roles, settled)
    if guess is None:
        return settled
    guessing = replace(ctx, guess=guess)
    return [s if s is not None or not _yearless(c) else _settle(c, guessing, role)
            for c, (_, role), s in zip(cands, roles, settled, strict=True)]


def _yearless(cand: Candidate) -> bool:
    return cand.parts is not None and cand.parts.year is None and cand.parts.month is not None


def _year_guess(cands: list[Candidate], roles: list[tuple[int, Role]],
                settled: list[Settled | None]) -> YearGuess | None:
    """The latest year named in a date precise to a month or better, floored by the "since" phrases."""
    years: list[int] = []
    floors: list[date] = []
    for cand, (_, role), found in zip(cands, roles, settled, strict=True):
        if found is None or _yearless(cand) or cand.relative is not None:
            continue
        if role == "since":
            floors.append(found.first)
        if (found.last - found.first).days + 1 <= MAX_CONTEXT_DAYS and not found.inferred:
            years.append(found.last.year)
    if not years:
        return None
    return YearGuess(max(years), max(floors) if floors else None)
