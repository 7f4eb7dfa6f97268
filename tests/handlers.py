"""For unit tests of the programme service's Tornado handlers: who is calling, without a hub.

The hub-level role tests run against a real hub (tests/integration); these only stand in
for the hub's answer about the caller, so that a handler's own rules can be tested.
"""

from __future__ import annotations


class FakeHubCaller:
    """Mixed in before a handler: the caller named in the X-Test-User header, with the
    scopes in X-Test-Scopes (or those ``scopes_of`` gives)."""

    async def prepare(self) -> None:
        pass

    def scopes_of(self, name: str) -> list[str]:
        return self.request.headers.get("X-Test-Scopes", "").split()  # type: ignore[attr-defined]

    def get_current_user(self):
        name = self.request.headers.get("X-Test-User")  # type: ignore[attr-defined]
        return {"name": name, "kind": "user", "scopes": self.scopes_of(name)} if name else None


class NoXsrf:
    """For handlers whose browser-facing XSRF check is tested elsewhere."""

    def check_xsrf_cookie(self) -> None:
        pass
