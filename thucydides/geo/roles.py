"""What a place name does in its sentence: a country named only as a modifier ("US bases", "the US'
withdrawal", "Canada's health agency") is a place mention, but not where anything happens.

The places stage keeps such mentions (geoparsing corpora count them); the event's place (`events/where.py`)
leaves them out.
"""

from __future__ import annotations

from spacy.tokens import Doc

from thucydides.geo.recognize import knowledge
from thucydides.ling.tokens import NOUN_MODIFIER_DEPS
from thucydides.model import Analysis, Toponym


def modifies_non_place(doc: Doc | None, start: int, end: int, places: list[tuple[int, int]]) -> bool:
    """Whether the name at start..end only modifies a later word that is neither a place noun ("province")
    nor inside another place name (`places`: the spans of the report's place names)."""
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    last = span[-1]
    head = last.head
    if last.dep_ not in NOUN_MODIFIER_DEPS or head.i <= last.i:
        return False
    if head.lower_ in knowledge().place_heads:
        return False
    at = head.idx  # read once: spaCy makes it anew at each reading
    return not [s for s, e in places if s <= at < e]  # a list, not a generator: read over every span


def told_as_modifier(analysis: Analysis, t: Toponym) -> bool:
    """ "US bases", "Canada's health agency": a country named only to qualify something else."""
    place = analysis.places.get(t.place or "")
    if place is None or place.kind != "country":
        return False
    spans = [(o.start, o.end) for o in analysis.toponyms if o is not t]
    return modifies_non_place(analysis.spacy_doc, t.start, t.end, spans)


def in_dateline(analysis: Analysis, t: Toponym) -> bool:
    """ "MOSCOW, May 3 -": where the report was filed, not where anything it tells happened."""
    return analysis.segments is not None and analysis.segments.in_dateline(t.start)
