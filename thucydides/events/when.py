"""The date of an event: a time phrase in its own clause, else in its sentence, else the report's
publication date — named steps (settings `stages.events.date_steps`) giving an interval and ACLED's time
precision. Phrases that bound a period ('since 2011', 'until Monday') never date a happening."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from thucydides.events.context import DocContext
from thucydides.events.detect import Candidate
from thucydides.ling.clauses import clause_head
from thucydides.ling.tokens import span_head
from thucydides.model import Interval, TimeExpression

DATING_ROLES = frozenset({"point", "during"})


@dataclass(frozen=True)
class Dated:
    interval: Interval
    time_precision: int


@dataclass(frozen=True)
class DateContext:
    doc: DocContext
    candidate: Candidate
    undated_window_days: int
    """An undated happening in a news report is taken to fall in the days up to its publication."""


def _dating(ctx: DateContext) -> list[TimeExpression]:
    return [t for t in ctx.doc.times.within(ctx.candidate.start, ctx.candidate.end) if t.role in DATING_ROLES]


def _nearest(ctx: DateContext, found: list[TimeExpression]) -> Dated | None:
    if not found:
        return None
    anchor = ctx.candidate.anchor.idx
    best = min(found, key=lambda t: (t.precision, abs(t.start - anchor)))
    return Dated(best.interval, best.precision)


def in_clause(ctx: DateContext) -> Dated | None:
    anchor = ctx.candidate.anchor
    own = [t for t in _dating(ctx)
           if (head := span_head(ctx.doc.doc, t.start, t.end)) is not None and clause_head(head).i == anchor.i]
    return _nearest(ctx, own)


def in_sentence(ctx: DateContext) -> Dated | None:
    return _nearest(ctx, _dating(ctx))


def publication(ctx: DateContext) -> Dated | None:
    """Told with no date of its own: the days up to the report's publication (ACLED precision 2, or 3 when
    the publication date itself is only known to the month)."""
    published = ctx.doc.analysis.document.published
    if published is None or published.start is None or published.end is None:
        return None
    if (published.days or 99) > 7:
        return Dated(published, 3)
    start = min(published.start, published.end - timedelta(days=ctx.undated_window_days))
    return Dated(Interval(start, published.end, published.inferred), 2)


DATE_STEPS: Mapping[str, Callable[[DateContext], Dated | None]] = {
    "clause": in_clause, "sentence": in_sentence, "publication": publication,
}
