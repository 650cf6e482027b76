"""A hyphenated name whose capitalised parts a short particle links ("Pul-e-Khumri", a Persian ezafe) is one name,
looked up whole (settings place_recognition.particle_names); sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.stages.test_geo_general import resolved
from thucydides.geo import recognize
from thucydides.geo.recognize import recognition_settings, words


def test_a_particle_between_capitalised_parts_keeps_the_word_whole() -> None:
    assert [t.text for t in words("shot in Pul-e-Khumri, Qala-i-Naw")] == ["Pul-e-Khumri", "Qala-i-Naw"]


def test_connectors_and_other_hyphens_still_part_the_word() -> None:
    assert [t.text for t in words("Port-au-Prince")] == ["Port", "au", "Prince"]
    assert [t.text for t in words("Gori-based EU-Israel")] == ["Gori", "EU", "Israel"]


def test_without_the_step_the_parts_are_read_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    off = replace(recognition_settings(), particle_names=False)
    monkeypatch.setattr(recognize, "recognition_settings", lambda: off)
    assert [t.text for t in words("Pul-e-Khumri")] == ["Pul", "Khumri"]


@pytest.mark.slow
def test_the_whole_name_resolves_to_the_district_town(analyse) -> None:
    a = analyse("On 2 March 2024, gunmen shot dead a shopkeeper in Pul-e-Khumri city, Baghlan province.")
    town = resolved(a, "Pul-e-Khumri")
    assert town is not None and town.country == "AF"


def test_a_word_ending_in_a_particle_or_repeating_its_name_stays_whole() -> None:
    """ "Sar-e Pol": the particle ends the word and the name goes on in the next one; "Bau-bau" repeats itself."""
    assert [t.text for t in words("Sar-e Pol, Bau-bau")] == ["Sar-e", "Pol", "Bau-bau"]
    assert [t.text for t in words("Saudi-led, Kyiv-based")] == ["Saudi", "Kyiv"]


def test_without_the_trailing_step_the_particle_is_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    off = replace(recognition_settings(), trailing_particles=False)
    monkeypatch.setattr(recognize, "recognition_settings", lambda: off)
    assert [t.text for t in words("Sar-e Pol")] == ["Sar", "Pol"]


@pytest.mark.slow
def test_a_district_named_with_an_ezafe_before_a_space_is_found_whole(analyse) -> None:
    """ "Nawa" alone names a Japanese city; the district's whole name is Afghan."""
    a = analyse("On 4 June 2020, a roadside bomb hit a minibus on the road through Nawa-e Barakzayi district, Helmand.")
    place = resolved(a, "Nawa-e Barakzayi district")
    assert place is not None and place.country == "AF"
