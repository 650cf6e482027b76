"""The `serve` section of settings.yaml: limits and timeouts of the web server."""

from __future__ import annotations

from dataclasses import dataclass

from thucydides.knowledge.settings import section


@dataclass(frozen=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8000
    allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    max_body_bytes: int = 8 * 1024 * 1024
    read_timeout_s: float = 20.0
    keep_alive_timeout_s: int = 5
    max_connections: int = 64
    backlog: int = 128
    worker_threads: int = 8
    page_size: int = 100
    max_page_size: int = 1000
    gzip_min_bytes: int = 1024


def serve_settings() -> ServeSettings:
    return section("serve", ServeSettings)
