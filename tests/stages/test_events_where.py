"""Which of a report's places is an event's own: sentences written for these tests, places attached by hand
(the places stage is tested on its own), so only the choice among resolved places is exercised."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace as swap

import pytest

from thucydides.actors.settle import settle_analysis
from thucydides.model import Analysis, Document, Event, Place, Toponym
from thucydides.pipeline import Pipeline, available_stages

PLACES = {
    "Durnas": Place("durnas", "Durnas", -29.86, 31.02, "populated_place", "ZA", "KwaZulu-Natal"),
    "North Pier": Place("northpier", "North Pier", 38.9, -76.5, "populated_place", "US", "Maryland"),
    "South Africa": Place("za", "South Africa", -29.0, 24.0, "country", "ZA", None),
    "Oldvik": Place("oldvik", "Oldvik", 9.10, 7.20, "populated_place", "NG", "Niger"),
    "Marren": Place("marren", "Marren", 9.60, 6.50, "populated_place", "NG", "Niger"),
    "Tessin": Place("tessin", "Tessin", 12.50, -1.50, "populated_place", "BF", "Centre"),
    "Kora": Place("kora", "Kora", 12.90, -0.90, "populated_place", "BF", "Plateau-Central"),
    "Plateau": Place("plateau", "Plateau", 12.80, -1.00, "admin1", "BF", "Plateau-Central"),
    # a namesake abroad of a quarter, and a town the text puts in another of its province 220 km off
    "Santa Vera": Place("santavera", "Santa Vera", 34.0, -118.0, "populated_place", "US", "California"),
    "Vellmar": Place("vellmar", "Vellmar", 12.50, 0.53, "populated_place", "BF", "Centre"),
}


def events_runner(places: Mapping[str, Place], name_suffix: str = "",
                  **settings: object) -> Callable[[str], list[Event]]:
    """The events stage (`settings` over the shipped `stages.events`) after the parse, the actors and the claims,
    with `places` attached by hand wherever their name (and `name_suffix`, a regex) stands in the text."""
    from thucydides.knowledge.settings import section

    spec = available_stages()["events"]
    events = spec.build(swap(section("stages.events", spec.config), **settings))
    parse = Pipeline(["nlp", "actors"])
    claims = available_stages()["claims"].build()

    def run(text: str) -> list[Event]:
        analysis = Analysis(Document.from_text(text, name="test.txt"))
        parse([analysis])
        for name, place in places.items():
            for m in re.finditer(rf"\b{re.escape(name)}\b{name_suffix}", text):
                analysis.toponyms.append(Toponym(m.start(), m.end(), text[m.start():m.end()], place.id, 0.9, 1))
                analysis.places[place.id] = place
        analysis.toponyms.sort(key=lambda t: t.start)
        settle_analysis(analysis)
        claims([analysis])
        events([analysis])
        return analysis.events

    return run


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    # as the places stage spans "X district"; a unit stays at its own point here (the choice among places is tested;
    # `where.unit_point` and `unit_seat` have their own tests below)
    return events_runner(PLACES, name_suffix="(?: district)?", place_point_steps=())


def first(events: list[Event]) -> Event:
    assert events, "no event"
    return min(events, key=lambda e: min(v.start for v in e.evidence))


def test_places_tied_in_number_go_to_the_country_the_report_names(events_of):
    """One place in each of two countries: the country the report also names decides which is a namesake."""
    e = first(events_of("Fishers staged a protest at North Pier in Durnas against a ruling of a South Africa court."))
    assert e.place == "durnas"


def test_a_name_told_as_a_district_yields_to_the_village_named_with_it(events_of):
    """'the district of X' resolved to the town X is a district here: the village is the more specific place."""
    e = first(events_of("Gunmen killed two farmers in the district of Marren, at Oldvik, on Sunday."))
    assert e.place == "oldvik"
    assert e.geo_precision == 1


def test_a_district_told_alone_is_placed_at_its_seat_less_surely(events_of):
    e = first(events_of("Gunmen killed two farmers in Marren district on Sunday."))
    assert (e.place, e.geo_precision) == ("marren", 2)


def test_the_names_in_brackets_after_a_place_say_where_it_lies(events_of):
    """'near A (B, C)': B is A's district read as its seat; the event is at A."""
    e = first(events_of("On Friday, soldiers clashed with militants from a local group near Tessin (Kora, Plateau)."))
    assert e.place == "tessin"


def test_a_place_the_text_puts_inside_a_far_one_is_a_namesake(events_of):
    """'the X Cathedral in Y' with X read as a town 16,000 km away: the text says X lies in Y, the two resolved
    places lie far apart in different provinces, so X was misread and Y is where the happening was."""
    e = first(events_of("Pilgrims protested at the Santa Vera Cathedral in Durnas against the new tax on Monday."))
    assert e.place == "durnas"


