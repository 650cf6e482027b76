"""Publication date inferred from a report's own text when no metadata gives it.

Two kinds of evidence, strongest first: a dateline (a day printed as the report's date: "Published:
14 December 2018", a date alone on one of the first lines, "Dec 14 (Reuters) -"); otherwise the dates
the report narrates. A report is published on or after the latest date it narrates, usually days to
weeks after: the inferred interval starts at the latest narrated start and runs to the end of the month
after the latest narrated end (`PUBLICATION_WINDOW_MONTHS`), so it holds the true day in the common case
and stays narrow enough (at most about two months) to place "Tuesday" or "last week" usefully.

Only dates that say when the report was written count: precise to a third of a month or better ("in 2011"
says little; "in November 2024" is mostly background in news, which tells its own days by weekday), narrated
as points or periods, not "since ..." or "until ..." phrases, not the start of a campaign that "began" (often
long before), and not a plan ("talks are scheduled for 5 March"). Those excluded still raise the interval's
start when they are later than the evidence, never its end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from thucydides.model import Interval, TimeExpression
from thucydides.time import ranges
from thucydides.time.lexicon import lexicon
from thucydides.time.settings import time_settings

_CFG = time_settings()
MAX_EVIDENCE_DAYS = _CFG.max_evidence_days
"""Dates vaguer than a third of a month do not date a report."""
PUBLICATION_WINDOW_MONTHS = _CFG.publication_window_months
"""How far after the latest narrated date a report may be published: to the end of the following month.
Reporters mostly narrate the last days or weeks; a monthly round-up appears early in the next month."""
DATELINE_LINES = _CFG.dateline_lines
"""How many non-empty lines at the top (and bottom) of a report may hold its date alone."""
CLAUSE_REACH = _CFG.clause_reach
"""Characters before a date searched for a cue of a plan or an onset, within its own clause."""

_AGENCY_AFTER = re.compile(r"^\s*\(\s*[A-Z][A-Za-z .&]{1,30}\)\s*[-–—:]")
_PLACE_BEFORE = re.compile(r"^\s*[A-Z][A-Za-z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,\s*$")
"""A wire dateline's place: "RAQQA, ", "BASRA, Iraq, ", "Damascus, "."""
_DASH_AFTER = re.compile(r"^\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]")
"""What follows a wire dateline's date: a dash, perhaps after the agency ("(state news agency) -")."""
_SEPARATOR_BEFORE = re.compile(r"[|·•–—]\s*$|\s-\s*$")
"""A header line's last field: "Daily bulletin | Monitor | 14 May 2019"."""
_AS_OF = re.compile(r"^(?i:as\s+(?:of|at))\s")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")


def infer_publication(text: str, times: Sequence[TimeExpression]) -> Interval | None:
    """The report's publication date as an inferred interval, or None when the text gives no basis.

    `times` are the expressions found without an anchor and without guessed years
    (`find_time_expressions(text, None, guess_years=False)`): a year guessed from context dates nothing.
    """
    dateline = _dateline(text, times)
    if dateline is not None:
        return Interval(dateline.start, dateline.end, inferred=True)
    evidence = [t.interval for t in times if _dates_report(text, t)]
    if not evidence:
        return None
    last = _window_end(max(_ends(evidence)))
    first = max(_starts(evidence))
    floors = [f for f in _lower_bounds(text, times) if f <= last]
    return Interval(max([first, *floors]), last, inferred=True)


def _ends(intervals: Sequence[Interval]) -> list[date]:
    return [i.end for i in intervals if i.end is not None]


def _starts(intervals: Sequence[Interval]) -> list[date]:
    return [i.start for i in intervals if i.start is not None]


def _window_end(latest: date) -> date:
    """The last day a report narrating `latest` is likely published: the end of the following month."""
    return ranges.month_range(*ranges.shift_month(latest.year, latest.month, PUBLICATION_WINDOW_MONTHS))[1]


def _dates_report(text: str, expression: TimeExpression) -> bool:
    """Narrated dates precise to a month or better: no open-ended phrases, onsets or plans."""
    days = expression.interval.days
    if not expression.dates or days is None or days > MAX_EVIDENCE_DAYS:
        return False
    return not _is_onset(text, expression) and not _is_planned(text, expression)


def _lower_bounds(text: str, times: Sequence[TimeExpression]) -> list[date]:
    """Starts that publication cannot precede: "since ..." phrases and onsets, precise to a month or better."""
    out = []
    for t in times:
        start = t.interval.start
        if start is None or _is_planned(text, t) or t.role == "until":
            continue
        if t.role == "since" or (_is_onset(text, t) and (t.interval.days or 0) <= MAX_EVIDENCE_DAYS):
            out.append(start)
    return out


def _clause_before(text: str, expression: TimeExpression) -> str:
    """The words of the expression's own clause before it (at most CLAUSE_REACH characters)."""
    window = text[max(0, expression.start - CLAUSE_REACH):expression.start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def _is_onset(text: str, expression: TimeExpression) -> bool:
    """ "the operation began in October 2016": when something started, not when it was reported."""
    return lexicon().onset_cue.search(_clause_before(text, expression)) is not None


def _is_planned(text: str, expression: TimeExpression) -> bool:
    """ "elections are scheduled for March 2019": a date the report looks forward to."""
    return lexicon().future_cue.search(_clause_before(text, expression)) is not None


def _dateline(text: str, times: Sequence[TimeExpression]) -> Interval | None:
    for expression in times:
        if expression.precision == 1 and expression.role == "point" and _is_dateline(text, expression):
            return expression.interval
    return None


def _is_dateline(text: str, expression: TimeExpression) -> bool:
    """A day printed as the report's own date: after a cue word, opening a wire story ("BASRA, Iraq, Sept. 5,
    2018 -", "Dec 14 (Reuters) -"), or on an edge line alone, as a header's last field or "as of" a day."""
    line_start = text.rfind("\n", 0, expression.start) + 1
    line_end = text.find("\n", expression.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:expression.start], text[expression.end:line_end]
    if lexicon().publication_cue.search(before) or _wire_dateline(before, after):
        return True
    return _on_edge_line(text, line_start) and _stands_alone(before, after, expression)


def _wire_dateline(before: str, after: str) -> bool:
    """ "BASRA, Iraq, Sept. 5, 2018 -", "Dec 14 (Reuters) -", or a day opening its line before a dash
    ("May 4, 2023 - The ministry said")."""
    placed = _PLACE_BEFORE.match(before) or not before.strip()
    return bool(_AGENCY_AFTER.match(after) or (placed and _DASH_AFTER.match(after)))


def _stands_alone(before: str, after: str, expression: TimeExpression) -> bool:
    """Alone on its line, the last field of a header line, or "as of" a day."""
    no_words_after = not re.search(r"[A-Za-z]", after)
    last_field = _SEPARATOR_BEFORE.search(before) is not None and no_words_after
    alone = not re.search(r"\w", before) and no_words_after
    return alone or last_field or _AS_OF.match(expression.text) is not None


def _on_edge_line(text: str, line_start: int) -> bool:
    lines_before = sum(1 for line in text[:line_start].splitlines() if line.strip())
    lines_after = sum(1 for line in text[line_start:].splitlines() if line.strip()) - 1
    return lines_before < DATELINE_LINES or lines_after < DATELINE_LINES
