"""The second reading (events.recall): in a report where nothing is read as an event, a sentence the coder reads
below its threshold, mostly as harm done, is taken when a small model over the coder's reading and the clause's
evidence judges it an event. The test double reads its keywords at 0.5, below every threshold of the shipped
settings; the model here is written by hand (one weight on the sentence's date), so the tests test the wiring."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.events import detect
from thucydides.events.recall import FEATURES, Recall, RecallModel, RecallSettings, clause_evidence, harm_sub_types
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]

HARM_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
DATED = "Rebel drones struck a fuel depot outside Goma on Tuesday."
UNDATED = "Rebel drones struck a fuel depot outside Goma."
PROTEST = "Traders marched through Goma on Tuesday to demand lower taxes."
WITH_EVENT = "Soldiers ambushed a convoy near Beni on Monday. Rebel drones struck a fuel depot outside Goma on Tuesday."
OFF = {"second_reading": False, "evidence_threshold": None}
ON = {"second_reading": True, "evidence_threshold": None}


def dated_model() -> Recall:
    """A model that reads an event exactly where the unit tells a date (probability 0.95, else 0.05)."""
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("bias")] = -2.944
    weights[FEATURES.index("date")] = 5.888
    return Recall(RecallSettings(model="hand", threshold=0.9, floor=0.05, harm_types=HARM_TYPES),
                  RecallModel(tuple(weights)), harm_sub_types(HARM_TYPES))


class Unsure(KeywordCoder):
    """Keyword readings at 0.5, but 'ambushed' read surely: a report's one happening the coder is sure of."""

    def classify(self, texts, threshold=None):  # type: ignore[no-untyped-def]
        sure = KeywordCoder(self.keywords, 0.95)
        return [s if "ambushed" in t else g for t, g, s in zip(texts, super().classify(texts, threshold),
                                                                 sure.classify(texts, threshold), strict=True)]


@pytest.fixture(autouse=True)
def hand_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(detect, "recall", dated_model)
    yield


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = Unsure((("struck", "Explosions/Remote violence", "Air/drone strike"),
                    ("marched", "Protests", "Peaceful protest"),
                    ("ambushed", "Battles", "Armed clash")), 0.5)
    read = keyword_events(coder, date(2025, 3, 14), "r.txt")
    return lambda text, **changes: read(text, **changes)[1]


def test_the_model_takes_a_harm_sentence_it_judges_an_event(events_of: Run) -> None:
    assert events_of(DATED, **OFF) == []
    assert [e.sub_event_type for e in events_of(DATED, **ON)] == ["Air/drone strike"]


def test_a_sentence_the_model_judges_no_event_is_not_taken(events_of: Run) -> None:
    assert events_of(UNDATED, **ON) == []


def test_a_reading_of_no_harm_is_not_read_again(events_of: Run) -> None:
    assert events_of(PROTEST, **ON) == []


def test_only_in_a_report_with_no_other_event(events_of: Run) -> None:
    assert [e.sub_event_type for e in events_of(WITH_EVENT, **ON)] == ["Armed clash"]


def test_the_clause_evidence_features(nlp) -> None:  # type: ignore[no-untyped-def]
    said = clause_evidence(nlp("Police said gunmen killed three traders.")[:])
    denied = clause_evidence(nlp("We did not attack the market.")[:])
    names = ("violence_word", "death_word", "realis", "reported", "first_person", "quoted", "negated")
    assert dict(zip(names, said, strict=False)) == {"violence_word": 1.0, "death_word": 1.0, "realis": 1.0,
                                                    "reported": 1.0, "first_person": 0.0, "quoted": 0.0,
                                                    "negated": 0.0}
    assert dict(zip(names, denied, strict=False))["negated"] == 1.0
    assert dict(zip(names, denied, strict=False))["first_person"] == 1.0
    assert dict(zip(names, denied, strict=False))["violence_word"] == 1.0
