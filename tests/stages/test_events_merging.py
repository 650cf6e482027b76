"""How the units of one report become events: sightings of one happening merge, sightings of different
happenings told in one report stay apart. A keyword test double stands in for the learned coder, so the
grouping is what is tested, on reports we wrote."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder
from thucydides.events.actorbase import ActorBase
from thucydides.events.stage import FILTERS as EVENT_FILTERS
from thucydides.events.stage import EventCoderStage, EventsConfig, readers
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.settings import section
from thucydides.model import Analysis, Document, Event, Interval
from thucydides.steps import Filters

pytestmark = pytest.mark.slow

KEYWORDS = (
    ("stormed", "Battles", "Armed clash"),
    ("raided", "Battles", "Armed clash"),
    ("assault", "Battles", "Armed clash"),
    ("arrested", "Strategic developments", "Arrests"),
)

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    from thucydides.pipeline import Pipeline

    upstream = Pipeline(["nlp", "actors", "time", "places", "claims"])
    base = section("stages.events", EventsConfig)

    def run(text: str, published: date = date(2025, 6, 12), **changes: object) -> list[Event]:
        config = dataclasses.replace(base, fallback=False, **changes)  # type: ignore[arg-type]
        stage = EventCoderStage(KeywordCoder(KEYWORDS, 0.95), config, readers(config),
                                Filters.of("events.filters", EVENT_FILTERS, config.filters), ActorBase(), taxonomy())
        doc = Document.from_text(text, name="m.txt", published=Interval(published, published))
        analysis: Analysis = upstream.run_documents([doc])[0]
        return stage.events(analysis)

    return run


def test_a_happening_of_another_named_doer_is_another_event(events_of: Run) -> None:
    """The first sighting names no doer; a later one names it; a third, by another named doer at the same
    place and days, is a second happening, not part of the first."""
    text = ("A guesthouse in Kismayo was stormed on Tuesday morning. Al-Shabaab claimed responsibility for the "
            "assault on the guesthouse. Shops in the port stayed shut all day. The Somali army said its soldiers "
            "raided a camp of the group on Tuesday, killing twelve fighters.")
    events = events_of(text)
    assert len(events) == 2
    assert events[0].fatalities != 12 and events[1].fatalities == 12
