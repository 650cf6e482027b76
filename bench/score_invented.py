"""Score the pipeline on the invented dev reports that live in the repo (tests/data/invented/*).

    python bench/score_invented.py [FOLDER GOLD] [--out export.json] [--json scores.json] [--verbose]

These reports were written by the team in other outlets' styles (wire, monitor, humanitarian, military,
Kurdish and Iraqi outlets) and annotated before the system ran on them; the stages were then tuned on
them, so they are dev sets, not held-out ones: the real-data figures (`make eval`) are the ones to report.
The default folder (claims) annotates only claims; `invented/events` and `invented/places` their own.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from thucydides.export.bundle import ExportBundle
from thucydides.export.contract import write_json
from thucydides.ingest import read_path
from thucydides.knowledge import outside
from thucydides.model import Analysis
from thucydides.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "tests" / "data" / "invented" / "claims"
GOLD = CLAIMS / "gold.json"
SCORER = outside.scorer()


def analyse_folder(folder: Path, pipeline: Pipeline | None = None) -> list[Analysis]:
    """Every .txt report of the folder through the whole pipeline, in name order."""
    docs = [d for p in sorted(folder.glob("*.txt")) for d in read_path(p)]
    return (pipeline or Pipeline()).run_documents(docs)


def score(analyses: Sequence[Analysis], gold: Path = GOLD, texts: Path = CLAIMS, verbose: bool = False,
          out: Path | None = None, quiet: bool = True) -> dict:
    """Run the shared scorer on the analyses' export; returns its figures (prints its table unless quiet)."""
    workdir = Path(tempfile.mkdtemp())
    export = out or workdir / "export.json"
    write_json(ExportBundle.from_analyses(list(analyses)), export)
    figures = workdir / "scores.json"
    cmd = [sys.executable, str(SCORER), str(gold), str(export), "--texts", str(texts), "--json", str(figures)]
    if verbose:
        cmd.append("--verbose")
    subprocess.run(cmd, check=True, capture_output=quiet)
    return json.loads(figures.read_text(encoding="utf-8"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", type=Path, default=CLAIMS)
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    res = score(analyse_folder(a.folder), a.gold, a.folder, verbose=a.verbose, out=a.out, quiet=False)
    if a.json:
        a.json.write_text(json.dumps(res, indent=2))
    c = res["claims"]
    attrs = " · ".join(f"{k} {v[0]:.3f} (n={v[1]})" for k, v in res["attributes"].items()
                       if k in ("qualifier", "subject", "agent", "claimant", "time") and v[0] is not None)
    print(f"held-out claims: tp {c['tp']} fp {c['fp']} fn {c['fn']} · P {c['p']:.3f} R {c['r']:.3f} "
          f"F1 {c['f1']:.3f}\n  {attrs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
