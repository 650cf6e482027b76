"""Places, round 8, on sentences we wrote: a name the report also gives a person (the last word of a person's name,
a word after a title, the bare subject of "said") is that person at its other mentions too, unless one of its
mentions is said to be a place ("in X") or it resolves to a big place the rest of the report supports."""

from __future__ import annotations

import pytest

from thucydides.geo.document import DocumentGeography, Evidence
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import Found, mark_person_names
from thucydides.geo.resolve import Mention, Resolution, person_or_place
from thucydides.model import Analysis, Place

VILLAGE = Candidate(Place("v", "Brennick", 40.1, -83.2, "populated_place", "US", "US.OH", population=1_200),
                    "Brennick", 2, "geonames")
COUNTRY = Candidate(Place("c", "Ostland", 50.0, 20.0, "country", "OS", None, population=9_000_000), "Ostland", 2,
                    "geonames")


def _found(**flags: bool) -> Found:
    return Found(0, 8, "Brennick", "Brennick", **flags)  # type: ignore[arg-type]


# --- fast -------------------------------------------------------------------------------------

def test_a_name_given_to_a_person_is_marked() -> None:
    found = [_found(), _found()]
    mark_person_names(found, frozenset({fold("Brennick")}))
    assert all(f.person_name for f in found)


def test_a_name_said_to_be_a_place_once_is_never_marked() -> None:
    found = [_found(), _found(place_cue=True)]
    mark_person_names(found, frozenset({fold("Brennick")}))
    assert not any(f.person_name for f in found)


def test_a_name_no_person_bears_is_not_marked() -> None:
    found = [_found()]
    mark_person_names(found, frozenset({fold("Ostrow")}))
    assert not found[0].person_name


def _judged(cand: Candidate, geo: DocumentGeography) -> Resolution:
    f = _found(person_name=True)
    return person_or_place(Mention(f, fold("Brennick"), [cand], False, True, False), Resolution(f, cand, 0.9, 1), geo,
                           places_settings())


def test_a_village_named_like_a_person_is_dropped() -> None:
    geo = DocumentGeography(by_name={"ohio": Evidence(countries={"US": 1.0})})
    assert _judged(VILLAGE, geo).candidate is None


def test_a_country_the_report_implies_stays() -> None:
    geo = DocumentGeography(by_name={"capital": Evidence(countries={"OS": 1.0})})
    assert _judged(COUNTRY, geo).candidate is COUNTRY


def test_a_country_nothing_else_implies_is_dropped() -> None:
    geo = DocumentGeography(by_name={fold("Brennick"): Evidence(countries={"OS": 1.0})})  # its own vote does not count
    assert _judged(COUNTRY, geo).candidate is None


# --- slow: whole sentences through the pipeline -------------------------------------------------

def _resolved(analysis: Analysis, text: str) -> list[str]:
    return [analysis.places[t.place].name for t in analysis.toponyms if t.text == text and t.place]


@pytest.mark.slow
def test_a_coachs_surname_is_no_town(analyse) -> None:
    a = analyse("Coach Dale Ripley praised his wrestlers after the meet in Minneapolis. Ripley said the team had "
                "trained for months, and Ripley expects a hard final.")
    assert _resolved(a, "Ripley") == []
    assert _resolved(a, "Minneapolis")


@pytest.mark.slow
def test_a_town_named_in_the_report_stays_a_town(analyse) -> None:
    a = analyse("Heavy rain flooded two roads in Ripley, Ohio, on Monday. Coach Ripley said practice was cancelled.")
    assert _resolved(a, "Ripley")
