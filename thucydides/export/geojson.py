"""GeoJSON: places and events as Point features (RFC 7946, lon/lat order) that QGIS opens."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thucydides.export.bundle import ExportBundle
from thucydides.export.contract import interval


def to_geojson(bundle: ExportBundle) -> dict[str, Any]:
    places = {p.id: p for p in bundle.places}
    mentioned: dict[str, set[str]] = {}
    for m in bundle.mentions:
        if m.kind == "place" and m.ref:
            mentioned.setdefault(m.ref, set()).add(m.doc)
    features: list[dict[str, Any]] = []
    for p in bundle.places:
        features.append({
            "type": "Feature",
            "id": p.id,
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                "feature": "place", "id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
                "admin1": p.admin1, "geonameid": p.geonameid, "documents": len(mentioned.get(p.id, ())),
            },
        })
    for e in bundle.events:
        place = places.get(e.place) if e.place else None
        if place is None:  # no place, no invented coordinates
            continue
        date = interval(e.date)
        features.append({
            "type": "Feature",
            "id": e.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
            "properties": {
                "feature": "event", "id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
                "actor1": e.actor1, "actor2": e.actor2, "location": place.name, "geo_precision": e.geo_precision,
                "date_start": date["start"] if date else None, "date_end": date["end"] if date else None,
                "time_precision": e.time_precision, "fatalities": e.fatalities, "documents": len(e.docs),
                "evidence": " | ".join(x.text for x in e.evidence),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def write_geojson(bundle: ExportBundle, path: Path) -> None:
    path.write_text(json.dumps(to_geojson(bundle), ensure_ascii=False), encoding="utf-8")
