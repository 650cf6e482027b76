"""The quick tests in front of recognition's whole-report patterns (`bench/geo_speed.py`) keep what they find:
each case here is one the quick test must let through, beside one it must still turn away."""

from __future__ import annotations

import re

import pytest

from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.recognize import (
    _BORDER,
    _BRACKET,
    _TITLED,
    Found,
    _apposed_place_noun,
    _bracket_matches,
    _may_end_in_of,
    _person_titles,
    _titled,
    abbreviation_matches,
    border_matches,
    gazetteer_matches,
    knowledge,
    party_district,
    said_of_a_place,
    unknown_places,
    words,
)
from thucydides.geo.resolve import _CAPITALISED, peoples_votes


def test_words_keep_hyphenated_pieces_and_drop_plain_lower_case_words() -> None:
    text = ("Shelling near al-Raqqa and the Gori-based unit's Port-au-Prince office upset the counter-attack of "
            "Lyon's team.")
    got = [t.text for t in words(text)]
    assert got == ["Shelling", "al-Raqqa", "and", "the", "Gori", "Port", "au", "Prince", "the", "of", "Lyon"]


def test_border_needs_the_word_and_a_boundary_before_the_capital() -> None:
    assert border_matches("Troops massed on the Sudanese-Chadian border overnight.", knowledge())
    assert border_matches("Sudanese-Chadian frontiers were closed.", knowledge())
    assert not border_matches("Troops massed on the xSudanese-Chadian border.", knowledge())
    assert not border_matches("Sudanese and Chadian officials met.", knowledge())
    slow = re.compile(r"\b([A-Z][a-z]+)\s*[-–—/]\s*([A-Z][a-z]+)\s+(border|frontier)s?\b")
    for text in ("Kenyan-Somali border", "aKenyan-Somali border", "_Kenyan / Somali borders",
                 "3Kenyan-Somali frontier"):
        assert [m.groups() for m in _BORDER.finditer(text)] == [m.groups() for m in slow.finditer(text)]


def test_state_abbreviations_after_a_comma_and_dotted_ones_anywhere() -> None:
    text = "A storm hit Alexandria, La. and then crossed the N.Y. line; 3, La. no."
    names = [f.name for f in abbreviation_matches(text)]
    assert names == ["La.", "N.Y."]


def test_brackets_after_a_word_not_after_a_figure() -> None:
    text = "fighting at the junction (Aley) and on March 3 (Beirut) near Tyre(Sour)"
    assert [m.group(1) for m in _BRACKET.finditer(text)] == ["Aley", "Sour"]


@pytest.mark.parametrize("text", [
    "fighting at the junction (Aley) and on March 3 (Beirut) near Tyre(Sour)",
    "clashes in Kainama  \n (Beni, Nord-Kivu) and (Goma) and 5 (Uvira), then Bunia ((Ituri)) and Aru (x)",
    "the camp (a place far, far away from any town that anyone in the district could name, with more words) (Dadaab)",
    "no bracket at all", "(Kisumu) opens it", "Mombasa (", "Lamu )( Malindi (Kilifi)",
])
def test_brackets_found_from_the_bracket_are_the_patterns_own(text: str) -> None:
    assert [m.span(1) for m in _bracket_matches(text)] == [m.span(1) for m in _BRACKET.finditer(text)]


def test_apposition_and_its_outskirts_and_party_letters_behind_their_quick_tests() -> None:
    know = knowledge()
    text = "They reached Kitgum, a town near the border, then Gulu and its outskirts; Sen. Roe, D-Kisumu, spoke."
    kitgum, gulu, kisumu = (text.index(n) for n in ("Kitgum", "Gulu", "Kisumu"))
    assert _apposed_place_noun(text, kitgum + len("Kitgum"), know)
    assert not _apposed_place_noun(text, gulu + len("Gulu"), know)
    assert said_of_a_place(text, Found(gulu, gulu + 4, "Gulu", "Gulu"), [], know)
    assert not said_of_a_place(text, Found(kitgum - 8, kitgum - 1, "reached", "reached"), [], know)
    assert party_district(text, kisumu) and not party_district(text, gulu) and not party_district(text, 0)


