"""The REST API's payloads: pure functions from the store to JSON-ready values.

Records use the export contract's shapes (thucydides.export.contract), so a client that
reads the JSON export reads the API too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from thucydides.corpus.across import merge_across_documents
from thucydides.corpus.series import build_series, contradictions, rate_sources
from thucydides.export import contract
from thucydides.export.geojson import to_geojson
from thucydides.runner import load_bundle
from thucydides.store.db import Store

Query = Mapping[str, str]


def _matches(record: Mapping[str, Any], query: Query, fields: tuple[str, ...]) -> bool:
    return all(record.get(f) == query[f] for f in fields if query.get(f))


def stats(store: Store, query: Query) -> Any:
    return vars(store.stats())


def documents(store: Store, query: Query) -> Any:
    return [contract.document(d) for d in store.documents()]


def claims(store: Store, query: Query) -> Any:
    rows = [contract.claim(c) for c in store.claims()]
    return [r for r in rows if _matches(r, query, ("metric", "subject", "claimant", "doc", "place"))]


def events(store: Store, query: Query) -> Any:
    rows = [contract.event(e) for e in merge_across_documents(store.events())]
    return [r for r in rows if _matches(r, query, ("event_type", "sub_event_type", "actor1", "actor2", "place"))]


def places(store: Store, query: Query) -> Any:
    return [contract.place(p) for p in store.places()]


def series(store: Store, query: Query) -> Any:
    out = []
    for s in build_series(store.claims(), store.documents(), query.get("metric"), query.get("subject")):
        out.append({
            "metric": s.metric, "unit": s.unit, "subject": s.subject,
            "points": [{"when": contract.interval(p.when), "claim": contract.claim(p.claim)} for p in s.points],
        })
    return out


def disputes(store: Store, query: Query) -> Any:
    return [{"reason": c.reason, "claims": [contract.claim(c.a), contract.claim(c.b)]}
            for c in contradictions(store.claims(), store.documents())]


def sources(store: Store, query: Query) -> Any:
    claims = store.claims()
    return [vars(r) | {"disputed_share": r.disputed_share}
            for r in rate_sources(claims, contradictions(claims, store.documents()))]


def export(store: Store, query: Query) -> Any:
    return contract.to_contract(load_bundle(store))


def geojson(store: Store, query: Query) -> Any:
    return to_geojson(load_bundle(store))


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
