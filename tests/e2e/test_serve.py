"""The REST API over loopback: paged lists, SQL filters, caching headers, guards, and token-guarded writes."""

from __future__ import annotations

import gzip
import json
import socket
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import date

import pytest

from thucydides.model import Analysis, Claim, Document, Event, Evidence, Interval, Place, Toponym
from thucydides.serve.data import ServeData
from thucydides.serve.server import Server
from thucydides.serve.settings import serve_settings
from thucydides.store.db import Store

TOKEN = "test-token-4c1f"
TEXTS = ["The group still holds about 50 square kilometres near Hajin, a monitor said.",
         "Fighters took the village of Susah after a week of clashes.",
         "Three civilians were killed in shelling on Abu Kamal on Friday."]


def _seed(store: Store) -> list[Document]:
    docs = []
    for n, text in enumerate(TEXTS):
        doc = Document.from_text(text, name=f"r{n}.txt", published=Interval(date(2018, 11, 2 + 10 * n),
                                                                            date(2018, 11, 2 + 10 * n)))
        place = Place(f"gn-{n}", ["Hajīn", "Sūsah", "Abu Kamal"][n], 34.5 + n / 10, 40.8 + n / 10, country="SY")
        claim = Claim(id=f"claim-{n}", doc=doc.id, metric="territory_held" if n == 0 else "killed",
                      unit="km2" if n == 0 else "person", low=50 if n == 0 else 3, high=50 if n == 0 else 3,
                      qualifier="approximately", evidence=Evidence.of(doc, 0, len(doc.text)), subject="ISIS",
                      place=place.id)
        event = Event(id=f"event-{n}", docs=[doc.id], event_type="Battles" if n < 2 else "Explosions/Remote violence",
                      sub_event_type="Armed clash" if n < 2 else "Shelling/artillery/missile attack",
                      evidence=[Evidence.of(doc, 0, len(doc.text))], actor1="SDF", actor2="ISIS", place=place.id,
                      date=doc.published)
        docs.append(doc)
        store.add_documents([doc])
        store.save_analysis(Analysis(doc, toponyms=[Toponym(0, 3, text[:3], place.id)], places={place.id: place},
                                     claims=[claim], events=[event]))
    return docs


class Client:
    def __init__(self, base: str) -> None:
        self.base = base

    def call(self, path: str, method: str = "GET", body: bytes | None = None, **headers: str):
        request = urllib.request.Request(self.base + path, data=body, method=method,
                                         headers={k.replace("_", "-"): v for k, v in headers.items()})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()

    def json(self, path: str, **headers: str):
        status, _, body = self.call(path, **headers)
        assert status == 200, (path, status, body)
        return json.loads(body)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "s.db")
    _seed(store)
    return store


@pytest.fixture
def api(store):
    with Server(store, port=0, token=TOKEN) as server:
        yield Client(server.url)


def test_openapi_lists_the_endpoints_and_docs_need_no_cdn(api):
    paths = api.json("/openapi.json")["paths"]
    for path in ("/api/events", "/api/claims", "/api/documents", "/api/documents/{doc_id}", "/api/places",
                 "/api/series", "/api/disputes", "/api/sources", "/api/control", "/api/control.geojson", "/api/stats"):
        assert path in paths
    assert set(paths["/api/documents"]) == {"get", "post"} and "delete" in paths["/api/documents/{doc_id}"]
    status, _, page = api.call("/docs")
    assert status == 200 and b"/static/swagger/swagger-ui-bundle.js" in page and b"cdn" not in page.lower()
    assert api.call("/static/swagger/swagger-ui-bundle.js")[0] == 200


