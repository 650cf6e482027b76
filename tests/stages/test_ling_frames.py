"""The coded view (ling.frames): a sentence's words without the frame news tells a happening in, so the event
coder, which learnt from bare notes, reads the happening. Sentences written for these tests."""

from __future__ import annotations

import pytest

from thucydides.knowledge.settings import SettingsError
from thucydides.ling.frames import coded_view, frame_steps

pytestmark = pytest.mark.slow

ALL = frame_steps(["told", "raised", "attributed", "hedged"])


@pytest.fixture(scope="module")
def view(nlp):  # type: ignore[no-untyped-def]
    return lambda text, steps=ALL: coded_view(nlp(text)[:], steps)


def test_a_verb_of_telling_and_its_teller_are_the_frame(view) -> None:  # type: ignore[no-untyped-def]
    assert view("Officials in Gao said that gunmen burned the market on Tuesday.") == \
        "gunmen burned the market on Tuesday"
    assert view("Gunmen burned the market in Gao, the regional governor said.").startswith("Gunmen burned the market")
    assert "governor" not in view("Gunmen burned the market in Gao, the regional governor said.")


def test_a_passive_report_raises_its_subject(view) -> None:  # type: ignore[no-untyped-def]
    assert view("Two drones were reported to have struck a depot near Kherson.") == \
        "Two drones struck a depot near Kherson"


def test_an_attribution_phrase_and_a_hedge_are_the_frame(view) -> None:  # type: ignore[no-untyped-def]
    told = view("According to the interior ministry, soldiers allegedly shot three farmers near Tillaberi.")
    assert told == "soldiers shot three farmers near Tillaberi"


def test_a_denial_or_a_plan_keeps_its_frame(view) -> None:  # type: ignore[no-untyped-def]
    assert view("The army denied that its troops shelled the village of Kadugli.") is None
    assert view("Rebel leaders said they would attack the garrison in Bunia next week.") is None


def test_a_sentence_with_no_frame_has_no_view(view) -> None:  # type: ignore[no-untyped-def]
    assert view("Militiamen looted three shops in Bambari on Friday.") is None


def test_only_the_chosen_steps_run(view) -> None:  # type: ignore[no-untyped-def]
    text = "According to the interior ministry, soldiers allegedly shot three farmers near Tillaberi."
    assert view(text, frame_steps(["hedged"])) == "According to the interior ministry, soldiers shot three farmers " \
        "near Tillaberi"
    with pytest.raises(SettingsError, match="unknown step"):
        frame_steps(["hedges"])


def test_an_accusation_a_small_clause_and_a_reason_are_no_frames(view) -> None:  # type: ignore[no-untyped-def]
    assert view("The guard was detained in Kisumu after he was accused of selling rifles.") is None
    assert view("Farmers near Ségou find the herder wounded in a field.") is None


def test_a_happening_noun_with_a_place_is_told_as_its_clause(view) -> None:  # type: ignore[no-untyped-def]
    nominal = frame_steps(["nominal"])
    assert view("The shelling of Kramatorsk went on through the night.", nominal) == \
        "shelled Kramatorsk went on through the night"
    assert view("The raids have drawn wide condemnation.", nominal) is None  # no place, no side
    assert view("Elders spoke of the threat of raids on Kismayo.", nominal) is None  # told as unrealised
