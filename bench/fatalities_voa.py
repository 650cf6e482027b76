"""Fatalities against the VOA gold (real stories, annotated blind): how often an event's toll is right.

Each gold event with a toll is matched to the predicted event of its story with the same event type
whose evidence overlaps the gold span most; unmatched gold events are left out (event finding is
scored elsewhere). Prints matched events, exact tolls, and mean absolute error.

    .venv/bin/python bench/fatalities_voa.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thucydides.knowledge import outside
from thucydides.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
STORIES = outside.voa_stories()
GOLD = ROOT / "tests" / "data" / "voa" / "gold"


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matched_toll(gold: dict[str, Any], analysis: Analysis) -> int | None:
    """The toll of the predicted event of the gold's type whose evidence overlaps the gold span most."""
    span = tuple(gold["span"])
    scored = [(max(_overlap(span, (x.start, x.end)) for x in e.evidence), e) for e in analysis.events
              if e.event_type == gold["event_type"] and e.evidence]
    scored = [pair for pair in scored if pair[0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda pair: pair[0])[1].fatalities or 0


def main() -> None:
    from thucydides.ingest import iter_documents
    from thucydides.model import Document
    from thucydides.pipeline import Pipeline

    golds = {p.stem: json.loads(p.read_text()) for p in sorted(GOLD.glob("*.json"))}
    docs = [d for d in iter_documents([STORIES]) if isinstance(d, Document) and d.name in golds]
    analyses = Pipeline().run_documents(docs)
    matched = exact = error = 0
    for analysis in analyses:
        for gold in golds[analysis.document.name or ""]["events"]:
            predicted = _matched_toll(gold, analysis)
            if gold.get("fatalities") is None or predicted is None:
                continue
            matched += 1
            exact += predicted == gold["fatalities"]
            error += abs(predicted - gold["fatalities"])
    print(f"VOA events with a gold toll, matched: {matched}; toll exact: {exact} ({exact / max(matched, 1):.3f}); "
          f"mean absolute error: {error / max(matched, 1):.2f}")


if __name__ == "__main__":
    main()
