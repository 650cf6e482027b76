"""The web application: the UI's page and assets, the REST API, the OpenAPI docs, and the guards.

Read-only unless the operator sets a bearer token (THUCYDIDES_API_TOKEN). Host headers are checked
against the configured names (no DNS rebinding), request bodies are size- and time-limited, errors
never carry SQL, paths or tracebacks, and every asset (Leaflet, Swagger UI, base map) comes from
installed packages, never from a CDN.
"""

from __future__ import annotations

import gzip
import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from thucydides.knowledge import data_path
from thucydides.serve.api import parse_bbox, read_routes, reply, write_routes
from thucydides.serve.basemap import COUNTRIES_FILE
from thucydides.serve.data import ServeData
from thucydides.serve.guard import BodyGuard, HeadAsGet, SecurityHeaders
from thucydides.serve.settings import ServeSettings

log = logging.getLogger("thucydides.serve")
TOKEN_VARIABLE = "THUCYDIDES_API_TOKEN"
STATIC = Path(str(files("thucydides.serve").joinpath("static")))


def _asset_dirs() -> dict[str, Path]:
    """Front-end libraries as their PyPI packages ship them."""
    import swagger_ui_bundle
    import xstatic.pkg.leaflet as leaflet
    import xstatic.pkg.leaflet_markercluster as markercluster

    return {"leaflet": Path(leaflet.BASE_DIR), "markercluster": Path(markercluster.BASE_DIR),
            "swagger": Path(swagger_ui_bundle.swagger_ui_path), "app": STATIC}


@cache
def _basemap(name: str) -> bytes:
    return gzip.decompress(data_path(name).read_bytes())


def allowed_hosts(settings: ServeSettings, host: str | None) -> list[str]:
    names = list(settings.allowed_hosts)
    if host and host not in ("0.0.0.0", "::") and host not in names:
        names.append(host)
    return names + [f"[{n}]" for n in names if ":" in n]


def create_app(data: ServeData, settings: ServeSettings, token: str | None = None, host: str | None = None) -> FastAPI:
    """The whole application over one store; `token` (default: THUCYDIDES_API_TOKEN) enables writes."""
    token = token if token is not None else (os.environ.get(TOKEN_VARIABLE) or None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        threading.Thread(target=data.warm, name="thucydides-warm", daemon=True).start()
        yield

    app = FastAPI(title="thucydides", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="War reporting as auditable, geolocated event data: events, claims, places, "
                              "disputes and territorial control, each with its evidence.")
    app.include_router(read_routes(data, settings))
    app.include_router(write_routes(data, token))
    _pages(app)
    _errors(app)
    app.add_middleware(GZipMiddleware, minimum_size=settings.gzip_min_bytes)
    app.add_middleware(BodyGuard, max_bytes=settings.max_body_bytes, timeout_s=settings.read_timeout_s)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(settings, host))
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)
    return app


def _pages(app: FastAPI) -> None:
    for name, folder in _asset_dirs().items():
        app.mount(f"/static/{name}", StaticFiles(directory=folder), name=name)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="thucydides API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")

    @app.api_route("/api/basemap/countries.geojson", methods=["GET"], tags=["map"],
                   summary="Country outlines of the whole world (Natural Earth, simplified)")
    def countries() -> Response:
        return Response(_basemap(COUNTRIES_FILE), media_type="application/geo+json",
                        headers={"Cache-Control": "max-age=86400"})

    @app.api_route("/api/basemap/admin1.geojson", methods=["GET"], tags=["map"],
                   summary="First-level admin areas (approximate outside OCHA's shapes)")
    def admin1(request: Request, bbox: Annotated[str | None, Query()] = None) -> Response:
        return reply(request, _admin_in(parse_bbox(bbox)))


def _admin_in(bbox: tuple[float, float, float, float] | None) -> dict[str, Any]:
    from thucydides.export.control import admin_areas

    features, tree, _ = admin_areas()
    if bbox is None:
        return {"type": "FeatureCollection", "features": features}
    import shapely

    hits = sorted(int(i) for i in tree.query(shapely.box(*bbox), predicate="intersects"))
    return {"type": "FeatureCollection", "features": [features[i] for i in hits]}


def _errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [{"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg", "")}
                  for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "fields": fields}, status_code=422)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("error answering %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": "internal error; the server's log has the details"}, status_code=500)


__all__ = ["HTTPException", "TOKEN_VARIABLE", "allowed_hosts", "create_app"]
