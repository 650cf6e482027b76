"""The REST API's routes: paged lists in the export contract's shapes, and token-guarded writes.

Every list answers `{"items": [...], "next": cursor or null, "limit": n}`; pass `cursor=next` for the
following page. Filters are evaluated in SQL (thucydides.store.queries). Records use the export contract's
shapes (thucydides.export.contract), so a client that reads the JSON export reads the API too.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from thucydides.corpus.control import PlaceTimeline, Segment
from thucydides.export import contract
from thucydides.export.control import segment, to_geojson
from thucydides.ingest.errors import IngestError, IngestFailure
from thucydides.model import Document
from thucydides.serve.data import Added, SeriesSummary, ServeData, in_force
from thucydides.serve.settings import ServeSettings
from thucydides.store.queries import (
    BBox,
    ClaimFilter,
    DocumentFilter,
    DocumentSummary,
    EventFilter,
    Page,
    PlaceFilter,
    Scope,
    Window,
)

READ = ["GET"]
"""HEAD is answered as GET without the body (thucydides.serve.guard.HeadAsGet)."""
JSONL_TYPES = frozenset({"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/ndjson"})


# --- responses -----------------------------------------------------------------------------------------------

def reply(request: Request, payload: Any, status: int = 200) -> Response:
    """JSON with a weak ETag from the body: a client that already has it gets 304 and no body."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tag = 'W/"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    headers = {"ETag": tag, "Cache-Control": "no-cache"}
    if status == 200 and tag in request.headers.get("if-none-match", ""):
        return Response(status_code=304, headers=headers)
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _encode(kind: str, value: str | int) -> str:
    return base64.urlsafe_b64encode(f"{kind}:{value}".encode()).decode().rstrip("=")


def _decode(cursor: str | None, kind: str) -> str | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError):
        raw = ""
    prefix, _, value = raw.partition(":")
    if prefix != kind or not value:
        raise HTTPException(400, "cursor is not one this list gave out; start again without it")
    return value


def _offset(cursor: str | None) -> int:
    value = _decode(cursor, "o")
    if value is None:
        return 0
    if not value.isdigit():
        raise HTTPException(400, "cursor is not one this list gave out; start again without it")
    return int(value)


def listing(items: list[Any], next_cursor: str | None, limit: int, **extra: Any) -> dict[str, Any]:
    return {"items": items, "next": next_cursor, "limit": limit, **extra}


def sliced(items: Sequence[Any], cursor: str | None, limit: int) -> tuple[Sequence[Any], str | None]:
    """A page of an in-memory list (series, disputes, sources, control) with an offset cursor."""
    start = _offset(cursor)
    end = start + limit
    return items[start:end], (_encode("o", end) if end < len(items) else None)


def sliced_segments(timelines: Sequence[PlaceTimeline], cursor: str | None, limit: int,
                    at: date | None) -> tuple[list[tuple[PlaceTimeline, list[Segment]]], str | None]:
    """`limit` segments, place after place; a long timeline goes on on the next page under the same place."""
    raw = _decode(cursor, "s") or "0.0"
    place, _, first = raw.partition(".")
    if not (place.isdigit() and first.isdigit()):
        raise HTTPException(400, "cursor is not one this list gave out; start again without it")
    p, s = int(place), int(first)
    out: list[tuple[PlaceTimeline, list[Segment]]] = []
    room = limit
    while p < len(timelines) and room > 0:
        segments = timelines[p].at(at) if at else timelines[p].segments
        taken = segments[s:s + room]
        out.append((timelines[p], taken))
        room -= len(taken)
        p, s = (p, s + len(taken)) if s + len(taken) < len(segments) else (p + 1, 0)
    return out, (_encode("s", f"{p}.{s}") if p < len(timelines) else None)


def keyset(page: Page) -> str | None:
    return _encode("k", page.after) if page.after else None


# --- parameters ------------------------------------------------------------------------------------------------

