"""The fitted place ranker: a conditional logit over a mention's candidates and a "none of them" option.

Each candidate gets a score w·x from its features (`features.py`); the option of leaving the mention
unresolved gets v·z from the mention's own features. A softmax over both, sharpened or softened by a
fitted temperature, gives each candidate a calibrated probability of being the place meant. The
weights, the temperature and the provenance of the fit live in `data/geo_ranker.json`, written by
`python -m thucydides.learn.places` (which the runtime never imports).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from thucydides.knowledge import KnowledgeError, data_path
from thucydides.knowledge.settings import section


@dataclass(frozen=True, slots=True)
class PlacesSettings:
    """`stages.places` in settings.yaml."""

    ranker: str = "geo_ranker.json"
    """The fitted weights, a data file name."""
    abstain_below: float | None = None
    """A mention stays unresolved when its best candidate's calibrated probability is below this;
    None: the threshold fitted with the ranker (stored in the ranker file)."""
    max_candidates: int = 30
    """Candidates scored per mention (main names first, then by population)."""
    passes: int = 2
    """Resolution passes: the second scores each mention against the places the first one chose."""
    foreign_town_population: int = 100_000
    """A town smaller than this, in a country the report never implies, is not considered when the report
    implies any country at all (the candidate inside wins, or the mention stays unresolved)."""
    skeleton_match: float = 0.75
    """Least similarity of a spelling met only through its consonant skeleton (Woldiya for Weldiya)."""


@lru_cache(maxsize=1)
def places_settings() -> PlacesSettings:
    return section("stages.places", PlacesSettings)


def abstain_threshold(model: Ranker, settings: PlacesSettings) -> float:
    """The settings' threshold when set, else the one fitted with the ranker."""
    return settings.abstain_below if settings.abstain_below is not None else model.abstain_below


@dataclass(frozen=True, slots=True)
class Ranker:
    candidate_features: tuple[str, ...]
    candidate_weights: tuple[float, ...]
    null_features: tuple[str, ...]
    null_weights: tuple[float, ...]
    temperature: float
    abstain_below: float
    """The fitted abstain threshold (settings may override it)."""

    def static_scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The part of each candidate's score that does not depend on the rest of the document (computed once)."""
        weights = self.candidate_weights[:len(rows[0])] if rows else ()
        return [_dot(weights, row) for row in rows]

    def null_score(self, row: Sequence[float]) -> float:
        return _dot(self.null_weights, row)

    def probabilities(self, static: Sequence[float], context_rows: Sequence[Sequence[float]],
                      null: float) -> list[float]:
        """Probability of each candidate being meant; the remainder is the probability of none."""
        weights = self.candidate_weights[len(self.candidate_weights) - len(context_rows[0]):] if context_rows else ()
        scores = [(s + _dot(weights, row)) / self.temperature for s, row in zip(static, context_rows, strict=True)]
        null = null / self.temperature
        top = max([null, *scores])
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps) + math.exp(null - top)
        return [e / total for e in exps]


def _dot(weights: Sequence[float], row: Sequence[float]) -> float:
    return sum(w * x for w, x in zip(weights, row, strict=True))


@lru_cache(maxsize=2)
def ranker(name: str | None = None) -> Ranker:
    """The shipped ranker (or the data file `name`); its feature names must be the ones the code computes."""
    from thucydides.geo.features import CANDIDATE_FEATURES, NULL_FEATURES

    path = data_path(name or places_settings().ranker)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read the place ranker: {exc}") from exc
    model = Ranker(tuple(raw["candidate_features"]), tuple(float(w) for w in raw["candidate_weights"]),
                   tuple(raw["null_features"]), tuple(float(w) for w in raw["null_weights"]),
                   float(raw.get("temperature", 1.0)), float(raw.get("abstain_below", 0.5)))
    if model.candidate_features != CANDIDATE_FEATURES or model.null_features != NULL_FEATURES:
        raise KnowledgeError(f"{path}: fitted on other features than the code computes; "
                             "refit with `python -m thucydides.learn.places`")
    return model
