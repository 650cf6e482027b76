"""Places stage (placeholder until the places issue lands)."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Analysis
from thucydides.pipeline import StageFn, register


@register("places")
def make_places_stage() -> StageFn:
    def places_stage(batch: Sequence[Analysis]) -> None:
        return None

    return places_stage
