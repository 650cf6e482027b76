"""Bare armed nouns ('the rebels', 'militants', 'separatists') are actor mentions: the armed group the report
named just before, else the country's unidentified armed group. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from thucydides.knowledge.actors import actor_base, name_key
from thucydides.model import Interval

pytestmark = pytest.mark.slow


def _named(analysis, text: str) -> str:
    base = actor_base()
    return next(name_key(base.get(m.actor).name) for m in analysis.actors if m.text == text)


def _event_actors(analysis) -> set[str]:
    base = actor_base()
    return {name_key(base.get(a).name) for e in analysis.events for a in (e.actor1,) if a}


@pytest.mark.parametrize(("text", "noun", "group"), [
    ("M23 rebels seized the town of Rubaya in North Kivu on Tuesday. On Wednesday the rebels clashed with "
     "Congolese troops near Sake, killing four soldiers.", "rebels", "M23: March 23 Movement"),
    ("The Arakan Army captured a border post near Maungdaw in Rakhine State on Monday. On Tuesday the rebels "
     "shelled a police station in Buthidaung.", "rebels", "ULA/AA: United League of Arakan/Arakan Army"),
    ("JNIM fighters ambushed a convoy near Boni in Mali on Sunday. The jihadists killed seven soldiers.",
     "jihadists", "JNIM: Group for Support of Islam and Muslims"),
    ("ELN guerrillas attacked a military base near Saravena in Arauca, Colombia. The insurgents killed two "
     "soldiers.", "insurgents", "ELN: National Liberation Army"),
])
def test_a_bare_armed_noun_is_the_group_named_before(analyse, text, noun, group) -> None:
    a = analyse(text)
    assert _named(a, noun) == name_key(group)


@pytest.mark.parametrize(("text", "noun", "country"), [
    ("Rebels attacked an army post near Beni in North Kivu on Monday, killing three soldiers.", "Rebels",
     "Democratic Republic of Congo"),
    ("Militants stormed a village near Djibo in Burkina Faso and killed nine villagers.", "Militants",
     "Burkina Faso"),
    ("Separatists shelled the town of Avdiivka in Donetsk, Ukraine, killing two civilians.", "Separatists",
     "Ukraine"),
    ("Unknown militants planted a bomb that hit a police patrol near Taiz in Yemen.", "Unknown militants", "Yemen"),
])
def test_with_no_group_named_it_is_the_countrys_unidentified_armed_group(analyse, text, noun, country) -> None:
    a = analyse(text)
    assert _named(a, noun) == name_key(f"Unidentified Armed Group ({country})")


def test_unknown_militants_never_refer_back_and_act_as_actor_1(analyse) -> None:
    a = analyse("ELN guerrillas burned two trucks near Tame in Arauca, Colombia, on Monday. On Tuesday unknown "
                "militants shot dead a police officer in Saravena.")
    assert _named(a, "unknown militants") == name_key("Unidentified Armed Group (Colombia)")
    assert name_key("Police Forces of Colombia (2018-)") not in _event_actors(a)


@pytest.mark.parametrize(("text", "country"), [
    ("Opposition fighters shelled government positions near Idlib in Syria on Sunday.", "Syria (2000-)"),
    ("Houthi fighters attacked government positions near Marib in Yemen, killing six soldiers.", "Yemen (2012-)"),
])
def test_government_positions_are_the_military_not_the_government(analyse, text, country) -> None:
    a = analyse(text)
    assert _named(a, "government positions") == name_key(f"Military Forces of {country}")
    assert {name_key(actor_base().get(e.actor2).name) for e in a.events if e.actor2} == {
        name_key(f"Military Forces of {country}")}


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Nigerian troops killed five insurgents near Bama in Borno State on Friday.",
     "Military Forces of Nigeria (2015-)", "Unidentified Armed Group (Nigeria)"),
    ("Three soldiers were killed by jihadists near Menaka in Mali on Saturday.",
     "Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)"),
    ("Ukrainian forces clashed with separatists near Horlivka in Donetsk on Monday.",
     "Military Forces of Ukraine (2019-)", "Unidentified Armed Group (Ukraine)"),
    ("Al-Shabaab fighters stormed a hotel in Mogadishu. Somali forces killed the militants after a six-hour "
     "siege.", "Military Forces of Somalia (2022-)", "Al Shabaab"),
])
def test_the_armed_noun_takes_its_side_of_the_event(analyse, text, actor1, actor2) -> None:
    base = actor_base()
    pairs = {(name_key(base.get(e.actor1).name), name_key(base.get(e.actor2).name))
             for e in analyse(text).events if e.actor1 and e.actor2}
    assert (name_key(actor1), name_key(actor2)) in pairs


def test_bare_militants_in_a_report_naming_no_group_are_the_countrys_likely_group(analyse) -> None:
    """`settle.likely_group`: ACLED's coders name Al Shabaab for most Somali notes' 'militants'."""
    a = analyse("Militants attacked a police station in Baidoa on Monday, killing three officers.",
                published=Interval(date(2024, 3, 2), date(2024, 3, 2)))
    assert _named(a, "Militants") == name_key("Al Shabaab")
    assert name_key("Al Shabaab") in _event_actors(a)


def test_a_report_published_long_before_the_notes_years_keeps_the_unidentified_group(analyse) -> None:
    """Groups rise and fall: a reading learned from recent notes says nothing of 2004, nor of an undated report."""
    undated = analyse("Militants attacked a police station in Baidoa on Monday, killing three officers.")
    assert _named(undated, "Militants") == name_key("Unidentified Armed Group (Somalia)")
    a = analyse("Militants attacked a police station in Baidoa on Monday, killing three officers.",
                published=Interval(date(2004, 3, 2), date(2004, 3, 2)))
    assert _named(a, "Militants") == name_key("Unidentified Armed Group (Somalia)")


def test_with_the_step_switched_off_bare_militants_stay_unidentified(
        analyse, settings_from: Callable[[str], None]) -> None:
    settings_from("stages:\n  actors:\n    likely_group: false\n")
    a = analyse("Militants attacked a police station in Baidoa on Monday, killing three officers.")
    assert _named(a, "Militants") == name_key("Unidentified Armed Group (Somalia)")
