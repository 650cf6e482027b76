"""Places on ACLED notes: does the places stage put a note where ACLED put its event?

    python bench/geo_acled.py [--split dev] [--limit N] [--cache DIR] [--errors N]

Each note of the split (SPLITS.md: dev when sha256(event_id_cnty) % 10 == 0) is a document,
published on its event_date. After spaCy, actors and the places stage, it prints the share of
notes where some resolved place lies within 25 km / 161 km of ACLED's coordinates, and the
share where the event's own place (`thucydides.geo.precision.event_place` over the whole note)
does, with ACLED geo_precision agreement. Figures are printed, never asserted; read-only on the data.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.precision import event_place
from thucydides.geo.stage import analyse_places
from thucydides.knowledge import outside
from thucydides.learn.corpora import acled_split
from thucydides.learn.places import parsed_documents
from thucydides.model import Analysis, Document, Interval

SHARED = outside.shared()
EVENTS = SHARED / "data" / "acled" / "events.csv"


def rows(split: str, limit: int) -> list[dict[str, str]]:
    out = []
    with EVENTS.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if acled_split(row["event_id_cnty"]) == split and row["latitude"] and row["longitude"]:
                out.append(row)
                if limit and len(out) >= limit:
                    break
    return out


def parsed(texts: list[str], cache: Path | None) -> list[Analysis]:
    """spaCy + actors for every note, from `cache` when it holds them, so only the places stage is re-run."""
    docs = [Document.from_text(t) for t in texts]
    key = hashlib.sha256(chr(0).join(texts).encode()).hexdigest()[:16]
    return parsed_documents(docs, cache / f"parsed-{key}.pkl" if cache is not None else None)


def main() -> int:
    from thucydides.geo.distance import km

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--errors", type=int, default=0)
    a = ap.parse_args()
    data = rows(a.split, a.limit)
    gaz = open_gazetteer()
    t0 = time.perf_counter()
    analyses = parsed([r["notes"] for r in data], a.cache)
    any25 = any161 = own25 = own161 = own_n = precision_same = 0
    errors: list[float] = []
    worst: list[tuple[float, str, str, str]] = []
    by_country: Counter[str] = Counter()
    hit_country: Counter[str] = Counter()
    t1 = time.perf_counter()
    for row, analysis in zip(data, analyses, strict=True):
        day = date.fromisoformat(row["event_date"])
        analysis.document.published = Interval(day, day)
        analyse_places(analysis, gaz)
        lat, lon = float(row["latitude"]), float(row["longitude"])
        dists = [km(p.lat, p.lon, lat, lon) for t in analysis.toponyms if t.place
                 for p in (analysis.places[t.place],)]
        best = min(dists, default=float("inf"))
        any25 += best <= 25
        any161 += best <= 161
        by_country[row["country"]] += 1
        hit_country[row["country"]] += best <= 25
        own = event_place(analysis.toponyms, analysis.places, 0, len(analysis.document.text))
        if own is None:
            continue
        own_n += 1
        d = km(own.place.lat, own.place.lon, lat, lon)
        errors.append(d)
        own25 += d <= 25
        own161 += d <= 161
        precision_same += str(own.geo_precision) == row["geo_precision"]
        worst.append((d, row["location"] + ", " + row["country"], own.place.name + f" ({own.place.country})",
                      row["event_id_cnty"]))
    n = max(len(data), 1)
    print(f"ACLED {a.split}: {len(data)} notes, {time.perf_counter() - t0:.1f} s "
          f"({time.perf_counter() - t1:.1f} s places stage)")
    print(f"some resolved place within  25 km  {any25 / n:.3f}")
    print(f"some resolved place within 161 km  {any161 / n:.3f}")
    print(f"event place given           {own_n / n:.3f}")
    print(f"event place within  25 km   {own25 / n:.3f} (of all notes)")
    print(f"event place within 161 km   {own161 / n:.3f} (of all notes)")
    print(f"geo_precision as ACLED's    {precision_same / max(own_n, 1):.3f} (of notes with a place)")
    if errors:
        print(f"event place error km        median {statistics.median(errors):.1f}")
    top = [c for c, _ in by_country.most_common(12)]
    print("within 25 km by country: " + ", ".join(f"{c} {hit_country[c] / by_country[c]:.2f} ({by_country[c]})"
                                                  for c in top))
    for d, gold, got, eid in sorted(worst, reverse=True)[:a.errors]:
        print(f"  {d:8.0f} km  {eid} {gold!r} -> {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
