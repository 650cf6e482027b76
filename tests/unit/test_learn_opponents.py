"""The likely-opponent learner (thucydides/learn/opponents.py) and its periods of years (knowledge/opponents.py
opponent_in), on rows written for this test."""

from __future__ import annotations

from thucydides.knowledge.opponents import LikelyOpponent, opponent_in, without_years
from thucydides.learn.opponents import OpponentSettings, learn

SETTINGS = OpponentSettings(min_support=3, min_share=0.5, event_types=("Battles",))


def _row(actor1: str, actor2: str, event_type: str = "Battles", country: str = "Somalia",
         year: int = 2020) -> dict[str, str]:
    return {"country": country, "year": str(year), "event_type": event_type, "actor1": actor1, "actor2": actor2}


def test_the_most_frequent_opponent_is_kept_under_actor_1_without_its_years():
    rows = [_row("Military Forces of Somalia (2017-2022)", "Al Shabaab", year=2021)] * 3 + \
        [_row("Military Forces of Somalia (2022-)", "Al Shabaab", year=2022),
         _row("Military Forces of Somalia (2022-)", "ISS", year=2022)]
    learned = learn(rows, SETTINGS)
    assert [(o.country, o.actor1, o.actor2, o.support, o.share, o.first_year, o.last_year) for o in learned] == \
        [("SO", "Military Forces of Somalia", "Al Shabaab", 5, 0.8, 2021, 2022)]


def test_civilians_other_event_types_and_thin_support_are_left_out():
    rows = [_row("Al Shabaab", "Civilians (Somalia)")] * 4 + [_row("Al Shabaab", "Police Forces of Somalia")] + \
        [_row("ISS", "Al Shabaab", event_type="Riots")] * 5 + [_row("ASWJ", "Al Shabaab")] * 2
    assert learn(rows, SETTINGS) == []


def test_an_opponent_that_changed_across_years_keeps_a_row_per_period():
    army, russia = "Military Forces of Ukraine (2019-)", "Military Forces of Russia (2000-)"
    rows = [_row(army, "NAF: United Armed Forces of Novorossiya", country="Ukraine", year=y) for y in (2019, 2020)
            for _ in range(2)] + \
        [_row(army, russia, country="Ukraine", year=y) for y in (2022, 2022, 2023, 2024)] + \
        [_row(army, "NAF: United Armed Forces of Novorossiya", country="Ukraine", year=2022)]
    learned = learn(rows, SETTINGS)
    assert [(o.actor2, o.support, o.share, o.first_year, o.last_year) for o in learned] == [
        ("NAF: United Armed Forces of Novorossiya", 4, 1.0, 2019, 2020),
        ("Military Forces of Russia (2000-)", 5, 0.8, 2022, 2024)]


def test_a_period_too_thin_on_its_own_is_left_out_and_the_others_kept():
    rows = [_row("Al Shabaab", "Military Forces of Somalia (2017-2022)", year=2018)] * 3 + \
        [_row("Al Shabaab", "ISS", year=2019)] + \
        [_row("Al Shabaab", "Military Forces of Somalia (2022-)", year=2023)] * 3
    assert [(o.actor2, o.first_year, o.last_year) for o in learn(rows, SETTINGS)] == [
        ("Military Forces of Somalia (2017-2022)", 2018, 2018), ("Military Forces of Somalia (2022-)", 2023, 2023)]


def _period(actor2: str, first: int, last: int) -> LikelyOpponent:
    return LikelyOpponent("AF", "Taliban", actor2, 20, 0.8, first, last)


OLD = _period("Military Forces of Afghanistan (2014-2021)", 2014, 2020)
NEW = _period("National Resistance Front", 2022, 2024)


def test_a_report_takes_the_reading_of_the_period_of_its_year():
    assert opponent_in((OLD, NEW), 2018, 2) == OLD
    assert opponent_in((OLD, NEW), 2023, 2) == NEW


def test_a_year_between_periods_takes_the_nearer_and_the_later_where_as_near():
    assert opponent_in((OLD, NEW), 2021, 0) is None
    assert opponent_in((OLD, NEW), 2021, 1) == NEW
    assert opponent_in((_period("ISKP", 2014, 2016), NEW), 2018, 2) == _period("ISKP", 2014, 2016)


def test_a_report_far_from_every_period_or_undated_takes_none():
    assert opponent_in((OLD, NEW), 2005, 2) is None
    assert opponent_in((OLD, NEW), 2030, 2) is None
    assert opponent_in((OLD, NEW), None, 2) is None
    assert opponent_in((), 2020, 2) is None


def test_year_ranges_are_dropped_from_names():
    assert without_years("Military Forces of Iraq (2020-)") == "Military Forces of Iraq"
    assert without_years("Police Forces of Kenya (2002-2013) General Service Unit") == \
        "Police Forces of Kenya General Service Unit"
