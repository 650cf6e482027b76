"""Ground taken read as a thing or people taken: a facility (a dam, an airport) captured is territory taken, not an
abduction; a place seized is territory, however sure the coder is that the seizing took weapons (settings
`stages.events.fallback_over`)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, fallback_events, keyword_events

pytestmark = pytest.mark.slow

TAKEN = "Non-state actor overtakes territory"


def test_a_dam_captured_is_territory_taken_not_people() -> None:
    events = fallback_events(date(2024, 5, 17), "g.txt")(
        "The Kajaki dam was captured by the Taliban on Wednesday after two days of fighting.")
    assert [e.sub_event_type for e in events] == [TAKEN]


def _seizure_coder() -> KeywordCoder:
    return KeywordCoder((("seized", "Strategic developments", "Disrupted weapons use"),), 0.95)


def test_a_place_seized_is_territory_though_the_coder_reads_weapons_seized() -> None:
    read = keyword_events(_seizure_coder(), date(2024, 5, 17), "s.txt")
    events = read("Militants seized the airport of Kidal on Wednesday.", fallback=True)[1]
    assert [e.sub_event_type for e in events] == [TAKEN]


def test_weapons_seized_stay_weapons_seized() -> None:
    read = keyword_events(_seizure_coder(), date(2024, 5, 17), "w.txt")
    events = read("Soldiers seized two rifles and a truck near Kidal on Wednesday.", fallback=True)[1]
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_without_the_switch_the_coder_reading_stands() -> None:
    read = keyword_events(_seizure_coder(), date(2024, 5, 17), "n.txt")
    events = read("Militants seized the airport of Kidal on Wednesday.", fallback=True, fallback_over=())[1]
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"]


def test_a_liberation_welcomed_is_ground_regained() -> None:
    """A taking named as a noun under a verb of judgement, its owner the side that took the place."""
    events = fallback_events(date(2024, 5, 17), "l.txt")("Canada welcomes the Iraqi army's liberation of Tikrit.")
    assert [e.sub_event_type for e in events] == ["Government regains territory"]
