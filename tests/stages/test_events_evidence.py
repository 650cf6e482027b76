"""A sentence the coder reads below its threshold is taken at `evidence_threshold` when the linguistic layer finds
the evidence of a happening in it (events.evidence): a toll of people killed or wounded, or a reading of a type of
harm done, with a doer, a place or a date; by default only in a report where nothing else reads as an event. The
test double reads its keywords at a probability of an event below every threshold of the shipped settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

TOLL = "Gunmen killed twelve villagers in Sofara on Tuesday."
NO_TOLL = "Traders marched through Sofara on Tuesday to demand lower taxes."
HARM = "Militiamen shelled the village of Sofara on Tuesday."
BARE = "They were shelled."
WITH_EVENT = "Militiamen ambushed a convoy near Djenne on Monday. Gunmen killed twelve villagers in Sofara on Tuesday."
HARM_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
ON = {"evidence_threshold": 0.45, "evidence_signals": 1, "evidence_harm_types": HARM_TYPES,
      "evidence_eventless_only": True}


class Unsure(KeywordCoder):
    """Keyword readings at 0.5, but 'ambushed' read surely: a report's one happening the coder is sure of."""

    def classify(self, texts, threshold=None):  # type: ignore[no-untyped-def]
        sure = KeywordCoder(self.keywords, 0.95)
        return [s if "ambushed" in t else g for t, g, s in zip(texts, super().classify(texts, threshold),
                                                                 sure.classify(texts, threshold), strict=True)]


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = Unsure((("killed", "Violence against civilians", "Attack"),
                    ("shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
                    ("marched", "Protests", "Peaceful protest"),
                    ("ambushed", "Battles", "Armed clash")), 0.5)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


def test_a_toll_with_its_place_and_date_lowers_the_threshold(events_of: Run) -> None:
    assert events_of(TOLL, evidence_threshold=None) == []
    assert [e.sub_event_type for e in events_of(TOLL, **ON)] == ["Attack"]


def test_harm_read_with_a_place_is_evidence_but_a_protest_is_not(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(HARM, **ON)] == ["Shelling/artillery/missile attack"]
    assert events_of(NO_TOLL, **ON) == []


def test_harm_with_no_doer_place_or_date_is_not_enough(events_of: Run) -> None:
    assert events_of(BARE, **ON) == []


def test_below_the_evidence_threshold_nothing_is_taken(events_of: Run) -> None:
    assert events_of(TOLL, **{**ON, "evidence_threshold": 0.6}) == []


def test_only_in_a_report_with_no_other_event(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(WITH_EVENT, **ON)] == ["Armed clash"]
    both = events_of(WITH_EVENT, **{**ON, "evidence_eventless_only": False})
    assert sorted(e.sub_event_type for e in both) == ["Armed clash", "Attack"]


def test_a_needed_signal_must_be_told(events_of: Run) -> None:
    needs_toll = {**ON, "evidence_needs": ("toll",)}
    assert events_of(HARM, **needs_toll) == []
    assert [e.sub_event_type for e in events_of(TOLL, **needs_toll)] == ["Attack"]
