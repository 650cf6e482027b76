"""Events stage (placeholder until the events issue lands)."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Analysis
from thucydides.pipeline import StageFn, register


@register("events")
def make_events_stage() -> StageFn:
    def events_stage(batch: Sequence[Analysis]) -> None:
        return None

    return events_stage
