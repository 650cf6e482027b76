"""`thucydides series` output: for reading (the figure in its own words), or for scripts (JSON, CSV).

The evidence of a claim can be a long sentence; a fixed-width cut often stops before the figure.
The text view shows a window of words centred on the figure instead, the figure in bold, wrapped
to the terminal.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.padding import Padding
from rich.text import Text

from thucydides.cli.output import inline, one_line, out
from thucydides.corpus.series import Series, SeriesPoint
from thucydides.export.cells import safe_row
from thucydides.knowledge.settings import section
from thucydides.model import METRICS, Claim, Interval

FORMATS = ("text", "json", "csv")
CSV_COLUMNS = ("metric", "unit", "subject", "when_start", "when_end", "low", "high", "qualifier", "claimant",
               "document", "claim_id", "figure", "evidence")


@dataclass(frozen=True)
class CliSettings:
    series_context_chars: int
    lookup_min_similarity: float
    lookup_leading_articles: tuple[str, ...]


def cli_settings() -> CliSettings:
    return section("cli", CliSettings)


def check_metric(metric: str | None, known: Sequence[str] = ()) -> str | None:
    """None when `metric` is one the system knows (or was not given), else the message listing the valid ones."""
    valid = sorted(set(METRICS) | set(known))
    if metric is None or metric in valid:
        return None
    return f"unknown metric {metric!r}; valid metrics: {', '.join(valid)}"


@dataclass(frozen=True)
class Context:
    """The words around a figure: before, the figure, after; and whether the evidence goes on either side."""

    before: str
    figure: str
    after: str
    cut_before: bool
    cut_after: bool


def figure_context(claim: Claim, width: int) -> Context:
    """About `width` characters either side of the figure, cut at word boundaries."""
    text = claim.evidence.text
    start, end = _figure_offsets(claim)
    left_from = max(0, start - width)
    right_to = min(len(text), end + width)
    before, after = text[left_from:start], text[end:right_to]
    if left_from > 0 and " " in before:
        before = before[before.index(" ") + 1:]
    if right_to < len(text) and " " in after:
        after = after[:after.rindex(" ")]
    return Context(inline(before).lstrip(), inline(text[start:end]), inline(after).rstrip(), left_from > 0,
                   right_to < len(text))


def _figure_offsets(claim: Claim) -> tuple[int, int]:
    """The figure's place inside the evidence text (its start when the figure is not known)."""
    text, ev = claim.evidence.text, claim.evidence
    if claim.figure is not None and ev.start <= claim.figure.start <= claim.figure.end <= ev.end:
        return claim.figure.start - ev.start, claim.figure.end - ev.start
    if claim.figure is not None and (at := text.find(claim.figure.text)) >= 0:
        return at, at + len(claim.figure.text)
    return 0, 0


def _when(interval: Interval | None) -> tuple[str, str]:
    if interval is None:
        return "", ""
    return (interval.start.isoformat() if interval.start else "", interval.end.isoformat() if interval.end else "")


def _figure(claim: Claim) -> str:
    return "–".join(f"{x:g}" for x in dict.fromkeys(v for v in (claim.low, claim.high) if v is not None))


def show_series(found: list[Series], names: dict[str, str], fmt: str) -> None:
    if fmt == "json":
        json.dump([_series_json(s, names) for s in found], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(CSV_COLUMNS)
        for s in found:
            for p in s.points:
                writer.writerow(safe_row(_point_row(s, p, names)))
    else:
        width = cli_settings().series_context_chars
        for s in found:
            _print_series(s, names, width)


def _point_row(s: Series, p: SeriesPoint, names: dict[str, str]) -> list[object]:
    c = p.claim
    return [s.metric, s.unit, s.subject, *_when(p.when), c.low, c.high, c.qualifier, c.claimant,
            names.get(c.doc, c.doc), c.id, c.figure.text if c.figure else "", c.evidence.text]


def _series_json(s: Series, names: dict[str, str]) -> dict[str, Any]:
    return {"metric": s.metric, "unit": s.unit, "subject": s.subject, "points": [
        {"when": dict(zip(("start", "end"), (x or None for x in _when(p.when)), strict=True)),
         "low": p.claim.low, "high": p.claim.high, "qualifier": p.claim.qualifier, "claimant": p.claim.claimant,
         "document": names.get(p.claim.doc, p.claim.doc), "doc": p.claim.doc, "claim": p.claim.id,
         "figure": p.claim.figure.text if p.claim.figure else None,
         "evidence": {"start": p.claim.evidence.start, "end": p.claim.evidence.end, "text": p.claim.evidence.text}}
        for p in s.points]}


def _print_series(s: Series, names: dict[str, str], width: int) -> None:
    out.print(Text.assemble((f"{s.metric} ({s.unit}) of {one_line(s.subject or 'anyone')}", "bold"),
                            f" — {len(s.points)} claim(s), oldest first"))
    for p in s.points:
        c = p.claim
        start, end = _when(p.when)
        when = f"{start or '…'} – {end or '…'}" if (start or end) else "undated"
        out.print(Text(f"  {when}   {_figure(c)} ({c.qualifier})   {one_line(c.claimant or '(outlet)')}"
                       f"   in {one_line(names.get(c.doc, c.doc))}"))
        ctx = figure_context(c, width)
        quote = Text.assemble("“", "… " if ctx.cut_before else "", ctx.before, (ctx.figure, "bold"), ctx.after,
                              " …" if ctx.cut_after else "", "”")
        out.print(Padding(quote, (0, 0, 0, 6)))
    out.print()
