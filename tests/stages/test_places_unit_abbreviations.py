"""First-level units' abbreviations derived from conflict records' notes ("(Town, KPK)") count after a town and a
comma like the hand-listed ones (settings place_recognition.derived_unit_abbreviations); sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo import recognize
from thucydides.geo.recognize import abbreviation_matches, recognition_settings
from thucydides.knowledge.unit_abbreviations import unit_abbreviations


@pytest.fixture
def fresh_tables() -> Iterator[None]:
    recognize._abbreviations.cache_clear()
    recognize._dotted_abbreviations.cache_clear()
    yield
    recognize._abbreviations.cache_clear()
    recognize._dotted_abbreviations.cache_clear()


def test_the_derived_table_holds_units_codes() -> None:
    table = unit_abbreviations()
    assert table and all(code.count(".") == 1 and code[:2].isupper() for code in table.values())


def test_an_abbreviation_after_a_town_and_a_comma_names_its_unit(fresh_tables: None) -> None:
    found = abbreviation_matches("Shopkeepers shut their stalls in Bannu town (Bannu, KPK) over power cuts.")
    assert [(f.name, f.fixed) for f in found] == [("KPK", "adm1-PK-03")]


def test_not_without_a_town_and_a_comma_before_it(fresh_tables: None) -> None:
    assert abbreviation_matches("KPK police said the road was closed.") == []


def test_without_the_step_the_abbreviation_is_no_place(monkeypatch: pytest.MonkeyPatch, fresh_tables: None) -> None:
    off = replace(recognition_settings(), derived_unit_abbreviations=False)
    monkeypatch.setattr(recognize, "recognition_settings", lambda: off)
    assert abbreviation_matches("Shopkeepers shut their stalls in Bannu town (Bannu, KPK) over power cuts.") == []


@pytest.mark.slow
def test_the_unit_keeps_a_town_with_a_namesake_abroad_at_home(analyse) -> None:
    a = analyse("On 4 May 2023, traders marched in Karak city (Karak, KPK), against the burning of a holy book in "
                "Denmark.")
    town = resolved(a, "Karak")
    assert town is not None and town.country == "PK"
