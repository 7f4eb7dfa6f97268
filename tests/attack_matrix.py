"""The attack catalogue's parts: what an attack is, the people it uses, and the programme
API's RBAC matrix (every route × method, who may), checked against the service's own URL
table by tests/integration/test_attack_catalogue.py."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import requests
from tornado import web

import courseloop as loop
from praxishub.service.app import make_app

PREFIX = "/services/praxis/"
ROLES = ("trainee", "supervisor", "trainer", "coordinator")
ANONYMOUS = "anonymous"
METHODS = ("get", "post", "put", "delete", "patch")
EVIL = {
    "Origin": "http://evil.example",
    "Sec-Fetch-Mode": "no-cors",
    "Sec-Fetch-Site": "cross-site",
}
LOGIN_COOKIES = re.compile(
    r"^(jupyterhub-hub-login|jupyterhub-session-id|jupyterhub-user-|service-)"
)


@dataclass
class Attack:
    name: str
    category: str
    attempt: Callable[[], bool]  # True: the attack succeeded


def run(tally: dict, attacks: list[Attack]) -> None:
    """Try each attack; fail naming those that succeeded."""
    for attack in attacks:
        tally.setdefault(attack.category, {})[attack.name] = bool(attack.attempt())
    names = [a.name for a in attacks]
    assert len(set(names)) == len(names), "attack names must be unique"
    worked = [a.name for a in attacks if tally[a.category][a.name]]
    assert worked == [], f"attacks that succeeded: {worked}"


def ok(response: requests.Response) -> bool:
    return 200 <= response.status_code < 300


def call(hub, who: str, method: str, path: str, body: object = None) -> requests.Response:
    """A request with WHO's own token (none for the anonymous), never following redirects."""
    kw = {"allow_redirects": False}
    if body is not None:
        kw["json"] = body
    if who == ANONYMOUS:
        return requests.request(method, f"{hub.url}{path}", timeout=120, **kw)
    return hub.api(who, method, path, **kw)


# --- RBAC matrix of the programme API -------------------------------------------------


@dataclass(frozen=True)
class Probe:
    method: str
    path: str  # after /services/praxis/
    allowed: frozenset[str]  # the roles that may
    ok: int = 200  # what an allowed role gets (a 400 proves it got past the role check)
    body: object = None
    public: bool = False  # anyone, logged in or not


