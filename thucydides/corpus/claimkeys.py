"""Claim keys and disputes, stored: each claim's series key and the days it holds, and the pairs of
figures that cannot both be true (`corpus.series` decides what disputes what).

Keys are computed by the database in one statement (`reconciled.key_claims`: ISO days compare as
days do). Disputes are found from the stored keys, by the same sweep, whether the whole store is
keyed again or only the claims of a few reports (then only their blocks are read, over their
figures' time window).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection

from thucydides.corpus.series import DISPUTED_METRICS, WINDOW, Contradiction, HeldClaim, sweep_disputes
from thucydides.store import reconciled as rs

DisputeBlock = tuple[str, str, str | None, str | None]


def dispute_row(pair: Contradiction) -> dict[str, Any]:
    return {"a": pair.a.id, "b": pair.b.id, "a_doc": pair.a.doc, "b_doc": pair.b.doc,
            "a_claimant": pair.a.claimant, "b_claimant": pair.b.claimant, "reason": pair.reason}


def held_claims(rows: Iterable[Any]) -> list[HeldClaim]:
    """Stored keys (claim_keys rows with days) ready for a dispute sweep."""
    return [HeldClaim(rs.key_claim(r), date.fromisoformat(r.first_day), date.fromisoformat(r.last_day))
            for r in rows]


def _spans(keys: Iterable[Any]) -> dict[DisputeBlock, tuple[str, str]]:
    """The days each dispute block's dated stock figures among `keys` cover, first to last."""
    spans: dict[DisputeBlock, tuple[str, str]] = {}
    for k in keys:
        if k.metric in DISPUTED_METRICS and k.first_day:
            block = (k.metric, k.unit, k.subject, k.place)
            first, last = spans.get(block, (k.first_day, k.last_day))
            spans[block] = (min(first, k.first_day), max(last, k.last_day))
    return spans


def disputes_for(conn: Connection, keys: Sequence[Any], docs: set[str]) -> list[Contradiction]:
    """Disputes involving the documents' figures (`keys`, already stored): each of their blocks is read
    only over their time window, widened by WINDOW."""
    found: dict[tuple[str, str], Contradiction] = {}
    for block, (first, last) in _spans(keys).items():
        lo, hi = date.fromisoformat(first) - WINDOW, date.fromisoformat(last) + WINDOW
        for pair in sweep_disputes(held_claims(rs.window_candidates(conn, block, lo.isoformat(), hi.isoformat()))):
            if pair.a.doc in docs or pair.b.doc in docs:
                found[(pair.a.id, pair.b.id)] = pair
    return list(found.values())
