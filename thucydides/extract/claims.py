"""Claims stage (placeholder until the claims issue lands)."""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.model import Analysis
from thucydides.pipeline import StageFn, register


@register("claims")
def make_claims_stage() -> StageFn:
    def claims_stage(batch: Sequence[Analysis]) -> None:
        return None

    return claims_stage
