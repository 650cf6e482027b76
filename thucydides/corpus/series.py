"""Claims read together: series over time, and where accounts disagree.

A *series* is every claim about one quantity (metric, unit, subject), in time order:
the area ISIS held, month by month, as each source put it. Two claims *contradict*
when they count the same quantity for the same place and overlapping time, from
different reports, and their intervals cannot both be true. Nothing is averaged or
dropped: every account stays, with who gave it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from thucydides.model import Claim, Document, Interval

# How far apart two exact figures may be and still be "the same" (rounding, "about").
TOLERANCE = 0.10

# Two reports this close in time describe the same moment of a fast-moving front.
WINDOW = timedelta(days=7)

# Metrics that count a stock at a moment (can be compared across reports).
STOCK_METRICS = frozenset({"fighters_present", "civilians_present", "territory_held", "share_held", "distance"})


@dataclass(frozen=True)
class SeriesPoint:
    claim: Claim
    when: Interval | None
    """The claim's own time, else its report's publication date."""


@dataclass(frozen=True)
class Series:
    metric: str
    unit: str
    subject: str | None
    points: tuple[SeriesPoint, ...]


@dataclass(frozen=True)
class Contradiction:
    a: Claim
    b: Claim
    reason: str


def _when(claim: Claim, published: dict[str, Interval | None]) -> Interval | None:
    return claim.time or published.get(claim.doc)


def _sort_day(point: SeriesPoint) -> date:
    w = point.when
    return (w.end or w.start or date.max) if w else date.max


def build_series(claims: Iterable[Claim], documents: Iterable[Document], metric: str | None = None,
                 subject: str | None = None) -> list[Series]:
    """Series of every quantity, or only those of one metric and/or one subject when given."""
    published = {d.id: d.published for d in documents}
    groups: dict[tuple[str, str, str | None], list[SeriesPoint]] = {}
    for claim in claims:
        if (metric and claim.metric != metric) or (subject and claim.subject != subject):
            continue
        key = (claim.metric, claim.unit, claim.subject)
        groups.setdefault(key, []).append(SeriesPoint(claim, _when(claim, published)))
    return [
        Series(metric, unit, subject, tuple(sorted(points, key=_sort_day)))
        for (metric, unit, subject), points in sorted(groups.items(), key=lambda kv: tuple(str(x) for x in kv[0]))
    ]


def _bounds(c: Claim) -> tuple[float, float]:
    low = c.low if c.low is not None else 0.0
    high = c.high if c.high is not None else float("inf")
    if c.qualifier in ("exact", "approximately") and c.low is not None:
        slack = abs(c.low) * TOLERANCE
        return low - slack, high + slack
    return low, high


def _times_overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None:
        return False  # undated figures cannot be held against each other
    a0, a1 = a.start or a.end, a.end or a.start
    b0, b1 = b.start or b.end, b.end or b.start
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return False
    return a0 - WINDOW <= b1 and b0 - WINDOW <= a1


def contradictions(claims: Sequence[Claim], documents: Iterable[Document]) -> list[Contradiction]:
    published = {d.id: d.published for d in documents}
    found = []
    stocks = [c for c in claims if c.metric in STOCK_METRICS]
    by_key: dict[tuple, list[Claim]] = {}
    for c in stocks:
        by_key.setdefault((c.metric, c.unit, c.subject, c.place), []).append(c)
    for group in by_key.values():
        for a, b in combinations(group, 2):
            if a.doc == b.doc or not _times_overlap(_when(a, published), _when(b, published)):
                continue
            a_low, a_high = _bounds(a)
            b_low, b_high = _bounds(b)
            if a_high < b_low or b_high < a_low:
                found.append(Contradiction(a, b, f"{_fmt(a)} vs {_fmt(b)}"))
    return found


def _fmt(c: Claim) -> str:
    if c.low is not None and c.high is not None and c.low != c.high:
        figure = f"{c.low:g}-{c.high:g}"
    elif c.low is not None and c.high is None:
        figure = f">= {c.low:g}"
    elif c.low is None and c.high is not None:
        figure = f"<= {c.high:g}"
    else:
        figure = f"{c.low:g}"
    return f"{figure} {c.unit} ({c.claimant or 'outlet'})"


@dataclass(frozen=True)
class SourceRecord:
    """How one claimant's figures stand against the rest: what an analyst weighs a source by."""

    claimant: str | None
    claims: int
    reports: int
    hedged: int
    """Figures given with a hedge (about, at least, up to, a range, "dozens")."""
    disputed: int
    """Figures that another report contradicts."""

    @property
    def disputed_share(self) -> float:
        return self.disputed / self.claims if self.claims else 0.0


def rate_sources(claims: Sequence[Claim], found: Sequence[Contradiction]) -> list[SourceRecord]:
    """One record per claimant (None: outlets speaking in their own voice), most prolific first."""
    disputed_ids = {c.id for pair in found for c in (pair.a, pair.b)}
    by_source: dict[str | None, list[Claim]] = {}
    for c in claims:
        by_source.setdefault(c.claimant, []).append(c)
    records = [
        SourceRecord(
            claimant=source, claims=len(items), reports=len({c.doc for c in items}),
            hedged=sum(c.qualifier != "exact" for c in items),
            disputed=sum(c.id in disputed_ids for c in items),
        )
        for source, items in by_source.items()
    ]
    return sorted(records, key=lambda r: (-r.claims, str(r.claimant)))
