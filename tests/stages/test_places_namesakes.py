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
from thucydides.geo.resolve import (
    Mention,
    _pinned_abroad,
    container_of,
    implied,
    peoples_votes,
    pinned,
    town_of_a_quarter,
    unit_linked,
)
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


def test_a_units_word_between_a_town_and_its_bracket_links_them_for_the_pin() -> None:
    """ "Tovi municipality (Ravela)", "Tovi LGA (Ravela)": the unit's word parts the town from its container; two
    words do not ("Tovi and then (Ravela)")."""
    for text in ("in Tovi municipality (Ravela)", "in Tovi LGA (Ravela)", "in Tovi (Ravela)"):
        found = [_found(text, "Tovi"), _found(text, "Ravela")]
        link_lists(text, found)
        assert unit_linked(found, text)[0].within == found[1].start, text
    text = "in Tovi and then (Ravela)"
    found = [_found(text, "Tovi"), _found(text, "Ravela")]
    assert unit_linked(found, text)[0].within is None
    assert found[0].within is None  # the recognised spans themselves are left as they are


def _pinned(name: str, options: list[Candidate], unpinned: list[Candidate]) -> Mention:
    f = Found(0, len(name), name, name, gazetteer=True)
    return Mention(f, name.lower(), options, True, True, False, unpinned=unpinned)


def test_a_pin_abroad_is_undone_only_where_the_report_implies_a_country_both_names_may_lie_in() -> None:
    """ "Ilvo municipality (Ilvo district)": the state "Ilvo" lies in BB and pinned the town there; a report the
    rest of which implies AA, where a town and a district are called Ilvo too, means those."""
    town_bb, town_aa = _cand("t-bb", "populated_place", "BB", "Ilvo"), _cand("t-aa", "populated_place", "AA", "K")
    state_bb, unit_aa = _cand("s-bb", "admin1", "BB", "Ilvo"), _cand("u-aa", "admin2", "AA", "K")
    town = _pinned("Ilvo", [town_bb], [state_bb, town_bb, town_aa])
    box = _pinned("Ilvo", [state_bb], [state_bb, town_bb, unit_aa])
    assert _pinned_abroad(town, box, frozenset({"AA"}))
    assert not _pinned_abroad(town, box, frozenset({"BB"}))  # the pin agrees with the report
    assert not _pinned_abroad(town, box, frozenset())  # nothing else places the report: the pin stands
    assert not _pinned_abroad(town, _pinned("Ilvo", [state_bb], [state_bb]), frozenset({"AA"}))  # no AA state


def test_a_country_is_implied_for_the_pin_by_a_whole_vote_not_a_towns_share() -> None:
    view = GeographyView({"AA": 1.0, "BB": 0.5}, {}, frozenset({"CC"}), "DD")
    assert implied(view, 1.0) == frozenset({"AA", "CC", "DD"})


@pytest.mark.slow
def test_a_same_name_state_abroad_does_not_pin_a_town_the_report_places_elsewhere(analyse) -> None:
    a = analyse("On Monday, Nepalese students padlocked an office in Ilam municipality (Ilam district) in protest.")
    town = resolved(a, "Ilam")
    assert town is not None and town.country == "NP"


@pytest.mark.slow
def test_a_town_past_the_candidate_cap_is_found_inside_its_state(analyse) -> None:
    """ "Guadalupe" names some sixty places; the one in Antioquia lies past the first thirty, and "municipality"
    parts it from its bracket."""
    a = analyse("On Monday, gunmen ambushed a truck in the rural zone of Guadalupe municipality (Antioquia).")
    town = resolved(a, "Guadalupe")
    assert town is not None and town.country == "CO" and town.admin1 == "Antioquia"


@pytest.mark.slow
def test_a_state_pin_stands_against_a_single_foreign_towns_name(analyse) -> None:
    a = analyse("On Friday, rail workers blocked the Union Station terminal in Toronto (Ontario) for a fifth day.")
    town = resolved(a, "Toronto")
    assert town is not None and town.country == "CA"


def test_a_quarter_named_after_its_town_is_looked_up_as_the_town_too() -> None:
    assert town_of_a_quarter("Manaus - South Zone") == ["Manaus"]
    assert town_of_a_quarter("Quito - Eloy Alfaro") == ["Quito"]
    assert town_of_a_quarter("Ras al-Ain") == [] and town_of_a_quarter("Abu-Kamal") == []


@pytest.mark.slow
def test_a_quarter_the_gazetteer_does_not_know_lies_in_its_town(analyse) -> None:
    a = analyse("On Sunday, in Manaus - South Zone (Amazonas), two gunmen shot a shopkeeper outside his store.")
    town = resolved(a, "Manaus - South Zone")
    assert town is not None and town.country == "BR" and town.name == "Manaus"


@pytest.mark.slow
def test_a_state_of_another_name_keeps_its_pin_however_the_report_leans(analyse) -> None:
    """Only a same-name pair is a namesake pin: "London, England" stays in England in a report about America."""
    a = analyse("American senators met in Washington on Monday, wrote a columnist who lives in London, England.")
    town = resolved(a, "London")
    assert town is not None and town.country == "GB"


def test_a_town_outside_its_state_keeps_its_places_in_the_states_country_only() -> None:
    """ "Tovi (Ravela)" where the gazetteer puts Tovi in Marno, a state of Ravela's country (split off since, or the
    note slips): Tovi keeps that place, not its namesake abroad, and Ravela keeps its state in that country."""
    town = [_cand("tovi-aa", "populated_place", "AA", "Marno"), _cand("tovi-bb", "populated_place", "BB", "Ravela")]
    state = [_cand("ravela-aa", "admin1", "AA", "Ravela"), _cand("ravela-cc", "admin1", "CC", "Ravela")]
    kept, boxes = pinned(town, state, other_state_km=700.0)
    assert [c.place.id for c in kept] == ["tovi-aa"] and [c.place.id for c in boxes] == ["ravela-aa"]
    assert pinned(town, state)[0] == []  # off: the town keeps none
    abroad = [_cand("tovi-dd", "populated_place", "DD", "Ovra")]
    assert pinned(abroad, state, other_state_km=700.0)[0] == []  # only a namesake abroad: none
    far = [Candidate(Place("tovi-far", "Tovi", 9.0, 0.0, "populated_place", "AA", "Sorn"), "Tovi", 2, "test")]
    assert pinned(far, state, other_state_km=700.0)[0] == []  # 1,000 km off the state's point: another town


@pytest.mark.slow
def test_a_town_named_with_a_state_it_has_left_keeps_its_place(analyse) -> None:
    """Ghana's Northern region was split: Walewale now lies in North East, yet reports still write "Northern"."""
    a = analyse("On Tuesday, traders marched to the market office in Walewale (West Mamprusi, Northern) over a levy.")
    town = resolved(a, "Walewale")
    assert town is not None and town.country == "GH"
