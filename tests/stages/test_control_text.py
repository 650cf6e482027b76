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
    """(kind, actor, previous, place as written, claimant) of every statement in a text we wrote; each place is
    resolved in Syria or Iraq, whatever name the gazetteer gives it ('Hajin' is Hajīn, 'Raqqa' Ar Raqqah)."""

    def run(text: str) -> set[tuple[str, str | None, str | None, str, str | None]]:
        (analysis,) = pipeline.run_documents([Document.from_text(text, name="t.txt", published=PUBLISHED)])
        found = read_statements([analysis.document], analysis.mentions(), load_model(), ControlSettings())
        written = {t.place: t.text for t in analysis.toponyms if t.place}
        for s in found:
            assert analysis.document.text[s.evidence.start:s.evidence.end] == s.evidence.text
            assert s.when == PUBLISHED
            assert analysis.places[s.place].country in ("SY", "IQ")
        return {(s.kind, s.actor, s.previous, written[s.place], s.claimant) for s in found}

    return run


def test_captures_active_passive_and_from(read):
    assert ("takeover", "SDF", "ISIS", "Raqqa", None) in read(
        "Fighters of the SDF captured Raqqa from ISIS on Tuesday after a four-month battle.")
    assert ("takeover", "SDF", None, "Hajin", None) in read(
        "Fighting went on in Deir ez-Zor province. The town of Hajin was captured by the SDF a week earlier.")


def test_expelled_and_withdrawn_name_the_loser(read):
    assert ("takeover", "ISF", "ISIS", "Mosul", None) in read(
        "ISIS militants were expelled from Mosul by Iraqi forces last year.")
    assert ("lost", "HTS", None, "Saraqib", None) in read("HTS fighters withdrew from the town of Saraqib overnight.")


def test_holding_phrases_and_the_last_pocket(read):
    found = read("Fighting continued in Deir ez-Zor province on Monday. The SDF said the last pocket of ISIS lies "
                 "between Baghuz and the town of Susah. In Idlib province, HTS still holds the town of Saraqib.")
    assert ("holds", "ISIS", None, "Baghuz", "SDF") in found
    assert ("holds", "ISIS", None, "Susah", "SDF") in found
    assert ("holds", "HTS", None, "Saraqib", None) in found
    assert ("holds", "SAA", None, "Deir ez-Zor", None) in read(
        "The Syrian army still controls most of Deir ez-Zor city, a commander said.")


def test_plans_and_denials_are_no_fact_of_control(read):
    assert read("The SDF plans to capture Raqqa before the end of the year.") == set()
    assert read("The SDF has not captured Raqqa, despite weeks of fighting.") == set()


def test_the_shared_word_lists_decide_modals_pronouns_and_telling(read):
    """Modals, group pronouns and verbs of telling are the linguistic layer's lists (`data/lexicons.yaml`): a
    contracted modal is one, 'them' stands for the speaker, and a tweet tells as 'said' does."""
    assert read("We'll capture Raqqa within weeks, the SDF said.") == set()
    assert ("takeover", "SDF", None, "Raqqa", "SDF") in read("Some of them captured Raqqa, the SDF said.")
    assert ("takeover", "SDF", None, "Raqqa", "SDF") in read("We captured Raqqa this week, the SDF tweeted.")


def test_the_area_around_what_changed_hands_did_not_change_hands(read):
    found = read("The SDF captured three villages in Deir ez-Zor province on Sunday.")
    assert not [s for s in found if s[0] == "takeover"]  # the villages changed hands, not the province


def test_reports_through_the_pipeline_make_a_timeline(pipeline):
    """Capture, a counter-attack that retakes the town, a denial, and a claim of what is left: four reports."""
    from thucydides.corpus.control_text import control_timelines

    def report(text: str, day: str) -> Document:
        when = date.fromisoformat(day)
        return Document.from_text(text, name=f"{day}.txt", published=Interval(when, when))

    docs = [report("Fighters of the SDF captured Raqqa from ISIS on Wednesday after a week of street battles, "
                   "a commander said.", "2021-03-04"),
            report("ISIS fighters recaptured Raqqa from the SDF on Saturday in a counter-attack, residents said.",
                   "2021-03-21"),
            report("The SDF insisted on Sunday that its forces still hold Raqqa and that the attack had been "
                   "repelled.", "2021-03-22"),
            report("Only 4 square kilometres of Raqqa remain in ISIS hands, the SDF said on Monday.", "2021-03-29")]
    analyses = pipeline.run_documents(docs)
    events = [e for a in analyses for e in a.events]
    claims = [c for a in analyses for c in a.claims]
    mentions = [m for a in analyses for m in a.mentions()]
    (timeline,) = control_timelines(docs, events, claims, mentions, [p for a in analyses for p in a.places.values()])
    assert timeline.place.name == "Ar Raqqah"
    steps = [(s.controller, s.start.start if s.start else None, s.until.start if s.until else None)
             for s in timeline.segments]
    assert steps == [("ISIS", None, date(2021, 3, 3)), ("SDF", date(2021, 3, 3), date(2021, 3, 20)),
                     ("ISIS", date(2021, 3, 20), None), ("SDF", date(2021, 3, 22), None)]
    retaken, denial = timeline.segments[2], timeline.segments[3]
    assert retaken.contested_by == {"SDF"} and denial.contested_by == {"ISIS"}  # both accounts stand
    assert timeline.confidence(retaken) > timeline.confidence(denial)
    assert any("4 square kilometres" in e.text for e in retaken.evidence)
    assert [s.controller for s in timeline.at(date(2021, 3, 10))] == ["SDF"]
