"""A test double for the learned event coder: the first keyword found in a text decides its type, so tests of
the events stage test the reading around a detection (anchor, mood, roles, place, date, toll), not the coder."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from thucydides.events.actorbase import ActorBase
from thucydides.events.report_type import ReportTypeSettings
from thucydides.events.stage import FILTERS as EVENT_FILTERS
from thucydides.events.stage import EventCoderStage, EventsConfig, readers
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document, Event, Interval
from thucydides.steps import Filters


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
class ReadGuess:
    """A coder's reading whose probability of an event is given outright, not derived from `confidence`: for
    stub coders that are sure of an event and unsure of its type, or the other way round."""

    event_type: str | None
    sub_event_type: str | None
    confidence: float
    event_probability: float
    readings: tuple[tuple[str, float], ...] = ()


G = TypeVar("G", bound=Guess | ReadGuess)


class SentenceCoder(Generic[G]):
    """The coder's interface for test doubles: each text read alone (`_read`, what a double defines), the context
    and its weight ignored, the threshold too (a double's readings are given outright)."""

    def classify_in_context(self, texts: Sequence[str], contexts: Sequence[str], weight: float,
                            threshold: float | None = None) -> list[G]:
        return self.classify(texts, threshold)

    def classify(self, texts: Sequence[str], threshold: float | None = None) -> list[G]:
        return [self._read(text) for text in texts]

    def _read(self, text: str) -> G:
        raise NotImplementedError


@dataclass(frozen=True)
class KeywordCoder(SentenceCoder[Guess]):
    """`keywords`: (word, event type, sub-event type), first match wins; `confidence` of every reading;
    `others`: the further sub-event type readings (sub-event type, probability) of every event guess."""

    keywords: tuple[tuple[str, str, str], ...]
    confidence: float = 0.9
    others: tuple[tuple[str, float], ...] = ()

    def _read(self, text: str) -> Guess:
        hit = next(((t, s) for k, t, s in self.keywords if k in text.lower()), None)
        if hit is None:
            return Guess(None, None, self.confidence)
        readings = ((hit[1], self.confidence), *((s, p) for s, p in self.others if s != hit[1]))
        return Guess(hit[0], hit[1], self.confidence, readings)


Read = Callable[..., tuple[Analysis, list[Event]]]


def keyword_events(coder: KeywordCoder, published: date, name: str) -> Read:
    """`read(text, published=..., title=..., report_typing=..., **changes)`: the events stage with `coder` (its
    fallback off unless `changes` turn it on; `changes` made to the shipped stages.events settings) over the upstream
    stages' analysis of `text` (a document with that `title`); the analysis and its events. The typing of a short
    report's lead by its whole reading (`events.report_type`) is off unless `report_typing` is given: a keyword
    double reads a whole report by its first-listed keyword, not as the coder reads it."""
    from thucydides.pipeline import Pipeline

    upstream = Pipeline(["nlp", "actors", "time", "places", "claims"])
    base = section("stages.events", EventsConfig)

    def read(text: str, published: date | None = published, title: str | None = None,
             report_typing: ReportTypeSettings | None = None, **changes: object) -> tuple[Analysis, list[Event]]:
        config = dataclasses.replace(base, **{"fallback": False, **changes})  # type: ignore[arg-type]
        stage = EventCoderStage(coder, config, readers(config),
                                Filters.of("events.filters", EVENT_FILTERS, config.filters), ActorBase(), taxonomy(),
                                report_typing or ReportTypeSettings(steps=()))
        doc = Document.from_text(text, name=name, published=Interval(published, published) if published else None,
                                 title=title)
        analysis: Analysis = upstream.run_documents([doc])[0]
        return analysis, stage.events(analysis)

    return read


def fallback_events(published: date, name: str) -> Callable[[str], list[Event]]:
    """The events of `text` that the fallback predicates alone read (turned on): the keyword coder knows one word,
    'ambushed', which such tests do not use, so it reads no event in them."""
    read = keyword_events(KeywordCoder((("ambushed", "Battles", "Armed clash"),), 0.95), published, name)
    return lambda text: read(text, fallback=True)[1]
