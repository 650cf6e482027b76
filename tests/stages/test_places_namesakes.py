"""Namesakes abroad, on sentences we wrote: a chain "Town (District, State)" is pinned by its outermost state that
holds the town, and a place met only through folding ("Harlem" for "Haarlem") yields to one spelt as written."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo import handset
from thucydides.geo.context import Points
from thucydides.geo.document import GeographyView
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import Found, link_lists
from thucydides.geo.resolve import container_of, peoples_votes
from thucydides.model import Place

HOPS = places_settings().container_hops


def _found(text: str, name: str, after: int = 0) -> Found:
    start = text.index(name, after)
    return Found(start, start + len(name), name, name, gazetteer=True)


def _cand(pid: str, kind: str, country: str, admin1: str, name: str = "X") -> Candidate:
    return Candidate(Place(pid, name, 0.0, 0.0, kind, country, admin1), name, 2, "test")


def test_a_chain_is_pinned_by_its_outermost_state_that_holds_the_town() -> None:
    """ "Tovi (Tovi, Ravela)": the second "Tovi" can be a state abroad, but Ravela holds one of the town's places."""
    text = "near Tovi (Tovi, Ravela)"
    found = [_found(text, "Tovi"), _found(text, "Tovi", text.index("(")), _found(text, "Ravela")]
    link_lists(text, found)
    town = [_cand("tovi-a", "populated_place", "AA", "Ravela"), _cand("tovi-b", "populated_place", "BB", "Tovi")]
    district = [_cand("tovi-state", "admin1", "BB", "Tovi"), _cand("tovi-unit", "admin2", "AA", "Ravela")]
    options = [town, district, [_cand("ravela", "admin1", "AA", "Ravela")]]
    at = {f.start: i for i, f in enumerate(found)}
    assert container_of(0, found, options, at, HOPS) == 2
    assert container_of(1, found, options, at, HOPS) == 2


def test_the_first_state_up_the_chain_stays_the_container_where_no_outer_one_holds_the_town() -> None:
    text = "near Tovi (Tovi, Ravela)"
    found = [_found(text, "Tovi"), _found(text, "Tovi", text.index("(")), _found(text, "Ravela")]
    link_lists(text, found)
    town = [_cand("tovi-b", "populated_place", "BB", "Tovi")]
    options = [town, [_cand("tovi-state", "admin1", "BB", "Tovi")], [_cand("ravela", "admin1", "AA", "Ravela")]]
    assert container_of(0, found, options, {f.start: i for i, f in enumerate(found)}, HOPS) == 1


def test_a_place_met_only_through_folding_beside_one_spelt_as_written_is_respelt() -> None:
    harlem = _cand("h1", "populated_place", "US", "NY", "Harlem")
    haarlem = _cand("h2", "populated_place", "NL", "NH", "Haarlem")
    assert handset.respelt([harlem, haarlem], "Haarlem") == [True, False]
    assert handset.respelt([harlem, haarlem], "Harlem") == [False, True]
    assert handset.respelt([harlem], "Haarlem") == [False]  # no place spelt as written: folding is all there is
    sanaa = _cand("s", "populated_place", "YE", "S", "Sana'a")
    assert handset.respelt([sanaa, harlem], "Sanaa") == [False, True]  # apostrophes and case aside
    the_hague = _cand("th", "populated_place", "NL", "ZH", "The Hague")
    hague = _cand("hg", "populated_place", "US", "NY", "Hague")
    assert handset.respelt([the_hague, hague], "Hague") == [False, False]  # a leading article aside


def test_a_respelt_place_loses_only_outside_the_reports_countries() -> None:
    harlem = _cand("h1", "populated_place", "US", "NY", "Harlem")
    nowhere = GeographyView({}, {}, frozenset(), None)
    american = GeographyView({"US": 1.0}, {}, frozenset(), None)
    points = Points(())
    assert handset.coherence(harlem, nowhere, points, True) < handset.coherence(harlem, nowhere, points, False)
    assert handset.coherence(harlem, american, points, True) == handset.coherence(harlem, american, points, False)


@pytest.mark.slow
def test_a_town_spelt_as_written_beats_a_bigger_namesake_met_through_folding(analyse) -> None:
    a = analyse("On Saturday, a few hundred tenants marched through Vienne against rising rents.")
    town = resolved(a, "Vienne")
    assert town is not None and town.country == "FR"


@pytest.mark.slow
def test_a_chain_with_a_namesake_state_in_the_middle_is_pinned_by_its_outer_state(analyse) -> None:
    a = analyse("On Friday, soldiers repelled an attack on a convoy near Nara (Nara, Koulikoro), officials said.")
    town = resolved(a, "Nara")
    assert town is not None and town.country == "ML"


def test_a_list_of_states_is_no_chain_of_containers() -> None:
    """ "Tovi, Ravela, Selmo": Ravela does not lie in Selmo, so Tovi is not pinned past Ravela however the town
    could lie in Selmo."""
    text = "in Tovi, Ravela, Selmo and elsewhere"
    found = [_found(text, n) for n in ("Tovi", "Ravela", "Selmo")]
    link_lists(text, found)
    options = [[_cand("tovi", "admin1", "AA", "Tovi"), _cand("tovi-town", "populated_place", "AA", "Selmo")],
               [_cand("ravela", "admin1", "AA", "Ravela")], [_cand("selmo", "admin1", "AA", "Selmo")]]
    assert found[0].within == found[1].start and found[1].within == found[2].start
    assert container_of(0, found, options, {f.start: i for i, f in enumerate(found)}, HOPS) == 1


def test_a_peoples_adjective_written_capitalised_votes_for_its_country() -> None:
    votes = peoples_votes("Dutch tenants and a Salvadoran judge met; they polish the floor in the US.")
    assert {"NL", "SV"} <= set(votes)
    assert "PL" not in votes and "US" not in votes
