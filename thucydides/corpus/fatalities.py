"""Fatalities: the one policy every toll in thucydides is decided by (ACLED's).

ACLED records, for each event, the most conservative credible number of people killed, and never
adds up overlapping tolls. Spelled out, for the three places a toll is decided:

1. **One figure** (`figure`): a `killed` claim counts its lowest bound ("at least 12" is 12, "2,500 to
   3,000" is 2,500, "up to 100" is 100: the only number given); a vague word counts the small fixed
   number the events lexicon gives it ("dozens" 12, "hundreds" 100).
2. **One event in one report** (`report_toll`): the report's `killed` figures about the event are
   sorted by the victim group they count (the claim's `subject`).
   - Figures about one group restate one toll: the lowest counts, never their sum.
   - Figures about *different named groups* count different people ("5 civilians and 40 fighters"):
     the claims say so, so their tolls are added (45). Only named groups are added; a group is
     named when the claim has a subject.
   - A figure that names no group ("12 people were killed") may include every named group: it is
     not added to them; the toll is the larger of it and the named groups' sum, the smallest toll
     that every figure of the report allows.
3. **One event across reports** (`across_reports`): each report's toll is one account of the same
   dead; accounts are never added: the lowest (most conservative) toll stands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from thucydides.model import Claim

KILLED = "killed"


def figure(claim: Claim, vague_counts: Mapping[str, int]) -> int | None:
    """The number one `killed` claim counts: its lowest bound, or its vague word's fixed count."""
    if claim.qualifier == "vague":
        text = (claim.figure.text if claim.figure else claim.evidence.text).lower()
        for word, count in vague_counts.items():
            if word in text.split() or word in text:
                return count
    if claim.low is not None:
        return int(claim.low)
    if claim.high is not None:
        return int(claim.high)
    return None


def report_toll(claims: Iterable[Claim], vague_counts: Mapping[str, int]) -> int | None:
    """The toll of one event as one report tells it (rule 2 above); None when it gives no figure."""
    lowest: dict[str | None, int] = {}
    for claim in claims:
        count = figure(claim, vague_counts) if claim.metric == KILLED else None
        if count is not None:
            lowest[claim.subject] = min(lowest.get(claim.subject, count), count)
    if not lowest:
        return None
    named = sum(count for group, count in lowest.items() if group is not None)
    return max(named, lowest.get(None, 0))


def across_reports(tolls: Iterable[int | None]) -> int | None:
    """The toll of one event told by several reports (rule 3 above): the lowest; None when none gives one."""
    known = [t for t in tolls if t is not None]
    return min(known) if known else None
