"""A speaker's place is not the happening's place (events.where.speakers_place): a place told in the clause of a
verb of telling, on its subject or on the verb, places the telling, not the happening it tells, unless it is the only
place the report gives. Sentences written for these tests, places attached by hand (invented towns), so only the
choice among resolved places is exercised; the setting off, the speaker's place wins (it tests the mechanism)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events_where import events_runner, first
from thucydides.model import Event, Place

PLACES = {
    # a capital and a province 150 km off, of one country; a town abroad where envoys meet
    "Marnov": Place("marnov", "Marnov", 34.50, 69.20, "populated_place", "AF", "Kabul"),
    "Tessel": Place("tessel", "Tessel", 33.50, 68.40, "admin1", "AF", "Tessel"),
    "Darrow": Place("darrow", "Darrow", 33.60, 68.45, "populated_place", "AF", "Tessel"),
    "Lenzburg": Place("lenzburg", "Lenzburg", 46.20, 6.15, "populated_place", "CH", "Geneve"),
}


def _runner(**settings: object) -> Callable[[str], list[Event]]:
    return events_runner(PLACES, name_suffix="(?: province)?", **settings)


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    return _runner()


TOLD_ELSEWHERE = [
    ("Officials in Marnov said militants attacked a police checkpoint in Tessel province.", "tessel"),
    ("Gunmen stormed Darrow on Monday. Speaking in Lenzburg, the governor said the gunmen killed four farmers.",
     "darrow"),
    ("Gunmen stormed Darrow on Monday. Officials in Marnov said the gunmen killed four farmers.", "darrow"),
    # the paragraph's place carried to a sentence naming none: not the speaker's town
    ("Officials in Marnov said militants ambushed a convoy in Tessel province. Four soldiers were killed.", "tessel"),
]


@pytest.mark.parametrize(("text", "where"), TOLD_ELSEWHERE)
def test_the_speakers_place_does_not_place_the_happening(events_of, text, where):
    assert first(events_of(text)).place == where


@pytest.mark.parametrize(("text", "where"), TOLD_ELSEWHERE)
def test_without_the_setting_the_speakers_town_wins(text, where):
    assert first(_runner(place_telling_apart=False)(text)).place != where


def test_the_only_place_of_the_report_still_places_it(events_of):
    """Nothing else told: the happening may well be where its teller is (ACLED codes a note so)."""
    assert first(events_of("Police in Marnov said gunmen killed four farmers on Monday.")).place == "marnov"


def test_a_place_of_the_told_clause_is_the_happenings(events_of):
    assert first(events_of("Officials said militants attacked a police checkpoint in Marnov.")).place == "marnov"


def test_a_place_told_by_the_anchors_own_verb_is_kept(events_of):
    """'reported' is not a verb telling another clause here: a place on it is the happening's."""
    text = "Militants attacked a police checkpoint in Marnov on Monday, officials in Tessel province said."
    assert first(events_of(text)).place == "marnov"


def test_a_place_set_before_the_telling_verb_sets_the_scene(events_of):
    """'In A, the group claimed that ...': a place fronted on the telling verb, not on its subject, is the scene of
    what the sentence tells."""
    text = "On Monday, in Darrow, the rebels claimed that they killed four soldiers with mines near Tessel province."
    assert first(events_of(text)).place == "darrow"



def test_a_place_of_the_speakers_own_deed_is_not_set_apart(events_of):
    """'the militia fighting in A said': a place told by a verb on the subject tells what the speaker does there."""
    text = "Gunmen stormed Darrow on Monday. The militia fighting in Marnov said the gunmen killed four farmers there."
    assert first(events_of(text)).place == "marnov"



def _by_speaker(text: str, anchor: str, place: str) -> bool:
    """Whether the word `place` of `text`, taken as a place, is told by a speaker for the happening on `anchor`."""
    from tests.stages.parsed import word
    from thucydides.events.where import told_by_speaker
    from thucydides.ling.context import DocContext
    from thucydides.model import Analysis, Document, Toponym
    from thucydides.pipeline import Pipeline

    analysis = Analysis(Document.from_text(text, name="told.txt"))
    Pipeline(["nlp", "actors"])([analysis])
    start = text.index(place)
    analysis.toponyms.append(Toponym(start, start + len(place), place, "p", 0.9, 1))
    ctx = DocContext.of(analysis)
    return told_by_speaker(ctx, analysis.toponyms[-1], word(ctx.doc, anchor))


def test_told_by_speaker_on_written_sentences():
    assert _by_speaker("Officials in Marnov said militants attacked a checkpoint.", "attacked", "Marnov")
    assert _by_speaker("The envoy told reporters in Lenzburg that shelling hit a school.", "hit", "Lenzburg")
    assert not _by_speaker("In Darrow, the rebels claimed that they killed four soldiers.", "killed", "Darrow")
    assert not _by_speaker("Marnov police said gunmen killed four farmers.", "killed", "Marnov")


def test_a_telling_verb_describing_a_noun_tells_no_speaker():
    """'a man believed to be a herder ... in A': no one tells from A."""
    text = "Gunmen killed a man believed to be a herder under unclear circumstances in Darrow."
    assert not _by_speaker(text, "killed", "Darrow")
