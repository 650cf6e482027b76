"""What one document offers every event in it: the parse, its segments, actor and place mentions, times,
claims, and the country the report is about (for ACLED's country-named generic actors)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from thucydides.knowledge.actors import ActorBase, actor_base
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


def actors_country(mentions: list[ActorMention], base: ActorBase | None = None,
                   speakers: bool = False) -> str | None:
    """Where no place says it: the country most of the report's named actors belong to ('SYTTBHA workers
    protested': Burkina Faso's union), as the mention says it or else as the actor base does where it knows the
    actor in one country only ('ODM supporters': Kenya) or a people's militia in one country only ('Kikuyu
    youths': Kenya); the first named wins a tie. Other generic mentions ('protesters') and speakers say none
    (`speakers`: only the speakers' organisations say it, 'ODM leaders')."""
    base = base or actor_base()
    told = [(i, _country_of(m, base)) for i, m in enumerate(mentions) if m.speaker == speakers]
    counts = Counter(c for _, c in told if c)
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -next(i for i, t in told if t == c)))


def _country_of(mention: ActorMention, base: ActorBase) -> str | None:
    if mention.generic:
        return base.home(mention.actor)
    if mention.country:
        return mention.country
    actor = base.get(mention.actor)
    return actor.countries[0] if actor is not None and len(actor.countries) == 1 else None


def main_country(toponyms: list[Toponym], places: Mapping[str, Place]) -> str | None:
    """The country most of a report's places lie in (a country named as such counts too)."""
    counts = Counter(places[t.place].country for t in toponyms if t.place and places[t.place].country)
    if not counts:
        return None
    return counts.most_common(1)[0][0]
