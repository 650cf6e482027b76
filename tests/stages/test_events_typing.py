"""The type of a happening told in several sentences: the sentence the coder reads most surely gives it, and
among them one that tells people killed before one that tells none (`stages.events.typed_by`). A test double
reads each keyword with its own confidence, so what is tested is the choice among a group's sightings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import ReadGuess, SentenceCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[..., list[Event]]


@dataclass(frozen=True)
class SurenessCoder(SentenceCoder[ReadGuess]):
    """The first keyword found decides the reading, each with its own sureness of the sub-type."""

    keywords: tuple[tuple[str, str, str, float], ...]

    def _read(self, text: str) -> ReadGuess:
        hit = next(((t, s, c) for k, t, s, c in self.keywords if k in text.lower()), None)
        return (ReadGuess(None, None, 0.95, 0.05) if hit is None else
                ReadGuess(hit[0], hit[1], hit[2], 0.95, ((hit[1], hit[2]),)))


CODER = SurenessCoder((
    ("took control", "Battles", "Non-state actor overtakes territory", 0.9),
    ("fought", "Battles", "Armed clash", 0.55),
    ("shot dead", "Violence against civilians", "Attack", 0.6),
    ("looted", "Riots", "Mob violence", 0.8),
    ("reinforcements", "Strategic developments", "Change to group/activity", 0.8),
    ("confiscated", "Strategic developments", "Disrupted weapons use", 0.6),
    ("budget", "Strategic developments", "Other", 0.62),
    ("clashed", "Battles", "Armed clash", 0.95),
))


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(CODER, date(2025, 6, 12), "t.txt")  # type: ignore[arg-type]
    return lambda text, **changes: read(text, **changes)[1]


TAKEOVER = ("Rebels fought soldiers in the town of Bunia on Monday. On Monday the rebels took control of the town of "
            "Bunia after the soldiers withdrew.")


def test_the_surest_sentence_types_the_happening(events_of: Run) -> None:
    events = events_of(TAKEOVER, typed_by="surest")
    assert len(events) == 1 and "territory" in events[0].sub_event_type  # as recoded by the taker's kind


def test_the_first_sentence_types_it_when_so_set(events_of: Run) -> None:
    events = events_of(TAKEOVER, typed_by="lead")
    assert [e.sub_event_type for e in events] == ["Armed clash"]


LOOTING = "A crowd looted shops in the market of Bunia on Monday. Two traders were shot dead."


def test_a_sentence_telling_deaths_types_the_happening_before_a_surer_one(events_of: Run) -> None:
    """The looting is read more surely, but the deaths told just after belong to the same happening."""
    assert [e.sub_event_type for e in events_of(LOOTING, typed_by="deadliest")] == ["Attack"]
    assert [e.sub_event_type for e in events_of(LOOTING, typed_by="surest")] == ["Mob violence"]


def test_an_unknown_choice_is_refused(events_of: Run) -> None:
    with pytest.raises(ValueError, match="typed_by"):  # a KnowledgeError naming the setting
        events_of(TAKEOVER, typed_by="loudest")


NARRATIVE = ("Militiamen clashed with soldiers near Gao on Tuesday. Army reinforcements arrived in the region on "
             "Wednesday, officers said.")


def test_a_change_of_activity_read_unsurely_in_a_story_is_no_event(events_of: Run) -> None:
    """The shipped floor (`sub_min_confidence`): on news, the coder reads a movement told as background as a
    change to a group's activity; only a sure reading is taken beside another event."""
    assert [e.sub_event_type for e in events_of(NARRATIVE)] == ["Armed clash"]
    unfloored = events_of(NARRATIVE, sub_min_confidence={})
    assert sorted(e.sub_event_type for e in unfloored) == ["Armed clash", "Change to group/activity"]


SEIZURE = ("Militiamen clashed with soldiers near Gao on Tuesday. Officers confiscated two hunting rifles from a "
           "farmhouse on Wednesday.")


def test_a_weapons_seizure_read_unsurely_in_a_story_is_no_event(events_of: Run) -> None:
    """The shipped floor for *Disrupted weapons use*: ACLED's notes of that type are read at 0.9 and more, local news
    of police finding guns at 0.5-0.6; only a sure reading is taken beside another event."""
    assert [e.sub_event_type for e in events_of(SEIZURE)] == ["Armed clash"]
    unfloored = events_of(SEIZURE, sub_min_confidence={})
    assert sorted(e.sub_event_type for e in unfloored) == ["Armed clash", "Disrupted weapons use"]


BUDGET = ("Militiamen clashed with soldiers near Gao on Tuesday. The governor presented the budget of the province "
          "on Wednesday.")


def test_a_catch_all_reading_as_unsure_as_news_gives_is_no_event(events_of: Run) -> None:
    """The shipped floor for *Other*: the coder reads news sentences that tell no happening as *Other* at 0.5-0.65;
    ACLED's notes of that type it reads at 0.8 and more."""
    assert [e.sub_event_type for e in events_of(BUDGET)] == ["Armed clash"]
    assert sorted(e.sub_event_type for e in events_of(BUDGET, sub_min_confidence={"Other": 0.5})) == [
        "Armed clash", "Other"]
