"""A date told on a verb of telling dates the telling, not the happening (events.when.told_on and the `telling` date
step): the happening took place in the days up to it. A keyword test double stands in for the learned coder.
Sentences written for these tests; the report is published on Friday 17 May 2024."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

KEYWORDS = (("kidnapped", "Violence against civilians", "Abduction/forced disappearance"),)

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    read = keyword_events(KeywordCoder(KEYWORDS, 0.95), date(2024, 5, 17), "t.txt")
    return lambda text, **changes: read(text, **changes)[1]


TOLD_TUESDAY = "Police said on Tuesday that gunmen kidnapped six traders near Gao."


def test_a_happening_told_on_a_day_falls_in_the_days_up_to_it(events_of: Run) -> None:
    """Tuesday is when the police told it: the kidnapping was on or before it (three days' window)."""
    [event] = events_of(TOLD_TUESDAY)
    assert event.date is not None and (event.date.start, event.date.end) == (date(2024, 5, 11), date(2024, 5, 14))
    assert event.time_precision == 2


def test_a_telling_after_the_happening_dates_it_the_same(events_of: Run) -> None:
    [event] = events_of("Gunmen kidnapped six traders near Gao, the police said on Tuesday.")
    assert event.date is not None and event.date.end == date(2024, 5, 14) and event.date.start == date(2024, 5, 11)


def test_a_day_of_its_own_beats_the_day_it_was_told(events_of: Run) -> None:
    [event] = events_of("Gunmen kidnapped six traders near Gao on Monday, the police said on Tuesday.")
    assert event.date is not None and event.date.start == date(2024, 5, 13) == event.date.end


def test_without_telling_apart_the_telling_day_dates_it(events_of: Run) -> None:
    [event] = events_of(TOLD_TUESDAY, date_telling_apart=False)
    assert event.date is not None and event.date.start == date(2024, 5, 14) == event.date.end


CARRIED_TELLING = "The governor said on Tuesday that the roads were unsafe. Gunmen kidnapped six traders near Gao."


def test_a_telling_day_is_not_carried_to_the_next_sentence(events_of: Run) -> None:
    """The next sentence's kidnapping is not Tuesday's: with no date of its own, the publication days date it."""
    [event] = events_of(CARRIED_TELLING)
    assert event.date is not None and event.date.end == date(2024, 5, 17)


def test_without_telling_apart_the_telling_day_is_carried(events_of: Run) -> None:
    [event] = events_of(CARRIED_TELLING, date_telling_apart=False)
    assert event.date is not None and event.date.start == date(2024, 5, 14) == event.date.end


def _told_on(text: str, anchor: str, phrase: str) -> bool:
    """Whether the time phrase `phrase` of `text` (published 17 May 2024) is told on a verb of telling, for the
    happening anchored on the word `anchor`."""
    from tests.stages.parsed import word
    from thucydides.events.when import told_on
    from thucydides.ling.context import DocContext
    from thucydides.model import Analysis, Document, Interval
    from thucydides.pipeline import Pipeline

    doc = Document.from_text(text, name="told.txt", published=Interval(date(2024, 5, 17), date(2024, 5, 17)))
    analysis = Analysis(doc)
    Pipeline(["nlp", "actors", "time"])([analysis])
    ctx = DocContext.of(analysis)
    [t] = [t for t in analysis.times if t.text.endswith(phrase)]
    return told_on(ctx, t, word(ctx.doc, anchor))


def test_a_date_on_the_telling_verb_of_another_clause_is_told_on():
    assert _told_on("The army said on Monday that rebels burned a school in Gao.", "burned", "Monday")


def test_a_date_of_the_anchors_own_clause_is_not_told_on():
    """The announcement is the happening: its date is its own, even on a verb of telling."""
    assert not _told_on("The council announced a ceasefire in Gao on Monday.", "announced", "Monday")
    assert not _told_on("Rebels burned a school in Gao on Monday, the army said.", "burned", "Monday")


def test_an_aside_on_the_source_is_not_told_on():
    """'as reported on 3 May' says where the sentence's account comes from; its date is the happening's."""
    assert not _told_on("As reported on 14 May, rebels burned a school in Gao.", "burned", "14 May")


def test_a_telling_that_tells_no_clause_is_its_own_happening():
    """'announced its formation on 14 May': what was announced is the announcement; a later sentence may carry it."""
    assert not _told_on("The front announced its formation on 14 May. Rebels burned a school in Gao.", "burned",
                        "14 May")
