"""The events stage: units of a report the learned coder reads as ACLED events, with their actors,
place, date and toll read from the linguistic layer by named steps, recoded by ACLED's rules, and one
event per happening.

Filters (settings `stages.events.filters`) drop what did not happen: a negated, modal, conditional or
intended clause ('realis').
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.events.actorbase import ActorBase
from thucydides.events.build import Readers, group, read_sighting, to_event
from thucydides.events.context import DocContext
from thucydides.events.detect import Candidate, Coder, detect
from thucydides.events.roles import ACTOR1_STEPS, ACTOR2_STEPS
from thucydides.events.when import DATE_STEPS
from thucydides.events.where import PLACE_STEPS
from thucydides.knowledge.acled import Taxonomy, taxonomy
from thucydides.ling.clauses import is_realis
from thucydides.model import Analysis, Event
from thucydides.pipeline import StageFn, stage
from thucydides.steps import Filters, Steps


@dataclass(frozen=True)
class EventsConfig:
    model: str | None
    """The event coder's artefact (.npz); null: the one shipped with the package."""
    threshold: float
    """The coder's confidence below which a unit is not taken for an event."""
    filters: tuple[str, ...]
    actor1_steps: tuple[str, ...]
    actor2_steps: tuple[str, ...]
    place_steps: tuple[str, ...]
    date_steps: tuple[str, ...]
    anaphora_reach: int
    """Sentences back a pronoun may point."""
    undated_window_days: int
    background_days: int
    """A happening dated this many days before publication is background: never merged with the news."""
    evidence_max: int
    """Characters of a unit quoted as evidence."""


def _realis(c: Candidate) -> bool:
    return is_realis(c.anchor)


FILTERS: Mapping[str, Callable[[Candidate], bool]] = {"realis": _realis}


def readers(config: EventsConfig) -> Readers:
    first_default = ("default", *(s for s in config.actor1_steps if s != "default"))
    return Readers(
        actor1=Steps.of("events.actor1_steps", ACTOR1_STEPS, config.actor1_steps),
        actor1_first_default=Steps.of("events.actor1_steps", ACTOR1_STEPS, first_default),
        actor2=Steps.of("events.actor2_steps", ACTOR2_STEPS, config.actor2_steps),
        place=Steps.of("events.place_steps", PLACE_STEPS, config.place_steps),
        date=Steps.of("events.date_steps", DATE_STEPS, config.date_steps),
        anaphora_reach=config.anaphora_reach,
        undated_window_days=config.undated_window_days,
        background_days=config.background_days,
    )


@dataclass(frozen=True)
class EventCoderStage:
    coder: Coder
    config: EventsConfig
    readers: Readers
    filters: Filters[Candidate]
    base: ActorBase
    taxonomy: Taxonomy

    def events(self, analysis: Analysis) -> list[Event]:
        ctx = DocContext.of(analysis)
        candidates = [c for c in detect(ctx, self.coder, self.config.threshold) if self.filters.failing(c) is None]
        sightings = [read_sighting(ctx, c, self.readers, self.base, self.taxonomy) for c in candidates]
        return [to_event(g, ctx, self.config.evidence_max) for g in group(ctx, sightings)]

    def __call__(self, batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.events = self.events(analysis)


def load_coder(model: str | None) -> Coder:
    from thucydides.events.coder import EventCoder

    return EventCoder.load(Path(model) if model else None)


@stage("events", requires=("spacy_doc", "segments", "actors", "toponyms", "places", "times", "claims"),
       assigns=("events",), config=EventsConfig)
def make_events_stage(config: EventsConfig) -> StageFn:
    return EventCoderStage(
        coder=load_coder(config.model),
        config=config,
        readers=readers(config),
        filters=Filters.of("events.filters", FILTERS, config.filters),
        base=ActorBase(),
        taxonomy=taxonomy(),
    )
