"""How often ACLED codes each sub-event type with fatalities: rows and rows with fatalities > 0 per sub-event type,
counted on ACLED's train split (`thucydides train fatal-shares`) into `data/models/acled_fatal_shares.json`.

Some sub-event types never carry a death in ACLED's coding (a change to a group's activity, an agreement, an arrest):
a death during one is coded as another event. The table says which, from ACLED's own rows, not from a hand list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from thucydides.knowledge import PACKAGE_DATA, KnowledgeError, read_artefact_json

DEFAULT_SHARES = PACKAGE_DATA / "models" / "acled_fatal_shares.json"
FORMAT = "thucydides-acled-fatal-shares"
VERSION = 1


@dataclass(frozen=True)
class FatalShares:
    """ACLED train rows per sub-event type, and how many of them carry fatalities > 0."""

    rows: Mapping[str, int]
    fatal: Mapping[str, int]

    def share(self, sub: str) -> float | None:
        """The share of the sub-event type's rows with fatalities > 0 (None: ACLED's train split has none)."""
        n = self.rows.get(sub, 0)
        return self.fatal.get(sub, 0) / n if n else None

    def never_fatal(self, max_share: float, min_rows: int) -> frozenset[str]:
        """Sub-event types with at least `min_rows` rows, at most `max_share` of which carry a death: ACLED codes
        (almost) none of them with fatalities."""
        return frozenset(s for s, n in self.rows.items()
                         if n >= min_rows and (share := self.share(s)) is not None and share <= max_share)


def from_json(raw: Mapping[str, object]) -> FatalShares:
    rows, fatal = raw["rows"], raw["fatal"]
    if not isinstance(rows, Mapping) or not isinstance(fatal, Mapping):
        raise TypeError("'rows' and 'fatal' must map sub-event types to counts")
    return FatalShares({str(k): int(v) for k, v in rows.items()}, {str(k): int(v) for k, v in fatal.items()})


@cache
def fatal_shares(path: Path = DEFAULT_SHARES) -> FatalShares:
    """The table at `path`; a KnowledgeError naming the file if it is missing or malformed."""
    raw = read_artefact_json(path, FORMAT, VERSION, "ACLED fatal shares", "thucydides train fatal-shares")
    try:
        return from_json(raw)
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"{path}: malformed ACLED fatal shares: {exc!r}") from exc
