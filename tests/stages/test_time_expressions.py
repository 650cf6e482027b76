"""Date phrases normalised to intervals: sentences written for these tests, no report text."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.model import Interval
from thucydides.time.expressions import find_time_expressions

ANCHOR = Interval(date(2018, 12, 20), date(2018, 12, 20))  # a Thursday
TODAY = date(2026, 1, 1)


def only(text: str, anchor: Interval | None = ANCHOR):
    found = find_time_expressions(text, anchor, today=TODAY)
    assert len(found) == 1, found
    expr = found[0]
    assert text[expr.start:expr.end] == expr.text
    return expr


def days(expr) -> tuple[date | None, date | None]:
    return expr.interval.start, expr.interval.end


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("The town fell on 10 September 2018 after a siege.", date(2018, 9, 10), date(2018, 9, 10), 1),
        ("The town fell on September 10, 2018 after a siege.", date(2018, 9, 10), date(2018, 9, 10), 1),
        ("Troops entered Raqqa on 3rd March 2017.", date(2017, 3, 3), date(2017, 3, 3), 1),
        ("Fighting resumed in December 2018 near Hajin.", date(2018, 12, 1), date(2018, 12, 31), 3),
        ("The convoy arrived in mid-December 2018.", date(2018, 12, 11), date(2018, 12, 20), 2),
        ("The offensive began in early June 2018.", date(2018, 6, 1), date(2018, 6, 10), 2),
        ("Militias withdrew at the end of June 2018.", date(2018, 6, 21), date(2018, 6, 30), 2),
        ("Reinforcements came in the middle of July 2018.", date(2018, 7, 11), date(2018, 7, 20), 2),
        ("The campaign started in mid-2017.", date(2017, 5, 1), date(2017, 8, 31), 3),
        ("Protests erupted in 2011, the group said.", date(2011, 1, 1), date(2011, 12, 31), 3),
        ("Strikes were logged in the second week of May 2016.", date(2016, 5, 8), date(2016, 5, 14), 2),
        ("The dam was taken in the summer of 2017.", date(2017, 6, 1), date(2017, 8, 31), 3),
        ("Raids peaked in the first half of 2015.", date(2015, 1, 1), date(2015, 6, 30), 3),
        ("The report is dated 2018-11-05 in the archive.", date(2018, 11, 5), date(2018, 11, 5), 1),
        ("The bridge reopened on 25/12/2017 officially.", date(2017, 12, 25), date(2017, 12, 25), 1),
        ("Talks were held on Dec. 3, 2018 in Geneva.", date(2018, 12, 3), date(2018, 12, 3), 1),
        ("Talks were held in MAY 2016 in Geneva.", date(2016, 5, 1), date(2016, 5, 31), 3),
    ],
)
def test_absolute_dates(text, first, last, precision):
    expr = only(text)
    assert days(expr) == (first, last)
    assert expr.precision == precision
    assert expr.role == "point"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Shelling was heavy from late October to early November 2018.", date(2018, 10, 21), date(2018, 11, 10)),
        ("Aid was blocked between March and May 2016.", date(2016, 3, 1), date(2016, 5, 31)),
        ("The siege lasted from 2012 to 2014 in the old city.", date(2012, 1, 1), date(2014, 12, 31)),
        ("Curfews held on 10-12 December 2018 in the town.", date(2018, 12, 10), date(2018, 12, 12)),
        ("Curfews held on December 10-12, 2018 in the town.", date(2018, 12, 10), date(2018, 12, 12)),
        ("Curfews held between 3 and 5 December 2018 in the town.", date(2018, 12, 3), date(2018, 12, 5)),
        ("Winter storms hit from December 2017 to February 2018.", date(2017, 12, 1), date(2018, 2, 28)),
    ],
)
def test_ranges_are_one_expression_during(text, first, last):
    expr = only(text)
    assert days(expr) == (first, last)
    assert expr.role == "during"


def test_year_of_a_range_start_carries_back_across_new_year():
    spring = Interval(date(2019, 4, 1), date(2019, 4, 1))
    expr = only("Clashes went on from December to January 2019 along the river.", spring)
    assert days(expr) == (date(2018, 12, 1), date(2019, 1, 31))


@pytest.mark.parametrize(
    ("text", "role", "first", "last"),
    [
        ("Over 900 fighters were killed since 10 September 2018.", "since", date(2018, 9, 10), None),
        ("Thousands have fled since September.", "since", date(2018, 9, 1), None),
        ("The road stayed closed until March 2018.", "until", None, date(2018, 3, 31)),
        ("The toll stood at 40 as of December 2018.", "point", date(2018, 12, 1), date(2018, 12, 31)),
        ("Raids continued throughout 2017 across the valley.", "during", date(2017, 1, 1), date(2017, 12, 31)),
    ],
)
def test_role_comes_from_the_word_before(text, role, first, last):
    expr = only(text)
    assert expr.role == role
    assert days(expr) == (first, last)
    assert expr.text.lower().startswith(text[expr.start:expr.start + 2].lower())


def test_since_keeps_the_word_in_its_span():
    expr = only("Over 900 fighters were killed since 10 September 2018.")
    assert expr.text == "since 10 September 2018"
    assert expr.precision == 1


def test_since_a_month_picks_the_latest_one_not_after_publication():
    march = Interval(date(2019, 3, 1), date(2019, 3, 1))
    assert days(only("Thousands have fled since September.", march)) == (date(2018, 9, 1), None)
    october = Interval(date(2019, 10, 2), date(2019, 10, 2))
    assert days(only("Thousands have fled since September.", october)) == (date(2019, 9, 1), None)


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("The checkpoint was hit yesterday.", date(2018, 12, 19), date(2018, 12, 19), 1),
        ("The checkpoint was hit on Wednesday.", date(2018, 12, 19), date(2018, 12, 19), 1),
        ("The checkpoint was hit on Thursday.", date(2018, 12, 20), date(2018, 12, 20), 1),
        ("The checkpoint was hit last Thursday.", date(2018, 12, 13), date(2018, 12, 13), 1),
        ("The checkpoint was hit on Friday night.", date(2018, 12, 14), date(2018, 12, 14), 1),
        ("Gunfire was heard overnight in the camp.", date(2018, 12, 19), date(2018, 12, 20), 2),
        ("They advanced 7 km in the past 10-12 days.", date(2018, 12, 8), date(2018, 12, 20), 2),
        ("In the last hours, hundreds were evacuated.", date(2018, 12, 20), date(2018, 12, 20), 1),
        ("In the last 48 hours, hundreds were evacuated.", date(2018, 12, 18), date(2018, 12, 20), 2),
        ("Two villages fell last week.", date(2018, 12, 10), date(2018, 12, 16), 2),
        ("Two villages fell three days ago.", date(2018, 12, 17), date(2018, 12, 17), 1),
        ("Dozens fled in recent days.", date(2018, 12, 15), date(2018, 12, 20), 2),
        ("Dozens fled over the past week.", date(2018, 12, 13), date(2018, 12, 20), 2),
        ("Dozens fled earlier this month.", date(2018, 12, 1), date(2018, 12, 20), 3),
        ("Two villages fell last month.", date(2018, 11, 1), date(2018, 11, 30), 3),
        # a possessive names the calendar period, not the window up to publication
        ("Many recalled the riots in last year's vote.", date(2017, 1, 1), date(2017, 12, 31), 3),
        ("In last month's raids, dozens fled.", date(2018, 11, 1), date(2018, 11, 30), 3),
        ("The toll of the previous day's raids rose.", date(2018, 12, 19), date(2018, 12, 20), 2),
        ("The checkpoint was hit on Friday, December 14.", date(2018, 12, 14), date(2018, 12, 14), 1),
        ("Militants attacked in late October.", date(2018, 10, 21), date(2018, 10, 31), 2),
    ],
)
def test_relative_phrases_count_from_publication(text, first, last, precision):
    expr = only(text)
    assert days(expr) == (first, last)
    assert expr.precision == precision


def test_past_window_is_during():
    assert only("They advanced 7 km in the past 10-12 days.").role == "during"


def test_inferred_anchor_range_widens_relative_dates_and_marks_them_inferred():
    week = Interval(date(2018, 12, 17), date(2018, 12, 23), inferred=True)
    expr = only("The checkpoint was hit yesterday.", week)
    assert days(expr) == (date(2018, 12, 16), date(2018, 12, 22))
    assert expr.precision == 2
    assert expr.interval.inferred


@pytest.mark.parametrize(
    "text",
    [
        "The checkpoint was hit yesterday.",
        "The checkpoint was hit on Wednesday.",
        "They advanced 7 km in the past 10-12 days.",
        "Militants attacked in late October.",
        "Thousands have fled since September.",
    ],
)
def test_without_anchor_relative_phrases_are_skipped(text):
    assert find_time_expressions(text, None, today=TODAY) == []


def test_weekday_with_date_fixes_the_year_without_anchor():
    expr = only("The checkpoint was hit on Sunday, December 14.", None)
    assert days(expr) == (date(2025, 12, 14), date(2025, 12, 14))
    assert expr.interval.inferred


def test_weekday_fitting_only_years_ago_leaves_the_date_undated():
    # Friday, December 14 last fell in 2018: with no year in the text, that is as likely 2012 or 2007.
    assert find_time_expressions("The checkpoint was hit on Friday, December 14.", None, today=TODAY) == []


def test_weekday_prefers_a_year_near_the_months_the_text_names():
    text = "Talks collapsed in March 2013. The checkpoint was hit on Saturday, 14 December."
    found = find_time_expressions(text, None, today=TODAY)
    assert [days(e) for e in found][-1] == (date(2013, 12, 14), date(2013, 12, 14))


def test_a_background_year_is_only_a_floor_for_a_weekday_date():
    # A year alone ("the revolution in 2011") is background: the weekday date takes the latest year on or
    # after it that the horizon allows, never the nearest one after the background year (2012).
    text = "Since the start of the revolution in 2011 the town changed hands often. On Wednesday, October 31, " \
           "shells fell on the market."
    found = find_time_expressions(text, None, today=date(2019, 1, 15))
    assert [days(e) for e in found][-1] == (date(2018, 10, 31), date(2018, 10, 31))


@pytest.mark.parametrize(
    "text",
    [
        "The attack came on 31 February 2018 at dawn.",
        "An inscription from 0025 was found.",
        "Ruins from 1650 were shelled in 1850.",
        "The plan runs until 2150 at least.",
        "The fund will be set up in 2019.",  # after the anchor's year
        "A total of 2000 fighters held 2010 positions.",
        "Protests grew by 2014 people in a day.",
        "The regiment of 2000-strong men left.",
        "Nobody may leave the camp; they march at dawn.",
        "Around 1990 families fled in the coming days.",
        "Veterans of the 1980s and 1990s returned.",
    ],
)
def test_impossible_or_non_dates_yield_nothing(text):
    assert find_time_expressions(text, ANCHOR, today=TODAY) == []


def test_bare_may_after_a_preposition_is_the_month():
    expr = only("He said in May that it would end.")
    assert days(expr) == (date(2018, 5, 1), date(2018, 5, 31))


def test_lower_case_may_is_never_a_month():
    assert find_time_expressions("Fighters may leave in the coming days.", ANCHOR, today=TODAY) == []


def test_future_phrases_are_not_dated():
    text = "An assault is expected to start in the coming 2 days and end within the next few months."
    assert find_time_expressions(text, ANCHOR, today=TODAY) == []


def test_counts_are_not_years():
    text = "About 2000 people fled, and 1990 homes were damaged."
    assert find_time_expressions(text, ANCHOR, today=TODAY) == []


def test_expressions_come_in_text_order_with_exact_spans():
    text = "On 3 May 2018 the town fell; since then, on Monday and yesterday, more fled."
    found = find_time_expressions(text, ANCHOR, today=TODAY)
    assert [e.text for e in found] == ["3 May 2018", "Monday", "yesterday"]
    assert all(text[e.start:e.end] == e.text for e in found)


def test_full_stop_after_a_full_month_name_ends_the_sentence():
    assert only("The dam fell on 14th December. Then the rain came.").text == "14th December"


def test_abbreviated_month_keeps_its_full_stop():
    assert only("The dam fell on Dec. 14 at dawn.").text == "Dec. 14"