def test_a_place_put_inside_another_of_its_own_province_stays(events_of):
    """'the desert of X in Y', X 220 km from the town Y but in the province of that name: no contradiction."""
    e = first(events_of("Soldiers raided the Vellmar area in Tessin on Monday and arrested nine herders."))
    assert e.place == "vellmar"



def test_a_town_in_a_side_clause_leaves_the_province_of_the_anchors_clause(events_of):
    """A province in the anchor's clause yields to a town of its sentence only when that town is named on the
    anchor's line of clauses: one in a relative clause on a side branch ('the villages which lie around Tessin')
    locates what that clause tells, not the killing."""
    e = first(events_of("The rebels hold the villages which lie around Tessin, and gunmen killed nine traders in an "
                        "attack on a market in Plateau on Monday."))
    assert e.place == "plateau"


def test_a_report_whose_only_place_names_a_body_is_placed_there_as_a_region(events_of):
    """'students of the University of X': X is inside a body's name, not where the riot is told to be; with no
    other place in the report, it still says where, at precision 3 (`where.in_a_name`)."""
    e = first(events_of("Students of the University of Durnas rioted and fought police over fees on Monday."))
    assert (e.place, e.geo_precision) == ("durnas", 3)


def test_a_place_told_as_where_comes_before_one_in_a_body_name(events_of):
    e = first(events_of("Students of the University of Durnas rioted and fought police in Oldvik on Monday."))
    assert e.place == "oldvik"


def test_a_country_as_a_modifier_does_not_place_the_event_in_a_name_step(events_of):
    e = first(events_of("Gunmen attacked a South Africa aid convoy on Monday, killing two drivers."))
    assert e.place is None


def test_a_report_naming_no_place_is_placed_at_the_capital_of_its_actors_country(events_of, gazetteer_or_skip):
    """No place name at all, but named actors of one country (Ghana's two big parties): the event is placed at
    that country's capital, at a region-level precision (`where.actors_capital`)."""
    e = first(events_of("Supporters of the NDC attacked supporters of the NPP with machetes after a rally on Monday, "
                        "wounding four."))
    place = gazetteer_or_skip.place(e.place or "")
    assert place is not None and (place.name, place.country, e.geo_precision) == ("Accra", "GH", 3)


def test_a_speakers_organisation_says_the_country_where_no_other_actor_does(events_of, gazetteer_or_skip):
    """'a march ODM leaders had called': the leaders speak for Kenya's party; only the place reads them."""
    e = first(events_of("Rioters burned tyres and threw stones at police during a march ODM leaders had called."))
    place = gazetteer_or_skip.place(e.place or "")
    assert place is not None and (place.country, e.geo_precision) == ("KE", 3)


def test_the_speakers_country_is_read_only_when_asked():
    from thucydides.ling.context import actors_country
    from thucydides.model import ActorMention

    leaders = [ActorMention(0, 3, "ODM", "odm-orange-democratic-movement", speaker=True)]
    assert actors_country(leaders) is None
    assert actors_country(leaders, speakers=True) == "KE"


def test_a_happening_told_only_in_a_country_is_placed_at_its_capital(events_of, gazetteer_or_skip):
    """Only a country named: the capital, at a region-level precision (`where.country_capital`)."""
    e = first(events_of("Hundreds of teachers marched in South Africa on Monday to demand higher pay."))
    place = gazetteer_or_skip.place(e.place or "")
    assert place is not None and (place.country, place.kind, e.geo_precision) == ("ZA", "populated_place", 3)


def test_a_country_named_only_as_a_speaker_gives_no_capital():
    """'The United States condemned ...': the country speaks; the attack was elsewhere, so no capital is guessed."""
    us = Place("us", "United States", 39.76, -98.5, "country", "US", None)
    events = events_runner({"United States": us})("The United States strongly condemned the attack on a refugee camp "
                                                   "that killed six residents.")
    assert events and all(e.place in (None, "us") for e in events)


def test_a_country_keeps_the_happening_when_the_switch_is_off(gazetteer_or_skip):
    e = first(events_runner(PLACES, place_country_capital=False)(
        "Hundreds of teachers marched in South Africa on Monday to demand higher pay."))
    assert e.place == "za"


def test_a_town_of_the_country_named_elsewhere_keeps_the_capital_out(events_of):
    """The report names a town of the country: that town, not the capital (`located.refine` comes first)."""
    e = first(events_of("Hundreds of teachers marched in South Africa on Monday to demand higher pay. "
                        "Their union is based in Durnas."))
    assert e.place == "durnas"


