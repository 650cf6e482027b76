"""The places stage: recognise place names, resolve them, fill `toponyms` and `places`.

Unknown names stay as toponyms with `place=None`; nothing here fails a document. Every place mention is
kept, a country named only as a modifier ("US bases") too: the event's place leaves those out (`geo/roles.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.geo.demonyms import people_mentions
from thucydides.geo.document import actor_countries, home_country, named_actor_countries
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.geo.outlets import OutletHomes, configured_homes
from thucydides.geo.ranker import PlacesSettings, places_settings
from thucydides.geo.recognize import Found, recognise
from thucydides.geo.resolve import resolve
from thucydides.knowledge.actors import ARMED_KINDS
from thucydides.model import Analysis, Toponym
from thucydides.pipeline import StageFn, StageSpec, stage

ASSIGNS = ("toponyms", "demonyms", "places")


def actor_spans(analysis: Analysis) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """The spans of the actors' names, and those of armed forces and groups (whose names a place heads only to
    say whose forces they are: "Syria Democratic Forces")."""
    return ([(a.start, a.end) for a in analysis.actors],
            {(a.start, a.end) for a in analysis.actors if a.kind in ARMED_KINDS})


def recognised(analysis: Analysis, gaz: Gazetteer) -> list[Found]:
    """The spans of the analysis's text that may name places, its actors' names taken into account."""
    return recognise(analysis.document.analysis_text, analysis.spacy_doc, gaz, *actor_spans(analysis))


def analyse_places(analysis: Analysis, gaz: Gazetteer, homes: OutletHomes | None = None,
                   demonyms: bool | None = None) -> None:
    """Fill the analysis's toponyms and places; `homes`: the outlets' learned homes (`outlets.py`); with
    `demonyms` (None: the settings' `demonym_mentions`), countries named through their people too, in
    `Analysis.demonyms`."""
    text = analysis.document.analysis_text
    found = recognised(analysis, gaz)
    url = analysis.document.url
    resolutions = resolve(found, gaz, home_country(url), actor_countries(a.actor for a in analysis.actors), text,
                          named_actor_countries(analysis.actors),
                          homes.home_of(url, analysis.document.outlet) if homes else None)
    for res in resolutions:
        f = res.found
        place = res.candidate.place if res.candidate else None
        analysis.toponyms.append(Toponym(f.start, f.end, analysis.document.text[f.start:f.end],
                                         place.id if place else None, res.confidence, res.geo_precision))
        if place:
            analysis.places[place.id] = place
    if places_settings().demonym_mentions if demonyms is None else demonyms:
        add_demonyms(analysis, gaz, [(t.start, t.end) for t in analysis.toponyms])


def add_demonyms(analysis: Analysis, gaz: Gazetteer, taken: list[tuple[int, int]]) -> None:
    """Countries named through their people, apart from the place names (`geo/demonyms.py`), in a report that names
    the country or a place in it too: there the word speaks of the country; elsewhere it tells a cuisine or where
    someone comes from ("Italian food" at a county fair). On LGL's fit half 105 of 117 such words are gold in a report
    that names the country, 19 of 36 in one that does not (report half: 104 of 116, 22 of 37)."""
    named = {analysis.places[t.place].country for t in analysis.toponyms if t.place in analysis.places}
    places = {t.text.lower(): t.place for t in analysis.toponyms if t.place}
    for t in people_mentions(analysis.spacy_doc, gaz, taken, places):
        place = gaz.place(t.place or "")
        if place is not None and place.country in named:
            analysis.demonyms.append(t)
            analysis.places.setdefault(place.id, place)


def places_stage_with(homes: OutletHomes | None, demonyms: bool | None = None) -> StageFn:
    """The places stage reading `homes` as the outlets' homes (None: the ones in force when a batch runs, the
    store's learned homes the runner sets and the settings' file; checked once here so a bad file fails early)
    and `demonyms` as `analyse_places` does."""
    gaz = open_gazetteer()
    configured_homes()

    def places_stage(batch: Sequence[Analysis]) -> None:
        known = configured_homes() if homes is None else homes
        for analysis in batch:
            try:
                analyse_places(analysis, gaz, known, demonyms)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                analysis.warnings.append(f"places: {type(exc).__name__}: {exc}")

    return places_stage


def places_spec(homes: OutletHomes | None) -> StageSpec[PlacesSettings]:
    """The places stage, reading `homes` as the outlets' homes (None: those in force when a batch runs). Of its
    settings it reads `demonym_mentions` itself (a geoparsing corpus that marks peoples' words as places turns it
    on: `Pipeline(configs={"places": ...})`), the others through `places_settings()`. With homes given (the
    evaluation's second pass, notebooks), pass it as `Pipeline(extra={"places": places_spec(homes)})`."""
    return stage("places", requires=("spacy_doc", "actors"), assigns=ASSIGNS, config=PlacesSettings)(
        lambda config: places_stage_with(homes, config.demonym_mentions))


make_places_stage = places_spec(None)
"""The registered places stage (the `places` entry point)."""
