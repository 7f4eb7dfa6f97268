"""Does the proxy forward many slow requests at once, instead of answering 503?"""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from harness import free_port

pytestmark = pytest.mark.integration

SLOW_SERVER = """
import http.server, sys, time
class Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(12)
        self.send_response(200); self.end_headers(); self.wfile.write(b"done")
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Slow).serve_forever()
"""


@pytest.mark.timeout(180)
def test_thirty_slow_requests_at_once_all_get_through():
    """Thirty requests that each take 12 s upstream, at once: stock tornado forwards ten at a
    time and answers 503 ("Timeout in request queue") to those waiting over 20 s. Do all 30
    get their answer?"""
    upstream, public, api = free_port(), free_port(), free_port()
    procs = [
        subprocess.Popen([sys.executable, "-c", SLOW_SERVER, str(upstream)]),
        subprocess.Popen(
            [
                *(sys.executable, "-m", "praxishub.proxy"),
                *("--ip", "127.0.0.1", "--port", str(public)),
                *("--api-ip", "127.0.0.1", "--api-port", str(api)),
                *("--default-target", f"http://127.0.0.1:{upstream}"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(f"http://127.0.0.1:{api}/api/routes", timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the proxy did not start"
                time.sleep(0.3)

        def fetch(_: int) -> int:
            return requests.get(f"http://127.0.0.1:{public}/slow", timeout=120).status_code

        with ThreadPoolExecutor(30) as pool:
            codes = list(pool.map(fetch, range(30)))
        assert codes == [200] * 30
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
