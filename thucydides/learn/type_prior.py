"""Counting the event type prior (`thucydides train type-prior`): how often ACLED codes each sub-event type
between actors of each pair of inter codes, on the train split only, into the JSON file that
`thucydides.knowledge.type_prior` reads. Figures on the dev split go into the file and the model card."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from thucydides.events.coder import EventCoder
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.type_prior import CODES, FORMAT, VERSION, TypePrior, from_json, rechoose
from thucydides.learn.corpora import CorpusError, acled_split_rows


@dataclass(frozen=True)
class TypePriorSettings:
    """`learn.type_prior` in settings.yaml."""

    smoothing: float = 20.0
    """pseudo-counts of the backed-off distribution (actor 1's code alone, then all events) in each one"""
    weights: tuple[float, ...] = (0.0, 0.25, 0.5, 1.0, 2.0)
    """prior weights whose coder-plus-prior accuracy on ACLED dev (actors as ACLED codes them) is reported"""


@dataclass(frozen=True)
class Row:
    inter1: int
    inter2: int
    sub: str
    notes: str


def acled_rows(path: Path, split: str) -> Iterator[Row]:
    """ACLED rows of one split with their inter codes (0: no actor)."""
    for row in acled_split_rows(path, split, ("sub_event_type", "inter1", "inter2", "notes")):
        yield Row(_code(row["inter1"]), _code(row["inter2"]), row["sub_event_type"], row["notes"])


def _code(raw: str) -> int:
    code = int(raw or 0)
    if not 0 <= code < CODES:
        raise CorpusError(f"inter code {raw!r} is not one of ACLED's 0-8")
    return code


def count(rows: Iterator[Row]) -> dict[str, object]:
    """The artefact's counts: [inter1, inter2, sub-event type, events], sorted."""
    tally = Counter((r.inter1, r.inter2, r.sub) for r in rows)
    subs = sorted({s for _, _, s in tally})
    return {"subs": subs, "counts": [[i1, i2, s, n] for (i1, i2, s), n in sorted(tally.items())]}


def dev_figures(prior: TypePrior, rows: list[Row], coder: EventCoder, weights: tuple[float, ...]
                ) -> dict[str, float]:
    """On ACLED dev with ACLED's own inter codes: the sub-event type accuracy of the prior alone (its likeliest
    type), and of the coder's reading of the note re-chosen with the prior's lift at each weight (0: the coder
    alone)."""
    figures = {"dev_rows": float(len(rows)),
               "prior_alone_sub_accuracy": _accuracy(rows, lambda r: prior.subs[int(np.argmax(
                   prior.distribution(r.inter1, r.inter2)))])}
    event_subs = [s for s in coder.model.subs if s is not None]
    cols = [coder.model.subs.index(s) for s in event_subs]
    probs = coder.probabilities([r.notes for r in rows])[:, cols]
    kinds = {s: taxonomy().event_type_of(s) for s in event_subs}
    dists = [prior.lift(r.inter1, r.inter2) for r in rows]
    for w in weights:
        right = sum(rechoose(list(zip(event_subs, probs[i], strict=True)), dists[i], w, kinds) == r.sub
                    for i, r in enumerate(rows))
        figures[f"coder_prior_w{w:g}_sub_accuracy"] = right / len(rows)
    return figures


def _accuracy(rows: list[Row], guess: Callable[[Row], str]) -> float:
    return sum(guess(r) == r.sub for r in rows) / len(rows)


def train(acled_csv: Path, out: Path, settings: TypePriorSettings, coder: EventCoder) -> dict[str, object]:
    """Count the train split, measure on the dev split, write the artefact; returns what was written."""
    artefact: dict[str, object] = {"format": FORMAT, "version": VERSION, "smoothing": settings.smoothing,
                                   **count(acled_rows(acled_csv, "train"))}
    prior = from_json(artefact)
    figures = dev_figures(prior, list(acled_rows(acled_csv, "dev")), coder, settings.weights)
    artefact["figures"] = {k: round(v, 4) for k, v in figures.items()}
    artefact["credit"] = ("Counts of ACLED events (Armed Conflict Location & Event Data Project, acleddata.com) "
                          "by inter codes and sub-event type, train split; see DATA-LICENSES.")
    out.write_text(json.dumps(artefact, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return artefact
