"""The logistic function the shipped linear models share (the places' admit model, the second reading of events,
the actor 2 chooser), so that each reads its weights' score the same way."""

from __future__ import annotations

import math


def logistic(z: float) -> float:
    """1 / (1 + e^-z), computed that way wherever e^-z is finite (so the same bits as the plain formula); below
    about z = -709, where e^-z overflows, the limit 0.0 (the true value is under 1e-308). No clamp elsewhere: a
    caller compares the probability with a threshold, which a clamp at +-30 (1e-13 from 0 or 1) never changed."""
    try:
        return 1.0 / (1.0 + math.exp(-z))
    except OverflowError:
        return 0.0
