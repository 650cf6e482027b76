"""The fatalities section's told-victim readings: named, switchable, and checked by name."""

from __future__ import annotations

import pytest

from thucydides.events import tolls
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.settings import SettingsError


def test_the_shipped_readings_are_known_and_on() -> None:
    readings = tolls.toll_settings().told_victim_readings
    assert set(readings) == set(tolls.VICTIM_READINGS)


def test_an_unknown_reading_fails_naming_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tolls, "section", lambda name, cls: cls(told_victim_readings=("guess",)))
    tolls.toll_settings.cache_clear()
    try:
        with pytest.raises(SettingsError, match="found_body"):
            tolls.toll_settings()
    finally:
        tolls.toll_settings.cache_clear()


def test_the_lexicons_hold_the_readings_words() -> None:
    lex = lexicons()
    assert {"die", "succumb"} <= lex.dying_verbs
    assert "body" in lex.body_nouns and "find" in lex.discovery_verbs
    assert "another" in lex.one_person_determiners and "was" in lex.singular_auxiliaries
