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
from typing import TYPE_CHECKING

from thucydides.knowledge.settings import section
from thucydides.model import Claim, Document, Interval
from thucydides.time.ranges import interval_days

if TYPE_CHECKING:
    from thucydides.store.db import Store


@dataclass(frozen=True)
class DisputeSettings:
    """When figures of different reports are the same figure, or rivals (settings: corpus.disputes)."""

    toll_metrics: tuple[str, ...] = ("killed", "wounded")
    toll_max_days: int = 3
    stock_metrics: tuple[str, ...] = ("fighters_present", "civilians_present", "territory_held", "share_held",
                                      "distance")
    tolerance: float = 0.10
    window_days: int = 7


DISPUTES = section("corpus.disputes", DisputeSettings)
TOLL_METRICS = frozenset(DISPUTES.toll_metrics)
# Metrics that count a stock at a moment (can be compared across reports).
STOCK_METRICS = frozenset(DISPUTES.stock_metrics)
# How far apart two exact figures may be and still be "the same" (rounding, "about").
TOLERANCE = DISPUTES.tolerance
# Two reports this close in time describe the same moment of a fast-moving front.
WINDOW = timedelta(days=DISPUTES.window_days)
DISPUTED_METRICS = STOCK_METRICS | TOLL_METRICS


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


DisputeBlock = tuple[str, str, str | None, str | None]


def dispute_block(claim: Claim) -> DisputeBlock:
    """Figures can only dispute each other inside one block: same metric, unit, subject and place."""
    return (claim.metric, claim.unit, claim.subject, claim.place)


@dataclass(frozen=True)
class HeldClaim:
    """A stock figure with the days it holds, ready for a dispute sweep."""

    claim: Claim
    first: date
    last: date


def excludes(a: Claim, b: Claim) -> bool:
    """Whether two figures' intervals (rounding allowed for) cannot both be true."""
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    return a_high < b_low or b_high < a_low


def _order(a: Claim, b: Claim) -> tuple[Claim, Claim]:
    return (a, b) if (a.doc, a.id) <= (b.doc, b.id) else (b, a)


def _short(h: HeldClaim) -> bool:
    return (h.last - h.first).days < DISPUTES.toll_max_days


def rivals(earlier: HeldClaim, current: HeldClaim) -> bool:
    """Whether two figures of one block may dispute each other: stocks from different reports within WINDOW;
    tolls of one happening (short, overlapping days) from different claimants, in one report or two — a toll
    that only rises, told by one voice, is an update, not a dispute."""
    if earlier.claim.metric not in TOLL_METRICS:
        return earlier.claim.doc != current.claim.doc
    return (earlier.claim.claimant != current.claim.claimant and earlier.last >= current.first
            and _short(earlier) and _short(current))


def sweep_disputes(block: Iterable[HeldClaim]) -> Iterable[Contradiction]:
    """Disputes inside one block, by a sweep in time order: each figure is compared only with the
    figures whose days reach within WINDOW of its first day, never with the whole block."""
    active: list[HeldClaim] = []
    for current in sorted(block, key=lambda h: (h.first, h.last, h.claim.doc, h.claim.id)):
        active = [h for h in active if h.last + WINDOW >= current.first]
        for earlier in active:
            if rivals(earlier, current) and excludes(earlier.claim, current.claim):
                a, b = _order(earlier.claim, current.claim)
                yield Contradiction(a, b, f"{_fmt(a)} vs {_fmt(b)}")
        active.append(current)


def contradictions(claims: Sequence[Claim], documents: Iterable[Document]) -> list[Contradiction]:
    """Pairs of figures that count the same stock at the same place and time (within WINDOW), or the same
    happening's toll, and cannot both be true (`rivals`); ordered by the first figure's (report, id), then
    the second's."""
    published = {d.id: d.published for d in documents}
    blocks: dict[DisputeBlock, list[HeldClaim]] = {}
    for c in claims:
        days = interval_days(_when(c, published)) if c.metric in DISPUTED_METRICS else None
        if days is not None:
            blocks.setdefault(dispute_block(c), []).append(HeldClaim(c, *days))
    found = [pair for block in blocks.values() for pair in sweep_disputes(block)]
    return sorted(found, key=lambda x: (x.a.doc, x.a.id, x.b.doc, x.b.id))


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


def stored_sources(store: Store) -> list[SourceRecord]:
    """The stored source ratings (kept up to date by `corpus.reconcile`), most prolific first."""
    from thucydides.store.reconciled import Reconciled

    records = [SourceRecord(claimant, claims, reports, hedged, disputed)
               for claimant, claims, reports, hedged, disputed in Reconciled(store).source_ratings()]
    return sorted(records, key=lambda r: (-r.claims, str(r.claimant)))
