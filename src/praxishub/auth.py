"""Authentication: who may log in is decided by the programme roster.

Rule: the hub never reads the programme database. It asks the programme
service (the only gate to programme data) with the service's token, and takes
the person's hub groups (role-*, cohort-*) from the answer, so removing
someone from the roster locks them out at the next refresh.
"""

from __future__ import annotations

import json
from typing import Any

from jupyterhub.auth import Authenticator
from tornado.httpclient import AsyncHTTPClient, HTTPClientError
from traitlets import Unicode


async def ask_service(url: str, token: str, action: str, payload: dict[str, Any]) -> dict | None:
    """POST to the programme service's hub endpoint; None when it says no."""
    try:
        resp = await AsyncHTTPClient().fetch(
            f"{url.rstrip('/')}/api/hub/{action}",
            method="POST",
            body=json.dumps(payload),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            request_timeout=20,
        )
    except HTTPClientError as exc:
        if exc.code in (401, 403, 404):
            return None
        raise
    return json.loads(resp.body)


class PraxisAuthenticator(Authenticator):
    """Local accounts: passwords are checked by the programme service."""

    service_url = Unicode(
        config=True, help="Internal URL of the programme service, with its prefix."
    )
    service_token = Unicode(config=True, help="The programme service's API token.")

    async def authenticate(self, handler, data):  # type: ignore[no-untyped-def]
        username = (data.get("username") or "").strip().lower()
        return await ask_service(
            self.service_url,
            self.service_token,
            "login",
            {"username": username, "password": data.get("password") or ""},
        )

    async def refresh_user(self, user, handler=None):  # type: ignore[no-untyped-def]
        answer = await ask_service(
            self.service_url, self.service_token, "lookup", {"username": user.name}
        )
        return answer if answer is not None else False


def roster_hook(service_url: str, token: str):  # type: ignore[no-untyped-def]
    """A post_auth_hook for any other authenticator (OAuth, LTI): only people in
    the roster get in, with their roster groups."""

    async def hook(authenticator, handler, authentication):  # type: ignore[no-untyped-def]
        if authentication is None:
            return None
        answer = await ask_service(
            service_url, token, "lookup", {"username": authentication["name"]}
        )
        if answer is None:
            authenticator.log.warning("%s is not in the roster", authentication["name"])
            return None
        authentication["groups"] = answer["groups"]
        return authentication

    return hook
