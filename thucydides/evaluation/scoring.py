"""Scoring helpers shared by the data sets: rates, F1, distances, actor matching.

Each rule the figures depend on (which event of a document is compared, how an actor name
matches) is one function here, so it is stated once and unit-tested; which rows are dev or test is
`thucydides.knowledge.splits`, read by the builders and learners too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from thucydides.evaluation.view import ActorRef, EventRef

NONE_LABEL = "(none)"
"""The label of a document for which the system found no event."""


@dataclass(frozen=True)
class Rate:
    """hits out of n; None when n is 0, so an empty part never reads as a score of 0."""

    hits: int
    n: int

    @property
    def value(self) -> float | None:
        return self.hits / self.n if self.n else None


def rate(flags: Iterable[bool]) -> Rate:
    seq = list(flags)
    return Rate(sum(seq), len(seq))


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance, as the shared scorer computes it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """F1 averaged over the classes present in gold, so rare ACLED classes weigh as much as common ones.

    A class only the system predicts (or no event at all) is not averaged: it is already a miss of the
    row's gold class.
    """
    classes = sorted(set(gold))
    if not classes:
        return 0.0
    total = 0.0
    for c in classes:
        total += _class_f1(gold, predicted, c)
    return total / len(classes)


def _class_f1(gold: Sequence[str], predicted: Sequence[str], c: str) -> float:
    """F1 of one class over paired gold and predicted labels."""
    tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == c and p == c)
    fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != c and p == c)
    fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == c and p != c)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")


def fold_name(name: str) -> str:
    """Case, accents and punctuation folded; ACLED's parenthetical year ranges ("(2014-)") dropped."""
    name = _YEARS.sub(" ", name)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name).split())


def acled_actor_forms(acled_name: str) -> set[str]:
    """ACLED's actor name folded, and each side of a colon ("NATO: North Atlantic Treaty Organization")."""
    parts = [acled_name, *acled_name.split(":")] if ":" in acled_name else [acled_name]
    return {f for f in map(fold_name, parts) if f}


def actor_matches(actor: ActorRef | None, acled_name: str) -> bool:
    """Loose: the system actor's id, name or any alias equals a form of ACLED's name."""
    if actor is None or not acled_name.strip():
        return False
    names = {fold_name(n) for n in (actor.id, actor.name, *actor.aliases)}
    return bool(names & acled_actor_forms(acled_name))


def primary_event(events: Sequence[EventRef], doc_id: str) -> EventRef | None:
    """The event a one-event report is about: its earliest evidence in the document starts first.

    Ties, and events without evidence in the document (which sort last), keep output order.
    """
    def first_start(event: EventRef) -> float:
        starts = [e.start for e in event.evidence if e.doc == doc_id]
        return min(starts) if starts else math.inf

    ranked = sorted(enumerate(events), key=lambda ie: (first_start(ie[1]), ie[0]))
    return ranked[0][1] if ranked else None


def median(values: Sequence[float]) -> float | None:
    if not values:
        return None
    s = sorted(values)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
