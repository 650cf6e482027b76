"""Places recognised in two more ways, on sentences we wrote: countries named through their people ("Georgian troops",
"the Palestinians"), reported apart from the place names when the places stage is asked to and never taken for where
an event happens; a place inside a civil body's name ("the University of X"); a town's code only as written."""

from __future__ import annotations

import dataclasses

import pytest

from thucydides.geo.demonyms import country_of_people_word
from thucydides.geo.ranker import places_settings
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline


@pytest.mark.parametrize(("word", "code"), [("Sudanese", "SD"), ("Israelis", "IL"), ("Kenyan", "KE"),
                                             ("Czechs", "CZ"), ("Palestinians", "PS")])
def test_a_peoples_word_names_its_country(word: str, code: str) -> None:
    assert country_of_people_word(word) == code


@pytest.mark.parametrize("word", ["Sudan", "Israel", "Tuesday", "Jones", ""])
def test_a_countrys_own_name_or_another_word_is_no_peoples_word(word: str) -> None:
    assert country_of_people_word(word) is None


def test_the_setting_is_off_by_default() -> None:
    """Corpora disagree on these words (LGL marks them, GeoVirus and VOA do not): off unless asked for."""
    assert places_settings().demonym_mentions is False


@pytest.fixture(scope="module")
def with_demonyms() -> Pipeline:
    return Pipeline(configs={"places": dataclasses.replace(places_settings(), demonym_mentions=True)})


def _run(pipe: Pipeline, text: str) -> Analysis:
    return pipe.run_documents([Document.from_text(text, name="test.txt")])[0]


@pytest.mark.slow
def test_peoples_words_are_country_mentions_apart_from_place_names(with_demonyms: Pipeline) -> None:
    a = _run(with_demonyms, "Two Kenyan nurses flew home to Nairobi on Monday, and a group of Latvians stayed on in "
                            "Riga for the talks.")
    assert {(t.text, t.place) for t in a.demonyms} == {("Kenyan", "country-KE"), ("Latvians", "country-LV")}
    assert "Kenyan" not in {t.text for t in a.toponyms}
    assert {m.text for m in a.mentions() if m.kind == "place"} >= {"Kenyan", "Latvians", "Nairobi", "Riga"}
    assert all(t.place in a.places for t in a.demonyms)


@pytest.mark.parametrize(("word", "named", "place"), [("Ohioans", "ohio", "o"), ("Ossetian", "ossetia", "s"),
                                                      ("Texan", "texas", "t"), ("Londoners", "london", "l")])
def test_the_people_of_a_place_the_report_names(word: str, named: str, place: str) -> None:
    from thucydides.geo.demonyms import place_of_people

    assert place_of_people(word, {named: place}) == place


def test_no_people_of_a_place_the_report_does_not_name() -> None:
    from thucydides.geo.demonyms import place_of_people

    assert place_of_people("Ohioans", {"iowa": "i"}) is None


@pytest.mark.slow
def test_the_people_of_a_state_the_report_names(with_demonyms: Pipeline) -> None:
    a = _run(with_demonyms, "Heavy storms crossed Iowa on Monday night, and thousands of Iowans lost power.")
    assert [(t.text, t.place) for t in a.demonyms] == [("Iowans", "adm1-US-IA")]


@pytest.mark.slow
def test_a_peoples_word_in_a_report_that_never_names_its_country_is_none(with_demonyms: Pipeline) -> None:
    """ "Italian food" at a fair in Denver tells a cuisine, not a place in Italy."""
    a = _run(with_demonyms, "Visitors to the county fair in Denver lined up for Italian food on Saturday.")
    assert a.demonyms == [] and "country-IT" not in a.places


@pytest.mark.slow
def test_a_word_inside_a_place_name_stays_part_of_it(with_demonyms: Pipeline) -> None:
    a = _run(with_demonyms, "The delegation flew from the Czech Republic to Warsaw on Sunday.")
    assert not any(t.text == "Czech" for t in a.demonyms)


