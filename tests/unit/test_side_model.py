"""knowledge/side_model: the learned actor 2 chooser's weights, read and applied (written weights)."""

from __future__ import annotations

import math

import pytest

from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.side_model import SideModel, parse, side_model


def test_probability_is_the_logistic_of_the_summed_weights():
    model = SideModel(-1.0, {"role:dobj": 2.0, "inter:7": -0.5})
    assert model.probability(["role:dobj"]) == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert model.probability(["role:dobj", "inter:7", "unknown"]) == pytest.approx(1 / (1 + math.exp(-0.5)))


def test_a_malformed_file_names_itself():
    with pytest.raises(KnowledgeError, match="side.json"):
        parse({"bias": 0.1, "weights": ["x"]}, "side.json")
    with pytest.raises(KnowledgeError, match="side.json"):
        parse({"bias": 0.1, "weights": {"x": "heavy"}}, "side.json")


def test_the_shipped_model_reads():
    model = side_model()
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())
