"""Dates in reports without a publication date: covering intervals, year choice, no confident guesses.

Sentences written for these tests; no report text.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import GOLD, SEEDS, shared_or_skip
from thucydides.model import Document, Interval
from thucydides.time.expressions import find_time_expressions
from thucydides.time.stage import document_times

TODAY = date(2026, 1, 1)


def found(text: str, anchor: Interval | None, guess_years: bool = True) -> dict[str, Interval]:
    return {t.text: t.interval for t in find_time_expressions(text, anchor, today=TODAY, guess_years=guess_years)}


def overlaps(a: Interval, first: date, last: date) -> bool:
    return (a.start is None or a.start <= last) and (a.end is None or a.end >= first)


# --- relative phrases against an inferred publication interval -----------------------------------------


def test_weekday_against_an_inferred_window_covers_the_window():
    window = Interval(date(2016, 10, 1), date(2016, 11, 30), inferred=True)
    [tuesday] = find_time_expressions("Troops advanced on Tuesday.", window, today=TODAY)
    assert (tuesday.interval.start, tuesday.interval.end) == (date(2016, 9, 27), date(2016, 11, 29))
    assert tuesday.precision == 3
    assert tuesday.interval.inferred


def test_yesterday_against_an_inferred_window_is_shifted_but_as_wide():
    window = Interval(date(2019, 3, 3), date(2019, 4, 30), inferred=True)
    [yesterday] = find_time_expressions("A convoy was hit yesterday.", window, today=TODAY)
    assert (yesterday.interval.start, yesterday.interval.end) == (date(2019, 3, 2), date(2019, 4, 29))
    assert yesterday.precision == 3


def test_relative_phrases_are_skipped_against_an_anchor_wider_than_a_quarter():
    year = Interval(date(2018, 1, 1), date(2018, 12, 31))
    assert find_time_expressions("A convoy was hit yesterday and on Friday.", year, today=TODAY) == []


# --- year-less dates ------------------------------------------------------------------------------------


def test_year_less_day_takes_the_latest_year_the_inferred_window_allows():
    window = Interval(date(2018, 12, 11), date(2019, 1, 31), inferred=True)
    dates = found("A bridge fell on 14 January; a dam fell on 14 February.", window)
    assert (dates["14 January"].start, dates["14 February"].start) == (date(2019, 1, 14), date(2018, 2, 14))
    assert dates["14 January"].inferred


def test_year_less_day_just_after_a_known_publication_day_is_upcoming():
    published = Interval(date(2018, 3, 6), date(2018, 3, 6))
    dates = found("A second convoy is planned for 8 March. The first had left on 8 May.", published)
    assert dates["8 March"].start == date(2018, 3, 8)
    assert dates["8 May"].start == date(2017, 5, 8)


def test_upcoming_day_may_fall_in_the_next_year():
    published = Interval(date(2018, 12, 20), date(2018, 12, 20))
    assert found("Talks resume on 5 January in Astana.", published)["5 January"].start == date(2019, 1, 5)


def test_since_a_year_less_day_is_never_upcoming():
    published = Interval(date(2018, 3, 6), date(2018, 3, 6))
    assert found("Thousands have fled since 10 March.", published)["since 10 March"].start == date(2017, 3, 10)


def test_without_anchor_a_year_less_day_takes_the_year_the_report_is_about():
    text = "The campaign against the city started in June 2017. A strike on 20 August killed 12 people."
    dates = found(text, None)
    assert (dates["20 August"].start, dates["20 August"].end) == (date(2017, 8, 20), date(2017, 8, 20))
    assert dates["20 August"].inferred


def test_without_anchor_the_guess_can_be_turned_off():
    text = "The campaign against the city started in June 2017. A strike on 20 August killed 12 people."
    assert "20 August" not in found(text, None, guess_years=False)


def test_without_anchor_a_year_alone_does_not_set_the_year():
    assert "21 February" not in found("The war began in 2011. A market was hit on 21 February.", None)


def test_without_anchor_a_guess_before_an_ongoing_state_began_is_dropped():
    text = "The town has been besieged since September 2015. A market was hit on 21 February."
    assert "21 February" not in found(text, None)


def test_without_anchor_a_guess_must_not_contradict_its_weekday():
    text = "Raids resumed in June 2017. A strike on Monday, 20 August killed 12 people."
    assert all(i.start is None or i.start.year != 2017 or i.start.month != 8 for i in found(text, None).values())


# --- the stage: reports without a dateline --------------------------------------------------------------


def test_report_dated_only_by_an_onset_leaves_weekdays_undated():
    text = ("Over 20,000 people have fled since the offensive began in October 2016, officials said. "
            "Troops retook a district on Tuesday, and residents fled on Monday.")
    doc = Document.from_text(text)
    times = document_times(doc)
    assert doc.published is None
    assert [t.text for t in times] == ["October 2016"]


def test_report_about_a_campaign_dates_its_year_less_day_in_the_campaign_year():
    text = ("Up to 900 civilians died in the battle for the city in 2017, a monitor says. "
            "In a single strike on 20 August, 32 people were killed. The offensive began in June 2017.")
    doc = Document.from_text(text)
    dates = {t.text: t.interval for t in document_times(doc)}
    assert doc.published is None
    assert dates["20 August"].start == date(2017, 8, 20)


def test_weekday_in_a_report_with_one_narrated_day_covers_the_publication_window():
    doc = Document.from_text("Fighters took the village on 3 March 2019. Residents fled on Monday.")
    times = {t.text: t for t in document_times(doc)}
    published = doc.published
    assert published is not None and published.inferred
    assert published.start == date(2019, 3, 3) and published.end == date(2019, 4, 30)
    monday = times["Monday"]
    assert monday.precision == 3 and monday.interval.inferred
    assert monday.interval.start == date(2019, 2, 25) and monday.interval.end == date(2019, 4, 29)


# --- dev seeds: inferred publication holds the gold event dates -----------------------------------------


def _gold_dated_events() -> list[tuple[str, date, date]]:
    gold = json.loads(shared_or_skip(GOLD).read_text(encoding="utf-8"))
    return [(d["name"], date.fromisoformat(e["date"]["start"]), date.fromisoformat(e["date"]["end"]))
            for d in gold["documents"] for e in d["events"] if e.get("date")]


@pytest.mark.parametrize("index", range(3))
def test_seed_publication_and_dates_fit_the_gold_event_dates(index):
    dated = _gold_dated_events()
    if index >= len(dated):
        pytest.skip("fewer dated gold events")
    name, first, last = dated[index]
    doc = Document.from_text((shared_or_skip(SEEDS) / name).read_text(encoding="utf-8"), name=name)
    times = document_times(doc)
    assert doc.published is not None and doc.published.inferred
    assert doc.published.start is not None and doc.published.start >= first
    assert any(t.role == "point" and overlaps(t.interval, first, last) for t in times)


# --- "since" over an onset clause -----------------------------------------------------------------------


def test_since_an_onset_clause_is_a_since_phrase():
    text = "Over 5,000 people have fled since the operation began in October 2016."
    [expr] = find_time_expressions(text, None, today=TODAY)
    assert expr.text == "October 2016"
    assert expr.role == "since"
    assert (expr.interval.start, expr.interval.end) == (date(2016, 10, 1), None)


@pytest.mark.parametrize(
    "text",
    [
        "Many fled since the raids, and the siege began in May 2017.",
        "Since then the battle that started in May 2017 went on.",
        "The siege began in May 2017.",
    ],
)
def test_an_onset_without_its_own_since_stays_a_point(text):
    [expr] = find_time_expressions(text, None, today=TODAY)
    assert expr.role == "point"
    assert (expr.interval.start, expr.interval.end) == (date(2017, 5, 1), date(2017, 5, 31))
