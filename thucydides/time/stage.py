"""Time stage (placeholder until the events and time issue lands)."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Analysis
from thucydides.pipeline import StageFn, register


@register("time")
def make_time_stage() -> StageFn:
    def time_stage(batch: Sequence[Analysis]) -> None:
        return None

    return time_stage