def test_a_named_place_comes_before_the_capital_of_the_actors_country(events_of):
    e = first(events_of("Supporters of the NDC attacked supporters of the NPP with machetes in Oldvik on Monday."))
    assert e.place == "oldvik"


def test_a_report_with_no_place_and_no_actor_country_stays_unplaced(events_of):
    e = first(events_of("Gunmen attacked a bus on Monday, killing two drivers."))
    assert e.place is None


def test_the_capital_step_hands_the_capital_back_and_leaves_the_places_alone(gazetteer_or_skip):
    """A place step only reads the analysis: `where.actors_capital` gives the capital, named nowhere in the report,
    on its result (`Located.unnamed`), and the events stage adds it to the places (`build._read_place`)."""
    from thucydides.events.where import PlaceContext, actors_capital

    ctx = _context("Youths of the NDC and the NPP threw stones at each other outside a party office on Sunday.")
    before = dict(ctx.analysis.places)
    found = actors_capital(PlaceContext(ctx, None, None))  # type: ignore[arg-type]  # the step reads no candidate
    assert found is not None and found.unnamed is not None
    assert (found.unnamed.name, found.toponym.place) == ("Accra", found.unnamed.id)
    assert ctx.analysis.places == before



def _context(text: str):
    from thucydides.ling.context import DocContext

    analysis = Analysis(Document.from_text(text, name="test.txt"))
    Pipeline(["nlp", "actors"])([analysis])
    for place in PLACES.values():
        for m in re.finditer(rf"\b{re.escape(place.name)}\b", text):
            analysis.toponyms.append(Toponym(m.start(), m.end(), text[m.start():m.end()], place.id, 0.9, 1))
            analysis.places[place.id] = place
    analysis.toponyms.sort(key=lambda t: t.start)
    return DocContext.of(analysis)


def test_a_name_after_a_place_noun_and_a_bracket_qualifies_the_place_before():
    """'in A village (B, C)': B says where A lies, across the place noun; A is told with its areas."""
    from thucydides.geo.located import qualifier_rank, qualifies

    ctx = _context("Soldiers clashed with rebels in Oldvik village (Marren, Plateau) on Sunday.")
    oldvik, marren = ctx.toponyms.items[0], ctx.toponyms.items[1]
    assert qualifier_rank(ctx, marren)[0]
    assert qualifier_rank(ctx, oldvik) == (False, False)
    assert not qualifies(ctx, marren)  # the narrower reading, kept for claims


def test_a_name_qualifying_a_place_is_an_area_wherever_else_the_report_names_it():
    """'the X council ... in A, X': X qualifies A, so its first mention is the area too; 'in X (X, B)' names X."""
    from thucydides.geo.located import qualifies_widely

    ctx = _context("Gunmen kidnapped the deputy of the Marren council from her home in Oldvik, Marren.")
    assert qualifies_widely(ctx, ctx.toponyms.items[0])
    ctx = _context("Traders marched from Oldvik to Marren (Marren, Kora) on Monday.")
    assert not qualifies_widely(ctx, ctx.toponyms.items[1])


@pytest.fixture(scope="module")
def events_without_qualifiers() -> Callable[[str], list[Event]]:
    """The same run with `place_qualifiers` off: each qualifier test must fail there (it tests the mechanism)."""
    return events_runner(PLACES, place_qualifiers=False)


QUALIFIED = [
    # 'between A and B (C, D)': B, told with its areas, is the place the report locates
    ("Farmers blocked the road between Kora and Tessin (Plateau) on Monday.", "tessin"),
]


@pytest.mark.parametrize(("text", "place"), QUALIFIED)
def test_a_place_told_with_its_areas_comes_before_the_areas(events_of, text, place):
    assert first(events_of(text)).place == place


@pytest.mark.parametrize(("text", "place"), QUALIFIED)
def test_without_the_qualifier_rank_these_places_go_elsewhere(events_without_qualifiers, text, place):
    assert first(events_without_qualifiers(text)).place != place


def test_a_town_measured_from_is_near_where_the_happening_was(events_of):
    """'20 km south of A': the happening is near A, not at it (ACLED precision 2): at the point 20 km south of A
    (events.where.offset_point; with that step off, at A: tests/stages/test_events_offsets.py)."""
    e = first(events_of("Gunmen killed five herders about 20 km south of Oldvik on Sunday."))
    assert e.place is not None and e.place.startswith("oldvik@") and e.geo_precision == 2


def test_a_place_its_own_unit_names_in_a_body_name_says_where():
    """'the municipality of X' is X's own body, in X: X still says where; 'the Bank of X' says whose."""
    from thucydides.geo.located import unit_of_a_place

    assert unit_of_a_place().fullmatch("the municipality of ")
    assert unit_of_a_place().fullmatch("district of ")
    assert not unit_of_a_place().fullmatch("the Bank of ")


