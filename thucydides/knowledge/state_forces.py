"""How ACLED's coders read a state force named by a noun that says neither the army nor the police ('security
forces'), per country (`data/actors/state_forces.csv`, written by `python -m thucydides.learn.state_forces` from
ACLED's train split), and the nouns that do so (`state_force_nouns` in `data/actors.yaml`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_learned_rows, read_yaml, strings

FILE = "actors/state_forces.csv"
NOUNS = "actors.yaml"
COLUMNS = ("country", "reading", "support", "share")
READINGS = ("military", "police")
"""The generic kinds (data/actors.yaml `generic` keys) such a noun may be read as."""


@dataclass(frozen=True)
class StateForceReading:
    """The force ACLED's coders most often code where a note of `country` names a state force only so."""

    country: str
    """ISO alpha-2."""
    reading: str
    """A generic kind's key: 'military' or 'police'."""
    support: int
    """Train notes of the country coding the country's military or police, not both."""
    share: float
    """Share of them coding the reading."""


@cache
def state_force_readings() -> Mapping[str, StateForceReading]:
    """Country -> how its ACLED coders read 'security forces'."""
    path = data_path(FILE)
    out = {}
    for r in read_learned_rows(FILE, COLUMNS):
        if r["reading"] not in READINGS:
            raise KnowledgeError(f"{path}: reading {r['reading']!r} is none of {', '.join(READINGS)}")
        out[r["country"]] = StateForceReading(r["country"], r["reading"], int(r["support"]), float(r["share"]))
    return out


@cache
def state_force_nouns() -> frozenset[str]:
    """Lower-case nouns naming a state force without saying which one."""
    path = data_path(NOUNS)
    return frozenset(n.lower() for n in strings(read_yaml(path), "state_force_nouns", str(path)))
