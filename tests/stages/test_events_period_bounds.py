"""A date told under 'since' or 'until' bounds a period; it never dates the happening of the clause it hangs in
('the deadliest raid since the start of the war in 2014'): read so, a fresh happening would be dated years back
and left out as background."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from tests.stages.parsed import word
from thucydides.ling.clauses import bounds_period

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Gunmen killed twelve farmers in the deadliest raid on the valley since the start of the war in 2014.",
    "Gunmen killed twelve farmers in the deadliest raid on the valley since the war began in 2014.",
    "The road stayed closed until the truce of the two armies in 2014.",
])
def test_a_year_under_since_or_until_bounds_a_period(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert bounds_period(word(nlp(text), "2014"))


@pytest.mark.parametrize("text", [
    "Gunmen killed twelve farmers in a raid on the valley in 2014.",
    "Since the army left, gunmen have raided the valley, most recently in 2014.",
])
def test_a_year_that_dates_its_clause_does_not(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not bounds_period(word(nlp(text), "2014"))


def test_the_date_of_the_happening_its_own_since_clause_tells_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Since gunmen raided the valley in 2014, thousands of farmers have fled.")
    assert bounds_period(word(doc, "2014"))
    assert not bounds_period(word(doc, "2014"), happening=word(doc, "raided"))


def test_the_happening_keeps_the_reports_days_not_the_bound() -> None:
    read = keyword_events(KeywordCoder((("killed", "Violence against civilians", "Attack"),), 0.95),
                          date(2024, 5, 17), "r.txt")
    _, events = read("Gunmen killed twelve farmers near Gao in the deadliest raid on the valley since the start of "
                     "the war in 2014, residents said.")
    assert len(events) == 1
    assert events[0].date is not None and events[0].date.start is not None
    assert events[0].date.start.year == 2024
