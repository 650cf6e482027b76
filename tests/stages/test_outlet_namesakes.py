"""Outlet homes and namesakes (`thucydides.geo.outlets`), on outlets and reports we made up: a paper's own town
that shares its name with a bigger place abroad must not teach the paper the wrong home."""

from __future__ import annotations

from dataclasses import replace

from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.outlets import NamedPlace, OutletHome, OutletSettings, ReportPlaces, learn_homes, voting_regions

SETTINGS = OutletSettings(min_reports=3, concentration=0.3, country_concentration=0.6)
PAPER = "https://www.prairie-star.example.com/news/{}"
TEXAS, OHIO, ENGLAND = ("US", "Texas"), ("US", "Ohio"), ("GB", "England")
LONE_TOWN = (ENGLAND, TEXAS, OHIO)
"""A lone mention of a town resolved to England, whose name places in Texas and Ohio bear too."""


def _paper(*reports: ReportPlaces) -> list[ReportPlaces]:
    return [replace(r, url=PAPER.format(i)) for i, r in enumerate(reports)]


def test_a_lone_namesake_votes_where_the_outlets_sure_places_lie() -> None:
    reports = _paper(ReportPlaces(None, (TEXAS, TEXAS)), ReportPlaces(None, (TEXAS,)),
                     *(ReportPlaces(None, (), namesakes=(LONE_TOWN,)) for _ in range(3)))
    assert learn_homes(reports, SETTINGS).home_of(PAPER.format(9)) == OutletHome("US", "Texas", 5, 1.0)
    off = replace(SETTINGS, namesakes_follow_outlet=False)
    assert learn_homes(reports, off).home_of(PAPER.format(9)) == OutletHome("GB", "England", 5, 0.6)


def test_a_namesake_no_sure_place_speaks_for_keeps_its_region() -> None:
    reports = _paper(*(ReportPlaces(None, (), namesakes=(LONE_TOWN,)) for _ in range(3)))
    assert learn_homes(reports, SETTINGS).home_of(PAPER.format(1)) == OutletHome("GB", "England", 3, 1.0)


def test_the_sure_places_decide_among_the_namesakes_regions_only() -> None:
    """Sure votes in a region no bearer of the name lies in do not move it."""
    reports = _paper(ReportPlaces(None, (("US", "Kansas"),)), ReportPlaces(None, (("US", "Kansas"),)),
                     ReportPlaces(None, (), namesakes=(LONE_TOWN,)), ReportPlaces(None, (), namesakes=(LONE_TOWN,)))
    home = learn_homes(reports, SETTINGS).home_of(PAPER.format(1))
    assert home is not None and home.admin1 == "Kansas" and home.share == 0.5


def _mention(name: str, region: tuple[str, str]) -> NamedPlace:
    return NamedPlace(name, region[0], region[1], "populated_place")


def test_a_town_named_alone_is_a_possible_namesake_and_with_a_neighbour_a_sure_place() -> None:
    gaz = open_gazetteer()
    alone = voting_regions([_mention("Mansfield", ENGLAND), _mention("Mansfield", ENGLAND)], gaz, 1.0)
    assert alone.places == ()
    assert [regions[0] for regions in alone.namesakes] == [ENGLAND, ENGLAND]
    assert TEXAS in alone.namesakes[0] and OHIO in alone.namesakes[0]
    together = voting_regions([_mention("Mansfield", ENGLAND), _mention("Nottingham", ENGLAND)], gaz, 1.0)
    assert together.places == (ENGLAND, ENGLAND) and together.namesakes == ()
