"""The fallback reads an arrest only of people ACLED codes the arrest of (journalists, protesters, members of armed
or political groups), or of people arrested in a report that names an armed or political group: local news
tells arrests of ordinary crime suspects, which ACLED does not code (bench/news_events.py). The keyword test
double reads no event in these sentences, so what is tested is the fallback alone (turned on here)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import fallback_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    return fallback_events(date(2024, 5, 17), "arrests.txt")


@pytest.mark.parametrize("text", [
    "Deputies arrested a 31-year-old man in Millbrook on Tuesday after a stolen truck was found at his farm.",
    "A woman from Millbrook was detained by county police on Tuesday on charges of burglary.",
    "The suspect in the bakery burglary was apprehended in Millbrook on Tuesday night.",
])
def test_the_arrest_of_a_crime_suspect_is_no_event(events_of: Run, text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize("text", [
    "Police in Millbrook arrested two journalists covering the vote count on Tuesday.",
    "Riot police detained eleven protesters outside the parliament in Millbrook on Tuesday.",
    "Police in Millbrook arrested the opposition candidate and three of his campaign staff on Tuesday.",
    "Soldiers detained four suspected militants at a checkpoint near Millbrook on Tuesday.",
])
def test_the_arrest_of_political_people_is_an_arrest(events_of: Run, text: str) -> None:
    assert [e.sub_event_type for e in events_of(text)] == ["Arrests"]


def test_people_arrested_in_a_report_naming_an_armed_group_are_an_arrest(events_of: Run) -> None:
    text = ("Al-Shabaab fighters attacked a base near Baidoa on Monday. "
            "Documents found at the base led to the arrest of six people in Baidoa on Tuesday.")
    assert "Arrests" in [e.sub_event_type for e in events_of(text)]
