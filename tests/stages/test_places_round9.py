"""Places, round 9, on sentences we wrote: a name after a word that introduces places ("in X", "residents of X",
"X town") that the gazetteer gives one place only, counting a town and the district of the same name around it as
one, is that place however small, unless the name is an English word ("Section", "Congress")."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.document import GeographyView
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate, open_gazetteer
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import (
    Found,
    annotate_context,
    gazetteer_matches,
    is_dictionary_word,
    knowledge,
    unsplit,
    words,
)
from thucydides.geo.resolve import Mention, lesser_aliases, only_place_of_its_name, pickable
from thucydides.model import Place

TOWN = Candidate(Place("t", "Varnok", 45.10, 20.10, "populated_place", "XX", "A1", population=900), "Varnok", 2,
                 "geonames")
DISTRICT = Candidate(Place("d", "Varnok", 45.15, 20.05, "admin2", "XX", "A1"), "Varnok", 2, "geonames")
FAR = Candidate(Place("f", "Varnok", 10.0, 5.0, "populated_place", "YY", "B1", population=700), "Varnok", 2,
                "geonames")
NOWHERE = GeographyView({}, {}, frozenset(), None)
KM = places_settings().one_place_km
BIG = places_settings().word_alias_population


def _mention(name: str, options: list[Candidate], **flags: object) -> Mention:
    f = Found(0, len(name), name, name, **flags)  # type: ignore[arg-type]
    return Mention(f, fold(name), options, False, True, False, gate="place_cue")


# --- fast -------------------------------------------------------------------------------------

def test_a_town_and_its_district_of_one_name_are_one_place() -> None:
    assert only_place_of_its_name(_mention("Varnok", [TOWN, DISTRICT], place_cue=True), NOWHERE, KM)


def test_a_namesake_far_away_competes() -> None:
    assert not only_place_of_its_name(_mention("Varnok", [TOWN, FAR], place_cue=True), NOWHERE, KM)


def test_without_a_place_word_before_it_a_name_is_not_taken_alone() -> None:
    assert not only_place_of_its_name(_mention("Varnok", [TOWN]), NOWHERE, KM)


def test_a_locative_word_before_it_will_do() -> None:
    assert only_place_of_its_name(_mention("Varnok", [TOWN], cue=True), NOWHERE, KM)


def test_a_country_the_report_does_not_imply_rules_the_place_out() -> None:
    elsewhere = GeographyView({"ZZ": 1.0}, {}, frozenset(), None)
    assert not only_place_of_its_name(_mention("Varnok", [TOWN], place_cue=True), elsewhere, KM)


def test_an_english_word_is_not_taken_for_a_hamlet_unless_spacy_says_place() -> None:
    section = Candidate(Place("s", "Section", 34.6, -85.9, "populated_place", "US", "AL", population=700),
                        "Section", 2, "geonames")
    assert is_dictionary_word("Section") and not is_dictionary_word("Varnok")
    assert not only_place_of_its_name(_mention("Section", [section], place_cue=True), NOWHERE, KM)
    assert only_place_of_its_name(_mention("Section", [section], place_cue=True, ner="GPE"), NOWHERE, KM)


def test_a_place_noun_after_a_name_says_place() -> None:
    text = "Traders shut their stalls in the Varnok town market."
    start = text.index("Varnok")
    f = annotate_context(text, Found(start, start + 6, "Varnok", "Varnok", gazetteer=True), knowledge())
    assert f.place_cue
    text = "The Varnok Town council met."
    start = text.index("Varnok")
    f = annotate_context(text, Found(start, start + 6, "Varnok", "Varnok", gazetteer=True), knowledge())
    assert not f.place_cue  # capitalised: part of a longer name


def test_a_unit_before_a_street_word_names_a_body_not_a_street() -> None:
    text = "A suit was filed in the Brennick County Court last week."
    start = text.index("Brennick")
    f = annotate_context(text, Found(start, start + 15, "Brennick County", "Brennick County", gazetteer=True),
                         knowledge())
    assert not f.street
    text = "A car hit a wall on Brennick Court last week."
    start = text.index("Brennick")
    f = annotate_context(text, Found(start, start + 8, "Brennick", "Brennick", gazetteer=True), knowledge())
    assert f.street


def test_a_county_met_by_a_bare_alternate_name_is_not_picked_where_towns_bear_the_name() -> None:
    county = Candidate(Place("c", "Brennick County", 40.0, -90.0, "admin2", "US", "A1"), "Brennick", 1, "geonames")
    town = Candidate(Place("t", "Brennick", 41.0, -91.0, "populated_place", "US", "A1", population=800), "Brennick",
                     2, "geonames")
    bare = Found(0, 8, "Brennick", "Brennick")
    assert pickable(bare, [town, county], BIG) == [True, False]
    assert pickable(bare, [county], BIG) == [True]  # no town bears it: the county is meant
    written_out = Found(0, 15, "Brennick County", "Brennick County", admin=True)
    assert pickable(written_out, [town, county], BIG) == [True, True]


def test_a_town_met_by_an_alternate_name_that_is_an_english_word_is_not_picked() -> None:
    alias = Candidate(Place("m", "Marrowby", 39.0, -84.0, "populated_place", "US", "A1", population=90_000), "Harbour",
                      1, "geonames")
    own = Candidate(Place("h", "Harbour", 38.0, -83.0, "populated_place", "US", "A1", population=400), "Harbour", 2,
                    "geonames")
    state = Candidate(Place("s", "Harbour State", 38.5, -83.5, "admin1", "US", "A1"), "Harbour", 1, "geonames")
    assert is_dictionary_word("Harbour")
    word = Found(0, 7, "Harbour", "Harbour")
    assert pickable(word, [alias, own, state], BIG) == [False, True, True]  # a town by its own name, a region: still
    assert pickable(Found(0, 7, "Harbour", "Harbour", ner="GPE"), [alias], BIG) == [True]  # spaCy reads a place
    assert pickable(Found(0, 6, "Varnok", "Varnok"), [alias], BIG) == [True]  # no English word: the alias may be meant


def test_a_town_met_by_an_alternate_name_beside_bigger_namesakes_is_a_lesser_alias() -> None:
    town = Candidate(Place("t", "Brennick", 41.0, -91.0, "populated_place", "US", "A1", population=8_000), "Brennick",
                     2, "geonames")
    small = Candidate(Place("s", "Brennick Estates", 33.0, -84.0, "populated_place", "US", "B1", population=3_000),
                      "Brennick", 1, "geonames")
    city = Candidate(Place("c", "Brennick City", 40.0, -74.0, "populated_place", "US", "C1", population=900_000),
                     "Brennick", 1, "geonames")
    assert lesser_aliases([town, small, city]) == [False, True, False]  # a big city known by the name stays


def test_a_compass_word_before_another_name_is_no_place_of_its_own() -> None:
    gaz = open_gazetteer()
    text = "Tensions grew in breakaway South Ossetia and in Northern Syria, not in South Carolina."
    assert [m.text for m in gazetteer_matches(text, words(text), gaz)] == ["South Ossetia", "Syria", "South Carolina"]


def _unsplit(text: str, entity: str) -> list[str]:
    gaz = open_gazetteer()
    start = text.index(entity)
    entities = [(start, start + len(entity), "GPE")]
    return [m.text for m in unsplit(text, gazetteer_matches(text, words(text), gaz), entities, gaz)]


def test_a_place_heading_a_building_spacy_reads_as_one_place_stays() -> None:
    """spaCy reads "Titus County Jail" as one place; "Jail" is some hamlet's name, but an English word after a
    place name heads a building's name: the county stays, the word goes."""
    text = "The driver was booked into the Titus County Jail on Friday."
    assert _unsplit(text, "Titus County Jail") == ["Titus County"]