def parse_bbox(raw: str | None) -> BBox | None:
    if not raw:
        return None
    try:
        west, south, east, north = (float(x) for x in raw.split(","))
    except ValueError:
        raise HTTPException(400, "bbox must be west,south,east,north in degrees") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(400, "bbox must be west,south,east,north with west <= east and south <= north")
    return west, south, east, north


class Paging:
    """limit and cursor, the same on every list."""

    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings

    def __call__(self, limit: Annotated[int | None, Query(ge=1, description="Records per page.")] = None,
                 cursor: Annotated[str | None, Query(description="`next` of the previous page.")] = None,
                 ) -> tuple[int, str | None]:
        chosen = min(limit or self.settings.page_size, self.settings.max_page_size)
        return chosen, cursor


Day = Annotated[date | None, Query(description="YYYY-MM-DD")]
Text = Annotated[str | None, Query()]


def document_summary(d: DocumentSummary) -> dict[str, Any]:
    return contract.document(d.meta) | {"status": d.status, "error": d.error, "chars": d.chars}


def series_record(s: SeriesSummary) -> dict[str, Any]:
    """A series without its points (those are paged by /api/series/points)."""
    return {"metric": s.metric, "unit": s.unit, "subject": s.subject, "points": s.points, "dated": s.dated,
            "first_day": s.first_day.isoformat() if s.first_day else None,
            "last_day": s.last_day.isoformat() if s.last_day else None}


# --- the routes ------------------------------------------------------------------------------------------------

