"""How ACLED codes events between actors of given kinds: P(sub-event type | inter1, inter2), counted on ACLED's
train split (`thucydides train type-prior`; docs/models/event_coder.md). The words tell what happened; the
actors' kinds tell how ACLED files it (an army firing on militants is a battle, on villagers an attack).

The artefact is one small JSON file of counts (`data/models/event_type_prior.json`); the distribution is
smoothed towards the one given actor 1's code alone, and that one towards the overall distribution, so a pair
of codes ACLED rarely sees falls back on what it does see.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from thucydides.knowledge import PACKAGE_DATA, KnowledgeError, read_artefact_json

DEFAULT_PRIOR = PACKAGE_DATA / "models" / "event_type_prior.json"
FORMAT = "thucydides-event-type-prior"
VERSION = 1
CODES = 9
"""ACLED's inter codes 0 (no actor) to 8."""


@dataclass(frozen=True)
class TypePrior:
    """Counts of ACLED events by (inter1, inter2, sub-event type)."""

    subs: tuple[str, ...]
    counts: np.ndarray
    """shape (CODES, CODES, len(subs)): counts[inter1, inter2, sub]"""
    smoothing: float
    """pseudo-counts of the backed-off distribution mixed into each one"""

    def distribution(self, inter1: int | None, inter2: int | None) -> np.ndarray:
        """P(sub | inter1, inter2), one value per `subs`; an unknown code (None) is summed over."""
        overall = self.counts.sum(axis=(0, 1))
        table = self.counts if inter1 is None else self.counts[inter1:inter1 + 1]
        given1 = _smoothed(table.sum(axis=(0, 1)), _share(overall), self.smoothing)
        pair = table.sum(axis=(0, 1)) if inter2 is None else table[:, inter2].sum(axis=0)
        return _smoothed(pair, given1, self.smoothing)

    def lift(self, inter1: int | None, inter2: int | None) -> dict[str, float]:
        """P(sub | inter1, inter2) / P(sub) per sub-event type: what knowing the codes adds to a reading that
        already holds ACLED's overall mix (the coder's). Both codes unknown: 1 everywhere, no change."""
        overall = self.distribution(None, None)
        ratio = self.distribution(inter1, inter2) / np.where(overall > 0, overall, 1.0)
        return dict(zip(self.subs, ratio.tolist(), strict=True))

    def probability(self, sub: str, inter1: int | None, inter2: int | None) -> float:
        return float(self.distribution(inter1, inter2)[self.subs.index(sub)]) if sub in self.subs else 0.0


def _share(counts: np.ndarray) -> np.ndarray:
    total = counts.sum()
    return counts / total if total > 0 else np.full(len(counts), 1.0 / len(counts))


def _smoothed(counts: np.ndarray, backoff: np.ndarray, pseudo: float) -> np.ndarray:
    return (counts + pseudo * backoff) / (counts.sum() + pseudo)


def rechoose(readings: Sequence[tuple[str, float]], prior: Mapping[str, float], weight: float,
             event_type_of: Mapping[str, str]) -> str | None:
    """The sub-event type whose coder probability times prior ** `weight` is highest inside the event type
    holding most of that product (the coder's own hierarchy: with weight 0 its choice is kept); a sub-event type
    the prior does not know keeps its probability. None when no reading is given."""
    if not readings:
        return None
    scores = {sub: p * prior.get(sub, 1.0) ** weight for sub, p in readings}
    mass: dict[str, float] = {}
    for sub, score in scores.items():
        mass[event_type_of[sub]] = mass.get(event_type_of[sub], 0.0) + score
    best_type = max(mass, key=lambda t: mass[t])
    return max((s for s in scores if event_type_of[s] == best_type), key=lambda s: scores[s])


def read_prior(path: Path) -> TypePrior:
    """The artefact at `path`; a KnowledgeError naming the file if it is missing or malformed."""
    raw = read_artefact_json(path, FORMAT, VERSION, "event type prior", "thucydides train type-prior")
    try:
        return from_json(raw)
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise KnowledgeError(f"{path}: malformed event type prior: {exc!r}") from exc


def from_json(raw: Mapping[str, object]) -> TypePrior:
    subs = tuple(str(s) for s in raw["subs"])  # type: ignore[attr-defined]
    counts = np.zeros((CODES, CODES, len(subs)), dtype=np.float64)
    rows = raw["counts"]
    if not isinstance(rows, list):
        raise TypeError("'counts' must be a list of [inter1, inter2, sub, count]")
    for inter1, inter2, sub, n in rows:
        counts[int(inter1), int(inter2), subs.index(str(sub))] += float(n)
    return TypePrior(subs, counts, float(raw["smoothing"]))  # type: ignore[arg-type]


@cache
def type_prior(path: Path = DEFAULT_PRIOR) -> TypePrior:
    return read_prior(path)


@dataclass(frozen=True)
class PriorRetyping:
    """The run-time step: re-choose a unit's sub-event type among the coder's readings once its actors' inter
    codes are known (`stages.events.recode_steps: prior`): P(sub | text) * (P(sub | codes) / P(sub)) ** weight,
    Bayes' rule with the text and the codes taken as independent given the type."""

    prior: TypePrior
    weight: float
    event_type_of: Mapping[str, str]

    def rechoose(self, readings: Sequence[tuple[str, float]], inter1: int | None, inter2: int | None) -> str | None:
        """The re-chosen sub-event type (None when there are no readings to choose among)."""
        known = [(s, p) for s, p in readings if s in self.event_type_of]
        return rechoose(known, self.prior.lift(inter1, inter2), self.weight, self.event_type_of)
