"""A name told with its unit noun, looked up with it first as a unit's name (settings stages.places.told_unit_name,
`resolve.told_unit`); sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.recognize import Found, knowledge
from thucydides.geo.resolve import told_unit


def _told(text: str, name: str) -> Found:
    return Found(0, len(text), text, name, admin=True)


def test_a_province_the_gazetteer_names_with_its_noun_is_that_countrys() -> None:
    units = told_unit(_told("Cordoba province", "Cordoba"), open_gazetteer(), knowledge())
    assert units and {c.place.country for c in units} == {"AR"} and {c.place.kind for c in units} == {"admin1"}


def test_a_name_of_part_words_keeps_every_countrys_units() -> None:
    assert told_unit(_told("Eastern region", "Eastern"), open_gazetteer(), knowledge()) == []


def test_a_bare_name_is_not_looked_up_as_a_unit() -> None:
    assert told_unit(Found(0, 7, "Cordoba", "Cordoba"), open_gazetteer(), knowledge()) == []


@pytest.mark.slow
def test_the_province_resolves_in_the_country_that_calls_it_so(analyse) -> None:
    a = analyse("On 3 May 2022, in San Juan province, teachers marched to demand a pay rise.")
    unit = resolved(a, "San Juan province")
    assert unit is not None and unit.country == "AR"


def test_a_name_whose_span_leaves_the_noun_out_is_not_looked_up_as_a_unit() -> None:
    """ "Pine and Cedar counties": each name is marked a unit, its span holds no unit noun to look it up with."""
    assert told_unit(Found(0, 4, "Pine", "Pine County", admin=True), open_gazetteer(), knowledge()) == []