def test_lists_are_paged_with_a_cursor(api):
    first = api.json("/api/events?limit=2")
    assert len(first["items"]) == 2 and first["next"]
    second = api.json(f"/api/events?limit=2&cursor={first['next']}")
    assert len(second["items"]) == 1 and second["next"] is None
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert ids == sorted(set(ids)) == ["event-0", "event-1", "event-2"]
    assert set(first["places"]) == {e["place"] for e in first["items"]}  # coordinates come with the page
    status, _, body = api.call("/api/events?cursor=not-a-cursor")
    assert status == 400 and b"cursor" in body
    for path in ("/api/claims", "/api/documents", "/api/places", "/api/series", "/api/disputes", "/api/sources",
                 "/api/control"):
        page = api.json(f"{path}?limit=1")
        assert set(page) >= {"items", "next", "limit"} and len(page["items"]) <= 1, path


def test_filters_are_applied(api):
    assert [c["id"] for c in api.json("/api/claims?metric=killed")["items"]] == ["claim-1", "claim-2"]
    assert [e["id"] for e in api.json("/api/events?event_type=Battles&start=2018-11-10")["items"]] == ["event-1"]
    assert [e["id"] for e in api.json("/api/events?bbox=40.85,34.55,41.5,35")["items"]] == ["event-1", "event-2"]
    assert api.json("/api/events?country=IQ")["items"] == []
    assert [c["id"] for c in api.json("/api/claims?place=gn-2")["items"]] == ["claim-2"]
    assert api.json("/api/claims?place=gn-2&end=2018-11-30")["items"] == []  # a claim with no time is in no window
    assert [e["id"] for e in api.json("/api/events?country=SY&end=2018-11-15")["items"]] == ["event-0", "event-1"]
    assert [e["id"] for e in api.json("/api/events?place=gn-0&actor=ISIS")["items"]] == ["event-0"]
    assert [p["name"] for p in api.json("/api/places?q=kamal")["items"]] == ["Abu Kamal"]
    documents = api.json("/api/documents")["items"]
    assert len(documents) == 3 and all("text" not in d and d["status"] == "processed" for d in documents)
    assert list(documents[0]) == ["id", "name", "url", "title", "outlet", "language", "published", "text_sha256",
                                  "status", "error", "chars"]
    one = api.json(f"/api/documents/{documents[0]['id']}")
    assert one["text"] in TEXTS
    assert api.call("/api/events?bbox=1,2,3")[0] == 400
    assert api.call("/api/events?start=yesterday")[0] == 422
    assert api.call("/api/documents/doc-nothing")[0] == 404


def test_etag_head_and_gzip(api):
    status, headers, body = api.call("/api/claims")
    assert status == 200 and headers["ETag"]
    assert api.call("/api/claims", If_None_Match=headers["ETag"])[0] == 304
    status, head_headers, head_body = api.call("/api/claims", method="HEAD")
    assert status == 200 and head_body == b"" and head_headers["ETag"] == headers["ETag"]
    assert head_headers["Content-Length"] == headers["Content-Length"]
    status, zipped_headers, zipped = api.call("/api/basemap/countries.geojson", Accept_Encoding="gzip")
    assert status == 200 and zipped_headers["Content-Encoding"] == "gzip"
    world = json.loads(gzip.decompress(zipped))
    assert len(world["features"]) > 200  # the whole world, not two countries


def test_guards_host_header_banner_and_security_headers(api):
    status, headers, body = api.call("/api/stats")
    assert status == 200 and "server" not in {k.lower() for k in headers}
    assert headers["X-Content-Type-Options"] == "nosniff" and "script-src 'self'" in headers["Content-Security-Policy"]
    assert api.call("/api/stats", Host="attacker.example")[0] == 400  # no DNS rebinding
    assert api.call("/api/stats", Host="localhost:1234")[0] == 200


def test_errors_carry_no_sql_and_no_paths(store, monkeypatch):
    data = ServeData(store)

    def broken(*_args, **_kwargs):
        raise RuntimeError("(sqlite3.OperationalError) no such column: events.x [SQL: SELECT * FROM events] "
                           "at /work/secret/path.py")

    monkeypatch.setattr(data.queries, "events", broken)
    with Server(store, port=0, data=data) as server:
        status, _, body = Client(server.url).call("/api/events")
    assert status == 500
    assert b"SELECT" not in body and b"/work" not in body and b"sqlite" not in body.lower()
    assert json.loads(body) == {"error": "internal error; the server's log has the details"}


