"""A run-on sentence mixing a happening with its background may read surely as an event but only as a catch-all
sub-type ('Other'), too unsurely to be taken; with `catchall_clauses` its clause read as a specific sub-type
('gunmen opened fire on a market') types it, unless a short note's rescue by `single_threshold` keeps the
catch-all (on ACLED's notes such readings are mostly right)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from tests.stages.keyword_coder import ReadGuess, SentenceCoder, keyword_events
from thucydides.model import Event

pytestmark = pytest.mark.slow

MIXED = ("Meanwhile the rebels moved their camp north of the river and the talks stalled again, while gunmen opened "
         "fire on a crowded market in Gao on Monday, killing nine traders.")
CLASH = "Soldiers clashed with rebels near Kidal on Sunday."


@dataclass(frozen=True)
class CatchAllCoder(SentenceCoder[ReadGuess]):
    """Reads the mixed sentence whole as 'Other' (sure of an event, unsure of its type), a clause telling the
    shooting as an attack, a clash as a clash, anything else as no event."""

    def _read(self, text: str) -> ReadGuess:
        text = text.lower()
        if "meanwhile" in text:
            return ReadGuess("Strategic developments", "Other", 0.6, 0.97, (("Other", 0.6),))
        if "opened fire" in text:
            return ReadGuess("Violence against civilians", "Attack", 0.7, 0.8, (("Attack", 0.7),))
        if "clashed" in text:
            return ReadGuess("Battles", "Armed clash", 0.95, 0.97, (("Armed clash", 0.95),))
        return ReadGuess(None, None, 0.99, 0.01)


def events(text: str, **changes: object) -> list[Event]:
    read = keyword_events(CatchAllCoder(), date(2024, 5, 17), "r.txt")  # type: ignore[arg-type]
    return read(text, **changes)[1]


def test_the_specific_clause_types_a_catch_all_reading_no_rescue_keeps() -> None:
    found = events(CLASH + " " + MIXED, catchall_clauses=True)
    assert sorted(e.sub_event_type for e in found) == ["Armed clash", "Attack"]
    attack = next(e for e in found if e.sub_event_type == "Attack")
    assert attack.fatalities == 9


def test_off_the_catch_all_sentence_is_dropped() -> None:
    assert [e.sub_event_type for e in events(CLASH + " " + MIXED, catchall_clauses=False)] == ["Armed clash"]


def test_a_short_note_keeps_its_rescued_catch_all() -> None:
    assert [e.sub_event_type for e in events(MIXED, catchall_clauses=True)] == ["Other"]
