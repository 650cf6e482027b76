"""An event's fatalities, from the killed claims told in its own unit of text (never from background or
from another event of the report), read as ACLED reads them: the conservative figure ('at least 5' is 5,
'dozens' 12), tolls of different groups added ('2 soldiers and 3 militants'), one group's restated toll
counted once (the highest statement of that group in the unit)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from thucydides.model import Claim

KILLED = "killed"


def conservative(claim: Claim, vague: Mapping[str, int]) -> int | None:
    """ACLED's reading of one figure: the lower bound; a vague amount by its word ('dozens' → 12)."""
    if claim.qualifier == "vague" and claim.figure is not None:
        words = claim.figure.text.lower().split()
        hit = next((vague[w] for w in words if w in vague), None)
        if hit is not None:
            return hit
    value = claim.low if claim.low is not None else claim.high
    return int(value) if value is not None and value >= 0 else None


def fatalities(claims: Sequence[Claim], start: int, end: int, vague: Mapping[str, int]) -> tuple[int | None, list[str]]:
    """The unit's death toll and the claims it comes from; None when the unit tells none."""
    told = [c for c in claims if c.metric == KILLED and start <= _figure_start(c) < end]
    by_group: dict[str | None, int] = {}
    for claim in told:
        value = conservative(claim, vague)
        if value is not None:
            by_group[claim.subject] = max(by_group.get(claim.subject, 0), value)
    if not by_group:
        return None, [c.id for c in told]
    return sum(by_group.values()), [c.id for c in told]


def _figure_start(claim: Claim) -> int:
    return claim.figure.start if claim.figure is not None else claim.evidence.start
