"""Fit the conventional points of wide areas (`data/geo_conventional_points.csv`); offline, the runtime never
imports this.

    python -m thucydides.learn.place_points [--shared ../shared] [--cache DIR] [--out FILE]

A country's, a state's or a continent's point is a convention: GeoNames, atlases and encyclopaedias each give
their own, and two of them can lie more than the benchmark's 161 km apart (China at 105 E or 103 E). The
places stage runs on the *fit* halves of LGL and GeoVirus (never the report halves) with every place at the
point it was built with; each gold toponym resolved to a country, first-level region or continent votes with
its gold point. A place moves to the point, among its own, its gold points and the midpoints of any two of
them, that lies within `reach_km` of the most gold points, when that wins `min_gain` more mentions from at
least `min_articles` articles than its own point does and lies within `max_move_km` of it (settings
`learn.place_points`) (a wrong gold point
far away must not drag a country off). Ties keep the point nearest the built one. Prints what moved.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from thucydides.data import PACKAGE_DATA
from thucydides.geo.distance import km
from thucydides.geo.gazetteer import POINTS_FILE, Gazetteer, Point, default_path
from thucydides.geo.stage import analyse_places
from thucydides.knowledge.settings import section
from thucydides.learn.places import ROOT, Item, corpus_items, parsed
from thucydides.model import Analysis, Place

AREA_KINDS = frozenset({"country", "admin1", "region"})


@dataclass(frozen=True, slots=True)
class PointFitSettings:
    """`learn.place_points` in settings.yaml."""

    reach_km: float
    """Under the benchmark's 161 km, so that a gold point a little off the fitted ones still falls within."""
    min_gain: int
    """Gold points a move must bring within reach, more than the built point has."""
    min_articles: int
    """Articles those gained gold points must come from."""
    max_move_km: float
    """The farthest a point may move (a wrong gold point far away must not drag a country off)."""


@lru_cache(maxsize=1)
def point_settings() -> PointFitSettings:
    return section("learn.place_points", PointFitSettings)


@dataclass(slots=True)
class Votes:
    """The gold points of the mentions resolved to one place, with the article each came from."""

    place: Place
    golds: list[tuple[Point, str]]


@dataclass(frozen=True, slots=True)
class Moved:
    place: Place
    point: Point
    before: int
    after: int
    mentions: int


def votes(items: Iterable[Item], analyses: Iterable[Analysis], gaz: Gazetteer) -> dict[str, Votes]:
    """Per area place the system resolved a gold toponym to, the gold points of those toponyms."""
    out: dict[str, Votes] = {}
    for item, parsed_analysis in zip(items, analyses, strict=True):
        a = Analysis(parsed_analysis.document, spacy_doc=parsed_analysis.spacy_doc, actors=parsed_analysis.actors)
        analyse_places(a, gaz)
        for start, end, lat, lon in item.gold.spans:
            hit = next((t for t in a.toponyms if t.place and t.start < end and start < t.end), None)
            if hit is None or lat is None or lon is None or hit.place is None:
                continue
            place = a.places[hit.place]
            if place.kind in AREA_KINDS:
                out.setdefault(place.id, Votes(place, [])).golds.append(((lat, lon), item.key))
    return out


def _within(point: Point, golds: list[tuple[Point, str]]) -> list[str]:
    return [key for g, key in golds if km(point[0], point[1], g[0], g[1]) <= point_settings().reach_km]


def _midpoint(a: Point, b: Point) -> Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def choose(v: Votes) -> Moved | None:
    """The point within reach of the most gold points, when it beats the built point clearly enough."""
    own: Point = (v.place.lat, v.place.lon)
    points = sorted({own, *(g for g, _ in v.golds)})
    trials = [*points, *(_midpoint(a, b) for i, a in enumerate(points) for b in points[i + 1:])]
    settings = point_settings()
    trials = [p for p in trials if km(own[0], own[1], p[0], p[1]) <= settings.max_move_km]
    before = _within(own, v.golds)
    best = max(trials, key=lambda p: (len(_within(p, v.golds)), -km(own[0], own[1], p[0], p[1])))
    after = _within(best, v.golds)
    gained = set(after) - set(before)
    if len(after) - len(before) < settings.min_gain or len(gained) < settings.min_articles:
        return None
    return Moved(v.place, (round(best[0], 2), round(best[1], 2)), len(before), len(after), len(v.golds))


def write_points(out: Path, moved: list[Moved]) -> None:
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["id", "name", "kind", "lat", "lon", "built_lat", "built_lon", "gold_mentions"])
        for m in sorted(moved, key=lambda m: m.place.id):
            w.writerow([m.place.id, m.place.name, m.place.kind, m.point[0], m.point[1], m.place.lat, m.place.lon,
                        m.mentions])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep spaCy parses in between runs")
    ap.add_argument("--out", type=Path, default=PACKAGE_DATA / POINTS_FILE)
    a = ap.parse_args(argv)
    data = a.shared / "data" / "geoparsing"
    items = [*corpus_items(data / "lgl.xml", "lgl"), *corpus_items(data / "GeoVirus.xml", "geovirus")]
    found = votes(items, parsed(items, a.cache), Gazetteer(default_path(), points={}))
    moved = [m for m in (choose(v) for v in found.values()) if m is not None]
    reach = point_settings().reach_km
    for m in sorted(moved, key=lambda m: m.after - m.before, reverse=True):
        print(f"{m.place.name} ({m.place.kind}): {m.place.lat:.2f},{m.place.lon:.2f} -> {m.point[0]},{m.point[1]}"
              f"  within {reach:.0f} km of {m.before} -> {m.after} of {m.mentions} gold points", file=sys.stderr)
    write_points(a.out, moved)
    print(f"{len(moved)} of {len(found)} area places moved; wrote {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