def probes(cast: dict[str, str], session_id: int, case_id: str) -> list[Probe]:
    """Every route × method of the programme API: who may, with a harmless request."""
    every, nobody = frozenset(ROLES), frozenset()
    staff = frozenset({"supervisor", "trainer", "coordinator"})
    graders = frozenset({"supervisor", "trainer"})
    trainer, coordinator = frozenset({"trainer"}), frozenset({"coordinator"})
    v = cast["victim"]
    sub = f"api/desk/submissions/{loop.COURSE}/{loop.ASSIGNMENT}/{v}"
    code = "7K2M-Q9XD-4HTP-B6WN"
    inbound = f"api/exchange/{loop.COURSE}/inbound/{v}+{loop.ASSIGNMENT}+2026-01-01T000000"
    one = f"api/supervision/sessions/{session_id}"
    score = {"course": loop.COURSE, "assignment": loop.ASSIGNMENT, "username": v}
    return [
        Probe("GET", "", every, ok=302),
        Probe("GET", "api/me", every),
        Probe("GET", "api/people", staff),
        Probe("GET", "api/me/scores", every),
        Probe("POST", "api/scores", nobody, body={**score, "auto_score": 99, "auto_max": 1}),
        Probe("GET", "me", every),
        Probe("POST", "api/hub/login", nobody, body={"username": v, "password": "x"}),
        Probe("POST", "api/hub/lookup", nobody, body={"username": v}),
        Probe("GET", "api/health", every, public=True),
        Probe("GET", "oauth_callback", nobody),
        Probe("GET", "api/cases", every),
        Probe("GET", "api/cases/views", coordinator),
        Probe("GET", f"api/cases/{case_id}", every),
        Probe("GET", "api/review/cases", trainer),
        Probe("GET", "api/review/cases/no-such-draft", trainer, ok=404),
        Probe("POST", "api/review/cases/no-such-draft", trainer, ok=400, body={"action": "x"}),
        Probe("GET", "api/supervision/sessions", every),
        Probe("POST", "api/supervision/sessions", graders, ok=400, body={"minutes": 0}),
        Probe("GET", one, coordinator),  # the coordinator reads every session, no notes
        Probe("PUT", one, nobody, body={"minutes": 5}),
        Probe("DELETE", one, nobody),
        Probe("POST", f"{one}/confirm", nobody),
        Probe("GET", "api/supervision/totals", every),
        Probe("POST", "api/supervision/signoff", graders, ok=400, body={"month": "soon"}),
        Probe("GET", "api/supervision/export.csv", every),
        Probe("POST", "api/desk/index", nobody, body={"course": loop.COURSE, "rows": []}),
        Probe("GET", "api/desk/queue", graders),
        Probe("GET", "api/desk/bank", graders),
        Probe("POST", "api/desk/bank", graders, ok=400, body={"text": " "}),
        Probe("GET", "api/desk/progress", every),
        Probe("GET", sub, nobody),
        Probe("POST", sub, nobody, body={"version": 0, "levels": {}}),
        Probe("GET", f"{sub}/feedback", nobody),
        Probe("POST", f"{sub}/feedback", nobody, body={}),
        Probe("GET", "api/me/feedback", every),
        Probe("GET", "api/me/certificates", every),
        Probe("GET", f"api/me/certificates/{code}.pdf", nobody),
        Probe("GET", f"api/certificates/{code}", every, ok=404, public=True),  # anyone checks
        Probe("GET", f"api/certificates?course={loop.COURSE}", coordinator),
        Probe("POST", "api/certificates/issue", coordinator, ok=400, body={}),
        Probe("GET", f"api/certificates/{code}.pdf", coordinator, ok=404),
        Probe("GET", "api/exchange/", every),  # each sees the courses it may use
        Probe("GET", f"api/exchange/{loop.COURSE}/outbound", frozenset({"trainee", "trainer"})),
        Probe("GET", inbound, frozenset({"trainee", "trainer"}), ok=404),  # not theirs: none
        Probe("PUT", inbound, frozenset({"trainee"}), ok=400, body={}),  # another's name
        Probe("DELETE", f"api/exchange/{loop.COURSE}/outbound/no-such", trainer, ok=404),
        Probe("GET", "api/reports/funder?from=2026-01-01&to=2027-12-31", coordinator),
        Probe("GET", "api/desk/calibrations", graders),
        Probe("POST", "api/desk/calibrations", graders, ok=400, body={"title": ""}),
        Probe("GET", "api/desk/calibrations/999999/items/999999", nobody),
        Probe("POST", "api/desk/calibrations/999999/items/999999", nobody, body={"levels": {}}),
        Probe("GET", "api/desk/calibrations/999999/agreement", nobody),
        Probe(
            "GET",
            f"api/attendance/checkin/windows?course={loop.COURSE}&webinar={loop.ASSIGNMENT}",
            trainer,
        ),
        Probe(
            "POST",
            "api/attendance/checkin/windows",
            trainer,
            ok=400,
            body={"course": loop.COURSE, "webinar": loop.ASSIGNMENT, "minutes": "soon"},
        ),
        Probe("POST", "api/attendance/checkin", frozenset({"trainee"}), ok=400, body={"code": "Z"}),
        Probe("GET", "api/attendance/webinars", every),
        Probe("GET", "api/me/attendance", every),
        Probe("GET", "api/dashboards/overview", frozenset({"trainer", "coordinator"})),
        Probe("GET", "api/dashboards/supervisor", graders),
        Probe("GET", "api/dashboards/me", every),
        # File imports: an empty file is 400, which only who passed the role check gets.
        Probe("POST", "api/people/import", coordinator, ok=400, body={"content_base64": ""}),
        Probe("POST", "api/people/passwords", coordinator, ok=400, body={}),
        Probe("POST", "api/people/active", coordinator, ok=400, body={}),
        Probe(
            "POST",
            "api/attendance/import",
            frozenset({"trainer", "coordinator"}),
            ok=400,
            body={"course": loop.COURSE, "webinar": loop.ASSIGNMENT, "content_base64": ""},
        ),
        Probe(
            "GET",
            f"api/attendance/unmatched?course={loop.COURSE}&webinar={loop.ASSIGNMENT}",
            frozenset({"trainer", "coordinator"}),
        ),
        Probe(
            "POST",
            "api/attendance/resolve",
            frozenset({"trainer", "coordinator"}),
            ok=400,
            body={"course": loop.COURSE, "webinar": loop.ASSIGNMENT, "name": "-", "username": "-"},
        ),
    ]


def route_table() -> list[tuple[re.Pattern, str, list[str]]]:
    """The programme service's URL table: (pattern, handler, methods it defines)."""
    app = make_app(None, "unused", PREFIX, {}, ["en"])  # type: ignore[arg-type]
    table = []
    for rule in app.wildcard_router.rules:
        handler = rule.target
        methods = [
            m.upper() for m in METHODS if getattr(handler, m) is not getattr(web.RequestHandler, m)
        ]
        table.append((rule.matcher.regex, handler.__name__, methods))
    return table


def route_of(table, path: str) -> tuple[str, str]:
    """The (pattern, handler) a path reaches, as tornado matches it: the first that matches."""
    for regex, name, _ in table:
        if regex.match(PREFIX + path.split("?", 1)[0]):
            return regex.pattern, name
    raise AssertionError(f"no route of the programme service serves {path}")
