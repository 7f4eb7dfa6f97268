"""Stopping the Jupyter servers of people who were deactivated.

Rule: deactivation refuses someone's logins and their requests to the programme service at
once, but a server they started keeps running (with their files and open kernels) until the
idle culler stops it, and that may be off. So the programme service stops it:

- at once, when a coordinator deactivates people through the service (the People app): the
  answer says whose servers were stopped and whose could not be, and why;
- and every ``SWEEP_SECONDS``, for everyone inactive in the roster whom the hub lists with a
  server (deactivated by ``praxishub people deactivate``, which works on the database alone,
  or while the hub was down, or who started a server in the moment before).

The service's hub role holds ``read:servers`` and ``delete:servers`` for this, and nothing
more about servers. The hub itself refuses the person's next start: its refresh before a
spawn asks the roster, and refreshes are strict (``hub.py``), so a token they made while
active is refused too.
"""

from __future__ import annotations

import asyncio
import json
import logging
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.engine import Engine
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest

from praxishub import db
from praxishub.db import Person

log = logging.getLogger("praxishub.service.servers")
SWEEP_SECONDS = 20
PAGE = 200


async def _hub(api_url: str, token: str, method: str, path: str) -> tuple[int, object]:
    """A call to the hub's REST API: (status, JSON body or None)."""
    request = HTTPRequest(
        api_url.rstrip("/") + path,
        method=method,
        headers={"Authorization": f"token {token}"},
        allow_nonstandard_methods=True,
        request_timeout=60,
    )
    try:
        response = await AsyncHTTPClient().fetch(request)
    except HTTPClientError as exc:
        if exc.code == 404:
            return 404, None
        raise
    body = response.body
    return response.code, json.loads(body) if body and response.code == 200 else None


async def _running(api_url: str, token: str, username: str) -> list[str]:
    """The names of the person's servers the hub has running or starting ("" the default)."""
    status, model = await _hub(api_url, token, "GET", f"/users/{quote(username, safe='')}")
    if status == 404 or not isinstance(model, dict):
        return []  # never logged in: the hub has no such user, so no server
    return sorted((model.get("servers") or {}).keys())


async def stop_servers(
    api_url: str, token: str, usernames: list[str]
) -> tuple[list[str], list[dict[str, str]]]:
    """Stop every server of these people: (whose were stopped, [{username, reason}] whose
    could not be). Someone with no server is in neither list."""
    stopped: list[str] = []
    failed: list[dict[str, str]] = []
    for username in usernames:
        try:
            servers = await _running(api_url, token, username)
            user = f"/users/{quote(username, safe='')}"
            for name in servers:
                path = f"{user}/servers/{quote(name, safe='')}" if name else f"{user}/server"
                await _hub(api_url, token, "DELETE", path)
            if servers:
                stopped.append(username)
                log.info("stopped the server of %s, who was deactivated", username)
        except (TimeoutError, OSError, HTTPClientError) as exc:
            log.warning("could not stop the server of deactivated %s: %s", username, exc)
            failed.append({"username": username, "reason": f"the hub did not stop it: {exc}"})
    return stopped, failed


def inactive_people(engine: Engine) -> set[str]:
    with db.session_scope(engine) as session:
        return set(session.scalars(select(Person.username).where(Person.active.is_(False))))


async def sweep(engine: Engine, api_url: str, token: str) -> list[str]:
    """Stop the servers of everyone inactive whom the hub lists with one; whose were stopped."""
    inactive = inactive_people(engine)
    if not inactive:
        return []
    listed: list[str] = []
    offset = 0
    while True:  # the hub answers in pages (50 people unless asked for more; 200 at most)
        path = f"/users?state=active&offset={offset}&limit={PAGE}"
        status, users = await _hub(api_url, token, "GET", path)
        if status != 200 or not isinstance(users, list) or not users:
            break
        listed += [u["name"] for u in users if isinstance(u, dict) and u.get("name") in inactive]
        offset += len(users)
    stopped, _ = await stop_servers(api_url, token, listed)
    return stopped


async def keep_sweeping(engine: Engine, api_url: str, token: str) -> None:
    """``sweep`` every SWEEP_SECONDS, for as long as the service runs."""
    while True:
        try:
            await sweep(engine, api_url, token)
        except Exception:
            log.exception("stopping deactivated people's servers failed; trying again")
        await asyncio.sleep(SWEEP_SECONDS)
