"""The REST API's payloads: pure functions from the store to JSON-ready values.

Records use the export contract's shapes (thucydides.export.contract), so a client that
reads the JSON export reads the API too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from thucydides.corpus.series import stored_sources
from thucydides.export import contract
from thucydides.export.geojson import to_geojson
from thucydides.export.records import StoreRecords
from thucydides.store.db import Store

Query = Mapping[str, str]


def stats(store: Store, query: Query) -> Any:
    return vars(store.stats())


def documents(store: Store, query: Query) -> Any:
    return [contract.document(d) for d in StoreRecords(store).documents()]


def claims(store: Store, query: Query) -> Any:
    found = StoreRecords(store).claims(query.get("metric"), query.get("subject"), query.get("claimant"))
    return [contract.claim(c) for c in found
            if all(getattr(c, f) == query[f] for f in ("doc", "place") if query.get(f))]


def events(store: Store, query: Query) -> Any:
    """Stored merged events, filtered in the query (reconciled once, after processing)."""
    fields = ("event_type", "sub_event_type", "actor1", "actor2", "place")
    return [contract.event(e) for e in StoreRecords(store).events(**{f: query.get(f, "") for f in fields})]


def places(store: Store, query: Query) -> Any:
    return [contract.place(p) for p in StoreRecords(store).places()]


def series(store: Store, query: Query) -> Any:
    records = StoreRecords(store)
    return [{"metric": key[0], "unit": key[1], "subject": key[2],
             "points": [{"when": contract.interval(when), "claim": contract.claim(c)}
                        for c, when in records.series_points(key)]}
            for key in records.series_keys(query.get("metric"), query.get("subject"))]


def disputes(store: Store, query: Query) -> Any:
    records = StoreRecords(store)
    out = []
    for a, b, reason in records.disputes():
        pair = records.claims_by_id((a, b))
        out.append({"reason": reason, "claims": [contract.claim(pair[a]), contract.claim(pair[b])]})
    return out


def sources(store: Store, query: Query) -> Any:
    return [vars(r) | {"disputed_share": r.disputed_share} for r in stored_sources(store)]


def export(store: Store, query: Query) -> Any:
    return contract.to_contract(StoreRecords(store))


def geojson(store: Store, query: Query) -> Any:
    return to_geojson(StoreRecords(store))


ROUTES: dict[str, Callable[[Store, Query], Any]] = {
    "/api/stats": stats,
    "/api/documents": documents,
    "/api/claims": claims,
    "/api/events": events,
    "/api/places": places,
    "/api/series": series,
    "/api/disputes": disputes,
    "/api/sources": sources,
    "/api/export.json": export,
    "/api/map.geojson": geojson,
}