def test_unknown_places_are_those_no_gazetteer_match_lies_inside() -> None:
    text = "From Kisumu Town to Lake Zorb and Kisumu"
    matches = [Found(5, 11, "Kisumu", "Kisumu", gazetteer=True), Found(34, 40, "Kisumu", "Kisumu", gazetteer=True)]
    ents = [(5, 16, "GPE"), (20, 29, "LOC"), (34, 40, "GPE")]
    assert [f.name for f in unknown_places(text, ents, matches)] == ["Lake Zorb"]


def test_capitalised_peoples_names_only_at_a_word_start() -> None:
    assert [m.group() for m in _CAPITALISED.finditer("Dutch and aPolish and Éthiopian, Salvadoran")] == [
        "Dutch", "Salvadoran"]
    assert set(peoples_votes("Dutch and Polish envoys met.")) >= {"NL", "PL"}


def test_titles_before_names_are_found_whole() -> None:
    text = "Former President Okafor met Sen. Adeyemi and coach  Bello, not xSen. Musa nor Senators Musa."
    assert [m.groups() for m in _TITLED.finditer(text) if m.group(1).lower() in {"president", "sen", "coach"}] == [
        ("President", "", "Okafor"), ("Sen", ".", "Adeyemi"), ("coach", "", "Bello")]


def test_titles_pattern_finds_what_the_word_pattern_finds_at_titles() -> None:
    text = ("Former President Okafor met Sen. Adeyemi, GEN. Ade and coach  Bello; not xSen. Musa, Senators Musa, "
            "the Governorship Obi held, Gov Obi nor Dr.Obi.")
    titles = _person_titles()
    assert [m.groups() for m in _titled().finditer(text)] == [
        m.groups() for m in _TITLED.finditer(text) if m.group(1).lower() in titles]
    assert [m.group(3) for m in _titled().finditer(text)] == ["Okafor", "Adeyemi", "Ade", "Bello", "Obi"]


def test_gazetteer_scan_keeps_runs_whole_and_reads_single_words() -> None:
    text = "Troops left Port-au-Prince for Deir ez-Zor and South Sudan, then Abu Shouk; the Wadi and Northern Kisumu."
    names = [f.name for f in gazetteer_matches(text, words(text), open_gazetteer())]
    assert "Port-au-Prince" in names and "Deir ez-Zor" in names and "South Sudan" in names
    assert "Wadi" not in names and "Shouk" not in names and "Northern" not in names


@pytest.mark.parametrize(("before", "may"), [
    ("shelled a village 10 km north of ", True),
    ("the countryside west OF\n", True),
    ("they drove away from ", True),
    ("they drove to ", False),
    ("the north of", False),
])
def test_distance_and_direction_cues_need_of_or_from_at_the_end(before: str, may: bool) -> None:
    assert _may_end_in_of(before) is may


def test_connectors_grouped_by_first_letter_still_join_names_and_stop_plain_runs() -> None:
    """The plain-word runs `words` skips stop at every connector, however the pattern groups them ("of", "al",
    "and", "upon", "y"), and a word that only starts like one ("often", "alone", "ally") is still plain."""
    from thucydides.geo.recognize import _CONNECTORS

    for connector in sorted(_CONNECTORS):
        text = f"rain fell {connector} often alone amid ally towns"
        assert [t.text for t in words(text)] == [connector], connector


def test_given_and_surname_pairs_are_the_word_boundary_patterns() -> None:
    """The capital first, then the boundary before it: the same pairs as a pattern opening on a word boundary."""
    from thucydides.geo.recognize import _GIVEN_AND_SURNAME

    slow = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][a-z]+(?:[A-Z][a-z]+)?)\b)")
    text = "Mary Ann McDonald met xJohn Okoro, _Ruth Bello, 9Amos Kiprop, Éva Nagy and Tom  Obi at Lake Ziway."
    assert [m.groups() for m in _GIVEN_AND_SURNAME.finditer(text)] == [m.groups() for m in slow.finditer(text)]
    assert [m.group(1) for m in _GIVEN_AND_SURNAME.finditer(text)] == ["Mary", "Ann", "Lake"]
