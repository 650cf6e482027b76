"""Where a figure holds, by ordered, named steps (settings `stages.claims.place_steps`): the most specific place
its sentence names, else the place its paragraph was about so far, else the report's main place.

A report names the scene once ("gunmen stormed a hotel in X on Tuesday") and then counts the dead in sentences
that name no place; those figures hold at the scene. A region or a country is narrowed to the report's most
named town inside it, as an event's place is, so a figure and the happening it counts are placed alike: the
choice itself is shared with events (`thucydides.geo.located`). A dateline's town is where the report was
filed, not where the figure holds, and is never taken.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from thucydides.claims.figures import Figure
from thucydides.claims.lexicon import ClaimLexicon
from thucydides.geo.located import REGION_LEVEL, Located, main_place, most_specific, refine
from thucydides.geo.roles import in_dateline
from thucydides.ling.context import DocContext
from thucydides.ling.spans import SpanIndex
from thucydides.ling.tokens import span_head
from thucydides.model import Analysis, Toponym

PlaceStep = Callable[[Figure, DocContext], "Toponym | None"]


def scene_of(analysis: Analysis, lex: ClaimLexicon) -> DocContext:
    """The report's resolved places as the events stage sees them, less a dateline's town, destinations and
    landmarks."""
    scene = DocContext.of(analysis)
    kept = [t for t in scene.toponyms.items if not (in_dateline(analysis, t) or _elsewhere(scene, t, lex))]
    return replace(scene, toponyms=SpanIndex(kept))


def _elsewhere(scene: DocContext, t: Toponym, lex: ClaimLexicon) -> bool:
    """A place named as where people were sent ("flown to X", "deported to X") or as a landmark to measure
    from ("300 km north of X"): not where a figure holds."""
    head = span_head(scene.doc, t.start, t.end)
    if head is None:
        return False
    before = [w.lemma_.lower() for w in scene.doc[max(0, head.left_edge.i - 2):head.left_edge.i]]
    if before[-2:-1] and before[-1] in ("of", "from") and before[-2] in lex.bearing_words:
        return True
    while head.dep_ == "conj" and head.head.i < head.i:  # "to X, Y or Z"
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in lex.destination_preps


def in_sentence(fig: Figure, scene: DocContext) -> Toponym | None:
    """The most specific place the figure's sentence names, the nearest to it on ties."""
    seg = fig.segment
    return most_specific(scene, scene.toponyms.within(seg.start, seg.end), fig.start)


def paragraph(fig: Figure, scene: DocContext) -> Toponym | None:
    """'Gunmen stormed a hotel in X. Five people were killed.': the most specific place named earlier in the
    figure's paragraph, the nearest on ties."""
    seg = fig.segment
    lo = scene.segments.paragraph_start(seg.paragraph, seg.start)
    return most_specific(scene, scene.toponyms.within(lo, seg.start), fig.start)


def document(fig: Figure, scene: DocContext) -> Toponym | None:
    """The report's main place: a figure told before any place is named holds where the report is about."""
    return main_place(scene)


PLACE_STEPS: Mapping[str, PlaceStep] = {"sentence": in_sentence, "paragraph": paragraph, "document": document}


def place_of(fig: Figure, scene: DocContext, steps: tuple[str, ...], narrow: bool = True) -> str | None:
    """The place (id) the first step finds, a region narrowed to the report's town inside it (unless not
    `narrow`)."""
    for name in steps:
        found = PLACE_STEPS[name](fig, scene)
        if found is not None:
            return refine(scene, Located(found, REGION_LEVEL)).toponym.place if narrow else found.place
    return None
