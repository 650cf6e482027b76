"""The fallback predicates told as nouns: 'led to the arrest of four men' reports an arrest as a verb would;
'the arrest of the men sent a warning' comments on one, as its subject. The keyword test double reads no
event in these sentences, so what is tested is the fallback alone (turned on here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder((("ambushed", "Battles", "Armed clash"),), 0.95), date(2024, 5, 17), "f.txt")
    return lambda text: read(text, fallback=True)[1]


def test_an_arrest_told_as_a_noun_that_its_clause_reports_is_an_arrest(events_of: Run) -> None:
    text = "Papers found in the depot led to the arrest of four traders in Mopti on Wednesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Arrests"]


def test_an_arrest_told_as_the_subject_of_a_comment_is_no_event(events_of: Run) -> None:
    text = "The arrest of four traders in Mopti on Wednesday sent a warning to the market's other sellers."
    assert events_of(text) == []


def test_an_arrest_told_as_a_verb_is_still_an_arrest(events_of: Run) -> None:
    text = "Gendarmes arrested four traders in Mopti on Wednesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Arrests"]


def test_a_capture_of_a_town_told_as_a_noun_is_a_takeover(events_of: Run) -> None:
    text = "The rebels announced the capture of the town of Mopti on Wednesday."
    assert [e.sub_event_type for e in events_of(text)] == ["Non-state actor overtakes territory"]
