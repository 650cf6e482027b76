"""Places that generalise on news, round 10, on sentences we wrote: a capitalised preposition of place opening a
sentence ("Near X", "Outside X") neither hides the place in a person's name spaCy reads nor starts an unknown name;
a famous city that is also an English word ("Aleppo") is a place unless it begins a longer name; a name after a
title ("Secretary X") is a person's; a name placed from a town ("X, 45 km south of Y") is no namesake far from
it; and one place the gazetteer lists twice is not outvoted by a namesake abroad."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.recognize import place_entities, recognise, spacy_entities

# --- fast -------------------------------------------------------------------------------------


def _doc(words: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


def _town(pid: str, lat: float, lon: float, kind: str = "populated_place", weight: int = 2):  # type: ignore[no-untyped-def]
    from thucydides.geo.gazetteer import Candidate
    from thucydides.model import Place

    return Candidate(Place(pid, pid, lat, lon, kind, "XX"), pid, weight, "geonames")


def test_a_preposition_heading_a_person_spacy_read_leaves_a_place() -> None:
    doc = _doc(["Near", "Palmyra", ",", "two", "strikes", "hit", "trucks", "."],
               ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"])
    assert [(e.text, e.label_) for e in place_entities(doc)] == [("Palmyra", "GPE")]
    assert spacy_entities(place_entities(doc)) == [(5, 12, "GPE")]


def test_a_preposition_heading_a_place_entity_is_left_out_of_it_and_an_organisation_goes() -> None:
    doc = _doc(["Outside", "Kherson", "and", "Via", "Rail", "staff", "left", "."],
               ["B-LOC", "I-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O"])
    assert [(e.text, e.label_) for e in place_entities(doc)] == [("Kherson", "LOC")]


def test_other_entities_are_kept_whole() -> None:
    doc = _doc(["John", "Near", "met", "Inside", "."], ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O"])
    assert [e.text for e in place_entities(doc)] == ["John Near", "Inside"]


def test_a_capitalised_preposition_starts_no_unknown_name(gazetteer_or_skip) -> None:
    found = recognise("Inside Mariupol, the defenders held the plant for weeks.", None, gazetteer_or_skip, [])
    assert "Mariupol" in {f.text for f in found}


# --- slow: the whole pipeline -------------------------------------------------------------------

@pytest.mark.slow
def test_a_town_after_a_capitalised_near_resolves(analyse) -> None:
    a = analyse("Near Palmyra, Syrian government forces shelled rebel positions in Homs province.")
    town = resolved(a, "Palmyra")
    assert town is not None and town.country == "SY"


# --- people's titles and famous cities that are English words -----------------------------------

@pytest.mark.slow
def test_a_name_after_secretary_is_a_person_not_a_county(analyse) -> None:
    a = analyse("Secretary Kerry met the foreign minister in Geneva on Friday to discuss the ceasefire.")
    assert resolved(a, "Kerry") is None
    assert resolved(a, "Geneva") is not None


def test_a_famous_city_name_that_begins_a_longer_name_is_not_the_city() -> None:
    from thucydides.geo.gazetteer import Candidate
    from thucydides.geo.recognize import _famous, recognition_settings
    from thucydides.model import Place

    city = _town("small", 36.2, 37.2)
    big = [Candidate(Place("big", "Big", 36.2, 37.2, population=3_000_000), "Big", 2, "geonames")]
    settings = recognition_settings()
    band = _doc(["Queens", "of", "the", "Stone", "Age", "played"], ["O"] * 6)
    school = _doc(["Bronx", "Latin", "opened"], ["O"] * 3)
    city_doc = _doc(["raids", "on", "Aleppo", ",", "they", "said"], ["O"] * 6)
    assert not _famous(band, band[0:1], big, settings)
    assert not _famous(school, school[0:1], big, settings)
    assert _famous(city_doc, city_doc[2:3], big, settings)
    assert not _famous(city_doc, city_doc[2:3], [city], settings)  # a town of no recorded size is not famous


@pytest.mark.slow
def test_a_famous_city_spacy_tags_nothing_is_a_place(analyse) -> None:
    a = analyse("Reporter: Did the two ministers discuss Aleppo at all?")
    city = resolved(a, "Aleppo")
    assert city is not None and city.country == "SY"


# --- a town placed from another ("X, 45 km south of Y") -----------------------------------------

def test_a_name_placed_from_another_is_linked_to_it_with_the_distance() -> None:
    from thucydides.geo.recognize import Found, link_anchors

    text = "Gunmen raided Kelbo, about 45km (28 miles) south of Adamsville, and then Tarno Ula, north of Adamsville."
    found = [Found(text.index(n), text.index(n) + len(n), n, n) for n in ("Kelbo", "Adamsville", "Tarno")]
    found.append(Found(text.rindex("Adamsville"), text.rindex("Adamsville") + 10, "Adamsville", "Adamsville"))
    link_anchors(text, found)
    assert found[0].anchor == found[1].start and found[0].anchor_km == 45.0
    assert found[2].anchor == found[3].start and found[2].anchor_km is None
    assert found[1].anchor is None


def test_a_name_placed_from_a_town_keeps_only_its_candidates_near_that_town() -> None:
    from thucydides.geo.ranker import places_settings
    from thucydides.geo.recognize import Found
    from thucydides.geo.resolve import bound_by_anchors

    near, far, anchor = _town("near", 36.0, 43.1), _town("far", 35.1, 36.9), _town("mosul", 36.34, 43.13)
    town = Found(0, 5, "Kelbo", "Kelbo", anchor=20, anchor_km=45.0)
    options = [[far, near], [anchor]]
    bound_by_anchors([town, Found(20, 30, "Adamsville", "Adamsville")], options, places_settings())
    assert options[0] == [near]
    options = [[far], [anchor]]
    bound_by_anchors([town, Found(20, 30, "Adamsville", "Adamsville")], options, places_settings())
    assert options[0] == []  # not known there: no namesake abroad instead


def test_a_country_bounds_nothing() -> None:
    from thucydides.geo.ranker import places_settings
    from thucydides.geo.recognize import Found
    from thucydides.geo.resolve import bound_by_anchors

    far, country = _town("far", 10.0, 10.0), _town("land", 36.0, 43.0, kind="country")
    options = [[far], [country]]
    bound_by_anchors([Found(0, 5, "Kelbo", "Kelbo", anchor=20), Found(20, 24, "Land", "Land")], options,
                     places_settings())
    assert options[0] == [far]


@pytest.mark.slow
def test_a_village_south_of_a_city_is_not_a_namesake_abroad(analyse) -> None:
    a = analyse("Gunmen killed 15 villagers on Tuesday in Safina, some 40km (25 miles) to the south of Mosul.")
    town = resolved(a, "Safina")
    assert town is None or town.country == "IQ"
    assert resolved(a, "Mosul") is not None


# --- one place listed twice ---------------------------------------------------------------------

def test_one_place_listed_twice_outvotes_a_namesake_each_entry_alone_trails() -> None:
    from thucydides.geo.gazetteer import Candidate
    from thucydides.geo.resolve import one_place_votes
    from thucydides.model import Place

    city, district = _town("city", 55.75, 37.62), _town("district", 55.76, 37.61, weight=1)
    abroad = Candidate(Place("abroad", "abroad", 46.73, -117.0, "populated_place", "YY"), "abroad", 2, "geonames")
    ranked = one_place_votes([(0.3, abroad), (0.25, city), (0.2, district)], 25.0)
    assert [c.place.id for _, c in ranked] == ["city", "district", "abroad"]
    assert abs(ranked[0][0] - 0.45) < 1e-9 and abs(ranked[2][0] - 0.3) < 1e-9
