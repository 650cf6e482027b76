"""An event's fatalities, from the killed claims told in its own unit of text (never from background or
from another event of the report), read as ACLED reads them: the conservative figure ('at least 5' is 5,
'dozens' 12). Figures coordinated in one phrase count different people and are added ('five villagers
and two policemen'); separate statements of a toll in the unit are restatements or parts of it
('seven were killed, including five villagers'), so the highest stands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from thucydides.ling.tokens import span_head
from thucydides.model import Claim

KILLED = "killed"


def conservative(claim: Claim, vague: Mapping[str, int]) -> int | None:
    """ACLED's reading of one figure: the lower bound; a vague amount by its word ('dozens' → 12)."""
    if claim.qualifier == "vague" and claim.figure is not None:
        hit = next((vague[w] for w in claim.figure.text.lower().split() if w in vague), None)
        if hit is not None:
            return hit
    value = claim.low if claim.low is not None else claim.high
    return int(value) if value is not None and value >= 0 else None


def _counted(doc: Doc, claim: Claim) -> Token | None:
    """The noun a figure counts ('five villagers' → villagers), or the figure itself."""
    start, end = (claim.figure.start, claim.figure.end) if claim.figure else (claim.evidence.start,
                                                                            claim.evidence.end)
    head = span_head(doc, start, end)
    if head is not None and head.dep_ == "nummod":
        return head.head
    return head


def _phrases(doc: Doc, told: Sequence[tuple[Claim, int]]) -> list[list[int]]:
    """Figures grouped by coordination: figures whose counted nouns are conjuncts form one phrase."""
    heads = [_counted(doc, c) for c, _ in told]
    groups: list[list[int]] = []
    for i, head in enumerate(heads):
        home = None
        for g in groups:
            other = heads[g[0]]
            if head is not None and other is not None and head.i in {t.i for t in other.conjuncts}:
                home = g
                break
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


def fatalities(doc: Doc, claims: Sequence[Claim], start: int, end: int,
               vague: Mapping[str, int]) -> tuple[int | None, list[str]]:
    """The unit's death toll and the claims it comes from; None when the unit tells none."""
    told = [c for c in claims if c.metric == KILLED and start <= _figure_start(c) < end]
    values = [(c, v) for c in told if (v := conservative(c, vague)) is not None]
    if not values:
        return None, [c.id for c in told]
    totals = [sum(values[i][1] for i in g) for g in _phrases(doc, values)]
    return max(totals), [c.id for c in told]


def _figure_start(claim: Claim) -> int:
    return claim.figure.start if claim.figure is not None else claim.evidence.start