def read_routes(data: ServeData, settings: ServeSettings) -> APIRouter:  # noqa: C901 - one closure per route
    router = APIRouter(prefix="/api", tags=["read"])
    paging = Depends(Paging(settings))

    def with_places(items: list[Any]) -> dict[str, Any]:
        found = data.places_by_id(getattr(x, "place", None) for x in items)
        return {pid: contract.place(p) for pid, p in sorted(found.items())}

    @router.api_route("/stats", methods=READ, summary="What the store holds")
    def stats(request: Request) -> Response:
        window = data.date_range()
        return reply(request, vars(data.stats()) | {
            "first_day": window.start.isoformat() if window.start else None,
            "last_day": window.end.isoformat() if window.end else None})

    @router.api_route("/events", methods=READ, summary="Events, per report (filters in SQL)")
    def events(request: Request, page: tuple[int, str | None] = paging, event_type: Text = None,
               sub_event_type: Text = None, actor: Text = None, place: Text = None, doc: Text = None,
               country: Text = None, bbox: Text = None, start: Day = None, end: Day = None) -> Response:
        limit, cursor = page
        scope = Scope(place, doc, country, parse_bbox(bbox), Window(start, end))
        f = EventFilter(event_type, sub_event_type, actor, scope)
        found = data.events(f, limit, _decode(cursor, "k"))
        return reply(request, listing([contract.event(e) for e in found.items], keyset(found), limit,
                                      places=with_places(found.items)))

    @router.api_route("/claims", methods=READ, summary="Claims (figures), filters in SQL")
    def claims(request: Request, page: tuple[int, str | None] = paging, metric: Text = None, unit: Text = None,
               subject: Text = None, agent: Text = None, claimant: Text = None, place: Text = None,
               doc: Text = None, country: Text = None, bbox: Text = None, start: Day = None,
               end: Day = None) -> Response:
        limit, cursor = page
        scope = Scope(place, doc, country, parse_bbox(bbox), Window(start, end))
        f = ClaimFilter(metric, unit, subject, agent, claimant, scope)
        found = data.claims(f, limit, _decode(cursor, "k"))
        return reply(request, listing([contract.claim(c) for c in found.items], keyset(found), limit,
                                      places=with_places(found.items)))

    @router.api_route("/documents", methods=READ, summary="Reports (without their text)")
    def documents(request: Request, page: tuple[int, str | None] = paging, status: Text = None,
                  outlet: Text = None, start: Day = None, end: Day = None) -> Response:
        limit, cursor = page
        found = data.documents(DocumentFilter(status, outlet, Window(start, end)), limit, _decode(cursor, "k"))
        return reply(request, listing([document_summary(d) for d in found.items], keyset(found), limit))

    @router.api_route("/documents/{doc_id}", methods=READ, summary="One report with its text")
    def document(request: Request, doc_id: str) -> Response:
        found = data.document(doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id}")
        doc, status = found
        return reply(request, contract.document(doc) | {"status": status, "text": doc.text})

    @router.api_route("/places", methods=READ, summary="Places the reports name")
    def places(request: Request, page: tuple[int, str | None] = paging, kind: Text = None, country: Text = None,
               q: Annotated[str | None, Query(description="Part of the name.")] = None,
               bbox: Text = None) -> Response:
        limit, cursor = page
        found = data.places(PlaceFilter(kind, country, q, parse_bbox(bbox)), limit, _decode(cursor, "k"))
        return reply(request, listing([contract.place(p) for p in found.items], keyset(found), limit))

    @router.api_route("/series", methods=READ, summary="Claim series (quantities), the most dated first")
    def series(request: Request, page: tuple[int, str | None] = paging, metric: Text = None,
               subject: Text = None) -> Response:
        limit, cursor = page
        chosen = [s for s in data.series_index() if (not metric or s.metric == metric)
                  and (not subject or s.subject == subject)]
        items, nxt = sliced(chosen, cursor, limit)
        return reply(request, listing([series_record(s) for s in items], nxt, limit))

    @router.api_route("/series/points", methods=READ, summary="Every claim of one series, oldest first")
    def series_points(request: Request, metric: Annotated[str, Query()], unit: Annotated[str, Query()],
                      page: tuple[int, str | None] = paging, subject: Text = None) -> Response:
        limit, cursor = page
        found = [s for s in data.series(metric, subject) if s.unit == unit and s.subject == (subject or None)]
        points = found[0].points if found else ()
        items, nxt = sliced(points, cursor, limit)
        return reply(request, listing([{"when": contract.interval(p.when), "claim": contract.claim(p.claim)}
                                       for p in items], nxt, limit, metric=metric, unit=unit, subject=subject))

    @router.api_route("/disputes", methods=READ, summary="Figures from different reports that cannot both be true")
    def disputes(request: Request, page: tuple[int, str | None] = paging, metric: Text = None) -> Response:
        limit, cursor = page
        items, nxt = sliced(data.disputes(metric), cursor, limit)
        return reply(request, listing([{"reason": c.reason, "claims": [contract.claim(c.a), contract.claim(c.b)]}
                                       for c in items], nxt, limit))

    @router.api_route("/sources", methods=READ, summary="Per claimant: claims, reports, hedged, disputed")
    def sources(request: Request, page: tuple[int, str | None] = paging) -> Response:
        limit, cursor = page
        items, nxt = sliced(data.sources(), cursor, limit)
        return reply(request, listing([vars(r) | {"disputed_share": r.disputed_share} for r in items], nxt, limit))

    @router.api_route("/control", methods=READ, summary="Who controls each place over time",
                      description="`limit` counts segments; a long timeline goes on on the next page under the "
                                  "same place.")
    def control(request: Request, page: tuple[int, str | None] = paging,
                at: Annotated[date | None, Query(description="Only segments in force on this day.")] = None,
                place: Text = None, bbox: Text = None,
                evidence: Annotated[int, Query(ge=0, le=10_000, description="Evidence spans per segment.")] = 10,
                ) -> Response:
        limit, cursor = page
        timelines = in_force(data.control(place, parse_bbox(bbox)), at)
        items, nxt = sliced_segments(timelines, cursor, limit, at)
        records = [{"place": contract.place(t.place), "timeline": [segment(s, t, evidence) for s in chosen]}
                   for t, chosen in items]
        return reply(request, listing(records, nxt, limit, at=at.isoformat() if at else None))

    @router.api_route("/control.geojson", methods=READ, summary="Controllers on a day, as a map layer")
    def control_geojson(request: Request, at: Annotated[date | None, Query()] = None, bbox: Text = None) -> Response:
        return reply(request, to_geojson(data.control(None, parse_bbox(bbox)), at))

    return router


