"""GeoJSON: places and events as Point features (RFC 7946, lon/lat order) that QGIS opens."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from thucydides.export.bundle import ExportBundle
from thucydides.export.contract import interval
from thucydides.export.records import Records, as_records, pages
from thucydides.model import Event, Place


def place_feature(p: Place, documents: int) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": p.id,
        "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
        "properties": {
            "feature": "place", "id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
            "admin1": p.admin1, "geonameid": p.geonameid, "documents": documents,
        },
    }


def event_feature(e: Event, place: Place) -> dict[str, Any]:
    date = interval(e.date)
    return {
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
    }


def features(records: Records) -> Iterator[dict[str, Any]]:
    """Places, then events that have a place (no place, no invented coordinates), a page at a time."""
    for page in pages(records.places()):
        counts = records.place_documents(p.id for p in page)
        yield from (place_feature(p, counts.get(p.id, 0)) for p in page)
    for events in pages(records.events()):
        places = records.places_by_id(e.place for e in events)
        yield from (event_feature(e, places[e.place]) for e in events if e.place in places)


def to_geojson(source: ExportBundle | Records) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features(as_records(source)))}


def write_geojson(source: ExportBundle | Records, path: Path) -> None:
    with Path(path).open("w", encoding="utf-8") as fh:
        fh.write('{"type": "FeatureCollection", "features": [')
        for i, feature in enumerate(features(as_records(source))):
            fh.write(("\n" if i == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        fh.write("\n]}\n")
