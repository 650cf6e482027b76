"""The places stage: recognise place names, resolve them, fill `toponyms` and `places`.

Unknown names stay as toponyms with `place=None`; nothing here fails a document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from thucydides.geo.document import actor_countries, home_country
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.geo.recognize import Found, knowledge, recognise
from thucydides.geo.resolve import Resolution, resolve
from thucydides.model import Analysis, Toponym
from thucydides.pipeline import StageFn, stage

_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def modifies_non_place(res: Resolution, doc: Any, spans: list[tuple[int, int]]) -> bool:
    """A country named only as a modifier ("US bases", "the US' withdrawal") is not where anything happens."""
    if doc is None or res.candidate is None or res.candidate.place.kind != "country":
        return False
    f = res.found
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    head = last.head
    if last.dep_ not in _MODIFIER_DEPS or head.i <= last.i:
        return False
    if head.lower_ in knowledge().place_heads:
        return False
    return not any(s <= head.idx < e for s, e in spans)


def analyse_places(analysis: Analysis, gaz: Gazetteer) -> None:
    text = analysis.document.analysis_text
    blocked = [(a.start, a.end) for a in analysis.actors]
    found: list[Found] = recognise(text, analysis.spacy_doc, gaz, blocked)
    resolutions = resolve(found, gaz, home_country(analysis.document.url),
                          actor_countries(a.actor for a in analysis.actors), text)
    spans = [(r.found.start, r.found.end) for r in resolutions]
    for res in resolutions:
        if modifies_non_place(res, analysis.spacy_doc, spans):
            continue
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
