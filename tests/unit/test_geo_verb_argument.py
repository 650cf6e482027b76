"""Names that say where a verb's happening is (`recognize.mark_verb_arguments`): the object of a preposition on the
verb, or the verb's object, first of a list or not; a name on a noun is none. Sentences and places invented."""

from __future__ import annotations

from dataclasses import replace

import pytest

from thucydides.geo import recognize
from thucydides.geo.recognize import Found, _verb_argument, mark_verb_arguments
from thucydides.ling.spacy_model import load_model


def _argument(text: str, name: str) -> bool:
    doc = load_model()(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    assert span is not None
    return _verb_argument(span.root)


@pytest.mark.parametrize(("text", "name"), [
    ("Farmers marched in Vardelle on Monday.", "Vardelle"),
    ("Troops shelled villages near Vardelle.", "Vardelle"),
    ("Protesters gathered outside the town hall in Vardelle.", "Vardelle"),
    ("Rockets struck Vardelle and Morvenne overnight.", "Vardelle"),
    ("Rockets struck Vardelle and Morvenne overnight.", "Morvenne"),
])
def test_a_place_of_the_verb_is_an_argument(text: str, name: str) -> None:
    assert _argument(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("A teacher from Vardelle spoke to reporters.", "Vardelle"),
    ("The mayor of Vardelle resigned on Monday.", "Vardelle"),
])
def test_a_place_on_a_noun_is_not(text: str, name: str) -> None:
    assert not _argument(text, name)


def test_marking_sets_the_flag_on_found_spans() -> None:
    text = "The mayor of Morvenne said farmers marched in Vardelle."
    doc = load_model()(text)
    found = [Found(text.index(n), text.index(n) + len(n), n, n) for n in ("Morvenne", "Vardelle")]
    mark_verb_arguments(doc, found)
    assert [f.verb_argument for f in found] == [False, True]


# --- slow: the whole pipeline, the real gazetteer --------------------------------------------------

DOCKERS = "Dock workers rallied in Paimpol on Friday, denouncing the Russian assault on Ukraine."


@pytest.mark.slow
def test_a_small_town_where_the_rally_is_places_the_event(analyse, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Paimpol (about 7,000 people) is where the verb's happening is: the rally's place is the town, not Ukraine,
    which the rally is about; with the marking off, the town is left out and the event takes Ukraine."""
    a = analyse(DOCKERS)
    place = a.places[a.events[0].place or ""]
    assert (place.name, place.country) == ("Paimpol", "FR") and a.events[0].geo_precision == 1
    shipped = recognize.recognition_settings()
    monkeypatch.setattr(recognize, "recognition_settings", lambda: replace(shipped, verb_argument_towns=False))
    a = analyse(DOCKERS)
    assert a.places[a.events[0].place or ""].country == "UA"
