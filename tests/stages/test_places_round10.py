"""Places that generalise on news, round 10, on sentences we wrote: a capitalised preposition of place opening a
sentence ("Near X", "Outside X") neither hides the place in a person's name spaCy reads nor starts an unknown name."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.recognize import place_entities, recognise, spacy_entities

# --- fast -------------------------------------------------------------------------------------


def _doc(words: list[str], ents: list[str]):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, ents=ents)


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
