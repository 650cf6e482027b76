"""The places stage: recognise place names, resolve them, fill `toponyms` and `places`.

Unknown names stay as toponyms with `place=None`; nothing here fails a document. Every place mention is
kept, a country named only as a modifier ("US bases") too: the event's place leaves those out (`geo/roles.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.geo.document import actor_countries, home_country, named_actor_countries
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.geo.outlets import OutletHomes, configured_homes
from thucydides.geo.recognize import Found, recognise
from thucydides.geo.resolve import resolve
from thucydides.knowledge.actors import ARMED_KINDS
from thucydides.model import Analysis, Toponym
from thucydides.pipeline import StageFn, StageSpec, stage


def actor_spans(analysis: Analysis) -> tuple[list[tuple[int, int]], set[tuple[int, int]]]:
    """The spans of the actors' names, and those of armed forces and groups (whose names a place heads only to
    say whose forces they are: "Syria Democratic Forces")."""
    return ([(a.start, a.end) for a in analysis.actors],
            {(a.start, a.end) for a in analysis.actors if a.kind in ARMED_KINDS})


def recognised(analysis: Analysis, gaz: Gazetteer) -> list[Found]:
    """The spans of the analysis's text that may name places, its actors' names taken into account."""
    return recognise(analysis.document.analysis_text, analysis.spacy_doc, gaz, *actor_spans(analysis))


def analyse_places(analysis: Analysis, gaz: Gazetteer, homes: OutletHomes | None = None) -> None:
    """Fill the analysis's toponyms and places; `homes`: the outlets' learned homes (`outlets.py`)."""
    text = analysis.document.analysis_text
    found = recognised(analysis, gaz)
    url = analysis.document.url
    resolutions = resolve(found, gaz, home_country(url), actor_countries(a.actor for a in analysis.actors), text,
                          named_actor_countries(analysis.actors), homes.home_of(url) if homes else None)
    for res in resolutions:
        f = res.found
        place = res.candidate.place if res.candidate else None
        analysis.toponyms.append(Toponym(f.start, f.end, analysis.document.text[f.start:f.end],
                                         place.id if place else None, res.confidence, res.geo_precision))
        if place:
            analysis.places[place.id] = place


def places_stage_with(homes: OutletHomes | None) -> StageFn:
    """The places stage reading `homes` as the outlets' homes (None: the ones in force when a batch runs, the
    store's learned homes the runner sets and the settings' file; checked once here so a bad file fails early)."""
    gaz = open_gazetteer()
    configured_homes()

    def places_stage(batch: Sequence[Analysis]) -> None:
        known = configured_homes() if homes is None else homes
        for analysis in batch:
            try:
                analyse_places(analysis, gaz, known)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                analysis.warnings.append(f"places: {type(exc).__name__}: {exc}")

    return places_stage


@stage("places", requires=("spacy_doc", "actors"), assigns=("toponyms", "places"))
def make_places_stage() -> StageFn:
    return places_stage_with(None)


def places_spec(homes: OutletHomes) -> StageSpec[None]:
    """The places stage with the outlets' homes given, not read from the settings' file (the evaluation's
    second pass, notebooks): pass it as `Pipeline(extra={"places": places_spec(homes)})`."""
    return stage("places", requires=("spacy_doc", "actors"), assigns=("toponyms", "places"))(
        lambda: places_stage_with(homes))
