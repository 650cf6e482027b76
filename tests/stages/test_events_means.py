"""The weapon decides the type: violence against civilians done by a suicide bomber or with shells is an
explosion of that means (with civilian targeting), as ACLED codes it; without a means named it stays an
attack. The keyword test double reads 'killed' as an attack on civilians."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tests.stages.keyword_coder import KeywordCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def events_of() -> Run:
    coder = KeywordCoder((("killed", "Violence against civilians", "Attack"),), 0.95)
    read = keyword_events(coder, date(2024, 5, 17), "r.txt")
    return lambda text: read(text)[1]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("A suicide bomber killed twelve civilians at a market in Gao on Monday.", "Suicide bomb"),
    ("Police condemned the mortar attacks on the camp near Gao, which killed six civilians.",
     "Shelling/artillery/missile attack"),
    ("Gunmen killed twelve civilians at a market in Gao on Monday.", "Attack"),
])
def test_the_means_named_types_violence_against_civilians(events_of: Run, text: str, sub_event_type: str) -> None:
    assert [e.sub_event_type for e in events_of(text)] == [sub_event_type]
