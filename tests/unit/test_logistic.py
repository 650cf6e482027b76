"""The one logistic function the shipped linear models share: the plain formula's bits, and no overflow."""

from __future__ import annotations

import math

from thucydides.knowledge.logistic import logistic


def test_the_same_bits_as_the_plain_formula_at_ordinary_scores() -> None:
    for z in (-30.0, -7.25, -0.5, 0.0, 0.5, 3.0, 30.0, 700.0):
        assert logistic(z) == 1.0 / (1.0 + math.exp(-z))


def test_a_score_far_below_zero_is_zero_not_an_overflow() -> None:
    assert logistic(-1e6) == 0.0
    assert logistic(1e6) == 1.0
