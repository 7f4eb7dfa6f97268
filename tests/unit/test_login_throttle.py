"""Is password guessing held back at the hub's login (praxishub.auth)? Wrong passwords
are counted per account and address, and per account, in a moving window; the real hub
and service are in tests/integration/test_isolation.py. Here the service's answer is
stood in for, and the clock is moved by the test. Everyone is synthetic."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace

import pytest
from tornado import web

from praxishub import auth

PASSWORDS = {"a.ivanova": "right-1", "b.lee": "right-2"}


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1_800_000_000.0}
    monkeypatch.setattr("limits.storage.memory.time.time", lambda: now["t"])
    monkeypatch.setattr("praxishub.auth.time.time", lambda: now["t"])
    return now


@pytest.fixture
def authenticator(monkeypatch):
    async def service(url, token, action, payload):
        if PASSWORDS.get(payload["username"]) == payload["password"]:
            return {"name": payload["username"], "groups": []}
        return None

    monkeypatch.setattr(auth, "ask_service", service)
    return auth.PraxisAuthenticator(
        failed_logins_per_address=3, failed_logins_per_account=5, failed_logins_minutes=10
    )


def login(authenticator, username, password, address="10.0.0.1", lang="en"):
    handler = SimpleNamespace(
        request=SimpleNamespace(remote_ip=address, headers={"Accept-Language": lang})
    )
    data = {"username": username, "password": password}
    return asyncio.run(authenticator.authenticate(handler, data))


def held(authenticator, *args, **kw) -> str:
    with pytest.raises(web.HTTPError) as info:
        login(authenticator, *args, **kw)
    assert info.value.status_code == 429
    return info.value.log_message


def test_three_wrong_passwords_hold_the_account_back_from_that_address(authenticator, clock):
    for _ in range(3):
        assert login(authenticator, "a.ivanova", "guess") is None
    # even the right password is refused now, with the wait named
    message = held(authenticator, "a.ivanova", "right-1")
    assert "Too many wrong passwords" in message and "10 min" in message
    assert "Слишком много неверных паролей" in held(authenticator, "a.ivanova", "x", lang="ru")
    # another account, and the same account from another address, are not held back
    assert login(authenticator, "b.lee", "right-2")["name"] == "b.lee"
    assert login(authenticator, "a.ivanova", "right-1", address="10.0.0.2")["name"] == "a.ivanova"
    # the window moves: 6 minutes later it is still held, 10 minutes after the first
    # failure it is free again
    clock["t"] += 6 * 60
    assert "4 min" in held(authenticator, "a.ivanova", "right-1")
    clock["t"] += 4 * 60 + 1
    assert login(authenticator, "a.ivanova", "right-1")["name"] == "a.ivanova"


def test_guesses_from_many_addresses_hold_the_account_back_everywhere(authenticator, clock):
    for i in range(5):
        assert login(authenticator, "a.ivanova", "guess", address=f"10.0.1.{i}") is None
    held(authenticator, "a.ivanova", "right-1", address="10.0.9.9")
    assert login(authenticator, "b.lee", "right-2", address="10.0.9.9")["name"] == "b.lee"


def test_a_right_password_clears_the_address_count(authenticator, clock):
    for _ in range(2):
        assert login(authenticator, "a.ivanova", "typo") is None
    assert login(authenticator, "a.ivanova", "right-1")["name"] == "a.ivanova"
    for _ in range(2):  # two more typos later: not held back, the earlier two are forgiven
        assert login(authenticator, "a.ivanova", "typo") is None
    assert login(authenticator, "a.ivanova", "right-1")["name"] == "a.ivanova"


def test_the_settings_reach_the_authenticator():
    from traitlets.config import Config

    from praxishub.hub import Runtime, apply_settings
    from praxishub.settings import parse_settings

    def configured(text: str) -> auth.PraxisAuthenticator:
        settings = parse_settings(text, Path("/srv/p/praxishub.yaml"))
        runtime = Runtime(
            is_root=True, prefix=Path("/opt/v"), service_token="t" * 64, hub_user="root"
        )
        return auth.PraxisAuthenticator(config=apply_settings(Config(), settings, runtime))

    base = (
        "programme: {name: P}\nports: {public: 9000, hub: 9001, proxy_api: 9002, service: 9003}\n"
    )
    mine = configured(
        base + "authentication:\n  failed_logins: {per_address: 4, per_account: 9, minutes: 30}\n"
    )
    assert (mine.failed_logins_per_address, mine.failed_logins_per_account) == (4, 9)
    assert mine.failed_logins_minutes == 30
    default = configured(base)
    assert (default.failed_logins_per_address, default.failed_logins_per_account) == (5, 20)
    assert default.failed_logins_minutes == 15
