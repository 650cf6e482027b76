"""Places, round 5, on sentences we wrote: one sense per discourse. A mention of a name left unresolved (a town's
name used as a modifier, "Tartu detectives") takes the place another mention of the same name in the report was
resolved to with confidence, when the text says that one is a place; not for a name the report uses for a person."""

from __future__ import annotations

import dataclasses

import pytest

from thucydides.geo import resolve as resolve_module
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import Mention, Resolution, same_name_same_place
from thucydides.model import Analysis, Place

TOWN = Candidate(Place("t", "Tartu", 58.38, 26.72, "populated_place", "EE", "EE.18", population=90_000), "Tartu", 2,
                 "geonames")
NAMESAKE = Candidate(Place("n", "Tartu", 40.0, -90.0, "populated_place", "US", "US.IL", population=900), "Tartu", 2,
                     "geonames")
SURE = Found(0, 5, "Tartu", "Tartu", cue=True, place_cue=True)
MODIFIER = Found(40, 45, "Tartu", "Tartu")


def _mention(f: Found, options: list[Candidate] | None = None) -> Mention:
    return Mention(f, "tartu", [TOWN, NAMESAKE] if options is None else options, False, True, False)


def _shared(sure: Found = SURE, other: Found = MODIFIER, other_res: Resolution | None = None,
            confidence: float = 0.97, options: list[Candidate] | None = None) -> Resolution:
    mentions = [_mention(sure), _mention(other, options)]
    resolutions = [Resolution(sure, TOWN, confidence, 1), other_res or Resolution(other, None, 0.0, 3)]
    return same_name_same_place(mentions, resolutions, places_settings())[1]


# --- fast -------------------------------------------------------------------------------------

def test_an_unresolved_mention_takes_the_place_of_the_sure_one() -> None:
    res = _shared()
    assert res.candidate is TOWN and res.found is MODIFIER and res.confidence == 0.97


def test_an_unsure_mention_yields_to_the_sure_one() -> None:
    res = _shared(other_res=Resolution(MODIFIER, NAMESAKE, 0.2, 1))
    assert res.candidate is TOWN


def test_a_sure_mention_keeps_its_own_place() -> None:
    own = Resolution(MODIFIER, NAMESAKE, 0.8, 1)
    assert _shared(other_res=own) is own


def test_no_sharing_from_a_mention_resolved_without_confidence() -> None:
    assert _shared(confidence=places_settings().same_place_confidence - 0.1).candidate is None


def test_no_sharing_from_a_mention_nothing_says_is_a_place() -> None:
    """A bare capitalised word resolved by the model alone does not decide its other mentions."""
    assert _shared(sure=Found(0, 5, "Tartu", "Tartu", cue=True)).candidate is None


def test_no_sharing_from_a_mention_spacy_reads_as_an_organisation() -> None:
    """"In Tartu Holdings' offices" may resolve, but an organisation's name does not decide the town's mentions."""
    firm = Found(0, 5, "Tartu", "Tartu", cue=True, place_cue=True, other_entity="ORG")
    assert _shared(sure=firm).candidate is None


def test_no_sharing_for_a_name_the_report_gives_a_person() -> None:
    surname = Found(60, 65, "Tartu", "Tartu", other_entity="PERSON", surname=True)
    mentions = [_mention(SURE), _mention(MODIFIER), _mention(surname)]
    resolutions = [Resolution(SURE, TOWN, 1.0, 1), Resolution(MODIFIER, None, 0.0, 3),
                   Resolution(surname, None, 0.0, 3)]
    out = same_name_same_place(mentions, resolutions, places_settings())
    assert [r.candidate for r in out[1:]] == [None, None]


def test_only_a_place_among_the_mentions_candidates() -> None:
    """A mention whose candidates were narrowed ("Tartu, Illinois") does not take a place it cannot mean."""
    assert _shared(options=[NAMESAKE]).candidate is None


# --- slow: whole sentences through the pipeline -------------------------------------------------

def _places(analysis: Analysis, text: str) -> list[str | None]:
    return [analysis.places[t.place].name if t.place else None for t in analysis.toponyms if t.text == text]


@pytest.mark.slow
def test_a_town_used_as_a_modifier_takes_the_towns_place(analyse) -> None:
    a = analyse("Police said the fire began in a warehouse in Tartu. Two Tartu detectives are leading the inquiry, "
                "and Tartu firefighters stayed overnight.")
    assert _places(a, "Tartu") == ["Tartu", "Tartu", "Tartu"]
    assert {analysis_place.country for analysis_place in a.places.values()} == {"EE"}


@pytest.mark.slow
def test_without_the_setting_the_modifier_stays_out(monkeypatch, pipeline) -> None:
    from thucydides.model import Document

    off = dataclasses.replace(places_settings(), same_name_same_place=False)
    monkeypatch.setattr(resolve_module, "places_settings", lambda: off)
    # a town under place_recognition.known_place_population: a bigger one is a place by its own name
    text = "Firefighters reached the town of Savonlinna before dawn. The Savonlinna crews later went home."
    a = pipeline.run_documents([Document.from_text(text, name="t.txt")])[0]
    monkeypatch.undo()
    b = pipeline.run_documents([Document.from_text(text, name="t.txt")])[0]
    assert len(_places(b, "Savonlinna")) > len(_places(a, "Savonlinna"))
    assert set(_places(b, "Savonlinna")) == {"Savonlinna"}


@pytest.mark.slow
def test_a_name_ending_a_persons_name_is_marked(pipeline) -> None:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.stage import recognised
    from thucydides.model import Document

    text = "Glenn Tartu, who owns the bakery, said sales had doubled since March."
    a = pipeline.run_documents([Document.from_text(text, name="t.txt")])[0]
    found = [f for f in recognised(a, open_gazetteer()) if f.name == "Tartu"]
    assert found and all(f.surname for f in found)
