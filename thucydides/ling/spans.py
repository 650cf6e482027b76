"""Mentions indexed by character offsets, found by overlap or containment in O(log n)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, Protocol, TypeVar


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=Located)

LONGEST_MENTION = 200
"""No mention spans more characters than this, so an overlap search looks back no further."""


class SpanIndex(Generic[T]):
    """Spans sorted by start."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items: list[T] = sorted(items, key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]

    def __len__(self) -> int:
        return len(self.items)

    def overlapping(self, start: int, end: int) -> list[T]:
        lo = bisect_left(self.starts, start - LONGEST_MENTION)
        hi = bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end > start and x.start < end]

    def within(self, start: int, end: int) -> list[T]:
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [x for x in self.items[lo:hi] if x.end <= end]

    def before(self, char: int) -> list[T]:
        """Every span that starts before `char`, in text order."""
        return self.items[:bisect_right(self.starts, char - 1)]
