"""Sentences, paragraphs, the headline and datelines of a report — segmented once, used by every stage.

spaCy's sentences are cut again at blank lines (a headline or a caption has no full stop), paragraphs are
blocks between blank lines, the headline is the report's title where the text opens with it (or a short
first block with no final stop), and a dateline is a paragraph opening like "PLACE, date (Outlet) -" that
tells where and when the report was filed, not where anything happened.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from thucydides.knowledge.settings import section

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_DATELINE = re.compile(
    r"(?P<head>[A-Z][\w.'’ -]{1,40}?(?:,[^\n\-–—]{0,48}?)?(?:\s*\([^()\n]{1,40}\))?)\s+[-–—]{1,2}\s")


@dataclass(frozen=True, slots=True)
class SegmentSettings:
    """How far the headline and a dateline may run (`segments` in the settings)."""

    dateline_max: int
    """Characters from a paragraph's start within which a dateline's dash must come."""
    headline_max: int
    """Characters from the first block within which the given title must start; a first block with no title is a
    headline up to half this long."""


@lru_cache(maxsize=1)
def segment_settings() -> SegmentSettings:
    """The `segments` settings, read once: every report's headline and datelines ask for them."""
    return section("segments", SegmentSettings)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character offsets, with the paragraph it stands in."""

    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Segmentation:
    sentences: tuple[Sentence, ...]
    paragraphs: tuple[tuple[int, int], ...]
    headline: tuple[int, int] | None
    datelines: tuple[tuple[int, int], ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.start for s in self.sentences])

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence holding character `char` (the one before it when `char` falls between two)."""
        if not self.sentences:
            return None
        i = max(0, bisect_right(self._starts, char) - 1)  # type: ignore[attr-defined]
        return self.sentences[i]

    def paragraph_at(self, char: int) -> int:
        sentence = self.sentence_at(char)
        return sentence.paragraph if sentence else 0

    def paragraph_start(self, paragraph: int, default: int) -> int:
        """Where paragraph number `paragraph` begins; `default` (the caller's own start) when it is not known."""
        return self.paragraphs[paragraph][0] if 0 <= paragraph < len(self.paragraphs) else default

    def in_headline(self, char: int) -> bool:
        return self.headline is not None and self.headline[0] <= char < self.headline[1]

    def in_dateline(self, char: int) -> bool:
        return any(lo <= char < hi for lo, hi in self.datelines)

    def sentences_between(self, start: int, end: int) -> list[Sentence]:
        return [s for s in self.sentences if s.start < end and start < s.end]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of text between blank lines, as (start, end) without surrounding whitespace."""
    out = []
    cut = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        stop = m.start() if m else len(text)
        block = text[cut:stop]
        if block.strip():
            lead = len(block) - len(block.lstrip())
            out.append((cut + lead, cut + len(block.rstrip())))
        cut = m.end() if m else len(text)
    return out


def _sentence_pieces(doc: Doc, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences, cut again at every blank line, trimmed of whitespace."""
    out = []
    for sent in doc.sents:
        cut = sent.start_char
        for m in [*_BLANK_LINE.finditer(text, sent.start_char, sent.end_char), None]:
            stop = m.start() if m else sent.end_char
            piece = text[cut:stop]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append((cut + lead, cut + len(piece.rstrip())))
            cut = m.end() if m else sent.end_char
    return out


def headline(text: str, title: str | None, blocks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Where the headline stands when the text opens with one: the given title, else a short first block
    on one line that does not end like a sentence."""
    if not blocks:
        return None
    first_start, first_end = blocks[0]
    most = segment_settings().headline_max
    if title and title.strip():
        at = text.find(title.strip(), 0, first_start + most)
        if at >= 0 and not text[:at].strip():
            return at, at + len(title.strip())
    first = text[first_start:first_end]
    if len(blocks) > 1 and "\n" not in first and len(first) <= most // 2 and first[-1] not in ".!?\"”":
        return first_start, first_end
    return None


def datelines(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'BEIRUT, Dec 11 (Reuters) - ...': the opening of a paragraph before a dash, when short and led by a
    capitalised place word, tells where the report was filed."""
    out = []
    reach = segment_settings().dateline_max
    for start, end in blocks:
        m = _DATELINE.match(text, start, min(end, start + reach))
        if m is None:
            continue
        head = m.group("head")
        first_word = head.split(",")[0].split("(")[0].strip()
        if first_word.isupper() or "(" in head:
            out.append((start, start + len(head)))
    return out


def segment(doc: Doc, text: str, title: str | None = None) -> Segmentation:
    """Segment a parsed report once; every stage reads the result from `Analysis.segments`."""
    blocks = paragraphs(text)
    block_starts = [b[0] for b in blocks]
    sentences = tuple(
        Sentence(i, lo, hi, max(0, bisect_right(block_starts, lo) - 1))
        for i, (lo, hi) in enumerate(_sentence_pieces(doc, text))
    )
    return Segmentation(sentences, tuple(blocks), headline(text, title, blocks), tuple(datelines(text, blocks)))
