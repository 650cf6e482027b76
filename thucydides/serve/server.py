"""A small web server for the UI and the REST API (standard library only).

Read-only: it opens the store, answers GET requests, and never writes. Bound to
127.0.0.1 by default; analysts share a store file, not an open port.
"""

from __future__ import annotations

import json
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from typing import Any
from urllib.parse import parse_qsl, urlparse

from thucydides.data import data_path
from thucydides.serve.api import ROUTES
from thucydides.store.db import Store

STATIC = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/index.html": ("index.html", "text/html; charset=utf-8"),
}


class Handler(BaseHTTPRequestHandler):
    server_version = "thucydides"

    def __init__(self, *args: Any, store: Store, **kwargs: Any) -> None:
        self.store = store
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        url = urlparse(self.path)
        query = dict(parse_qsl(url.query))
        if url.path in ROUTES:
            try:
                payload = ROUTES[url.path](self.store, query)
            except Exception as exc:  # noqa: BLE001 - report, keep serving
                self._send(HTTPStatus.INTERNAL_SERVER_ERROR, json.dumps({"error": str(exc)}), "application/json")
                return
            self._send(HTTPStatus.OK, json.dumps(payload, ensure_ascii=False), "application/json")
        elif url.path == "/api/admin1.geojson":
            self._send(HTTPStatus.OK, data_path("geo_admin1.geojson").read_text(encoding="utf-8"),
                       "application/geo+json")
        elif url.path in STATIC:
            name, kind = STATIC[url.path]
            self._send(HTTPStatus.OK, files("thucydides.serve").joinpath("static", name).read_text("utf-8"), kind)
        else:
            routes = sorted([*ROUTES, "/api/admin1.geojson"])
            self._send(HTTPStatus.NOT_FOUND, json.dumps({"error": f"no such path {url.path}", "paths": routes}),
                       "application/json")

    def _send(self, status: HTTPStatus, body: str, kind: str) -> None:
        raw = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - signature of the base class
        return


def make_server(store: Store, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    from thucydides.corpus.reconcile import needs_reconciling, reconcile

    if needs_reconciling(store):  # the API reads the stored reconciliation: bring it up to date once
        reconcile(store)
    return ThreadingHTTPServer((host, port), partial(Handler, store=store))
