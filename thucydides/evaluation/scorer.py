"""The shared scorer (shared/eval/score.py) run on an export, its figures read back typed.

It runs as a subprocess with `--json`, exactly as people run it, so our figures are its figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.evaluation.view import ExportView
from thucydides.knowledge import outside


@dataclass(frozen=True)
class PRF:
    tp: int
    fp: int
    fn: int
    p: float
    r: float
    f1: float


@dataclass(frozen=True)
class Attribute:
    name: str
    accuracy: float | None
    n: int


@dataclass(frozen=True)
class ScorerFigures:
    claims: PRF
    places: PRF
    events: PRF
    attributes: tuple[Attribute, ...]
    contract_errors: int
    bad_spans: int


def _prf(d: dict[str, Any]) -> PRF:
    return PRF(d["tp"], d["fp"], d["fn"], d["p"], d["r"], d["f1"])


def parse(res: dict[str, Any]) -> ScorerFigures:
    attrs = tuple(Attribute(k, v[0], v[1]) for k, v in res["attributes"].items())
    return ScorerFigures(_prf(res["claims"]), _prf(res["places"]), _prf(res["events"]), attrs,
                         len(res.get("contract_errors") or ()), int(res.get("bad_spans") or 0))


def score(gold: Path, export: ExportView, texts: Path, scorer: Path | None = None) -> ScorerFigures:
    """Write the export, run the scorer on it with the texts (so spans are checked), read its JSON."""
    with tempfile.TemporaryDirectory(prefix="thucydides-eval-") as tmp:
        out, figures = Path(tmp) / "export.json", Path(tmp) / "scores.json"
        out.write_text(json.dumps(export.raw, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(scorer or outside.scorer()), str(gold), str(out), "--texts", str(texts),
               "--json", str(figures)]
        subprocess.run(cmd, check=True, capture_output=True, text=True)
        return parse(json.loads(figures.read_text(encoding="utf-8")))
