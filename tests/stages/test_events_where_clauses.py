"""Which clause's place is an event's own: the clause its anchor stands in or hangs on, not a purpose or relative
clause below it. Sentences written for these tests, places attached by hand (invented towns, real-looking
coordinates), so only the choice among resolved places is exercised; each test also runs with its setting off,
where it must fail (it tests the mechanism)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.stages.test_events_where import events_runner, first
from thucydides.model import Analysis, Document, Event, Place
from thucydides.pipeline import Pipeline

PLACES = {
    # two towns of one country 250 km apart, the second with its province: the first has no neighbour to vouch
    "Brevik": Place("brevik", "Brevik", 59.90, 10.70, "populated_place", "NO", "Viken"),
    "Vossby": Place("vossby", "Vossby", 60.60, 6.40, "populated_place", "NO", "Vestmark"),
    "Vestmark": Place("vestmark", "Vestmark", 60.50, 6.00, "admin1", "NO", "Vestmark"),
    "Lindau": Place("lindau", "Lindau", 12.50, 0.50, "populated_place", "BF", "Centre"),
    "Kessa": Place("kessa", "Kessa", 11.20, -2.80, "populated_place", "BF", "Sud-Ouest"),
}


def _runner(**settings: object) -> Callable[[str], list[Event]]:
    return events_runner(PLACES, **settings)


@pytest.fixture(scope="module")
def events_of() -> Callable[[str], list[Event]]:
    return _runner()


PURPOSE = [
    # 'to oppose ... in B, C': B is vouched by its province, A by nothing; still A is where they demonstrated
    "Dockers demonstrated in Brevik to oppose the closure of a dairy in Vossby, Vestmark.",
]


@pytest.mark.parametrize("text", PURPOSE)
def test_a_place_below_the_anchor_does_not_make_its_clause_place_doubtful(events_of, text):
    assert first(events_of(text)).place == "brevik"


@pytest.mark.parametrize("text", PURPOSE)
def test_without_the_own_line_check_the_purpose_clause_wins(text):
    assert first(_runner(place_doubt_own_line=False)(text)).place != "brevik"


def test_a_participle_anchor_hangs_on_the_clause_told_with_the_place():
    """'rallied in A, demanding ...': the participle is a side of the rally; its clause's verb is the rally's."""
    from thucydides.events.where import governing_clause

    nlp = Pipeline(["nlp"])
    analysis = Analysis(Document.from_text("Nurses rallied in Lindau, demanding pay owed for work in Kessa.",
                                           name="t.txt"))
    nlp([analysis])
    doc = analysis.spacy_doc
    assert doc is not None
    demanding = next(t for t in doc if t.text == "demanding")
    rallied = next(t for t in doc if t.text == "rallied")
    governing = governing_clause(demanding)
    assert governing is not None and governing.i == rallied.i
    assert governing_clause(rallied) is None  # the main verb hangs on nothing


def _parsed(text: str):
    analysis = Analysis(Document.from_text(text, name="t.txt"))
    Pipeline(["nlp"])([analysis])
    assert analysis.spacy_doc is not None
    return analysis.spacy_doc


def test_a_participle_joined_to_an_infinitive_of_purpose_hangs_where_it_does():
    """'as a protest to complain about A and demanding B': both tell the blocking's purpose."""
    from thucydides.events.where import governing_clause

    doc = _parsed("Residents blocked the road in Lindau as a protest to complain about herders from Kessa and "
                  "demanding their removal.")
    demanding = next(t for t in doc if t.text == "demanding")
    governing = governing_clause(demanding)
    assert governing is not None and governing.text == "blocked"


def test_a_relative_clause_with_its_own_subject_tells_its_own_happening():
    from thucydides.events.where import governing_clause

    doc = _parsed("Dozens gathered in Lindau to greet a veteran who is walking to Kessa.")
    assert governing_clause(next(t for t in doc if t.text == "walking")) is None


GOVERNED = [
    # an event read at a participle on a noun ('a convoy heading to B') or at one of purpose ('demanding ... B')
    "On Monday, farmers gathered in Lindau as part of a convoy heading to Kessa to protest fuel prices.",
    "On Monday, nurses held a sit-in in Lindau, demanding justice for the victims of the Kessa killings.",
]


@pytest.mark.parametrize("text", GOVERNED)
def test_an_event_read_at_a_participle_takes_the_place_of_its_clause(events_of, text):
    """Wherever the coder anchors the gathering, the town the gathering's clause names is its place."""
    assert first(events_of(text)).place == "lindau"


@pytest.mark.parametrize("text", GOVERNED)
def test_without_the_governing_clause_the_participles_place_wins(text):
    assert first(_runner(place_governing_first=False)(text)).place != "lindau"
