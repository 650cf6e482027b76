"""Running the application under uvicorn with the `serve` settings: bounded, quiet, loopback by default.

`Server` binds its own socket (so port 0 picks a free port and the listen backlog is ours), then serves
on a thread (tests, benchmarks) or in the foreground (`thucydides serve`).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import replace

import uvicorn

from thucydides.serve.app import create_app
from thucydides.serve.data import ServeData
from thucydides.serve.settings import ServeSettings, serve_settings
from thucydides.store.db import Store


class Server:
    def __init__(self, store: Store, host: str | None = None, port: int | None = None,
                 settings: ServeSettings | None = None, token: str | None = None,
                 data: ServeData | None = None) -> None:
        settings = settings or serve_settings()
        self.settings = replace(settings, host=host or settings.host, port=settings.port if port is None else port)
        self.data = data or ServeData(store)
        app = create_app(self.data, self.settings, token=token, host=self.settings.host)
        family = socket.AF_INET6 if ":" in self.settings.host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind((self.settings.host, self.settings.port))
        self.socket.listen(self.settings.backlog)
        config = uvicorn.Config(
            app, log_level="warning", server_header=False, date_header=True, access_log=False,
            timeout_keep_alive=self.settings.keep_alive_timeout_s, limit_concurrency=self.settings.max_connections,
            backlog=self.settings.backlog, h11_max_incomplete_event_size=64 * 1024, proxy_headers=False,
        )
        self.uvicorn = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self.socket.getsockname()[1])

    @property
    def url(self) -> str:
        host = self.settings.host
        return f"http://{'[' + host + ']' if ':' in host else host}:{self.port}"

    def run(self) -> None:
        """Serve in the foreground until interrupted."""
        self.uvicorn.run(sockets=[self.socket])

    def start(self) -> Server:
        """Serve on a background thread; returns once the server answers."""
        self._thread = threading.Thread(target=self.uvicorn.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self.uvicorn.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the web server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.uvicorn.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.socket.close()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()
