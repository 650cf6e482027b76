"""Publication dates inferred from a report's own text (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from thucydides.time.expressions import find_time_expressions
from thucydides.time.publication import infer_publication

TODAY = date(2026, 1, 1)


def infer(text: str):
    return infer_publication(text, find_time_expressions(text, None, today=TODAY))


def test_no_dates_no_publication():
    assert infer("Fighters advanced on the town. Yesterday two villages fell.") is None


def test_year_alone_or_since_does_not_date_a_report():
    assert infer("The war began in 2011. Raids have continued since mid-2017.") is None


def test_latest_narrated_dates_bound_the_publication():
    text = "The offensive began in early June 2018. In the middle of July 2018 a column arrived."
    published = infer(text)
    assert published is not None
    assert published.inferred
    assert (published.start, published.end) == (date(2018, 7, 11), date(2018, 7, 20))


def test_month_and_part_of_month_combine():
    text = "In mid-December 2018 the town fell. Over 900 people fled as of December 2018."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2018, 12, 11), date(2018, 12, 31))


def test_cue_word_dateline_wins_over_narrated_dates():
    text = "Published: 3 January 2019\n\nThe town fell in mid-December 2018 after weeks of raids."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2019, 1, 3), date(2019, 1, 3))
    assert published.inferred


def test_date_alone_on_a_top_line_is_a_dateline():
    text = "Raids near the border\nMarch 5, 2019\n\nThe camp was shelled in February 2019 by artillery."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2019, 3, 5), date(2019, 3, 5))


def test_agency_dateline():
    text = "BEIRUT, Dec 14, 2018 (Reuters) - Fighters took a village in late November 2018."
    published = infer(text)
    assert published is not None
    assert published.start == date(2018, 12, 14)


def test_weekday_with_date_dates_a_report():
    published = infer("The checkpoint was hit on Friday, December 14, the group said.")
    assert published is not None
    assert published.start == date(2018, 12, 14)
    assert published.inferred


def test_impossible_date_never_dates_a_report():
    assert infer("The attack came on 31 February 2018 at dawn.") is None
