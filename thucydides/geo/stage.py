"""The places stage: recognise place names, resolve them, fill `toponyms` and `places`.

Unknown names stay as toponyms with `place=None`; nothing here fails a document. Every place mention is
kept, a country named only as a modifier ("US bases") too: the event's place leaves those out (`geo/roles.py`).
"""

from __future__ import annotations

from collections.abc import Sequence

from thucydides.geo.document import actor_countries, home_country
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.geo.recognize import Found, recognise
from thucydides.geo.resolve import resolve
from thucydides.model import Analysis, Toponym
from thucydides.pipeline import StageFn, stage


def analyse_places(analysis: Analysis, gaz: Gazetteer) -> None:
    text = analysis.document.analysis_text
    blocked = [(a.start, a.end) for a in analysis.actors]
    found: list[Found] = recognise(text, analysis.spacy_doc, gaz, blocked)
    resolutions = resolve(found, gaz, home_country(analysis.document.url),
                          actor_countries(a.actor for a in analysis.actors), text)
    for res in resolutions:
        f = res.found
        place = res.candidate.place if res.candidate else None
        analysis.toponyms.append(Toponym(f.start, f.end, analysis.document.text[f.start:f.end],
                                         place.id if place else None, res.confidence, res.geo_precision))
        if place:
            analysis.places[place.id] = place


@stage("places", requires=("spacy_doc", "actors"), assigns=("toponyms", "places"))
def make_places_stage() -> StageFn:
    gaz = open_gazetteer()

    def places_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            try:
                analyse_places(analysis, gaz)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                analysis.warnings.append(f"places: {type(exc).__name__}: {exc}")

    return places_stage