def test_writes_need_the_operators_token(store):
    report = b"Fighters said they entered the village on Tuesday."
    with Server(store, port=0, token=None) as server:  # no token configured: read-only
        client = Client(server.url)
        assert client.call("/api/documents", "POST", report, Content_Type="text/plain")[0] == 401
    with Server(store, port=0, token=TOKEN) as server:
        client = Client(server.url)
        status, headers, _ = client.call("/api/documents", "POST", report, Content_Type="text/plain")
        assert status == 401 and headers["WWW-Authenticate"] == "Bearer"
        assert client.call("/api/documents", "POST", report, Content_Type="text/plain",
                           Authorization="Bearer wrong")[0] == 401
        doc_id = client.json("/api/documents")["items"][0]["id"]
        assert client.call(f"/api/documents/{doc_id}", "DELETE")[0] == 401
        assert len(client.json("/api/documents")["items"]) == 3


def test_delete_removes_a_document_and_what_depended_on_it(api):
    doc_id = next(d["id"] for d in api.json("/api/documents")["items"] if d["name"] == "r1.txt")
    status, _, body = api.call(f"/api/documents/{doc_id}", "DELETE", Authorization=f"Bearer {TOKEN}")
    assert status == 200
    assert json.loads(body) == {"document": doc_id, "mentions": 1, "claims": 1, "events": 1}
    assert api.call(f"/api/documents/{doc_id}")[0] == 404
    assert [e["id"] for e in api.json("/api/events")["items"]] == ["event-0", "event-2"]
    assert api.call(f"/api/documents/{doc_id}", "DELETE", Authorization=f"Bearer {TOKEN}")[0] == 404


