"""The words around a place name that the admit model reads (`features.frame_row`), on sentences we wrote."""

from __future__ import annotations

import pytest

from thucydides.geo.features import ADMIT_FEATURES, FRAME_FEATURES, frame_row
from thucydides.geo.recognize import Found


def frame(text: str, name: str) -> dict[str, float]:
    start = text.index(name)
    return dict(zip(FRAME_FEATURES, frame_row(text, Found(start, start + len(name), name, name)), strict=True))


@pytest.mark.parametrize(("text", "name", "feature"), [
    ("The bill's sponsor, Rep. Ann Moe, D-Lakeview, voted against it.", "Lakeview", "party_tag"),
    ("Delegate Tom Aho (R-Millbrook) asked for a recount.", "Millbrook", "party_tag"),
    ("She took a degree at the University of Ostrava before moving.", "Ostrava", "proper_of"),
    ("Residents asked the Town of Fairhaven to pave the road.", "Fairhaven", "proper_of"),
    ("Budget vote delayed. MILLBROOK \u2014 The council met late on Monday.", "MILLBROOK", "dash_after"),
    ("Budget vote delayed. Millbrook, Ga. -- The council met late.", "Millbrook", "dash_after"),
    ("The storm closed Lakeview's two bridges for a day.", "Lakeview", "possessive_after"),
    ("A Fairhaven-based bakery hired twelve people.", "Fairhaven", "possessive_after"),
    ("Lakeview library reopens after floods.", "Lakeview", "opens_report"),
])
def test_a_frame_marks_what_the_words_around_say(text: str, name: str, feature: str) -> None:
    got = frame(text, name)
    assert got[feature] == 1.0, got
    assert sum(got.values()) == 1.0, got


@pytest.mark.parametrize(("text", "name"), [
    ("The march went from the harbour to Lakeview in an hour.", "Lakeview"),
    ("Ann Moe-Lakeview spoke first.", "Lakeview"),
    ("A list of Fairhaven schools was read out.", "Fairhaven"),
])
def test_plain_mentions_have_no_frame(text: str, name: str) -> None:
    assert not any(frame(text, name).values())


def test_no_text_gives_an_empty_frame_of_the_right_width() -> None:
    assert frame_row("", Found(0, 4, "Xyzw", "Xyzw")) == [0.0] * len(FRAME_FEATURES)
    assert set(FRAME_FEATURES) <= set(ADMIT_FEATURES)
