"""Places, round 7, on sentences we wrote: a country's acronym written in capitals is the country, not the
pronoun it spells ("the US", not "us")."""

from __future__ import annotations

import pytest

from thucydides.model import Analysis


def _places(a: Analysis) -> dict[str, str | None]:
    return {t.text: (a.places[t.place].kind if t.place else None) for t in a.toponyms}


@pytest.mark.slow
def test_the_us_in_capitals_is_the_country(analyse) -> None:
    a = analyse("The ministry in Lusaka asked the US for more money to buy bed nets before the rains.")
    us = next((t for t in a.toponyms if t.text == "US"), None)
    assert us is not None and us.place is not None
    assert a.places[us.place].kind == "country" and a.places[us.place].country == "US"


@pytest.mark.slow
def test_the_pronoun_us_is_no_place(analyse) -> None:
    a = analyse("The farmers in Lusaka told us that the rains came late this year.")
    assert "us" not in _places(a)


@pytest.mark.slow
def test_a_disease_named_after_a_place_is_no_mention_of_it(analyse) -> None:
    a = analyse("Vets in Vermont found West Nile virus in a crow; the Marburg haemorrhagic fever spread in Angola.")
    found = _places(a)
    assert "West Nile" not in found and "Marburg" not in found
    assert found.get("Vermont") == "admin1" and found.get("Angola") == "country"


@pytest.mark.slow
def test_a_place_with_a_possessive_before_such_a_noun_stays_a_place(analyse) -> None:
    a = analyse("Osaka's flu clinics were full, officials in Osaka said on Monday.")
    assert any(t.text == "Osaka" and t.place for t in a.toponyms)


def test_a_plural_admin_noun_is_read_as_its_singular() -> None:
    from thucydides.geo.recognize import knowledge, singular_admin_noun

    nouns = knowledge().admin_nouns
    assert [singular_admin_noun(w, nouns) for w in ("provinces", "counties", "states", "parishes")] == \
        ["province", "county", "state", "parish"]
    assert singular_admin_noun("province", nouns) is None and singular_admin_noun("towns", nouns) is None


@pytest.mark.slow
def test_a_plural_admin_noun_after_a_list_makes_each_name_a_unit(analyse) -> None:
    a = analyse("Rockets hit markets in Kassala, Gedaref and Sennar states, a doctor in Khartoum said.")
    assert {k: v for k, v in _places(a).items() if k != "Khartoum"} == \
        {"Kassala": "admin1", "Gedaref": "admin1", "Sennar": "admin1"}
    assert _places(a)["Khartoum"] == "populated_place"


def test_dotted_state_abbreviations_count_anywhere_others_only_after_a_town() -> None:
    from thucydides.geo.recognize import abbreviation_matches

    text = "Widening the S.C. 5 bypass, Rep. Roe, D-N.D., said in Ames, Iowa and Dover, Del. Miss. Ames spoke."
    found = {f.text: f.fixed for f in abbreviation_matches(text)}
    assert found == {"S.C.": "adm1-US-SC", "N.D.": "adm1-US-ND", "Iowa": "adm1-US-IA", "Del.": "adm1-US-DE"}


@pytest.mark.slow
def test_the_us_qualifying_a_later_word_is_left_as_before(analyse) -> None:
    """ "US bases", "US, French and Italian forces": a country named only as a modifier, which the reports' gold
    does not count, and where "us" might be the pronoun."""
    a = analyse("Prisoners were moved to US bases while US, French and Italian forces struck the hills.")
    assert "US" not in _places(a)
