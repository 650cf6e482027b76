"""Place recognition, on sentences we wrote: a legislator's party letter and hyphen ("Sen. Jane Roe, D-Dayton")
introduce the place they represent; a census first name written before a surname that is no English word
("Ashley Quarnstrom") is a person's in that report, not a town's."""

from __future__ import annotations

import pytest

from thucydides.geo.recognize import Found, party_district

pytestmark = pytest.mark.usefixtures("gazetteer_or_skip")


def _found(text: str) -> dict[str, Found]:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import recognise
    from thucydides.ling.spacy_model import load_model

    return {f.name: f for f in recognise(text, load_model()(text), open_gazetteer(), [])}


@pytest.mark.parametrize(("text", "word"), [
    ("The bill was backed by Sen. Maria Oslund, D-Dayton, on Tuesday.", "Dayton"),
    ("A vote was called by Rep. Tom Vell (R-Akron) after lunch.", "Akron"),
])
def test_a_party_letter_introduces_the_place_a_legislator_represents(text: str, word: str) -> None:
    assert party_district(text, text.index(word))
    assert _found(text)[word].place_cue


@pytest.mark.parametrize(("text", "word"), [
    ("Troops landed on D-Day at dawn.", "Day"),
    ("Traffic slowed on I-Lansing road works.", "Lansing"),
    ("The pact was signed in Dayton, not in Akron.", "Akron"),
])
def test_a_hyphen_alone_or_a_comma_alone_is_no_party_cue(text: str, word: str) -> None:
    assert not party_district(text, text.index(word))


def test_a_first_name_before_a_surname_is_a_person_in_that_report() -> None:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import recognise
    from thucydides.ling.spacy_model import load_model

    text = "The board thanked Ashley Quarnstrom for her years as coach. Ashley was moved by it."
    ashley = [f for f in recognise(text, load_model()(text), open_gazetteer(), []) if f.name == "Ashley"]
    assert ashley and all(f.person_name for f in ashley)


def test_a_first_name_before_an_english_word_or_a_state_stays_a_place() -> None:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import given_names, knowledge

    gaz, know = open_gazetteer(), knowledge()
    assert given_names("Police in Tyler Friday said the road was shut.", gaz, know) == frozenset()
    assert given_names("She moved from Columbus Ohio last year.", gaz, know) == frozenset()
    assert given_names("They cheered Tyler Quarnstrom at the meet.", gaz, know) == frozenset({"tyler"})


@pytest.mark.parametrize(("text", "word"), [
    ("Police said Dana Verlow, 41, of Grovetown, was held overnight.", "Grovetown"),
    ("Nobody expected it, said Verlow, of Wooster, after the vote.", "Wooster"),
    ("The winner was Sam Prell, 17, from Botley, who trained all year.", "Botley"),
])
def test_where_a_named_person_lives_is_a_place(text: str, word: str) -> None:
    assert _found(text)[word].place_cue


def test_of_after_a_common_word_is_no_residence() -> None:
    text = "Two men stood at the back, right, of Grovetown hall."
    assert not _found(text)["Grovetown"].place_cue


@pytest.mark.parametrize(("text", "word"), [
    ("A trooper of the Vermont Highway Patrol stopped the van at noon.", "Vermont"),
    ("Snow closed the Kansas Turnpike for a day.", "Kansas"),
])
def test_a_state_before_a_trunk_road_word_is_the_state(text: str, word: str) -> None:
    assert not _found(text)[word].street


def test_a_town_before_a_road_word_is_still_a_street() -> None:
    text = "The shop on Springfield Highway closed for good."
    assert "Springfield" not in _found(text)


def test_a_road_between_two_towns_is_no_state_road() -> None:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import state_roads

    def ohio(text: str) -> Found:
        at = text.index("Ohio")
        return Found(at, at + 4, "Ohio", "Ohio", street=True)

    for text, street in [("Youths blocked the Akron-Ohio highway with tyres.", True),
                         ("Youths blocked the Ohio highway with tyres.", True),
                         ("Youths blocked the Ohio Turnpike with tyres.", False)]:
        found = [ohio(text)]
        state_roads(text, found, open_gazetteer())
        assert found[0].street is street, text
