"""ACLED's unnamed actor 1 by country and event type where it is not the armed group (`data/actors/
unnamed_actor1.csv`, written by `python -m thucydides.learn.unnamed_actors` from ACLED's train split)."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path

FILE = "actors/unnamed_actor1.csv"
COLUMNS = ("country", "event_type", "family", "support", "share")


@dataclass(frozen=True)
class UnnamedActor:
    country: str
    """ISO alpha-2."""
    event_type: str
    family: str
    """ACLED's family name ('Unidentified Gang'), named for the country in an event ('Unidentified Gang (Brazil)')."""
    support: int
    share: float


@cache
def unnamed_actors() -> Mapping[tuple[str, str], str]:
    """(country, event type) -> the family of ACLED's actor 1 where a report names no perpetrator."""
    path = data_path(FILE)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise KnowledgeError(f"{path}: expected columns {', '.join(COLUMNS)}")
        return {(r["country"], r["event_type"]): r["family"] for r in reader}
