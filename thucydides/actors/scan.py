"""One Aho-Corasick scan of a report for every name in the actor base.

Names are folded (case, accents, quote marks, hyphens: `fold_text` keeps one character for one, so offsets carry
over; apostrophes inside words are dropped on both sides, offsets mapped back); short all-capital acronyms ("IS",
"M23") are in the same automaton but only count where the text writes them exactly so. The longest name at each
place wins, and names never overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick

from thucydides.knowledge.actors import ActorBase, fold_text


@dataclass(frozen=True, slots=True)
class Hit:
    """A name of the base found in the text."""

    start: int
    end: int
    actor: str


def bounded(text: str, start: int, end: int) -> bool:
    """The span is a whole word run: no letter or digit on either side."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def in_compound(text: str, start: int, end: int) -> bool:
    """'government-held', 'police-run': a common noun joined by a hyphen to another word is part of it."""
    before = text[start - 2:start] if start >= 2 else ""
    after = text[end:end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isalnum()) or \
        (len(after) == 2 and after[0] == "-" and after[1].isalnum())


_INNER_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])(?!s\b)")
"""An apostrophe inside a word that is no possessive: transliterations put it anywhere or nowhere ('Da'esh',
'Dae'sh', 'Daesh'; 'al-Qa'ida', 'al-Qaida')."""


def squeezed(folded: str) -> tuple[str, list[int]]:
    """The folded text without apostrophes inside words, and the position in `folded` of each character kept."""
    if "'" not in folded:
        return folded, list(range(len(folded)))
    keep = [i for i in range(len(folded)) if folded[i] != "'" or not _INNER_APOSTROPHE.match(folded, i)]
    return "".join(folded[i] for i in keep), keep


def leftmost_longest(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, the longest at each place first."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    chosen: list[Hit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            chosen.append(hit)
            last_end = hit.end
    return chosen


class NameScanner:
    """Every name of an actor base in one automaton over folded text."""

    def __init__(self, base: ActorBase) -> None:
        entries: dict[str, list[tuple[str | None, str]]] = {}
        for name in base.scan_names():
            key = squeezed(fold_text(name.text) if name.exact else name.text)[0]
            if key.strip():
                entries.setdefault(key, []).append((name.text if name.exact else None, name.actor))
        self.automaton = ahocorasick.Automaton()
        for key, values in entries.items():
            self.automaton.add_word(key, (len(key), tuple(values)))
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Names of the base in `text`, leftmost-longest, never overlapping."""
        if not len(self.automaton):
            return []
        folded, where = squeezed(fold_text(text))
        hits = []
        for last, (length, values) in self.automaton.iter(folded):
            start, end = where[last - length + 1], where[last]
            if not bounded(text, start, end + 1):
                continue
            actor = self._choose(text, start, end + 1, values)
            if actor is not None:
                hits.append(Hit(start, end + 1, actor))
        return leftmost_longest(hits)

    @staticmethod
    def _choose(text: str, start: int, end: int, values: tuple[tuple[str | None, str], ...]) -> str | None:
        """The exact (case-sensitive) name if the text writes it so, else the folded one, if any."""
        written = text[start:end].replace("’", "'")
        folded = None
        for exact, actor in values:
            if exact is None:
                folded = folded or actor
            elif exact == written:
                return actor
        return folded
