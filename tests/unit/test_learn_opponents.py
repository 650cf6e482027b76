"""The likely-opponent learner (thucydides/learn/opponents.py) on rows written for this test."""

from __future__ import annotations

from thucydides.knowledge.opponents import without_years
from thucydides.learn.opponents import OpponentSettings, learn

SETTINGS = OpponentSettings(min_support=3, min_share=0.5, event_types=("Battles",))


def _row(actor1: str, actor2: str, event_type: str = "Battles", country: str = "Somalia") -> dict[str, str]:
    return {"country": country, "event_type": event_type, "actor1": actor1, "actor2": actor2}


def test_the_most_frequent_opponent_is_kept_under_actor_1_without_its_years():
    rows = [_row("Military Forces of Somalia (2017-2022)", "Al Shabaab")] * 3 + \
        [_row("Military Forces of Somalia (2022-)", "Al Shabaab"), _row("Military Forces of Somalia (2022-)", "ISS")]
    learned = learn(rows, SETTINGS)
    assert [(o.country, o.actor1, o.actor2, o.support, o.share) for o in learned] == \
        [("SO", "Military Forces of Somalia", "Al Shabaab", 5, 0.8)]


def test_civilians_other_event_types_and_thin_support_are_left_out():
    rows = [_row("Al Shabaab", "Civilians (Somalia)")] * 4 + [_row("Al Shabaab", "Police Forces of Somalia")] + \
        [_row("ISS", "Al Shabaab", event_type="Riots")] * 5 + [_row("ASWJ", "Al Shabaab")] * 2
    assert learn(rows, SETTINGS) == []


def test_year_ranges_are_dropped_from_names():
    assert without_years("Military Forces of Iraq (2020-)") == "Military Forces of Iraq"
    assert without_years("Police Forces of Kenya (2002-2013) General Service Unit") == \
        "Police Forces of Kenya General Service Unit"