def test_request_size_and_read_time_are_limited(store):
    settings = replace(serve_settings(), max_body_bytes=1000, read_timeout_s=0.5)
    with Server(store, port=0, token=TOKEN, settings=settings) as server:
        client = Client(server.url)
        status, _, body = client.call("/api/documents", "POST", b"x" * 5000, Content_Type="text/plain",
                                      Authorization=f"Bearer {TOKEN}")
        assert status == 413 and b"1000 bytes" in body
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:  # a body that never comes
            sock.sendall(b"POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                         b"Content-Length: 500\r\n\r\npartial")
            answer = sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 408")


def test_server_defaults_are_loopback_and_bounded(store):
    settings = serve_settings()
    assert settings.host == "127.0.0.1"
    server = Server(store, port=0)
    try:
        config = server.uvicorn.config
        assert server.settings.host == "127.0.0.1"
        assert config.limit_concurrency == settings.max_connections
        assert config.timeout_keep_alive == settings.keep_alive_timeout_s and config.server_header is False
    finally:
        server.socket.close()


def test_ui_page_and_assets_come_from_installed_packages(api):
    status, headers, page = api.call("/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    for asset in (b"/static/leaflet/leaflet.js", b"/static/markercluster/leaflet.markercluster.js",
                  b"/static/app/app.js"):
        assert asset in page
        assert api.call(asset.decode())[0] == 200
    _, _, script = api.call("/static/app/app.js")
    external = {line for line in script.decode().splitlines() if "https://" in line}
    assert all("tile.openstreetmap.org" in line for line in external)  # only the optional online tiles
    assert api.call("/api/nothing")[0] == 404


@pytest.mark.slow
def test_post_ingests_processes_and_lists_a_report(store, pipeline):
    data = ServeData(store, pipeline_factory=lambda: pipeline)
    report = (b"ISIS fighters killed 12 soldiers in an attack on an army post near Palmyra on Tuesday, "
              b"a monitor said.")
    with Server(store, port=0, token=TOKEN, data=data) as server:
        client = Client(server.url)
        status, _, body = client.call("/api/documents?name=post.txt&published=2021-06-02", "POST", report,
                                      Content_Type="text/plain; charset=utf-8", Authorization=f"Bearer {TOKEN}")
        assert status == 201, body
        added = json.loads(body)
        assert added["processed"] == 1 and added["failed"] == [] and len(added["documents"]) == 1
        listed = {d["id"]: d for d in client.json("/api/documents")["items"]}
        assert listed[added["documents"][0]]["status"] == "processed"
        assert listed[added["documents"][0]]["published"]["start"] == "2021-06-02"
        claims = client.json(f"/api/claims?doc={added['documents'][0]}")["items"]
        assert any(c["metric"] == "killed" and c["low"] == 12 for c in claims)
        lines = b"\n".join([json.dumps({"id": "line1", "text": "The SDF said it captured the town of Hajin."}).encode(),
                            json.dumps({"id": "line2", "text": ""}).encode(), b"{not json"])
        status, _, body = client.call("/api/documents", "POST", lines, Content_Type="application/x-ndjson",
                                      Authorization=f"Bearer {TOKEN}")
        batch = json.loads(body)
        assert status == 201 and batch["processed"] == 1 and len(batch["failed"]) == 2
        status, _, _ = client.call("/api/documents", "POST", b"<x/>", Content_Type="application/xml",
                                   Authorization=f"Bearer {TOKEN}")
        assert status == 415


def test_disputes_and_series_list_what_disagrees(tmp_path):
    store = Store(tmp_path / "d.db")
    claims = []
    for n, (figure, who) in enumerate(((40, "SDF"), (4, "SOHR"))):
        doc = Document.from_text(f"Report {n}: the group holds {figure} square kilometres, says {who}.", name=f"d{n}",
                                 published=Interval(date(2019, 2, 10 + n), date(2019, 2, 10 + n)))
        store.add_documents([doc])
        claim = Claim(id=f"claim-d{n}", doc=doc.id, metric="territory_held", unit="km2", low=figure, high=figure,
                      qualifier="exact", evidence=Evidence.of(doc, 0, len(doc.text)), subject="ISIS", claimant=who,
                      place="gn-9")
        claims.append(claim)
        store.save_analysis(Analysis(doc, places={"gn-9": Place("gn-9", "Baghuz", 34.46, 40.95)}, claims=[claim]))
    with Server(store, port=0) as server:
        client = Client(server.url)
        (dispute,) = client.json("/api/disputes")["items"]
        assert {c["claimant"] for c in dispute["claims"]} == {"SDF", "SOHR"}
        (series,) = client.json("/api/series")["items"]
        assert (series["metric"], series["points"], series["dated"]) == ("territory_held", 2, 2)
        points = client.json("/api/series/points?metric=territory_held&unit=km2&subject=ISIS")["items"]
        assert [p["claim"]["low"] for p in points] == [40, 4]
        (source,) = [s for s in client.json("/api/sources")["items"] if s["claimant"] == "SOHR"]
        assert source["disputed"] == 1


def test_control_pages_count_segments_and_continue_a_long_timeline():
    from thucydides.corpus.control import PlaceTimeline, Segment
    from thucydides.serve.api import sliced_segments

    long = PlaceTimeline(Place("gn-1", "Hajīn", 34.7, 40.8), [Segment(c, None) for c in ("ISIS", "SDF", "ISIS")])
    short = PlaceTimeline(Place("gn-2", "Sūsah", 34.5, 41.0), [Segment("SDF", None)])
    first, cursor = sliced_segments([long, short], None, 2, None)
    assert [(t.place.id, len(s)) for t, s in first] == [("gn-1", 2)] and cursor
    rest, end = sliced_segments([long, short], cursor, 2, None)
    assert [(t.place.id, len(s)) for t, s in rest] == [("gn-1", 1), ("gn-2", 1)] and end is None
