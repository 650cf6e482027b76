"""Run the pipeline in memory over a folder of .txt reports and score it against gold.

    python bench/score_dev.py [SEEDS_DIR] [GOLD_JSON] [--out export.json] [--verbose]

A development loop that needs no store: reads the texts, runs every stage, writes the
JSON contract and runs the shared scorer on it. Prints the scorer's table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from thucydides.export.bundle import ExportBundle
from thucydides.export.contract import write_json
from thucydides.ingest import read_path
from thucydides.knowledge import outside
from thucydides.pipeline import Pipeline

SHARED = outside.shared()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seeds", nargs="?", type=Path, default=SHARED / "seeds")
    ap.add_argument("gold", nargs="?", type=Path, default=SHARED / "gold" / "seeds.json")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    docs = [d for p in sorted(a.seeds.glob("*.txt")) for d in read_path(p)]
    analyses = Pipeline().run_documents(docs)
    out = a.out or Path(tempfile.mkdtemp()) / "export.json"
    write_json(ExportBundle.from_analyses(analyses), out)
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), str(a.gold), str(out), "--texts", str(a.seeds)]
    if a.verbose:
        cmd.append("--verbose")
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
