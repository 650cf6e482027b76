"""How the event coder is measured: whole ACLED dev notes, and VOA gold sentences.

VOA, sentence level: a gold event's span tells which sentence reports it; that sentence should be coded as an
event of an acceptable type, every other sentence as no event; a sentence that only an optional event covers
counts neither way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np

from thucydides.events.coder import NO_EVENT, EventCoder, EventGuess, normalise
from thucydides.learn import corpora
from thucydides.learn.corpora import GoldEvent, Unit
from thucydides.learn.metrics import ClassReport, Prf, class_report, roc_auc

OVERLAP = 0.5
"""a span covers a sentence when it overlaps at least this share of the shorter of the two"""


@dataclass(frozen=True)
class VoaSentence:
    story: str
    start: int
    end: int
    text: str
    subs: tuple[str, ...]
    """acceptable sub-event types of the non-optional gold events this sentence reports (empty: no event)"""
    counted: bool
    """False for a sentence that only an optional event covers"""

    @property
    def is_event(self) -> bool:
        return bool(self.subs)


def _covers(event: GoldEvent, start: int, end: int) -> bool:
    overlap = min(event.end, end) - max(event.start, start)
    return overlap > 0 and overlap >= OVERLAP * min(event.end - event.start, end - start)


def voa_sentences(part: str) -> list[VoaSentence]:
    """The sentences of the VOA gold stories of one part ('dev' or 'test'), labelled from the gold events."""
    return gold_sentences("voa", part)


def re3d_sentences(part: str) -> list[VoaSentence]:
    """The sentences of the re3d gold documents of one part, labelled as VOA's are."""
    return gold_sentences("re3d", part)


@lru_cache(maxsize=4)
def gold_sentences(corpus: str, part: str) -> list[VoaSentence]:
    """The sentences of one annotated news set's ('voa' or 're3d') gold stories of one part, labelled from the
    gold events (both sets are annotated alike and split alike, a third of the stories by id as test)."""
    part_of: Callable[[str], str]
    if corpus == "voa":
        stories, events, part_of = corpora.voa_stories(), corpora.gold_events(), corpora.voa_part
    elif corpus == "re3d":
        stories, part_of = corpora.re3d_documents(), corpora.re3d_part
        events = corpora.gold_events(corpora.RE3D_GOLD, "*/*.json")
    else:
        raise ValueError(f"unknown annotated news set {corpus!r} (voa or re3d)")
    gold = {sid: e for sid, e in events.items() if part_of(sid) == part}
    ids = sorted(gold)
    out = []
    for sid, sentences in zip(ids, corpora.split_sentences([stories[i].text for i in ids], full_parse=True),
                              strict=True):
        for s in sentences:
            covering = [e for e in gold[sid] if _covers(e, s.start, s.end)]
            subs = tuple(sorted({sub for e in covering if not e.optional for sub in e.subs}))
            counted = bool(subs) or not covering
            out.append(VoaSentence(sid, s.start, s.end, s.text, subs, counted))
    return out


@dataclass(frozen=True)
class VoaFigures:
    """Sentence-level figures on VOA gold stories."""

    stories: int
    sentences: int
    event_sentences: int
    ignored_optional: int
    detection: Prf
    tp: int
    fp: int
    fn: int
    event_type_accuracy_on_found: float | None
    sub_event_type_accuracy_on_found: float | None
    roc_auc: float | None = None
    """how well P(event) ranks event sentences above the others, whatever the threshold"""

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["detection"] = {**asdict(self.detection), "tp": self.tp, "fp": self.fp, "fn": self.fn}
        for key in ("tp", "fp", "fn"):
            del out[key]
        return out


def voa_figures(coder: EventCoder, sentences: Sequence[VoaSentence]) -> VoaFigures:
    """Detection P/R/F1 over counted sentences; type and sub-type accuracy on the events found."""
    counted = [s for s in sentences if s.counted]
    probs = coder.probabilities([s.text for s in counted])
    guesses = coder.classify([s.text for s in counted])
    gold = np.array([s.is_event for s in counted], dtype=bool)
    said = np.array([g.is_event for g in guesses], dtype=bool)
    tp, fp, fn = int(np.sum(gold & said)), int(np.sum(~gold & said)), int(np.sum(gold & ~said))
    found = [(s, g) for s, g in zip(counted, guesses, strict=True) if s.is_event and g.is_event]
    type_of = coder.model.event_type_of
    type_ok = [g.event_type in {type_of[x] for x in s.subs} for s, g in found]
    sub_ok = [g.sub_event_type in s.subs for s, g in found]
    return VoaFigures(stories=len({s.story for s in sentences}), sentences=len(counted),
                      event_sentences=int(gold.sum()), ignored_optional=len(sentences) - len(counted),
                      detection=Prf.of(tp, fp, fn), tp=tp, fp=fp, fn=fn,
                      event_type_accuracy_on_found=_share(type_ok), sub_event_type_accuracy_on_found=_share(sub_ok),
                      roc_auc=roc_auc(list(1.0 - probs[:, coder.model.subs.index(None)]), list(gold)))


