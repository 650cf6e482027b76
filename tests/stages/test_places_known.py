"""Place recognition, on sentences we wrote: a name spaCy reads as a person's or an organisation's, or misses, is a
place when the gazetteer's main bearer of the name is a notable place (a big town, a state, a country) and nothing
says otherwise; a common person's name, an English word opening its sentence or a small town's name is not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from thucydides.geo.fold import fold
from thucydides.knowledge.person_names import person_names

pytestmark = pytest.mark.usefixtures("gazetteer_or_skip")


def _found(text: str, word: str, label: str | None):  # type: ignore[no-untyped-def]
    """The recognised spans of `text`, spaCy's entities replaced by one `label` entity over `word` (none: no entity),
    so the test does not hang on what the small model happens to tag."""
    from spacy.tokens import Span

    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import recognise
    from thucydides.ling.spacy_model import load_model

    doc = load_model()(text)
    at = text.index(word)
    span = doc.char_span(at, at + len(word))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label=label)] if label else []
    return {f.name: f for f in recognise(text, doc, open_gazetteer(), [])}


def test_a_big_town_spacy_calls_a_person_is_a_place() -> None:
    found = _found("Rockets fell on Chernihiv before dawn, the governor said.", "Chernihiv", "PERSON")
    f = found["Chernihiv"]
    assert f.known_place and f.ner == "GPE" and not f.doubtful


def test_a_big_town_spacy_calls_an_organisation_is_a_place() -> None:
    found = _found("A crowd marched to the harbour of Thessaloniki on Friday.", "Thessaloniki", "ORG")
    assert found["Thessaloniki"].known_place and not found["Thessaloniki"].doubtful


def test_a_common_person_name_stays_doubtful() -> None:
    assert fold("Jackson") in person_names(5000)
    found = _found("Rockets fell on Jackson before dawn, the governor said.", "Jackson", "PERSON")
    assert not found["Jackson"].known_place and found["Jackson"].doubtful


def test_a_small_town_named_as_a_person_stays_doubtful() -> None:
    from thucydides.geo.gazetteer import open_gazetteer

    assert max(c.population for c in open_gazetteer().candidates("Loropeni")) < 100_000
    found = _found("Gunmen fired on Loropeni before dawn, the governor said.", "Loropeni", "PERSON")
    assert not found["Loropeni"].known_place


def test_an_english_word_opening_a_sentence_is_no_place() -> None:
    found = _found("Reading the statement aloud, the mayor left.", "Reading", None)
    assert "Reading" not in found or not found["Reading"].known_place


def test_a_name_at_the_head_of_a_street_stays_a_street() -> None:
    found = _found("Shots were fired on Mombasa Road late on Sunday.", "Mombasa Road", "FAC")
    assert not any(f.known_place for f in found.values())


def test_off_by_setting(settings_from: Callable[[str], None]) -> None:
    from thucydides.geo import recognize

    settings_from("place_recognition:\n  known_place_population: 0\n")
    recognize.recognition_settings.cache_clear()
    try:
        found = _found("Rockets fell on Chernihiv before dawn, the governor said.", "Chernihiv", "PERSON")
        assert not found["Chernihiv"].known_place and found["Chernihiv"].doubtful
    finally:
        recognize.recognition_settings.cache_clear()


def test_the_streets_of_a_town_say_place() -> None:
    found = _found("Thousands marched through the streets of Bregenz on Sunday.", "Bregenz", "PERSON")
    assert found["Bregenz"].place_cue and not found["Bregenz"].doubtful


def test_a_port_after_a_name_says_place() -> None:
    found = _found("Fishermen rallied at Chios port on Monday.", "Chios", "ORG")
    assert found["Chios"].place_cue and not found["Chios"].doubtful


def test_an_arabic_article_written_ed_joins_a_name() -> None:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import gazetteer_matches, words

    text = "Drivers blocked the road at Beit ed Dine on Tuesday."
    assert [m.text for m in gazetteer_matches(text, words(text), open_gazetteer())] [:1] == ["Beit ed Dine"]


def test_names_in_a_bracket_after_a_place_are_places() -> None:
    found = _found("Drivers blocked the road at Khaldah junction (Aley) on Monday.", "Aley", "ORG")
    assert found["Aley"].place_cue and not found["Aley"].doubtful


def test_an_acronym_in_a_bracket_is_no_place_cue() -> None:
    from thucydides.geo.recognize import Found, mark_bracketed_places

    text = "Officials of the electoral board (NEC) met on Monday."
    at = text.index("NEC")
    f = Found(at, at + 3, "NEC", "NEC", gazetteer=True)
    mark_bracketed_places(text, [f])
    assert not f.place_cue


def test_a_bracket_with_other_words_is_no_place_cue() -> None:
    from thucydides.geo.recognize import Found, mark_bracketed_places

    text = "The march (Oslo police said) was calm."
    at = text.index("Oslo")
    f = Found(at, at + 4, "Oslo", "Oslo", gazetteer=True)
    mark_bracketed_places(text, [f])
    assert not f.place_cue


def test_a_possessive_that_ends_a_known_name_stays_with_it() -> None:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import gazetteer_matches, words

    text = "Crowds gathered outside the old hall in St. John's on Monday."
    assert [m.text for m in gazetteer_matches(text, words(text), open_gazetteer())][0] == "St. John's"


def test_an_apposed_place_noun_says_place() -> None:
    found = _found("Artillery shelled Gornal, a village near the frontier, on Friday.", "Gornal", "ORG")
    assert found["Gornal"].place_cue and not found["Gornal"].doubtful


def test_a_town_name_heading_a_phrase_after_the_is_a_body() -> None:
    found = _found("The bill went to the Duma on Friday.", "Duma", "ORG")
    assert not found["Duma"].known_place


def test_a_country_after_the_is_still_a_place() -> None:
    found = _found("The envoy flew to the Maldives on Friday.", "Maldives", "ORG")
    assert found["Maldives"].known_place