@pytest.mark.slow
def test_peoples_words_change_no_event(with_demonyms: Pipeline, analyse) -> None:
    text = ("Nigerian soldiers killed four gunmen in a clash on Tuesday, the army said. Farmers in northern Nigeria "
            "have fled the group for a decade.")
    with_them, without = _run(with_demonyms, text), analyse(text)
    assert [t.text for t in with_them.demonyms] == ["Nigerian"]
    assert with_them.events and [(e.event_type, e.place) for e in with_them.events] == \
        [(e.event_type, e.place) for e in without.events]


@pytest.mark.slow
def test_off_by_default_in_the_pipeline(analyse) -> None:
    a = analyse("Two Kenyan nurses were stopped at the airport in Denver.")
    assert a.demonyms == [] and "country-KE" not in a.places


# --- a place inside a civil body's name --------------------------------------------------------------

def _recognised_in_actor(text: str, actor: str, armed: bool) -> dict[str, bool]:
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.recognize import recognise

    start = text.index(actor)
    span = (start, start + len(actor))
    found = recognise(text, None, open_gazetteer(), [span], {span} if armed else set())
    return {f.text: f.in_actor for f in found}


def test_a_place_closing_a_civil_bodys_name_is_kept_as_inside_an_actor() -> None:
    text = "Tuition rose again this spring at the University of Cincinnati, the board said."
    assert _recognised_in_actor(text, "University of Cincinnati", armed=False).get("Cincinnati") is True


def test_a_place_further_inside_a_civil_bodys_name_is_kept_as_inside_an_actor() -> None:
    text = "A grant was approved for the Brennan Eastern Kentucky Water Authority last week."
    assert _recognised_in_actor(text, "Brennan Eastern Kentucky Water Authority", armed=False).get("Kentucky") is True


def test_an_english_word_inside_a_civil_bodys_name_is_no_place() -> None:
    """GeoNames knows a hamlet called Human; inside "Observatory for Human Rights" the word is the body's own."""
    text = "The Varnok Observatory for Human Rights counted the dead on Sunday."
    assert "Human" not in _recognised_in_actor(text, "Varnok Observatory for Human Rights", armed=False)


def test_a_place_closing_an_armed_forces_name_is_not_kept() -> None:
    text = "Shelling was blamed on the Military Forces of Nigeria by the villagers."
    assert "Nigeria" not in _recognised_in_actor(text, "Military Forces of Nigeria", armed=True)


# --- a town's code in capitals names it only as written ----------------------------------------------------------

def test_a_towns_code_is_not_met_by_an_ordinary_word() -> None:
    """GeoNames gives Dayton the alternate name DAY (its airport's code): "Day" in "Memorial Day" is no Dayton."""
    from thucydides.geo.gazetteer import open_gazetteer
    from thucydides.geo.resolve import written

    gaz = open_gazetteer()
    assert "Dayton" not in {c.place.name for c in written("Day", gaz)}
    assert "Dayton" in {c.place.name for c in gaz.candidates("Day")}  # the code is in the gazetteer


@pytest.mark.slow
def test_the_places_stage_with_outlet_homes_keeps_the_pipelines_places_config() -> None:
    """The evaluation's second pass swaps in the places stage with the outlets' homes; a corpus's convention asked
    for through the pipeline's places config (peoples' words) must hold there too."""
    from thucydides.geo.outlets import OutletHomes
    from thucydides.geo.stage import places_spec

    config = dataclasses.replace(places_settings(), demonym_mentions=True)
    pipe = Pipeline(configs={"places": config}, extra={"places": places_spec(OutletHomes())})
    a = _run(pipe, "Two Kenyan nurses flew home to Nairobi on Monday.")
    assert [(t.text, t.place) for t in a.demonyms] == [("Kenyan", "country-KE")]
