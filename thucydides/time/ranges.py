"""Calendar arithmetic on closed day ranges: months, thirds of months, weeks, precision.

Pure functions over `datetime.date`; every range is returned as an inclusive (first, last) pair so
callers build one `Interval` at the end and impossible dates surface as `None`, never as exceptions.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from thucydides.model import Interval

DayRange = tuple[date, date]

FIRST_YEAR = 1900
"""Years before this are not news dates (and "1650 militants" is a count)."""
LAST_YEAR = 2099

_THIRDS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_THIRDS_OF_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def plausible_year(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for 31 February and the like."""
    if not plausible_year(year):
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_range(year: int, month: int) -> DayRange:
    return date(year, month, 1), date(year, month, last_day(year, month))


def months_range(year: int, first_month: int, last_month: int) -> DayRange:
    """First day of `first_month` to last day of `last_month`; a last month before the first wraps into next year."""
    end_year = year + 1 if last_month < first_month else year
    return date(year, first_month, 1), date(end_year, last_month, last_day(end_year, last_month))


def third_of_month(year: int, month: int, part: str) -> DayRange:
    """ "early June" = 1..10, "mid-June" = 11..20, "late June" = 21..30."""
    first, last = _THIRDS_OF_MONTH[part]
    return date(year, month, first), date(year, month, min(last, last_day(year, month)))


def third_of_year(year: int, part: str) -> DayRange:
    """ "early 2018" = Jan..Apr, "mid-2018" = May..Aug, "late 2018" = Sep..Dec."""
    first, last = _THIRDS_OF_YEAR[part]
    return months_range(year, first, last)


def half_of_year(year: int, half: int) -> DayRange:
    return months_range(year, 1, 6) if half == 1 else months_range(year, 7, 12)


def week_of_month(year: int, month: int, ordinal: int | str) -> DayRange:
    """ "the second week of June" = 8..14; "the last week" is the month's final seven days."""
    end = last_day(year, month)
    if ordinal == "last":
        return date(year, month, end - 6), date(year, month, end)
    first = 1 + 7 * (int(ordinal) - 1)
    return date(year, month, first), date(year, month, min(first + 6, end))


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def add_months(day: date, by: int) -> date:
    """The same day `by` months later (clamped to the month's end)."""
    year, month = shift_month(day.year, day.month, by)
    return date(year, month, min(day.day, last_day(year, month)))


def weekday_on_or_before(day: date, weekday: int, strictly_before: bool = False) -> date:
    """The latest `weekday` (0 = Monday) not after `day` (or before it, for "last Friday")."""
    back = (day.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return day - timedelta(days=back)


def week_range(day: date, by_weeks: int = 0) -> DayRange:
    """Monday to Sunday of the week holding `day`, shifted by whole weeks."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=by_weeks)
    return monday, monday + timedelta(days=6)


def precision_of(first: date, last: date) -> int:
    """ACLED time_precision of a known range: 1 a day, 2 up to about two weeks, 3 longer."""
    days = (last - first).days + 1
    if days <= 1:
        return 1
    if days <= 16:
        return 2
    return 3


def interval(first: date, last: date, inferred: bool = False) -> Interval:
    return Interval(first, last, inferred=inferred)


def interval_days(when: Interval | None) -> DayRange | None:
    """The first and last day an interval may cover (an open end takes the other's day); None when
    undated: what merges events and holds figures against each other reads of a date."""
    if when is None:
        return None
    first, last = when.start or when.end, when.end or when.start
    if first is None or last is None:
        return None
    return first, last