def test_a_sit_in_before_a_towns_municipality_is_in_the_town(events_of):
    e = first(events_of("On Monday unpaid teachers staged a sit-in outside the municipality of Oldvik (Plateau)."))
    assert e.place == "oldvik"


def test_a_place_people_come_from_is_not_where_they_protest(events_of):
    """'traders from A' says where they come from; the protest is where the sentence puts it."""
    e = first(events_of("On Monday, traders from Marren blocked the main road in Oldvik to protest a new market tax."))
    assert e.place == "oldvik"
    e = first(events_of("On Monday, residents blocked a road in Oldvik to complain about herders from Marren."))
    assert e.place == "oldvik"


NAKURU = {"Nakuru County": Place("adm1-KE-39", "Nakuru", -0.5, 36.0, "admin1", "KE", "Nakuru")}
"""A first-level unit at its own (centroid-like) point; ACLED's train rows code it at the town of Nakuru."""


def test_a_happening_told_only_at_a_province_takes_acleds_point_for_it(gazetteer_or_skip):
    """Only a county named: the point ACLED codes the county at (`where.unit_point`), at precision 3, the county
    kept in the trail as what the text told."""
    from thucydides.geo.distance import km
    from thucydides.knowledge.unit_points import unit_points

    e = first(events_runner(NAKURU, place_point_steps=("unit_point",))(
        "Hundreds of farmers marched in Nakuru County on Tuesday to demand better maize prices."))
    point = unit_points()["KE.39"]
    place = gazetteer_or_skip.place(e.place or "")
    assert e.place != "adm1-KE-39" and e.geo_precision == 3
    assert place is not None and km(place.lat, place.lon, point.lat, point.lon) <= 5
    assert "unit_point (told: Nakuru)" in (e.notes or "")


def test_a_province_keeps_its_own_point_with_the_step_off():
    e = first(events_runner(NAKURU, place_point_steps=())(
        "Hundreds of farmers marched in Nakuru County on Tuesday to demand better maize prices."))
    assert e.place == "adm1-KE-39"


def test_a_unit_with_no_learned_point_keeps_its_own():
    """A unit ACLED's train rows give no point for stays where the gazetteer has it."""
    plateau = {"Plateau": Place("adm1-BF-99", "Plateau", 12.80, -1.00, "admin1", "BF", "Plateau-Central")}
    e = first(events_runner(plateau, place_point_steps=("unit_point",))(
        "Hundreds of farmers marched in Plateau on Tuesday to demand better maize prices."))
    assert e.place == "adm1-BF-99"


def test_an_unknown_point_step_fails_naming_the_choices():
    from thucydides.knowledge.settings import SettingsError

    with pytest.raises(SettingsError, match="unit_point"):
        events_runner(NAKURU, place_point_steps=("capital_guess",))


SAMANGAN = {"Samangan province": Place("adm1-AF-32", "Samangān", 35.91, 67.67, "admin1", "AF", "Samangān")}
"""A unit ACLED's train rows learned no point for (`where.unit_seat` answers)."""
SAMANGAN_REPORT = "Gunmen attacked a checkpoint in Samangan province on Friday, killing two policemen."


def test_a_province_with_no_learned_point_takes_its_largest_town(gazetteer_or_skip):
    """`where.unit_seat`: the unit's most populous town the gazetteer holds, at precision 3."""
    e = first(events_runner(SAMANGAN, place_point_steps=("unit_point", "unit_seat"))(SAMANGAN_REPORT))
    town = gazetteer_or_skip.largest_town("AF", "Samangān")
    assert town is not None and (e.place, e.geo_precision) == (town.id, 3)
    assert "unit_seat (told: Samangān)" in (e.notes or "")


def test_a_province_whose_largest_town_lies_far_keeps_its_own_point(gazetteer_or_skip):
    """A wide unit whose largest town lies farther than `place_seat_max_km` from its point: the reader told only the
    unit may mean it whole."""
    e = first(events_runner(SAMANGAN, place_point_steps=("unit_seat",), place_seat_max_km=1.0)(SAMANGAN_REPORT))
    assert e.place == "adm1-AF-32"


def test_a_learned_point_farther_than_the_limit_is_not_taken():
    """`place_seat_max_km` bounds `where.unit_point` too: a learned point far from the unit's own (our news gold gives
    a province 100-200 km) leaves the happening at the unit."""
    e = first(events_runner(NAKURU, place_point_steps=("unit_point",), place_seat_max_km=1.0)(
        "Hundreds of farmers marched in Nakuru County on Tuesday to demand better maize prices."))
    assert e.place == "adm1-KE-39"
