"""Phrases counting days from the day a report told last (time.sequels). Phrases written for these tests."""

from __future__ import annotations

import pytest

from thucydides.time.sequels import sequels


@pytest.mark.parametrize(("text", "low", "high"), [
    ("The next day, soldiers returned.", 1, 1),
    ("On the following day the road reopened.", 1, 1),
    ("Two days later, the market burned.", 2, 2),
    ("3 days after, crowds gathered.", 3, 3),
    ("A day earlier, a convoy was hit.", -1, -1),
    ("The day before, a convoy was hit.", -1, -1),
    ("A week later, talks began.", 4, 10),
    ("Hours later, a second blast.", 0, 1),
    ("Days earlier, a bridge fell.", -7, -2),
])
def test_a_sequel_counts_days_from_the_day_told_last(text: str, low: int, high: int) -> None:
    [found] = sequels().find(text)
    assert (found.low, found.high) == (low, high)


def test_phrases_counted_from_publication_are_no_sequels() -> None:
    """'the day before yesterday', 'next week', 'yesterday' are the time stage's, counted from publication."""
    assert sequels().find("It happened the day before yesterday, and talks resume next week.") == []


def test_after_with_words_after_it_counts_from_what_they_tell() -> None:
    """'two days after the raid': counted from the raid, not from the day told last."""
    assert sequels().find("Two days after the raid, crowds gathered.") == []


def test_a_sequel_dates_only_opening_its_sentence() -> None:
    """Told late in a sentence it is mostly said of another happening ('the killing of a man the day before')."""
    assert sequels().opening_sentence("And the next day, crowds gathered.") is not None
    assert sequels().opening_sentence("Crowds denounced the killing of a trader the day before.") is None
