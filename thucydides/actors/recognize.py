"""Thin adapters over the actor base for the code that reads actors by id (claims, events, export).

The base itself is `thucydides.knowledge.actors`; the stage is `thucydides.actors.stage`. `registry()` keeps the
old interface (`get`, `kind`, `names`, `actors`, `speaker_nouns`) and `ActorMatcher.find` finds names without a
parse (no generic phrases settled, no new actors).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from thucydides.actors.scan import NameScanner
from thucydides.actors.speakers import SpeakerCues
from thucydides.knowledge.actors import ActorBase, actor_base
from thucydides.model import Actor, ActorMention

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def fold(text: str) -> str:
    """Case-fold and unify quote marks; keeps length so offsets carry over."""
    return text.translate(_QUOTES).lower()


@dataclass(frozen=True)
class ActorRegistry:
    """The actor base seen through the old registry's interface."""

    base: ActorBase

    @property
    def actors(self) -> dict[str, Actor]:
        """Every record by id: curated ones first, then the generic families, then ACLED's."""
        return self.base.actors

    @property
    def speaker_nouns(self) -> tuple[str, ...]:
        return self.base.curated.speaker_nouns

    def get(self, actor_id: str | None) -> Actor | None:
        return self.base.get(actor_id)

    def kind(self, actor_id: str | None) -> str | None:
        return self.base.kind(actor_id)

    def names(self) -> list[tuple[str, str]]:
        """(name, actor id) for every name the scanner looks for."""
        return [(n.text, n.actor) for n in self.base.scan_names()]


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    return ActorRegistry(actor_base())


class ActorMatcher:
    """Names of the base in plain text, with speakers; no parse needed."""

    def __init__(self, reg: ActorRegistry) -> None:
        self.registry = reg
        self.scanner = NameScanner(reg.base)
        self.speakers = SpeakerCues(reg.speaker_nouns)

    def find(self, text: str) -> list[ActorMention]:
        out = []
        for hit in self.scanner.find(text):
            actor = self.registry.get(hit.actor)
            if actor is None:
                continue
            out.append(ActorMention(hit.start, hit.end, text[hit.start:hit.end], hit.actor,
                                    self.speakers.speaks(text, hit.start, hit.end), actor.kind,
                                    actor.countries[0] if len(actor.countries) == 1 else None,
                                    self.registry.base.settles(actor)))
        return out


@lru_cache(maxsize=1)
def matcher() -> ActorMatcher:
    return ActorMatcher(registry())
