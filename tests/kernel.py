"""Run code in a real Jupyter kernel of a person's server, over the hub's proxy."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect


def execute(base_url: str, username: str, token: str, code: str, timeout: float = 60) -> dict:
    """Start a kernel in USERNAME's server, run CODE, return {'stdout', 'error'}."""
    headers = {"Authorization": f"token {token}"}
    api = f"{base_url}/user/{username}/api/kernels"
    kernel = requests.post(api, headers=headers, json={"name": "python3"}, timeout=60)
    kernel.raise_for_status()
    kid = kernel.json()["id"]
    try:
        # In its own thread: Playwright's sync API may hold this thread's event loop.
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(
                asyncio.run, _run(base_url, username, token, kid, code, timeout)
            ).result()
    finally:
        requests.delete(f"{api}/{kid}", headers=headers, timeout=30)


async def _run(
    base_url: str, username: str, token: str, kid: str, code: str, timeout: float
) -> dict:
    ws_url = base_url.replace("http", "ws", 1) + f"/user/{username}/api/kernels/{kid}/channels"
    conn = await websocket_connect(
        HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}, connect_timeout=30)
    )
    msg_id = uuid.uuid4().hex
    await conn.write_message(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "username": username,
                    "session": uuid.uuid4().hex,
                    "msg_type": "execute_request",
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "content": {"code": code, "silent": False, "store_history": False},
                "channel": "shell",
            }
        )
    )
    out: dict = {"stdout": "", "error": None}
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        raw = await asyncio.wait_for(conn.read_message(), deadline - loop.time())
        if raw is None:
            break
        msg = json.loads(raw)
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind == "stream":
            out["stdout"] += msg["content"]["text"]
        elif kind == "error":
            out["error"] = msg["content"]["ename"]
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    conn.close()
    # Wait for the close handshake, so the socket is closed before the loop ends.
    with contextlib.suppress(TimeoutError):
        while await asyncio.wait_for(conn.read_message(), 5) is not None:
            pass
    return out
