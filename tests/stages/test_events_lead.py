"""A report's lead (headline and first sentence) is read with its own threshold: news tells its main happening
first, so a lead sentence the coder reads as an event less surely than the body's threshold is still taken,
and the same reading later in the body is not. A keyword test double stands in for the learned coder."""

from __future__ import annotations

from dataclasses import replace
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

KEYWORDS = (("clashed", "Battles", "Armed clash"), ("shelled", "Explosions/Remote violence",
                                                    "Shelling/artillery/missile attack"))
REPORT = ("Soldiers clashed with rebels near Kadugli on Monday. The governor met elders in the town on Tuesday. "
          "Artillery shelled Dilling on Tuesday, residents said.")


@pytest.fixture(scope="module")
def upstream():  # type: ignore[no-untyped-def]
    from thucydides.pipeline import Pipeline

    doc = Document.from_text(REPORT, name="t.txt", published=Interval(date(2024, 3, 6), date(2024, 3, 6)))
    return Pipeline(["nlp", "actors", "time", "places", "claims"]).run_documents([doc])[0]


def _events(analysis: Analysis, **over: object) -> list[Event]:
    config = replace(section("stages.events", EventsConfig), threshold=0.9, single_threshold=1.0,
                     evidence_threshold=None, **over)  # the lead's threshold alone: no short-report or evidence rescue
    stage = EventCoderStage(KeywordCoder(KEYWORDS, 0.8), config, readers(config),
                            Filters.of("events.filters", EVENT_FILTERS, config.filters), ActorBase(), taxonomy())
    return stage.events(analysis)


def test_a_lead_read_less_surely_than_the_body_threshold_is_taken(upstream) -> None:  # type: ignore[no-untyped-def]
    events = _events(upstream, lead_threshold=0.75, lead_sentences=1)
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_without_a_lead_threshold_neither_is_taken(upstream) -> None:  # type: ignore[no-untyped-def]
    assert _events(upstream, lead_threshold=None) == []


def test_a_longer_lead_reaches_later_sentences(upstream) -> None:  # type: ignore[no-untyped-def]
    events = _events(upstream, lead_threshold=0.75, lead_sentences=3)
    assert sorted(e.sub_event_type for e in events) == ["Armed clash", "Shelling/artillery/missile attack"]
