"""The learned actor 2 chooser's weights (data/models/side_model.json, written by
`python -m thucydides.learn.side_model` from ACLED's train notes; read by events/sides)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_artefact_json
from thucydides.knowledge.logistic import logistic

FILE = "models/side_model.json"
FORMAT = "thucydides-side-model"
VERSION = 1
TRAIN = "python -m thucydides.learn.side_model"


@dataclass(frozen=True)
class SideModel:
    """A logistic model over named binary features: P(a side is ACLED's actor 2)."""

    bias: float
    weights: Mapping[str, float]

    def probability(self, features: Iterable[str]) -> float:
        return logistic(self.bias + sum(self.weights.get(f, 0.0) for f in features))


def parse(raw: Mapping[str, object], where: str) -> SideModel:
    weights = raw.get("weights")
    bias = raw.get("bias")
    if not isinstance(weights, dict) or not isinstance(bias, (int, float)):
        raise KnowledgeError(f"{where}: needs a number 'bias' and a mapping 'weights'")
    try:
        return SideModel(float(bias), {str(k): float(v) for k, v in weights.items()})
    except (TypeError, ValueError) as exc:
        raise KnowledgeError(f"{where}: every weight must be a number: {exc}") from exc


@cache
def side_model() -> SideModel:
    path = data_path(FILE)
    return parse(read_artefact_json(path, FORMAT, VERSION, "side model", TRAIN), str(path))
