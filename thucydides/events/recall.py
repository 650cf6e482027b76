"""A second reading of a sentence the coder reads as no event, in a report where nothing else is read as one.

The coder learnt from ACLED's terse notes and reads news-told happenings less surely ('Israeli jets fired missiles
into X, striking Y' is an air strike it reads at 0.3), though it often still spreads what it reads over the right
types. A small logistic regression (`learn/recall.py`) judges such a sentence from the coder's reading (how sure of
an event, how much of it on harm done, how much on one sub-type) and the linguistic evidence of its clause: a verb
or noun of violence, a toll, an armed doer, a place, a date, told as happening, not negated, not in the first person,
not in quotes. It was fitted on ACLED train notes the coder held out for calibration (events) and on sentences of
the LGL/GeoVirus fit half (no event); a sentence it reads at `threshold` or above is taken at the coder's reading.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from thucydides.events.evidence import EvidenceRule, signals
from thucydides.knowledge import read_artefact_json
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.logistic import logistic
from thucydides.knowledge.settings import section
from thucydides.ling.clauses import own_mood
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import forms

DATA = Path(__file__).resolve().parent.parent / "data"
FORMAT = "thucydides-event-recall"
VERSION = 1
TRAIN = "python -m thucydides.learn.recall"

FEATURES = ("bias", "logit_event", "harm_share", "top_share", "clause_logit", "clause_harm", "toll", "doer", "place",
            "date", "violence_word", "death_word", "realis", "reported", "first_person", "quoted", "negated", "length")
"""The features' names, in the model's weight order ('bias' is a constant 1)."""

QUOTES = frozenset('"“”')


@dataclass(frozen=True)
class RecallSettings:
    """`event_recall` in settings.yaml."""

    model: str | None = "event_recall.json"
    """The model file (JSON, in thucydides/data; None: none, the second reading is off)."""
    threshold: float = 0.9
    """The model's probability at which a sentence is taken."""
    floor: float = 0.05
    """The coder's probability of an event below which a sentence is not read a second time."""
    harm_types: tuple[str, ...] = ("Battles", "Explosions/Remote violence", "Violence against civilians")
    """The event types of harm done (the `harm_share` feature)."""


@dataclass(frozen=True)
class RecallModel:
    """The fitted weights, one per name of `FEATURES`."""

    weights: tuple[float, ...]

    def probability(self, x: Sequence[float]) -> float:
        return logistic(sum(w * v for w, v in zip(self.weights, x, strict=True)))

    @classmethod
    def read(cls, path: Path) -> RecallModel:
        raw = read_artefact_json(path, FORMAT, VERSION, "second reading", TRAIN)
        names, listed = raw.get("features"), raw.get("weights")
        if not isinstance(names, list) or not isinstance(listed, list):
            raise ValueError(f"{path}: needs lists 'features' and 'weights' ({TRAIN})")
        names, weights = tuple(names), tuple(float(w) for w in listed)
        if names != FEATURES or len(weights) != len(FEATURES):
            raise ValueError(f"{path}: features {names} are not {FEATURES} ({TRAIN})")
        return cls(weights)


@dataclass(frozen=True)
class Reading:
    """The coder's probability of an event for some words, and its probability of each sub-event type."""

    p_event: float
    readings: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Recall:
    settings: RecallSettings
    model: RecallModel
    harm_subs: frozenset[str]

    def probability(self, ctx: DocContext, start: int, end: int, span: Span, whole: Reading, clause: Reading,
                    rule: EvidenceRule) -> float:
        return self.model.probability(features(ctx, start, end, span, whole, clause, rule, self.harm_subs))

    def harmful(self, reading: Reading) -> bool:
        """Whether most of the reading's probability of an event is on harm done (`harm_types`)."""
        return _harm(reading, self.harm_subs) > 0.5


@cache
def recall() -> Recall | None:
    """The shipped second reading, or None when the settings name no model."""
    s = section("event_recall", RecallSettings)
    if s.model is None:
        return None
    return Recall(s, RecallModel.read(DATA / s.model), harm_sub_types(s.harm_types))


def harm_sub_types(types: Sequence[str]) -> frozenset[str]:
    from thucydides.knowledge.acled import taxonomy

    tax = taxonomy()
    return frozenset(sub for sub in tax.sub_event_types if tax.event_type_of(sub) in types)


def _logit(p: float) -> float:
    q = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(q / (1 - q)) / 5.0


def _harm(r: Reading, harm_subs: frozenset[str]) -> float:
    mass = sum(q for _, q in r.readings) or 1.0
    return sum(q for sub, q in r.readings if sub in harm_subs) / mass


def features(ctx: DocContext, start: int, end: int, span: Span, whole: Reading, clause: Reading,
             rule: EvidenceRule, harm_subs: frozenset[str]) -> list[float]:
    """The unit's features, in `FEATURES` order: the coder's reading of the unit and of its clause read surest as an
    event (`clause`: the unit's own when it has none), then the evidence the linguistic layer finds in the unit."""
    mass = sum(q for _, q in whole.readings) or 1.0
    top = whole.readings[0][1] / mass if whole.readings else 0.0
    told = signals(ctx, start, end, rule)
    return [1.0, _logit(whole.p_event), _harm(whole, harm_subs), top, _logit(clause.p_event), _harm(clause, harm_subs),
            *(float(s in told) for s in ("toll", "doer", "place", "date")), *clause_evidence(span)]


def clause_evidence(span: Span) -> list[float]:
    """violence_word, death_word, realis, reported, first_person, quoted, negated, length (a share of 60 tokens)."""
    lex = lexicons()
    violent = lex.harm_verbs | frozenset(w for noun, told in lex.happening_verbs for w in (noun, told.split()[-1]))
    words = [t for t in span if not t.is_punct and not t.is_space]
    return [float(any(forms(t) & violent for t in words)),
            float(any(forms(t) & lex.death_words for t in words)),
            float(own_mood(span.root).realis),
            float(any(forms(t) & lex.reporting_verbs for t in words)),
            float(any(t.lower_ in lex.first_person_pronouns for t in words)),
            float(any(ch in QUOTES for ch in span.text)),
            float(any(t.dep_ == "neg" for t in span)),
            min(len(words), 60) / 60.0]
