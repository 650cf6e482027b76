"""What the words around a name say of it, on sentences we wrote: a state abbreviation after "Town," names that state
only where the town may lie in it; a bracket that opens with a known name and goes on with a quarter or a district
the gazetteer does not know names a place first; "the prison of X" names a place as "the town of X" does."""

from __future__ import annotations

from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.recognize import Found, recognise
from thucydides.ling.spacy_model import load_model


def _texts(text: str) -> set[str]:
    return {f.text for f in recognise(text, None, open_gazetteer(), [])}


def test_a_capital_district_abroad_is_not_read_as_washington() -> None:
    """No Bogota of the gazetteer lies in the District of Columbia: "D.C." is Bogota's own capital district."""
    assert "D.C." not in _texts("Teachers marched through Bogota, D.C., to ask for better pay.")


def test_the_abbreviation_after_a_town_of_that_state_still_counts() -> None:
    assert "D.C." in _texts("Teachers marched through Washington, D.C., to ask for better pay.")
    assert "La." in _texts("Teachers marched through Alexandria, La., to ask for better pay.")


def test_the_abbreviation_after_a_town_the_gazetteer_does_not_know_still_counts() -> None:
    assert "Ga." in _texts("Teachers marched through Zzyxqvile, Ga., to ask for better pay.")


def _parsed(text: str) -> dict[str, Found]:
    return {f.text: f for f in recognise(text, load_model()(text), open_gazetteer(), [])}


def test_a_bracket_opening_with_a_town_and_going_on_with_an_unknown_quarter_cues_the_town() -> None:
    found = _parsed("Nurses held a sit-in outside the Central Drug Testing Bureau (Seoul City - Qwerlinbo) on Friday.")
    assert found["Seoul"].place_cue and not found["Seoul"].doubtful


def test_a_bracket_with_no_comma_or_dash_is_no_town_and_its_quarter() -> None:
    """'(Jordan Peterson)': a name of two words, not a town and its district."""
    found = _parsed("The talk was given by a professor (Jordan Peterson) on Friday.")
    assert "Jordan" not in found or not found["Jordan"].place_cue


def test_a_name_after_a_facility_noun_and_of_is_cued_as_a_place() -> None:
    """'the prison of X', like 'the town of X': the facility lies in X, however spaCy labels X."""
    found = _parsed("Inmates rioted inside the prison of Dunkerque on Tuesday.")
    assert found["Dunkerque"].place_cue and not found["Dunkerque"].doubtful


def test_a_list_of_states_is_no_town_and_its_state() -> None:
    """'Georgia, Idaho, Ohio': a state's own name after another place and a comma stays, whatever lies in it."""
    assert {"Georgia", "Idaho", "Ohio"} <= _texts("Cases rose in Georgia, Idaho, Ohio and four other states.")
