"""Actor dictionary and the stage that finds actor names in text.

The dictionary lives in `data/actors.yaml`. Matching is one Aho-Corasick pass over
the case-folded text (pyahocorasick), keeping the longest match at each place, so a
few hundred aliases cost one scan per document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from thucydides import data
from thucydides.model import Actor, ActorMention, Analysis
from thucydides.pipeline import StageFn, stage

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def fold(text: str) -> str:
    """Case-fold and unify quote marks; keeps length so offsets carry over."""
    return text.translate(_QUOTES).lower()


def _case_sensitive(alias: str) -> bool:
    """Short all-capital aliases ("IS", "US", "AP") only match as written."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) <= 4 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class ActorRegistry:
    actors: dict[str, Actor]
    speaker_nouns: tuple[str, ...]

    @classmethod
    def from_data(cls, raw: dict) -> ActorRegistry:
        actors: dict[str, Actor] = {}
        for i, entry in enumerate(raw.get("actors") or []):
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
                raise data.DataFileError(f"actors.yaml: entry {i} needs at least 'id' and 'name'")
            actors[entry["id"]] = Actor(
                id=str(entry["id"]),
                name=str(entry["name"]),
                aliases=tuple(str(a) for a in entry.get("aliases") or ()),
                kind=entry.get("kind"),
                inter=entry.get("inter"),
                parent=entry.get("parent"),
            )
        return cls(actors, tuple(raw.get("speaker_nouns") or ()))

    def get(self, actor_id: str | None) -> Actor | None:
        return self.actors.get(actor_id) if actor_id else None

    def kind(self, actor_id: str | None) -> str | None:
        actor = self.get(actor_id)
        return actor.kind if actor else None

    def names(self) -> list[tuple[str, str]]:
        """(alias, actor id) for every name of every actor, the id and display name included."""
        out = []
        for actor in self.actors.values():
            for alias in {actor.id, actor.name, *actor.aliases}:
                out.append((alias, actor.id))
        return out


@lru_cache(maxsize=1)
def registry() -> ActorRegistry:
    return ActorRegistry.from_data(data.load("actors.yaml"))


class ActorMatcher:
    def __init__(self, reg: ActorRegistry) -> None:
        self.registry = reg
        self.folded = ahocorasick.Automaton()
        self.exact = ahocorasick.Automaton()
        for alias, actor_id in reg.names():
            alias = alias.translate(_QUOTES)
            if _case_sensitive(alias):
                self.exact.add_word(alias, (alias, actor_id))
            else:
                key = fold(alias)
                if key.startswith("the "):
                    key = key[4:]
                self.folded.add_word(key, (key, actor_id))
        for automaton in (self.folded, self.exact):
            if len(automaton):
                automaton.make_automaton()
        nouns = "|".join(sorted((re.escape(n) for n in reg.speaker_nouns), key=len, reverse=True))
        self._after = re.compile(rf"^(?:'s)?(?:\s+[a-z-]+){{0,2}}?\s+(?:{nouns})\b", re.I) if nouns else None
        self._before = re.compile(rf"\b(?:{nouns})\s+(?:for|of)\s+(?:the\s+)?$", re.I) if nouns else None

    def find(self, text: str) -> list[ActorMention]:
        plain = text.translate(_QUOTES)
        lowered = plain.lower()
        hits: list[tuple[int, int, str]] = []
        for automaton, haystack in ((self.folded, lowered), (self.exact, plain)):
            if not len(automaton):
                continue
            for end, (key, actor_id) in automaton.iter(haystack):
                start = end - len(key) + 1
                if _bounded(plain, start, end + 1):
                    hits.append((start, end + 1, actor_id))
        # leftmost-longest, no overlaps
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        chosen: list[tuple[int, int, str]] = []
        last_end = -1
        for start, end, actor_id in hits:
            if start >= last_end:
                chosen.append((start, end, actor_id))
                last_end = end
        out = []
        for start, end, actor_id in chosen:
            speaker = bool(
                (self._after and self._after.match(plain[end:end + 40]))
                or (self._before and self._before.search(plain[max(0, start - 30):start]))
            )
            out.append(ActorMention(start, end, text[start:end], actor_id, speaker))
        return out


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


@lru_cache(maxsize=1)
def matcher() -> ActorMatcher:
    return ActorMatcher(registry())


@stage("actors", assigns=("actors",))
def make_actor_stage() -> StageFn:
    m = matcher()

    def actor_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.actors = m.find(analysis.document.analysis_text)

    return actor_stage