def test_pieces_of_an_unknown_name_still_go() -> None:
    text = "Fighting went on near Bai Hassan all day."
    assert _unsplit(text, "Bai Hassan") == []


@pytest.mark.slow
def test_a_place_heading_a_council_stays_a_place(analyse) -> None:
    """ "council" also names armed bodies' councils, whose place names the group; a civil body's keeps its place."""
    a = analyse("Last year the mayor was in a long dispute with the Harford County Council over pay.")
    county = resolved(a, "Harford County")
    assert county is not None and county.kind == "admin2"


# --- slow: the whole pipeline -------------------------------------------------------------------

@pytest.mark.slow
def test_a_village_after_in_resolves_though_spacy_reads_a_person(analyse) -> None:
    """Schendelbeke (a Belgian village of under 2,000 people) is the only place of its name."""
    a = analyse("On Monday dozens of farmers held a protest in Schendelbeke against a new army base.")
    town = resolved(a, "Schendelbeke")
    assert town is not None and town.country == "BE"


@pytest.mark.slow
def test_a_town_followed_by_town_resolves(analyse) -> None:
    """Dhalkebar (Nepal) has no population in the gazetteer; "X town" says place."""
    a = analyse("Party workers burned tyres on the highway at Dhalkebar town on Friday.")
    town = resolved(a, "Dhalkebar")
    assert town is not None and town.country == "NP"
