"""The fallback predicates told as nouns ('led to the arrest of four men' reports an arrest as a verb would;
'the arrest of the men sent a warning' comments on one, as its subject), and custody told with the date it runs
from (the arrest that began it). The keyword test double reads no event in these sentences, so what is tested
is the fallback alone (turned on here)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, fallback_events, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    return fallback_events(date(2024, 5, 17), "f.txt")


def test_an_arrest_told_as_a_noun_that_its_clause_reports_is_an_arrest(events_of: Run) -> None:
    text = "Papers found in the depot led to the arrest of four journalists in Mopti on Wednesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Arrests"]


def test_an_arrest_told_as_the_subject_of_a_comment_is_no_event(events_of: Run) -> None:
    text = "The arrest of four journalists in Mopti on Wednesday sent a warning to the town's other reporters."
    assert events_of(text) == []


def test_an_arrest_told_as_a_verb_is_still_an_arrest(events_of: Run) -> None:
    text = "Gendarmes arrested four journalists in Mopti on Wednesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Arrests"]


def test_a_capture_of_a_town_told_as_a_noun_is_a_takeover(events_of: Run) -> None:
    text = "The rebels announced the capture of the town of Mopti on Wednesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Non-state actor overtakes territory"]


def test_a_custody_told_to_run_from_a_date_is_an_arrest_on_that_date(events_of: Run) -> None:
    events = events_of("The editor of a weekly in Mopti has been in detention since 3 May.")
    assert [(e.sub_event_type, e.date.start if e.date else None) for e in events] == [("Arrests", date(2024, 5, 3))]


def test_a_custody_without_the_date_it_runs_from_is_no_event(events_of: Run) -> None:
    assert events_of("The editor of a weekly in Mopti remains in detention.") == []


def test_a_date_hung_on_another_word_is_not_the_custodys(events_of: Run) -> None:
    text = "Six traders in Mopti remain held: two in detention, with four others serving sentences since 2020."
    assert events_of(text) == []


@dataclass(frozen=True)
class UnsureGuess:
    """An event the coder is sure of (0.95) but not of its sub-type (0.4, under `fallback_below`)."""

    event_type: str | None = "Protests"
    sub_event_type: str | None = "Peaceful protest"
    confidence: float = 0.4
    event_probability: float = 0.95
    readings: tuple[tuple[str, float], ...] = (("Peaceful protest", 0.4),)


class UnsureCoder(KeywordCoder):
    def classify(self, texts: Sequence[str], threshold: float | None = None) -> list[UnsureGuess]:  # type: ignore[override]
        return [UnsureGuess() for _ in texts]


def test_a_noun_does_not_override_an_event_the_coder_reads() -> None:
    """'marched over the arrest of X': the coder reads a protest, unsure of its sub-type; the arrest named as a
    noun is weaker evidence than that reading (a verb would override it)."""
    read = keyword_events(UnsureCoder(()), date(2024, 5, 17), "u.txt")
    events = read("Traders in Mopti marched on Wednesday over the arrest of four sellers.", fallback=True)[1]
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]
