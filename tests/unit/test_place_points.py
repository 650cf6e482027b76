"""The conventional-point fit: a wide area moves to where the gold marks it only on enough evidence."""

from __future__ import annotations

from thucydides.geo.distance import km
from thucydides.learn.place_points import Votes, choose, point_settings
from thucydides.model import Place

LAND = Place("country-XX", "Testland", 10.0, 20.0, kind="country", country="XX")


def test_area_moves_to_a_point_within_reach_of_every_gold_point() -> None:
    golds = [((10.0, 22.0), "a:1"), ((10.0, 22.0), "a:2"), ((10.1, 21.9), "a:3"), ((10.0, 20.0), "a:4")]
    moved = choose(Votes(LAND, golds))
    assert moved is not None and moved.before == 1 and moved.after == 4
    assert all(km(moved.point[0], moved.point[1], g[0], g[1]) <= point_settings().reach_km for g, _ in golds)


def test_one_article_is_not_enough_to_move_a_country() -> None:
    golds = [((10.0, 23.0), "a:1")] * 5
    assert choose(Votes(LAND, golds)) is None


def test_gold_points_already_near_keep_the_built_point() -> None:
    assert choose(Votes(LAND, [((10.2, 20.1), "a:1"), ((9.9, 19.8), "a:2")])) is None


def test_a_far_gold_point_never_drags_the_area() -> None:
    far = (10.0, 20.0 + 2 * point_settings().max_move_km / 111)
    assert choose(Votes(LAND, [(far, "a:1"), (far, "a:2"), (far, "a:3")])) is None
