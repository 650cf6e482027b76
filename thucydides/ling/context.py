"""What one document offers every event in it: the parse, its segments, actor and place mentions, times,
claims, and the country the report is about (for ACLED's country-named generic actors)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from thucydides.ling.segments import Segmentation
from thucydides.ling.spans import SpanIndex
from thucydides.ling.tokens import token_at
from thucydides.model import ActorMention, Analysis, Claim, Place, TimeExpression, Toponym


@dataclass(frozen=True)
class DocContext:
    analysis: Analysis
    doc: Doc
    segments: Segmentation
    actors: SpanIndex[ActorMention]
    toponyms: SpanIndex[Toponym]
    """Resolved toponyms only."""
    places: Mapping[str, Place]
    times: SpanIndex[TimeExpression]
    claims: tuple[Claim, ...]
    country: str | None
    """The country the report is mostly about (ISO alpha-2), from its resolved places, else its named actors."""
    vouched: dict[float, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    """Per reach in km, the places another place of the report vouches for (`geo.located.vouched_places`),
    worked out once per report rather than once per candidate place of every event."""

    @classmethod
    def of(cls, analysis: Analysis) -> DocContext:
        if analysis.spacy_doc is None or analysis.segments is None:
            raise ValueError(f"{analysis.doc_id}: events need the nlp stage's parse and segments")
        resolved = [t for t in analysis.toponyms if t.place and t.place in analysis.places]
        return cls(
            analysis=analysis,
            doc=analysis.spacy_doc,
            segments=analysis.segments,
            actors=SpanIndex(analysis.actors),
            toponyms=SpanIndex(resolved),
            places=analysis.places,
            times=SpanIndex(analysis.times),
            claims=tuple(analysis.claims),
            country=main_country(resolved, analysis.places) or actors_country(analysis.actors),
        )

    @property
    def text(self) -> str:
        return self.analysis.document.text

    def place_of(self, toponym: Toponym) -> Place:
        return self.places[toponym.place or ""]

    def token_at(self, char: int) -> Token | None:
        return token_at(self.doc, char)


def actors_country(mentions: list[ActorMention]) -> str | None:
    """Where no place says it: the country most of the report's named actors belong to ('SYTTBHA workers
    protested': Burkina Faso's union), the first named winning a tie; generic mentions ('protesters') say none."""
    counts = Counter(m.country for m in mentions if m.country and not m.generic and not m.speaker)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -next(i for i, m in enumerate(mentions) if m.country == c)))


def main_country(toponyms: list[Toponym], places: Mapping[str, Place]) -> str | None:
    """The country most of a report's places lie in (a country named as such counts too)."""
    counts = Counter(places[t.place].country for t in toponyms if t.place and places[t.place].country)
    if not counts:
        return None
    return counts.most_common(1)[0][0]
