"""Navigation and credit lines ("furniture") found, not removed, and the headline guessed.

Furniture stays in the stored text so evidence offsets point at what the reader saw;
its spans go on `Document.furniture` and the analysis blanks them. The patterns live in
`thucydides/data/boilerplate.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from thucydides import data
from thucydides.ingest.masthead import masthead_outlet
from thucydides.model import Span

_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class FurnitureRules:
    line: re.Pattern[str]
    max_line_chars: int
    headline_max_chars: int
    headline_max_words: int
    sentence_endings: str


@lru_cache(maxsize=1)
def rules() -> FurnitureRules:
    """Compile the boilerplate patterns once into a single line-anchored regex."""
    spec = data.load("boilerplate.yaml")
    alternatives = "|".join(f"(?:{p})" for p in spec["patterns"])
    headline = spec.get("headline", {})
    return FurnitureRules(
        line=re.compile(rf"(?:{alternatives})", re.IGNORECASE),
        max_line_chars=int(spec.get("max_line_chars", 200)),
        headline_max_chars=int(headline.get("max_chars", 160)),
        headline_max_words=int(headline.get("max_words", 25)),
        sentence_endings=str(headline.get("sentence_endings", ".")),
    )


def _trimmed(match: re.Match[str]) -> tuple[int, int]:
    """The line's offsets without its surrounding whitespace."""
    raw = match.group()
    lead = len(raw) - len(raw.lstrip())
    return match.start() + lead, match.start() + len(raw.rstrip())


def is_furniture_line(line: str) -> bool:
    r = rules()
    stripped = line.strip()
    return bool(stripped) and len(stripped) <= r.max_line_chars and r.line.fullmatch(stripped) is not None


def find_furniture(text: str) -> tuple[Span, ...]:
    """Spans of whole lines that are navigation, credits, sharing or cookie text."""
    spans = []
    for match in _LINE.finditer(text):
        start, end = _trimmed(match)
        if start < end and is_furniture_line(text[start:end]):
            spans.append(Span(start, end, text[start:end]))
    return tuple(spans)


def looks_like_headline(line: str) -> bool:
    """Short, and does not end like a sentence."""
    r = rules()
    return (
        0 < len(line) <= r.headline_max_chars
        and len(line.split()) <= r.headline_max_words
        and line[-1] not in r.sentence_endings
    )


@dataclass(frozen=True)
class Head:
    """What the top of a plain-text report says about it."""

    title: str | None = None
    outlet: str | None = None


def read_head(text: str, furniture: tuple[Span, ...]) -> Head:
    """Skip furniture; a line naming a known outlet is its masthead; the next line is the
    title when it reads as a headline and is not the whole report."""
    furniture_starts = {span.start for span in furniture}
    outlet = None
    for match in _LINE.finditer(text):
        start, end = _trimmed(match)
        if start >= end or start in furniture_starts:
            continue
        line = text[start:end]
        if outlet is None and (outlet := masthead_outlet(line)):
            continue
        has_more = bool(text[end:].strip())
        return Head(line if has_more and looks_like_headline(line) else None, outlet)
    return Head(None, outlet)
