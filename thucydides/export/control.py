"""Control timelines as JSON (the contract's Place, Evidence and Interval shapes), GeoJSON and CSV."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from thucydides.corpus.control import TERRITORY_METRICS, PlaceTimeline, Segment
from thucydides.export.contract import evidence, interval, place
from thucydides.knowledge import data_path
from thucydides.knowledge.acled import TERRITORY_CHANGES
from thucydides.store.db import Store

ADMIN_AREAS = "geo_world_admin1.geojson.gz"


def segment(s: Segment, timeline: PlaceTimeline, most: int | None = None) -> dict[str, Any]:
    """A segment in the contract's shapes; `most` caps the evidence listed (evidence_total counts it all)."""
    spans = s.evidence
    return {
        "controller": s.controller, "from": interval(s.start), "until": interval(s.until),
        "confidence": timeline.confidence(s), "evidence": [evidence(e) for e in spans[:most]],
        "evidence_total": len(spans), "claimants": s.claimants, "contested_by": sorted(s.contested_by),
        "claims": s.claims, "implied": s.implied,
    }


def to_json(timelines: Sequence[PlaceTimeline], at: date | None = None) -> dict[str, Any]:
    """`{"places": [{"place": Place, "timeline": [Segment...]}]}`; with `at`, only segments in force then."""
    out = []
    for t in timelines:
        chosen = t.at(at) if at else t.segments
        if chosen:
            out.append({"place": place(t.place), "timeline": [segment(s, t) for s in chosen]})
    return {"at": at.isoformat() if at else None, "places": out}


def _point_feature(t: PlaceTimeline, at: date | None) -> dict[str, Any]:
    held = t.at(at)
    top = held[0] if held else None
    props: dict[str, Any] = {
        "feature": "control", "place": t.place.id, "name": t.place.name, "kind": t.place.kind,
        "controller": top.controller if top else None,
        "confidence": t.confidence(top) if top else None,
        "contested_by": sorted({s.controller for s in held[1:]} | (top.contested_by if top else set())),
        "from": interval(top.start) if top else None, "until": interval(top.until) if top else None,
        "evidence": " | ".join(e.text for e in top.evidence) if top else "",
        "segments": len(t.segments),
    }
    return {"type": "Feature", "id": t.place.id, "properties": props,
            "geometry": {"type": "Point", "coordinates": [t.place.lon, t.place.lat]}}


@cache
def admin_areas() -> tuple[list[dict[str, Any]], shapely.STRtree, list[BaseGeometry]]:
    """The shipped first-level admin areas (see thucydides.serve.basemap), with a spatial index."""
    raw = json.loads(gzip.decompress(data_path(ADMIN_AREAS).read_bytes()))
    features = raw["features"]
    shapes = [shape(f["geometry"]) for f in features]
    return features, shapely.STRtree(shapes), shapes


def _area_features(points: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Admin areas holding controlled places, coloured by the controller of most of them."""
    features, tree, shapes = admin_areas()
    counts: dict[int, Counter[str]] = {}
    for p in points:
        controller = p["properties"]["controller"]
        if controller is None:
            continue
        lon, lat = p["geometry"]["coordinates"]
        for i in tree.query(shapely.Point(lon, lat), predicate="intersects"):
            counts.setdefault(int(i), Counter())[controller] += 1
    out = []
    for i, counter in sorted(counts.items()):
        (leader, n), *rest = counter.most_common()
        tied = bool(rest) and rest[0][1] == n
        props = {"feature": "admin_area", "name": features[i]["properties"].get("name"),
                 "country": features[i]["properties"].get("country"), "controller": None if tied else leader,
                 "places": dict(counter), "share": round(n / sum(counter.values()), 3)}
        out.append({"type": "Feature", "properties": props, "geometry": shapely.geometry.mapping(shapes[i])})
    return out


def to_geojson(timelines: Sequence[PlaceTimeline], at: date | None = None, areas: bool = True) -> dict[str, Any]:
    """One Point per place with its controller at `at` (latest when None), and the admin areas they colour."""
    points = [_point_feature(t, at) for t in timelines]
    return {"type": "FeatureCollection", "at": at.isoformat() if at else None,
            "features": (_area_features(points) if areas else []) + points}


CSV_COLUMNS = ("place", "name", "lat", "lon", "controller", "from_start", "from_end", "until_start", "until_end",
               "confidence", "contested_by", "claimants", "implied", "docs", "evidence")


def to_csv(timelines: Sequence[PlaceTimeline], at: date | None = None) -> str:
    """One row per segment."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for t in timelines:
        for s in t.at(at) if at else t.segments:
            start, until = interval(s.start) or {}, interval(s.until) or {}
            writer.writerow([
                t.place.id, t.place.name, t.place.lat, t.place.lon, s.controller, start.get("start"),
                start.get("end"), until.get("start"), until.get("end"), t.confidence(s),
                ";".join(sorted(s.contested_by)), ";".join(c or "(outlet)" for c in s.claimants), s.implied,
                ";".join(dict.fromkeys(e.doc for e in s.evidence)), " | ".join(e.text for e in s.evidence),
            ])
    return buffer.getvalue()


FORMATS = ("json", "geojson", "csv")


def render(timelines: Sequence[PlaceTimeline], fmt: str, at: date | None = None) -> str:
    """The timelines in one of FORMATS, as text."""
    if fmt == "csv":
        return to_csv(timelines, at)
    payload = to_geojson(timelines, at) if fmt == "geojson" else to_json(timelines, at)
    return json.dumps(payload, ensure_ascii=False, indent=1)


def timelines_from_store(store: Store) -> list[PlaceTimeline]:
    """Every place's timeline from what the store holds (processed documents only)."""
    from thucydides.corpus.control_text import control_timelines
    from thucydides.store.queries import Queries

    q = Queries(store)
    documents = store.documents(status="processed")
    return control_timelines(documents, q.events_of_kinds(sorted(TERRITORY_CHANGES)),
                             q.claims_of_metrics(TERRITORY_METRICS), store.mentions(), store.places())
