"""Authentication: who may log in is decided by the programme roster.

Rule: the hub never reads the programme database. It asks the programme
service (the only gate to programme data) with the service's token, and takes
the person's hub groups (role-*, cohort-*) from the answer, so removing
someone from the roster locks them out at the next refresh. Password guessing is
held back here, where the person's address is known: wrong passwords are counted per
account and address, and per account, in a moving window (the ``limits`` library, kept
in the hub's memory: a restart forgets them).
"""

from __future__ import annotations

import json
import math
import time
from typing import Any

from jupyterhub.auth import Authenticator
from limits import RateLimitItemPerMinute, storage, strategies
from tornado import web
from tornado.httpclient import AsyncHTTPClient, HTTPClientError
from traitlets import Integer, Unicode

from praxishub.errors import PraxisError, Problem
from praxishub.i18n import pick_language, t


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
    failed_logins_per_address = Integer(
        5, config=True, help="Wrong passwords for one account from one address per window."
    )
    failed_logins_per_account = Integer(
        20, config=True, help="Wrong passwords for one account from anywhere per window."
    )
    failed_logins_minutes = Integer(15, config=True, help="The window, in minutes.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._failures = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    def _limits(self) -> list[tuple[Any, tuple[str, ...]]]:
        minutes = self.failed_logins_minutes
        return [
            (RateLimitItemPerMinute(self.failed_logins_per_address, minutes), ("address",)),
            (RateLimitItemPerMinute(self.failed_logins_per_account, minutes), ()),
        ]

    def _check_not_held(self, handler: Any, username: str, address: str) -> None:
        """429 while either count for the account is full, naming the wait."""
        for limit, scope in self._limits():
            keys = ("login", username, *([address] if scope else []))
            if not self._failures.test(limit, *keys):
                reset = self._failures.get_window_stats(limit, *keys).reset_time
                minutes = max(1, math.ceil((reset - time.time()) / 60))
                self.log.warning(
                    "login of %s from %s held back: too many wrong passwords", username, address
                )
                lang = pick_language(
                    None, handler.request.headers.get("Accept-Language", ""), ["en", "ru"]
                )
                raise web.HTTPError(429, t("login_held", lang).format(minutes=minutes))

    async def authenticate(self, handler, data):  # type: ignore[no-untyped-def]
        username = (data.get("username") or "").strip().lower()
        address = handler.request.remote_ip or "unknown"
        self._check_not_held(handler, username, address)
        answer = await ask_service(
            self.service_url,
            self.service_token,
            "login",
            {"username": username, "password": data.get("password") or ""},
        )
        for limit, scope in self._limits():
            keys = ("login", username, *([address] if scope else []))
            if answer is None:
                self._failures.hit(limit, *keys)
            elif scope:
                self._failures.clear(limit, *keys)
        return answer

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


class RosterRefresh(Authenticator):
    """Mixed in before any other authenticator (OAuth, LTI): its refresh asks the roster
    too, so someone taken out of the roster (or given another role or cohort) is logged
    out, or regrouped, at the next refresh, as with local accounts. Without it, the
    identity provider's answer at login would hold for as long as the cookie lives."""

    roster_service_url = Unicode(config=True, help="Internal URL of the programme service.")
    roster_service_token = Unicode(config=True, help="The programme service's API token.")

    async def refresh_user(self, user, handler=None):  # type: ignore[no-untyped-def]
        refreshed = await super().refresh_user(user, handler)
        if not refreshed:
            return refreshed
        answer = await ask_service(
            self.roster_service_url, self.roster_service_token, "lookup", {"username": user.name}
        )
        if answer is None:
            self.log.warning("%s is no longer in the roster: login required", user.name)
            return False
        model = dict(refreshed) if isinstance(refreshed, dict) else {"name": user.name}
        model["groups"] = answer["groups"]
        return model


def authenticator_problem(authenticator_class: str) -> tuple[str, str] | None:
    """What is wrong with `authentication.class`, as (message, fix), or None."""
    from traitlets.utils.importstring import import_item

    try:
        base = import_item(authenticator_class)
    except (ImportError, AttributeError, ValueError) as exc:
        return (
            f"cannot import {authenticator_class!r} ({exc})",
            "install the package that provides it (e.g. pip install oauthenticator), "
            "correct the import path, or use `local`",
        )
    if not (isinstance(base, type) and issubclass(base, Authenticator)):
        return (
            f"{authenticator_class!r} is not a JupyterHub authenticator",
            "name an Authenticator class, e.g. oauthenticator.generic.GenericOAuthenticator",
        )
    return None


def roster_checked(authenticator_class: str) -> type:
    """The authenticator at that import path, with the roster's refresh mixed in
    (`praxishub settings check` has vouched for the path)."""
    from traitlets.utils.importstring import import_item

    problem = authenticator_problem(authenticator_class)
    if problem is not None:
        raise PraxisError("authentication.class", [Problem("authentication.class", *problem)])
    base = import_item(authenticator_class)
    return type(base.__name__, (RosterRefresh, base), {"__module__": __name__})
