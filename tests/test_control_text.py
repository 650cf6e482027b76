"""Control statements read from text on the spaCy parse (our own sentences, real place names)."""

from __future__ import annotations

from datetime import date

import pytest

from thucydides.corpus.control import ControlSettings
from thucydides.corpus.control_text import read_statements
from thucydides.ling.spacy_model import load_model
from thucydides.model import Document, Interval

pytestmark = pytest.mark.slow
PUBLISHED = Interval(date(2021, 5, 1), date(2021, 5, 1))


@pytest.fixture(scope="module")
def read(pipeline):
    """(kind, actor, previous, place name, claimant) of every statement in a text we wrote."""

    def run(text: str) -> set[tuple[str, str | None, str | None, str, str | None]]:
        (analysis,) = pipeline.run_documents([Document.from_text(text, name="t.txt", published=PUBLISHED)])
        found = read_statements([analysis.document], analysis.mentions(), load_model(), ControlSettings())
        for s in found:
            assert analysis.document.text[s.evidence.start:s.evidence.end] == s.evidence.text
            assert s.when == PUBLISHED
        return {(s.kind, s.actor, s.previous, analysis.places[s.place].name, s.claimant) for s in found}

    return run


def test_captures_active_passive_and_from(read):
    assert ("takeover", "SDF", "ISIS", "Ar Raqqah", None) in read(
        "Fighters of the SDF captured Raqqa from ISIS on Tuesday after a four-month battle.")
    assert ("takeover", "SDF", None, "Hajīn", None) in read(
        "Fighting went on in Deir ez-Zor province. Hajin was captured by the SDF a week earlier.")


def test_expelled_and_withdrawn_name_the_loser(read):
    assert ("takeover", "ISF", "ISIS", "Mosul", None) in read(
        "ISIS militants were expelled from Mosul by Iraqi forces last year.")
    assert ("lost", "HTS", None, "Saraqib", None) in read("HTS fighters withdrew from Saraqib overnight.")


def test_holding_phrases_and_the_last_pocket(read):
    found = read("Fighting continued in Deir ez-Zor province on Monday. The SDF said the last pocket of ISIS lies "
                 "between Baghuz and the town of Susah. In Idlib province, HTS still holds Saraqib.")
    assert ("holds", "ISIS", None, "Baghuz Fawqani", "SDF") in found
    assert ("holds", "ISIS", None, "As Sūsah", "SDF") in found
    assert ("holds", "HTS", None, "Saraqib", None) in found
    assert ("holds", "SAA", None, "Deir ez-Zor", None) in read(
        "The Syrian army still controls most of Deir ez-Zor city, a commander said.")


def test_plans_and_denials_are_no_fact_of_control(read):
    assert read("The SDF plans to capture Raqqa before the end of the year.") == set()
    assert read("The SDF has not captured Raqqa, despite weeks of fighting.") == set()


def test_the_area_around_what_changed_hands_did_not_change_hands(read):
    found = read("The SDF captured three villages in Deir ez-Zor province on Sunday.")
    assert not [s for s in found if s[0] == "takeover"]  # the villages changed hands, not the province
