"""The proxy in front of the hub: the Python port of configurable-http-proxy, with room
for many requests at once.

Rule: same program, same options; only tornado's HTTP client, which the port uses to
forward every request, may hold many requests in flight. Its default (10) queues the
rest, and a request queued longer than its timeout gets "503 Timeout in request queue":
with a few dozen people working at once, a busy hub, or slow answers (a starting server,
a long save), people got errors for requests that were never even sent.

And one fix: the port forwards a browser's binary WebSocket frames to the server as text
frames, which the server refuses (not UTF-8). Jupyter sends a widget message that carries
bytes (a FileUpload's file) as a binary frame, so uploads in Voila apps never arrived.
"""

from __future__ import annotations

import os
from typing import Any

MAX_CLIENTS = 1024  # requests in flight; memory per idle slot is nil


def on_message(self: Any, message: str | bytes) -> None:
    """ProxyHandler.on_message, keeping a binary frame binary."""
    if self.ws_client:
        prefix = self.target["prefix"] if self.target else ""
        if prefix:
            self.proxy.update_last_activity(prefix)
        self.ws_client.write_message(message, binary=isinstance(message, bytes))


def main() -> None:
    from configurable_http_proxy.cli import main as proxy
    from configurable_http_proxy.handlers import ProxyHandler
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(
        None, max_clients=int(os.environ.get("PRAXISHUB_PROXY_MAX_CLIENTS", MAX_CLIENTS))
    )
    ProxyHandler.on_message = on_message
    proxy()


if __name__ == "__main__":
    main()
