"""Publication dates inferred from a report's own text (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from thucydides.time.expressions import find_time_expressions
from thucydides.time.publication import infer_publication

TODAY = date(2026, 1, 1)


def infer(text: str):
    return infer_publication(text, find_time_expressions(text, None, today=TODAY, guess_years=False))


def test_no_dates_no_publication():
    assert infer("Fighters advanced on the town. Yesterday two villages fell.") is None


def test_year_alone_or_since_does_not_date_a_report():
    assert infer("The war began in 2011. Raids have continued since mid-2017.") is None


def test_latest_narrated_date_starts_the_publication_and_the_next_month_ends_it():
    text = "The offensive began in early June 2018. In the middle of July 2018 a column arrived."
    published = infer(text)
    assert published is not None
    assert published.inferred
    assert (published.start, published.end) == (date(2018, 7, 11), date(2018, 8, 31))


def test_month_and_part_of_month_combine():
    text = "In mid-December 2018 the town fell. Over 900 people fled as of December 2018."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2018, 12, 11), date(2019, 1, 31))


def test_a_single_narrated_day_gives_a_window_to_the_end_of_the_next_month():
    published = infer("Fighters took the village on 3 March 2019, residents said.")
    assert published is not None and published.inferred
    assert (published.start, published.end) == (date(2019, 3, 3), date(2019, 4, 30))


def test_the_start_of_a_campaign_does_not_date_a_report():
    text = "Over 20,000 people have fled since the offensive began in October 2016. Troops advanced on Tuesday."
    assert infer(text) is None


def test_an_onset_after_the_narrated_dates_still_bounds_the_publication_from_below():
    text = "Aid arrived in early May 2018, and the siege began on 20 May 2018."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2018, 5, 20), date(2018, 6, 30))


def test_a_since_phrase_bounds_the_publication_from_below_only():
    text = "The dam fell in early March 2019. Thousands have fled since 12 March 2019."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2019, 3, 12), date(2019, 4, 30))


def test_planned_dates_do_not_date_a_report():
    text = "The town fell in early March 2019. Talks are scheduled for 10 May 2019 in Geneva."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2019, 3, 1), date(2019, 4, 30))
    assert infer("Elections will be held in June 2021, the council said.") is None


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
    published = infer("The checkpoint was hit on Sunday, December 14, the group said.")
    assert published is not None
    assert published.start == date(2025, 12, 14)
    assert published.inferred


def test_weekday_fitting_only_years_ago_dates_no_report():
    assert infer("The checkpoint was hit on Friday, December 14, the group said.") is None


def test_impossible_date_never_dates_a_report():
    assert infer("The attack came on 31 February 2018 at dawn.") is None


def test_wire_dateline_with_a_place_and_dash():
    text = "Shells hit a market\n\nHOMS, Syria, 4 April 2018 - Shells hit the old market, killing five people."
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2018, 4, 4), date(2018, 4, 4))


def test_wire_dateline_with_an_agency_in_brackets():
    text = "IDLIB, 2 June 2019 (local radio) - A bakery was struck in the evening. In late May 2019 a school was hit."
    published = infer(text)
    assert published is not None
    assert published.start == published.end == date(2019, 6, 2)


def test_last_field_of_a_header_line_is_a_dateline():
    text = "Weekly digest | Some Monitor | 9 June 2019\n\nIn early June 2019 raids went on near the river."
    published = infer(text)
    assert published is not None
    assert published.start == published.end == date(2019, 6, 9)


def test_as_of_day_in_a_title_is_a_dateline():
    text = "Camp update (as of 2 February 2019)\n\nSome 400 families arrived in late January 2019."
    published = infer(text)
    assert published is not None
    assert published.start == published.end == date(2019, 2, 2)


def test_as_of_day_deep_in_the_body_is_only_narrated():
    lines = "\n".join(f"Paragraph {n} tells of the road." for n in range(8))
    text = f"{lines}\nAs of 2 February 2019 the road was open.\n{lines}"
    published = infer(text)
    assert published is not None
    assert (published.start, published.end) == (date(2019, 2, 2), date(2019, 3, 31))


def test_a_day_opening_its_line_before_a_dash_is_the_report_date():
    published = infer("Strike on a depot\n\nMarch 9, 2022 - Officials said on Tuesday that the depot burned in 2020.")
    assert published is not None and (published.start, published.end) == (date(2022, 3, 9), date(2022, 3, 9))


def test_a_whole_month_named_does_not_date_a_report():
    """News tells its own days by weekday; a whole month with its year is mostly background ('a similar raid in
    November 2023'), often years before: stages.time.max_evidence_days (a third of a month) leaves it out."""
    assert infer("Soldiers retook the town on Tuesday. Rebels had seized it in November 2023.") is None
    published = infer("Soldiers retook the town on Tuesday. Rebels had seized it in late November 2023.")
    assert published is not None and published.start == date(2023, 11, 21)
