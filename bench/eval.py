"""The real-data evaluation (`make eval`): ACLED dev, LGL, GeoVirus, seeds, VOA and re3d dev/test, throughput.

    python bench/eval.py [--only acled,geo,seeds,voa,re3d,speed] [--acled-cap N] [--acled-limit N]
                         [--geo-limit N] [--geo-half report,all] [--voa-gold DIR] [--re3d-gold DIR]
                         [--re3d-dev-log DIR] [--dev-only] [--json FILE]

Prints one table (thucydides/evaluation/report.py); progress goes to stderr. Reads the data in
../shared in place; writes nothing unless --json is given. docs/eval/baseline.md holds the
figures every change is compared with.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from thucydides.evaluation import report, suite
from thucydides.evaluation.acled import DEFAULT_CAP


def parse_only(value: str) -> tuple[str, ...]:
    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in parts if p not in suite.PARTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown part(s) {', '.join(unknown)}; choose from {', '.join(suite.PARTS)}")
    return parts


def parse_halves(value: str) -> tuple[str, ...]:
    from thucydides.evaluation.geoparse import HALVES

    parts = tuple(p.strip() for p in value.split(",") if p.strip())
    unknown = [p for p in parts if p not in HALVES]
    if unknown or not parts:
        named = ", ".join(unknown) or "(none)"
        raise argparse.ArgumentTypeError(f"unknown half {named}; choose from {', '.join(HALVES)}")
    return parts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", type=parse_only, default=suite.PARTS, help="comma-separated parts (default: all)")
    ap.add_argument("--acled-cap", type=int, default=DEFAULT_CAP,
                    help=f"at most N ACLED dev rows per country, by hash order (default {DEFAULT_CAP}; 0: no cap)")
    ap.add_argument("--acled-limit", type=int, default=0, help="only the first N capped ACLED rows in hash order")
    ap.add_argument("--geo-limit", type=int, default=0, help="only the first N articles of LGL and of GeoVirus")
    ap.add_argument("--geo-half", type=parse_halves, default=suite.Options.geo_halves,
                    help="LGL/GeoVirus halves: report (never fitted on), fit, all (default: report,all)")
    ap.add_argument("--voa-gold", type=Path, default=None, help="VOA gold folder (default tests/data/voa/gold)")
    ap.add_argument("--re3d-gold", type=Path, default=None,
                    help="re3d gold folder, one subfolder per source (default tests/data/re3d/gold)")
    ap.add_argument("--re3d-dev-log", type=Path, default=None,
                    help="write the re3d dev part's gold, texts, export and the scorer's verbose log (missed, "
                         "spurious, wrong per document) to DIR; the test part's errors are never written")
    ap.add_argument("--dev-only", action="store_true",
                    help="score the VOA and re3d dev parts only: the test parts are not scored (for development runs)")
    ap.add_argument("--json", type=Path, default=None, help="also write every figure here as JSON")
    a = ap.parse_args(argv)
    args = sys.argv[1:] if argv is None else argv
    options = suite.Options(
        only=a.only, acled_cap=a.acled_cap or None, acled_limit=a.acled_limit or None,
        geo_limit=a.geo_limit or None, geo_halves=a.geo_half, voa_gold=a.voa_gold, re3d_gold=a.re3d_gold,
        re3d_dev_log=a.re3d_dev_log, dev_only=a.dev_only,
        command=shlex.join(["python", "bench/eval.py", *args]),
    )
    results = suite.run(options)
    print(report.table(results))
    if a.json:
        report.write_json(results, a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
