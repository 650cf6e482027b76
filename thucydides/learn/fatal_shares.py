"""Counting ACLED's fatality coding per sub-event type (`thucydides train fatal-shares`): rows, and rows with
fatalities > 0, of each sub-event type on the train split only, into the JSON file that
`thucydides.knowledge.fatal_shares` reads."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from thucydides.knowledge.fatal_shares import FORMAT, VERSION
from thucydides.learn.corpora import CorpusError, acled_split_rows


def count(acled_csv: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Rows and rows with fatalities > 0 per sub-event type, ACLED train split."""
    rows: Counter[str] = Counter()
    fatal: Counter[str] = Counter()
    for row in acled_split_rows(acled_csv, "train", ("sub_event_type", "fatalities")):
        try:
            deaths = int(row["fatalities"] or 0)
        except ValueError as exc:
            raise CorpusError(f"{acled_csv}: fatalities {row['fatalities']!r} is not a whole number") from exc
        rows[row["sub_event_type"]] += 1
        fatal[row["sub_event_type"]] += deaths > 0
    return dict(sorted(rows.items())), {s: fatal[s] for s in sorted(rows)}


def train(acled_csv: Path, out: Path) -> dict[str, object]:
    """Count the train split and write the artefact; returns what was written."""
    rows, fatal = count(acled_csv)
    artefact: dict[str, object] = {
        "format": FORMAT, "version": VERSION, "split": "train", "rows": rows, "fatal": fatal,
        "credit": ("Counts of ACLED events (Armed Conflict Location & Event Data Project, acleddata.com) by "
                   "sub-event type, and of those with fatalities > 0, train split; see DATA-LICENSES.")}
    out.write_text(json.dumps(artefact, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return artefact
