"""German linking words ("am", "im", "an der") join a town's name like "de" or "sur" do: "Frankfurt am Main" is one
name, not Frankfurt alone (a namesake abroad in a report naming nothing else). Sentences written for these tests."""

from __future__ import annotations

from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.recognize import gazetteer_matches, words


def _names(text: str) -> list[str]:
    return [f.text for f in gazetteer_matches(text, words(text), open_gazetteer())]


def test_a_name_joined_by_am_is_met_whole() -> None:
    names = _names("Nurses marched in Frankfurt am Main on Saturday.")
    assert "Frankfurt am Main" in names and "Frankfurt" not in names
    assert "Plau am See" in _names("Farmers gathered in Plau am See.")


def test_the_linking_word_alone_joins_nothing() -> None:
    assert "Berlin" in _names("At 10 am Berlin time, nurses walked out.")
