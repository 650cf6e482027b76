"""Publication date inferred from a report's own text when no metadata gives it.

Two kinds of evidence, strongest first: a dateline (a day printed as the report's date: "Published:
14 December 2018", a date alone on one of the first lines, "Dec 14 (Reuters) -"); otherwise the dates
the report narrates. A report is written after what it narrates begins, so the latest start of those
dates bounds publication from below and the latest end is taken as its likely upper bound. Only
dates precise to a month or better count ("in 2011" says little about when a report was written),
and "since ..." phrases do not: they name when something began, often long before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from thucydides.model import Interval, TimeExpression
from thucydides.time.lexicon import lexicon

MAX_EVIDENCE_DAYS = 31
"""Dates vaguer than a month do not date a report."""
DATELINE_LINES = 5
"""How many non-empty lines at the top (and bottom) of a report may hold its date alone."""

_AGENCY_AFTER = re.compile(r"^\s*\(\s*[A-Z][A-Za-z .&]{1,30}\)\s*[-–—:]")


def infer_publication(text: str, times: Sequence[TimeExpression]) -> Interval | None:
    """The report's publication date as an inferred interval, or None when the text gives no basis.

    `times` are the expressions found without an anchor (`find_time_expressions(text, None)`).
    """
    dateline = _dateline(text, times)
    if dateline is not None:
        return Interval(dateline.start, dateline.end, inferred=True)
    evidence = [t.interval for t in times if _dates_report(t)]
    if not evidence:
        return None
    first = max(i.start for i in evidence if i.start is not None)
    last = max(i.end for i in evidence if i.end is not None)
    return Interval(first, last, inferred=True)


def _dates_report(expression: TimeExpression) -> bool:
    """Narrated dates precise to a month or better; open-ended "since"/"until" phrases excluded."""
    days = expression.interval.days
    return expression.role in ("point", "during") and days is not None and days <= MAX_EVIDENCE_DAYS


def _dateline(text: str, times: Sequence[TimeExpression]) -> Interval | None:
    for expression in times:
        if expression.precision == 1 and expression.role == "point" and _is_dateline(text, expression):
            return expression.interval
    return None


def _is_dateline(text: str, expression: TimeExpression) -> bool:
    """A day printed as the report's own date: after a cue word, alone on an edge line, or before an agency."""
    line_start = text.rfind("\n", 0, expression.start) + 1
    line_end = text.find("\n", expression.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:expression.start], text[expression.end:line_end]
    if lexicon().publication_cue.search(before):
        return True
    if _AGENCY_AFTER.match(after):
        return True
    alone = not re.search(r"\w", before) and not re.search(r"[A-Za-z]", after)
    return alone and _on_edge_line(text, line_start)


def _on_edge_line(text: str, line_start: int) -> bool:
    lines_before = sum(1 for line in text[:line_start].splitlines() if line.strip())
    lines_after = sum(1 for line in text[line_start:].splitlines() if line.strip()) - 1
    return lines_before < DATELINE_LINES or lines_after < DATELINE_LINES
