"""Lists of parallel items, each a happening of its own ('Near A, two strikes hit ...' / 'Near B, one strike
destroyed ...'): a release that lists one item per place tells the same kind of happening in every item, and
ACLED codes one event per place. The coder reads each item alone and misses the tersest ('one strike disabled
a bridge'); an item of a list whose other items it reads as events of one type is an event of that type.

An item is a sentence of at least `min_words` words; consecutive items open with the same word and have
subjects of the same lemma (shorter lines between them, such as section headers, do not break the list).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from thucydides.knowledge.settings import section
from thucydides.ling.arguments import NOMINAL_SUBJECT_DEPS

if TYPE_CHECKING:
    from thucydides.events.detect import Candidate, Unit


@dataclass(frozen=True)
class ListSettings:
    """How a list of parallel items is found and read (settings `event_lists`)."""

    enabled: bool
    min_items: int
    """The fewest items a list has."""
    min_share: float
    """The share of its items the coder must read as events for the others to be read as the same type."""
    min_words: int
    """The fewest words of an item: shorter lines between items (headers) are skipped, not items."""


@cache
def list_settings() -> ListSettings:
    return section("event_lists", ListSettings)


def item_key(span: Span, min_words: int) -> tuple[str, str] | None:
    """(opening word, subject lemma) of a sentence that can be an item; None for a short line or a sentence
    with no subject (it cannot be matched, but breaks a list)."""
    words = [t for t in _last_line(span) if t.is_alpha]
    subject = _subject(span.root)
    if len(words) < min_words or subject is None:
        return None
    return words[0].lower_, subject.lemma_.lower()


def _last_line(span: Span) -> Span:
    """The sentence from the last line break before its verb: a header line with no stop ('Centre') is read
    into the item below it."""
    breaks = [t.i + 1 for t in span if t.i < span.root.i and "\n" in t.text_with_ws]
    return span.doc[max(breaks, default=span.start):span.end]


def _subject(root: Token) -> Token | None:
    """The subject nearest the verb (a place opening the sentence is often parsed as a subject too)."""
    subjects = [c for c in root.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    return subjects[-1] if subjects else None


def _is_short(span: Span, min_words: int) -> bool:
    return sum(t.is_alpha for t in _last_line(span)) < min_words


def runs(units: Sequence[Unit], min_words: int, min_items: int) -> list[list[int]]:
    """Maximal runs of consecutive units (by position) sharing an item key; short lines are skipped."""
    out: list[list[int]] = []
    current: list[int] = []
    last: tuple[str, str] | None = None
    for i, unit in enumerate(units):
        if _is_short(unit.span, min_words):
            continue
        key = item_key(unit.span, min_words)
        if key is not None and key == last:
            current.append(i)
            continue
        if len(current) >= min_items:
            out.append(current)
        current, last = [i], key
    if len(current) >= min_items:
        out.append(current)
    return out


def list_items(units: Sequence[Unit], chosen: Sequence[Candidate], admissible: Callable[[Candidate], bool],
               settings: ListSettings | None = None) -> list[Candidate]:
    """Candidates for the items of lists that the coder read no event in: each takes the type its list's
    read items mostly share, anchored on its own main verb, when enough of the list is read."""
    settings = settings or list_settings()
    if not settings.enabled:
        return []
    read: dict[int, Candidate] = {}
    for c in chosen:
        read.setdefault(c.sentence.index, c)
    out = []
    for run in runs(units, settings.min_words, settings.min_items):
        found = [read[units[i].sentence.index] for i in run if units[i].sentence.index in read]
        if not found or len(found) < settings.min_share * len(run):
            continue
        kind = Counter((c.event_type, c.sub_event_type) for c in found).most_common(1)[0][0]
        model = next(c for c in found if (c.event_type, c.sub_event_type) == kind)
        for i in run:
            if units[i].sentence.index not in read:
                out += _item(units[i], model, admissible)
    return out


def _item(unit: Unit, model: Candidate, admissible: Callable[[Candidate], bool]) -> list[Candidate]:
    """The sibling's reading moved onto an item, if it passes the filters there."""
    c = replace(model, start=unit.start, end=unit.end, sentence=unit.sentence, anchor=unit.span.root,
                source="list", readings=(), headline=False)
    return [c] if admissible(c) else []