def _share(flags: Sequence[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def strip_prefix(text: str) -> str:
    """A note as it would read without the coder's furniture (prefix, tags, leading date)."""
    return normalise(text)


@dataclass(frozen=True)
class AcledFigures:
    """Whole ACLED notes: accuracy and per-class figures, and how many notes get an event at all."""

    n: int
    with_event: float
    event_type: ClassReport
    sub_event_type: ClassReport
    forced_event_type_accuracy: float
    """the likeliest event type, the no-event class set aside (the classifier alone on units known to be events)"""
    forced_sub_event_type_accuracy: float
    mean_confidence: float
    calibration_gap: float

    def to_json(self) -> dict[str, object]:
        return {**asdict(self), "event_type": self.event_type.to_json(),
                "sub_event_type": self.sub_event_type.to_json()}


@dataclass(frozen=True)
class AcledDev:
    as_written: AcledFigures
    without_prefix: AcledFigures

    def to_json(self) -> dict[str, object]:
        return {"notes_as_written": self.as_written.to_json(), "notes_without_prefix": self.without_prefix.to_json()}


def acled_figures(coder: EventCoder, notes: Sequence[Unit]) -> AcledDev:
    """Whole ACLED dev notes: as ACLED writes them, and with the coder furniture cut beforehand."""
    return AcledDev(_acled_block(coder, notes, [n.text for n in notes]),
                    _acled_block(coder, notes, [strip_prefix(n.text) for n in notes]))


def _acled_block(coder: EventCoder, notes: Sequence[Unit], texts: Sequence[str]) -> AcledFigures:
    guesses = coder.classify(texts)
    type_of = coder.model.event_type_of
    gold_subs = [n.sub or NO_EVENT for n in notes]
    gold_types = [type_of.get(s, NO_EVENT) for s in gold_subs]
    subs = [g.sub_event_type or NO_EVENT for g in guesses]
    forced = [_forced(coder, row) for row in coder.probabilities(texts)]
    return AcledFigures(
        n=len(notes), with_event=round(float(np.mean([g.is_event for g in guesses])), 4),
        event_type=class_report(gold_types, [g.event_type or NO_EVENT for g in guesses], ignore=NO_EVENT),
        sub_event_type=class_report(gold_subs, subs, ignore=NO_EVENT),
        forced_event_type_accuracy=class_report(gold_types, [type_of[s] for s in forced]).accuracy,
        forced_sub_event_type_accuracy=class_report(gold_subs, forced).accuracy,
        mean_confidence=round(float(np.mean([g.confidence for g in guesses])), 4),
        calibration_gap=_calibration_gap(guesses, subs, gold_subs))


def _forced(coder: EventCoder, probs: np.ndarray) -> str:
    """The likeliest sub-event type when the unit is known to report an event (the threshold set aside)."""
    probs = probs.copy()
    probs[coder.model.subs.index(None)] = -1.0
    sub = coder.model.subs[int(np.argmax(probs))]
    return sub or NO_EVENT


def _calibration_gap(guesses: Sequence[EventGuess], predicted: Sequence[str], gold: Sequence[str]) -> float:
    """Expected calibration error over 10 confidence bins: |accuracy - mean confidence|, weighted by bin size."""
    conf = np.array([g.confidence for g in guesses])
    right = np.array([p == g for p, g in zip(predicted, gold, strict=True)], dtype=float)
    bins = np.minimum((conf * 10).astype(int), 9)
    gap = sum(abs(right[bins == b].mean() - conf[bins == b].mean()) * np.sum(bins == b)
              for b in range(10) if np.any(bins == b))
    return round(float(gap / len(conf)), 4) if len(conf) else 0.0
