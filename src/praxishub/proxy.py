"""The proxy in front of the hub: the Python port of configurable-http-proxy, with room
for many requests at once.

Rule: same program, same options; only tornado's HTTP client, which the port uses to
forward every request, may hold many requests in flight. Its default (10) queues the
rest, and a request queued longer than its timeout gets "503 Timeout in request queue":
with a few dozen people working at once, a busy hub, or slow answers (a starting server,
a long save), people got errors for requests that were never even sent.
"""

from __future__ import annotations

import os

MAX_CLIENTS = 1024  # requests in flight; memory per idle slot is nil


def main() -> None:
    from configurable_http_proxy.cli import main as proxy
    from tornado.httpclient import AsyncHTTPClient

    AsyncHTTPClient.configure(
        None, max_clients=int(os.environ.get("PRAXISHUB_PROXY_MAX_CLIENTS", MAX_CLIENTS))
    )
    proxy()


if __name__ == "__main__":
    main()