def _bearer(settings_token: str | None) -> Any:
    def check(request: Request) -> None:
        given = request.headers.get("authorization", "")
        scheme, _, token = given.partition(" ")
        if settings_token is None:
            raise HTTPException(401, "writes are disabled: the operator sets THUCYDIDES_API_TOKEN to allow them",
                                headers={"WWW-Authenticate": "Bearer"})
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.encode(), settings_token.encode()):
            raise HTTPException(401, "a valid bearer token is needed to write", headers={"WWW-Authenticate": "Bearer"})
    return check


def _documents_and_failures(results: Iterable[object]) -> list[Document | IngestFailure]:
    """What a reader yields, without its warnings and resume markers (a request is read whole)."""
    return [r for r in results if isinstance(r, Document | IngestFailure)]


def read_reports(body: bytes, content_type: str, request: Request) -> list[Document | IngestFailure]:
    """The posted body as documents: a plain-text report, a JSON record or array, or JSONL lines."""
    import io

    from thucydides.ingest.jsonl import parse_json_file, parse_jsonl

    kind = content_type.split(";")[0].strip().lower()
    if kind in JSONL_TYPES:
        return _documents_and_failures(parse_jsonl(body.splitlines(), "api"))
    if kind == "application/json":
        return _documents_and_failures(parse_json_file(io.BytesIO(body), "api"))
    if kind in ("text/plain", ""):
        return [_plain_report(body, request)]
    raise HTTPException(415, "send text/plain (one report), application/json or application/x-ndjson (records)")


def _plain_report(body: bytes, request: Request) -> Document | IngestFailure:
    from thucydides.ingest.dates import BadDate, parse_published
    from thucydides.ingest.documents import make_document

    q = request.query_params
    try:
        return make_document(body.decode("utf-8"), source="api", name=q.get("name"), url=q.get("url"),
                             title=q.get("title"), outlet=q.get("outlet"),
                             published=parse_published(q.get("published")))
    except UnicodeDecodeError:
        return IngestFailure("api", "text/plain must be UTF-8")
    except BadDate as exc:
        return IngestFailure("api", str(exc))
    except IngestError as exc:
        return exc.as_failure()


def write_routes(data: ServeData, token: str | None) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["write"], dependencies=[Depends(_bearer(token))])

    @router.post("/documents", status_code=201, summary="Add reports: ingested, processed, reconciled",
                 openapi_extra={"requestBody": {"content": {
                     "text/plain": {"schema": {"type": "string"}},
                     "application/json": {"schema": {"type": "object"}},
                     "application/x-ndjson": {"schema": {"type": "string"}}}}})
    async def add(request: Request) -> Response:
        parsed = read_reports(await request.body(), request.headers.get("content-type", ""), request)
        docs = [d for d in parsed if isinstance(d, Document)]
        failed = [{"source": f.source, "reason": f.reason} for f in parsed if isinstance(f, IngestFailure)]
        if not docs:
            return reply(request, {"error": "no report could be read", "failed": failed}, 400)
        added: Added = await run_in_threadpool(data.add, docs)
        return reply(request, {"documents": added.documents, "already": added.already, "processed": added.processed,
                               "failed": failed + [{"source": n, "reason": e} for n, e in added.failures]}, 201)

    @router.delete("/documents/{doc_id}", summary="Remove a report and what was derived from it")
    def remove(request: Request, doc_id: str) -> Response:
        removed = data.remove(doc_id)
        if removed is None:
            raise HTTPException(404, f"no document {doc_id}")
        return reply(request, vars(removed))

    return router
