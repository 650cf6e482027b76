"""What the learners of small tables from ACLED's train split share (`learn.unnamed_actors`, `learn.opponents`,
`learn.state_forces`): the word pattern their notes are scanned with, the choice of thresholds on held-out
folds, and the CSV they write."""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

R = TypeVar("R")


@dataclass(frozen=True)
class ThresholdGrid:
    """A learner's settings section: the thresholds a table's row must pass, and the grid `--choose` scores on
    held-out folds of train (what each threshold counts is said by the learner's module)."""

    min_support: int
    """Train rows a row of the table rests on."""
    min_share: float
    """Share of them the learned reading must take."""
    folds: int
    """Held-out folds of train for `--choose`."""
    support_grid: tuple[int, ...]
    share_grid: tuple[float, ...]


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Any of `words` as whole words, longest first, so a longer phrase ('unknown militants') is found whole."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ordered) + r")\b", re.IGNORECASE)


def choose_thresholds(rows: Sequence[R], settings: ThresholdGrid,
                      held_out_gain: Callable[[Sequence[R], int, int, float], tuple[int, int]],
                      ) -> list[tuple[int, float, int, int]]:
    """(min_support, min_share, gain, rows changed) over the settings' grid, best gain first, the stricter
    thresholds first on a tie."""
    grid = [(s, sh, *held_out_gain(rows, settings.folds, s, sh))
            for s in settings.support_grid for sh in settings.share_grid]
    return sorted(grid, key=lambda g: (-g[2], -g[1], -g[0]))


def print_choices(rows: Sequence[R], settings: ThresholdGrid,
                  held_out_gain: Callable[[Sequence[R], int, int, float], tuple[int, int]]) -> None:
    """`--choose`: the held-out gain of every pair of thresholds on the grid, best first."""
    for support, share, gain, changed in choose_thresholds(rows, settings, held_out_gain):
        print(f"min_support {support:4d} min_share {share:.2f}: held-out gain {gain:+d} over {changed} rows")


def write_table(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A learned table as the knowledge loaders read it: a header of `columns`, then one line per row."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(rows)
