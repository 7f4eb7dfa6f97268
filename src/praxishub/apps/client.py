"""The programme service, as seen from a person's server (the apps' only data source)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import requests


class APIError(Exception):
    """The service refused or failed; the message is the service's, for the person."""

    def __init__(
        self, status: int, message: str, problems: list[dict[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.problems = problems or []  # each with where, message and fix, as the service sent


def request(
    method: str, url: str, token: str, timeout: float, what: str, **kw: Any
) -> requests.Response:
    """One call with the server's token; a service that does not answer is an APIError."""
    try:
        return requests.request(
            method, url, headers={"Authorization": f"token {token}"}, timeout=timeout, **kw
        )
    except requests.RequestException as exc:
        raise APIError(0, f"{what} did not answer ({exc.__class__.__name__})") from None


_viewer_known = False


def await_viewer() -> None:
    """In the shared dashboards service, wait until a person opens the page.

    A preheated kernel runs the notebook before anyone asks for it; here it stops until
    Voila hands it the request, with the viewer's token (praxishub.dashboards_service).
    Elsewhere (a person's own server, a test) it returns at once.
    """
    global _viewer_known
    if _viewer_known or os.environ.get("PRAXISHUB_SHARED_DASHBOARDS") != "1":
        return
    from voila.utils import wait_for_request

    wait_for_request()  # returns at once in a kernel started for a request
    _viewer_known = True


def viewer_token() -> str:
    """The token the apps call the programme API with: the viewer's own.

    In a person's server it is the server's token (the hub gives it its owner's scopes);
    in the shared dashboards service, the viewer's OAuth token that the service passed in.
    """
    if os.environ.get("PRAXISHUB_SHARED_DASHBOARDS") == "1":
        await_viewer()
        return os.environ.get("HTTP_X_PRAXIS_VIEWER_TOKEN", "")
    return os.environ.get("JUPYTERHUB_API_TOKEN", "")


@dataclass
class ProgrammeAPI:
    base: str = field(default_factory=lambda: os.environ.get("PRAXISHUB_SERVICE_URL", ""))
    token: str = field(default_factory=viewer_token)
    timeout: float = 30

    def _send(self, method: str, path: str, **kw: Any) -> requests.Response:
        if not self.base:
            raise APIError(0, "PRAXISHUB_SERVICE_URL is not set: open this app from Praxis Hub")
        url = self.base.rstrip("/") + "/" + path.lstrip("/")
        r = request(method, url, self.token, self.timeout, "the programme service", **kw)
        if r.status_code >= 400:
            problems: list[dict[str, str]] = []
            try:
                answer = r.json()
                message = str(answer.get("message", r.reason))
                problems = [p for p in answer.get("problems") or [] if isinstance(p, dict)]
            except (ValueError, AttributeError):
                message = r.text[:200] or str(r.reason)
            raise APIError(r.status_code, message, problems)
        return r

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        r = self._send(method, path, **kw)
        if not r.content:
            return {}
        try:
            return r.json()
        except ValueError:
            return {"message": r.text[:200]}

    def get(self, path: str, **params: str) -> dict[str, Any]:
        return self._call("GET", path, params={k: v for k, v in params.items() if v})

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return self._call("POST", path, json=body)

    def put(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        return self._call("PUT", path, json=body)

    def delete(self, path: str) -> None:
        self._call("DELETE", path)

    def get_bytes(self, path: str, **params: str) -> bytes:
        """A file the service makes (a CSV export), as it sent it."""
        r = self._send("GET", path, params={k: v for k, v in params.items() if v})
        return r.content


def course_services() -> dict[str, str]:
    """course id -> its grading service's URL (from the spawner's environment)."""
    import json

    try:
        return dict(json.loads(os.environ.get("PRAXISHUB_COURSE_SERVICES", "{}")))
    except ValueError:
        return {}


@dataclass
class GraderFiles:
    """A course's grading service (formgrader's Jupyter server), through its contents API.

    A trainer may open it (the hub checks), so an app in the trainer's server may put
    files into the course's source folder there, as the trainer could by hand.
    """

    base: str
    token: str = field(default_factory=lambda: os.environ.get("JUPYTERHUB_API_TOKEN", ""))
    timeout: float = 30

    def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        url = self.base.rstrip("/") + "/api/contents/" + path.strip("/")
        r = request(method, url, self.token, self.timeout, "the course's grading service", **kw)
        if r.status_code == 404 and method == "GET":
            return {}
        if r.status_code >= 400:
            hint = "you are not a trainer of this course" if r.status_code == 403 else r.reason
            raise APIError(r.status_code, f"{path}: {hint}")
        return r.json() if r.content else {}

    def read_text(self, path: str) -> str | None:
        found = self._call("GET", path, params={"type": "file", "format": "text", "content": "1"})
        return found.get("content") if found else None

    def ensure_folder(self, path: str) -> None:
        if not self._call("GET", path, params={"content": "0"}):
            self._call("PUT", path, json={"type": "directory"})

    def write_notebook(self, path: str, notebook: dict[str, Any]) -> None:
        self._call("PUT", path, json={"type": "notebook", "format": "json", "content": notebook})

    def write_text(self, path: str, text: str) -> None:
        self._call("PUT", path, json={"type": "file", "format": "text", "content": text})
