"""`thucydides gazetteer lookup` output: only candidates close to the name typed, readable at 80 columns.

The gazetteer finds candidates by a folded key that forgives spelling (Deir ez-Zor, Deir Ezzor), and a
short or odd name can fold onto the key of an unrelated place ('zzzz' and an airport code). Each
candidate's *similarity* — of the name typed to the spelling that matched, 0 to 1, ignoring case,
accents, punctuation and a leading article — decides whether it is shown. A code-like alias (`ZZZ`,
an airport's) is an identifier, not a spelling: it counts only when typed exactly, else the place's
own name is compared instead.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import Any

from rich.table import Table
from rich.text import Text

from thucydides.cli.output import cell, err, out
from thucydides.cli.series_view import cli_settings
from thucydides.geo.fold import strip_accents

_NOT_WORD = re.compile(r"[^\w]+")


def _plain(name: str, articles: frozenset[str]) -> str:
    """Lower case, no accents or punctuation, a leading article (al-, el-, the...) dropped."""
    words = _NOT_WORD.sub(" ", strip_accents(name).casefold()).split()
    if len(words) > 1 and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def _ratio(a: str, b: str, articles: frozenset[str]) -> float:
    return SequenceMatcher(None, _plain(a, articles), _plain(b, articles)).ratio()


def _code_like(name: str) -> bool:
    return name.isalpha() and name.isupper() and len(name) <= 4


def similarity(typed: str, matched: str, place_name: str | None = None) -> float:
    """How close the typed name is to the spelling that matched (or, for a code, to the place's name)."""
    articles = frozenset(cli_settings().lookup_leading_articles)
    score = _ratio(typed, matched, articles)
    if _code_like(matched) and score < 1.0:
        return _ratio(typed, place_name, articles) if place_name else 0.0
    return score


def _row(candidate: Any, score: float) -> dict[str, Any]:
    p = candidate.place
    return {"id": p.id, "name": p.name, "matched": candidate.name, "similarity": round(score, 3), "kind": p.kind,
            "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "population": p.population}


def show_candidates(name: str, candidates: Sequence[Any], threshold: float, limit: int, as_json: bool) -> None:
    scored = [(c, similarity(name, c.name, c.place.name)) for c in candidates]
    close = [(c, s) for c, s in scored if s >= threshold][:limit]
    if as_json:
        json.dump({"query": name, "min_similarity": threshold, "candidates": [_row(c, s) for c, s in close],
                   "hidden": len(scored) - len(close)}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if not close:
        best = max(scored, key=lambda cs: cs[1], default=None)
        hint = f"; the closest, {best[0].name!r}, is {best[1]:.2f} similar" if best else ""
        err.print(Text(f"no place matches {name!r} at similarity {threshold:.2f} or more{hint} "
                       "(--min-similarity to lower it)"))
        return
    _table(name, close, len(scored), threshold)


def _table(name: str, close: list[tuple[Any, float]], total: int, threshold: float) -> None:
    table = Table(title=Text(f"{name!r}: {len(close)} of {total} candidates at similarity ≥ {threshold:.2f}"),
                  title_justify="left", box=None, pad_edge=False)
    table.add_column("sim", justify="right", no_wrap=True)
    table.add_column("place", overflow="fold", ratio=1)
    table.add_column("where", overflow="fold", ratio=1)
    table.add_column("lat, lon", no_wrap=True)
    table.add_column("pop.", justify="right", no_wrap=True)
    for c, score in close:
        p = c.place
        place = p.name if c.name == p.name else f"{p.name} (as {c.name})"
        where = " / ".join(x for x in (p.country, p.admin1) if x)
        table.add_row(f"{score:.2f}", cell(place), cell(f"{where} · {p.kind}"), f"{p.lat}, {p.lon}",
                      f"{p.population:,}" if p.population else "")
    out.print(table)
    out.print(Text("ids and all fields: --json", style="dim"))
