"""A test double for the learned event coder: the first keyword found in a text decides its type, so tests of
the events stage test the reading around a detection (anchor, mood, roles, place, date, toll), not the coder."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Guess:
    event_type: str | None
    sub_event_type: str | None
    confidence: float
    readings: tuple[tuple[str, float], ...] = ()

    @property
    def event_probability(self) -> float:
        return self.confidence if self.event_type else 1 - self.confidence


@dataclass(frozen=True)
class KeywordCoder:
    """`keywords`: (word, event type, sub-event type), first match wins; `confidence` of every reading;
    `others`: the further sub-event type readings (sub-event type, probability) of every event guess."""

    keywords: tuple[tuple[str, str, str], ...]
    confidence: float = 0.9
    others: tuple[tuple[str, float], ...] = ()

    def classify_in_context(self, texts: Sequence[str], contexts: Sequence[str], weight: float,
                            threshold: float | None = None) -> list[Guess]:
        return self.classify(texts, threshold)

    def classify(self, texts: Sequence[str], threshold: float | None = None) -> list[Guess]:
        out = []
        for text in texts:
            hit = next(((t, s) for k, t, s in self.keywords if k in text.lower()), None)
            if hit is None:
                out.append(Guess(None, None, self.confidence))
                continue
            readings = ((hit[1], self.confidence), *((s, p) for s, p in self.others if s != hit[1]))
            out.append(Guess(hit[0], hit[1], self.confidence, readings))
        return out
