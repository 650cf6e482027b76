"""The time stage's tuning constants (`stages.time` in data/settings.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from thucydides.knowledge.settings import section


@dataclass(frozen=True)
class TimeSettings:
    window_margin: int = 48
    """Characters on either side of a trigger word that a date phrase may reach ("the first week of " ...)."""
    near_future_days: int = 31
    """A year-less day this soon after a known publication date is an upcoming one, not last year's."""
    max_relative_anchor_days: int = 92
    """Relative phrases ("Tuesday") are placed only against an anchor at most this wide."""
    max_context_days: int = 31
    """Only dates precise to this or better say which year a report is about."""
    max_evidence_days: int = 11
    """Dates vaguer than this (a third of a month) do not date a report's publication: a whole month named is mostly
    background in news, which tells its own days by weekday."""
    publication_window_months: int = 1
    """A report is published by the end of the month this many months after the latest date it narrates."""
    dateline_lines: int = 5
    """Non-empty lines at the top (and bottom) of a report that may hold its date alone."""
    clause_reach: int = 120
    """Characters before a date searched for a cue of a plan or an onset, within its own clause."""
    since_onset_reach: int = 80
    """Characters before a date searched for "since the siege began in"."""
    since_onset_gap: int = 48
    """At most this many characters between "since" and the onset verb."""
    weekday_reach_years: int = 1
    """With no anchor and no month-precise year in the text, how many years back from today a weekday and
    day-month ("Monday, Dec. 26") may place the date: the pair recurs every 5 to 11 years, so the nearest
    fit is the report's year only for a fresh report; further back it is a guess, left undated."""


@cache
def time_settings() -> TimeSettings:
    return section("stages.time", TimeSettings)
