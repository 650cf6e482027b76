"""The fatalities section's told-victim readings: named, switchable, and checked by name."""

from __future__ import annotations

import pytest

from thucydides.events import tolls
from thucydides.knowledge import fatalities
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.settings import SettingsError


def test_the_shipped_readings_are_known_and_on() -> None:
    readings = tolls.toll_settings().told_victim_readings
    assert set(readings) == set(fatalities.VICTIM_READINGS)


def test_an_unknown_reading_fails_naming_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fatalities, "section", lambda name, cls: cls(told_victim_readings=("guess",),
                                                                      figure_readings=()))
    fatalities._checked.cache_clear()
    try:
        with pytest.raises(SettingsError, match="found_body"):
            tolls.toll_settings()
    finally:
        fatalities._checked.cache_clear()


def test_the_lexicons_hold_the_readings_words() -> None:
    lex = lexicons()
    assert {"die", "succumb"} <= lex.dying_verbs
    assert "body" in lex.body_nouns and "find" in lex.discovery_verbs
    assert "another" in lex.one_person_determiners and "was" in lex.singular_auxiliaries


def test_the_shipped_figure_readings_are_known_and_on() -> None:
    assert set(fatalities.fatality_settings().figure_readings) == set(fatalities.FIGURE_READINGS)


def test_an_unknown_figure_reading_fails_naming_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fatalities, "section", lambda name, cls: cls(told_victim_readings=(),
                                                                      figure_readings=("guess",)))
    fatalities._checked.cache_clear()
    try:
        with pytest.raises(SettingsError, match="compound_unit"):
            fatalities.fatality_settings()
    finally:
        fatalities._checked.cache_clear()


def test_the_lexicons_hold_the_new_readings_words() -> None:
    lex = lexicons()
    assert {"result", "lead"} <= lex.outcome_verbs and "death" in lex.death_nouns
