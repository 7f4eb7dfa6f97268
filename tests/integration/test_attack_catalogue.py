"""The attack catalogue: every attack on the running hub we know of, tried for real, counted.

Each attack is a real HTTP request or a real file action as a trainee's Unix user, and
knows whether it succeeded (data came back, a 2xx answer, a state changed). The module
prints how many were tried and how many succeeded; each category's test fails naming the
ones that succeeded, so the number that succeeded is 0. With ``PRAXIS_RELIABILITY_DIR``
set, the figures go to ``attacks.json`` there.

The RBAC matrix is built from the programme service's own URL table: an endpoint (or a
method of one) with no entry in the matrix fails the test.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import subprocess
from pathlib import Path

import exchange_attacks
import pytest
import requests
from test_case_api import published_ids
from test_dashboards_service import BASE, OVERVIEW, PROGRAMME_FIGURE, UNREACHABLE, shown
from test_hostile_submissions import hostile_round
from test_supervision_api import log, supervisees

import courseloop as loop
from attack_matrix import (
    ANONYMOUS,
    EVIL,
    LOGIN_COOKIES,
    PREFIX,
    ROLES,
    Attack,
    call,
    ok,
    probes,
    route_of,
    route_table,
    run,
)
from harness import REPO, TEST_PREFIX, own_hub
from praxishub import unixusers
from praxishub.layout import Layout

FS_PREFIX = "pa-"  # the filesystem exchange's own hub

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def tally(request):
    """Every attack's outcome, by category; printed (and written) when the module ends."""
    outcomes: dict[str, dict[str, bool]] = {}
    yield outcomes
    tried = sum(len(v) for v in outcomes.values())
    worked = [name for v in outcomes.values() for name, done in v.items() if done]
    by_category = {
        c: {"attempted": len(v), "succeeded": sum(v.values())} for c, v in outcomes.items()
    }
    # past pytest's capture, so that the figures show in its normal output
    with request.config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print(f"\nattack catalogue: {tried} attempted, {len(worked)} succeeded {worked or ''}")
        for category, figures in by_category.items():
            print(
                f"  {category}: {figures['attempted']} attempted, {figures['succeeded']} succeeded"
            )
    if os.environ.get("PRAXIS_RELIABILITY_DIR"):
        out = Path(os.environ["PRAXIS_RELIABILITY_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        figures = {"attacks_attempted": tried, "attacks_succeeded": len(worked)}
        (out / "attacks.json").write_text(
            json.dumps({**figures, "by_category": by_category}, indent=2) + "\n", "utf-8"
        )


@pytest.fixture(scope="module")
def cast(hub) -> dict[str, str]:
    """One person of each role, and a trainee (the victim) none of them supervises."""
    people = {p["username"]: p for p in hub.values["people"]}
    victim = hub.people("trainee")[33]
    supervisor = next(s for s in hub.people("supervisor") if s != people[victim]["supervisor"])
    return {
        "trainee": hub.people("trainee")[32],
        "supervisor": supervisor,
        "trainer": loop.course_trainer(hub),
        "coordinator": hub.people("coordinator")[0],
        "victim": victim,
        "victims_supervisor": people[victim]["supervisor"],
    }


@pytest.fixture(scope="module")
def others_session(hub, cast) -> int:
    """A supervision session of the victim's own supervisor with the victim."""
    sup = cast["victims_supervisor"]
    assert cast["victim"] in supervisees(hub, sup)
    return log(hub, sup, [cast["victim"]])["id"]


def test_rbac_matrix_of_the_programme_api(hub, cast, others_session, tally):
    """Does every role (and a visitor with no login) get exactly what the matrix allows on
    every route × method of the programme API, the matrix covering the whole URL table?"""
    table = route_table()
    matrix = probes(cast, others_session, sorted(published_ids())[0])
    covered = {(route_of(table, p.path), p.method) for p in matrix}
    missing = [
        f"{m} {pattern} ({name})"
        for pattern_re, name, methods in table
        for m in methods
        if ((pattern := pattern_re.pattern, name), m) not in covered
    ]
    assert missing == [], f"endpoints with no entry in the RBAC matrix: {missing}"
    attacks, refused_allowed = [], []
    for p in matrix:
        url = PREFIX + p.path
        for role in (*ROLES, ANONYMOUS):
            who = cast.get(role, ANONYMOUS)
            if role in p.allowed or p.public:
                r = call(hub, who, p.method, url, p.body)
                if r.status_code != p.ok:
                    refused_allowed.append(f"{role} {p.method} {p.path}: {r.status_code}")
                continue
            attacks.append(
                Attack(
                    f"{role} {p.method} {p.path}",
                    "rbac:programme-api",
                    lambda who=who, p=p, url=url: ok(call(hub, who, p.method, url, p.body)),
                )
            )
    run(tally, attacks)
    assert refused_allowed == [], f"allowed by the matrix but refused: {refused_allowed}"


def test_rbac_hub_servers_formgrader_and_dashboards(hub, cast, tally):
    """Does every role get nothing of the hub's API beyond itself, nothing of another
    person's server, formgrader only as the course's trainer, and the dashboards' data
    only as far as its role lets it see?"""
    v = cast["victim"]
    hub.start_server(v)
    assert loop.wait_for_grader(hub, cast["trainer"]).status_code == 200
    app = "my_progress.ipynb"
    hub_and_servers = [
        ("GET", "/hub/api/users", None),
        ("GET", f"/hub/api/users/{v}", None),
        ("GET", "/hub/api/groups", None),
        ("GET", "/hub/api/proxy", None),
        ("GET", f"/hub/api/users/{v}/tokens", None),
        ("POST", f"/hub/api/users/{v}/tokens", {"note": "stolen"}),
        ("DELETE", f"/hub/api/users/{v}/server", None),
        ("POST", "/hub/api/users", {"usernames": ["intruder"]}),
        ("DELETE", f"/hub/api/users/{v}", None),
        ("POST", "/hub/api/groups/role-coordinator/users", {"users": ["{me}"]}),
        ("PATCH", "/hub/api/users/{me}", {"admin": True}),
        ("POST", "/hub/api/shutdown", {}),
        ("GET", f"/user/{v}/api/contents", None),
        ("GET", f"/user/{v}/lab", None),
        ("GET", f"/user/{v}/api/kernels", None),
        ("POST", f"/user/{v}/api/kernels", {"name": "python3"}),
        ("POST", f"/user/{v}/api/terminals", {}),
        ("GET", f"/user/{v}/voila/render/praxis-apps/{app}", None),
        ("GET", f"/user/{v}/files/praxis-apps/{app}", None),
    ]
    grader = [
        ("GET", f"{loop.GRADER}/formgrader", None),
        ("GET", f"{loop.GRADER}/formgrader/api/assignments", None),
        ("GET", f"{loop.GRADER}/api/contents", None),
        ("POST", f"{loop.GRADER}/api/kernels", {"name": "python3"}),
        ("POST", f"{loop.GRADER}/api/terminals", {}),
        ("GET", f"{loop.GRADER}/praxis-desk/rows", None),
    ]
    outsiders = {role: cast[role] for role in ROLES if role != "trainer"}
    outsiders |= {f"trainer {t} (not of the course)": t for t in hub.people("trainer")}
    outsiders.pop(f"trainer {cast['trainer']} (not of the course)")
    tries = [(role, cast[role], hub_and_servers) for role in ROLES]
    tries += [(ANONYMOUS, ANONYMOUS, hub_and_servers + grader)]
    tries += [(role, who, grader) for role, who in outsiders.items()]
    tries += [("trainer", cast["trainer"], grader[-1:])]  # the desk extension: the service's
    attacks = []
    for role, who, targets in tries:
        for method, path, body in targets:
            path = path.replace("{me}", who)
            body = json.loads(json.dumps(body).replace("{me}", who)) if body else body
            attacks.append(
                Attack(
                    f"{role} {method} {path}",
                    "rbac:hub-servers-formgrader",
                    lambda w=who, m=method, p=path, b=body: ok(call(hub, w, m, p, b)),
                )
            )
    # and the dashboards: everyone opens them, the programme's figures only for presenters
    for role in ("trainee", "supervisor"):
        attacks.append(
            Attack(
                f"{role} sees the programme's figures in the overview",
                "rbac:dashboards",
                # the page and its widgets' state, as the browser gets them
                lambda who=cast[role]: PROGRAMME_FIGURE in shown(hub, who),
            )
        )
    attacks.append(
        Attack(
            "anonymous opens the overview",
            "rbac:dashboards",
            lambda: ok(requests.get(f"{hub.url}{OVERVIEW}", allow_redirects=False, timeout=60)),
        )
    )
    run(tally, attacks)
    for role in ("trainer", "coordinator"):
        assert PROGRAMME_FIGURE in shown(hub, cast[role]), role
    for role in ROLES:
        me = cast[role]
        assert call(hub, me, "GET", f"/hub/api/users/{me}").status_code == 200
    r = call(hub, cast["trainer"], "GET", f"{loop.GRADER}/formgrader/api/assignments")
    assert r.status_code == 200, r.text


_sessions: dict[str, requests.Session] = {}


def session(hub, who: str) -> requests.Session:
    """WHO's logged-in browser session, past the OAuth dance of the services."""
    if who not in _sessions:
        s = hub.login(who)
        for service in ("/services/praxis/", f"{BASE}/"):
            s.get(f"{hub.url}{service}", timeout=60)
        _sessions[who] = s
    return _sessions[who]


def raw_get(s: requests.Session, url: str, **kw: object) -> requests.Response:
    """GET a URL as written: requests would resolve its ../ before sending it."""
    prepared = s.prepare_request(requests.Request("GET", url))
    prepared.url = url
    return s.send(prepared, allow_redirects=False, timeout=60, **kw)


# --- requests: XSRF, security headers, cookies, tokens in URLs ------------------------


def frameable(r: requests.Response) -> bool:
    """Could a foreign site frame this page? (No frame-ancestors of 'none' or 'self' only.)"""
    policy = r.headers.get("Content-Security-Policy", "")
    found = re.search(r"frame-ancestors([^;]*)", policy)
    return not found or not set(found.group(1).split()) <= {"'none'", "'self'"}


def weak_cookie(cookie, https: bool) -> bool:
    """A login cookie that script can read, that other sites' requests carry, or that is
    sent in clear over https. (Over plain http, as here on 127.0.0.1, Secure must be
    absent or the browser would drop the cookie; JupyterHub sets it on https.)"""
    rest = {k.lower(): v for k, v in cookie._rest.items()}
    samesite = (rest.get("samesite") or "").lower()
    return "httponly" not in rest or samesite not in ("lax", "strict") or https != cookie.secure


def test_requests_xsrf_headers_cookies_and_tokens_in_urls(hub, cast, tally):
    """Is a cookie-only POST (no _xsrf), and one marked no-cors from a foreign origin,
    refused by the hub, the programme service and a person's server; does every page
    refuse foreign framing; are login cookies HttpOnly and SameSite; and does a token in
    a URL log nobody in?"""
    t, sup, trainer = cast["trainee"], cast["supervisor"], cast["trainer"]
    hub.start_server(t)
    mine = session(hub, t)
    mine.get(f"{hub.url}/user/{t}/lab", timeout=60)  # the server's own OAuth dance
    forged = [
        (t, "POST", f"/hub/api/users/{t}/tokens", {"note": "csrf"}),
        (t, "POST", f"/hub/api/users/{t}/server", None),
        (t, "GET", "/hub/api/user", None),
        (t, "GET", "/services/praxis/api/me", None),
        (t, "POST", "/services/praxis/api/attendance/checkin", {"code": "ZZZZZZ"}),
        (sup, "POST", "/services/praxis/api/supervision/signoff", {"month": "2020-01"}),
        (sup, "POST", "/services/praxis/api/desk/bank", {"text": "csrf"}),
        (trainer, "POST", "/services/praxis/api/review/cases/no-such-draft", {"action": "x"}),
        (
            t,
            "PUT",
            f"/user/{t}/api/contents/csrf.txt",
            {"type": "file", "format": "text", "content": "x"},
        ),
        (t, "POST", f"/user/{t}/api/kernels", {"name": "python3"}),
        (t, "GET", f"/user/{t}/api/contents", None),
    ]
    attacks = []
    for who, method, path, body in forged:
        for how, headers in (("cookie only", {}), ("no-cors from evil.example", EVIL)):
            if method == "GET" and not headers:
                continue  # a same-site read with one's own cookie is the point of a login
            attacks.append(
                Attack(
                    f"{how}: {who} {method} {path}",
                    "requests:xsrf",
                    lambda w=who, m=method, p=path, b=body, h=headers: ok(
                        session(hub, w).request(
                            m, f"{hub.url}{p}", json=b, headers=h, allow_redirects=False, timeout=60
                        )
                    ),
                )
            )
    pages = [
        (ANONYMOUS, "/hub/login"),
        (t, "/hub/home"),
        (t, "/services/praxis/api/me"),
        (t, "/services/praxis/me"),
        (t, f"{BASE}/"),
        (t, f"{BASE}/voila/render/my_progress.ipynb"),
        (t, f"/user/{t}/lab"),
        (trainer, f"{loop.GRADER}/formgrader"),
        (ANONYMOUS, "/services/praxis/api/certificates/7K2M-Q9XD-4HTP-B6WN?format=html"),
    ]
    for who, path in pages:
        s = requests.Session() if who == ANONYMOUS else session(hub, who)
        attacks.append(
            Attack(
                f"frame {path} from a foreign site",
                "requests:headers",
                lambda s=s, p=path: frameable(s.get(f"{hub.url}{p}", timeout=120)),
            )
        )
    https = hub.url.startswith("https:")
    for who in (t, trainer):
        for cookie in session(hub, who).cookies:
            if LOGIN_COOKIES.match(cookie.name) and not cookie.name.endswith("-oauth-state"):
                attacks.append(
                    Attack(
                        f"weak cookie {cookie.name} of {who}",
                        "requests:cookies",
                        lambda c=cookie: weak_cookie(c, https),
                    )
                )
    token = hub.token(t)
    for path in (
        "/hub/home",
        "/hub/api/user",
        f"/user/{t}/lab",
        f"/user/{t}/api/contents",
        "/services/praxis/api/me",
        "/services/praxis/me",
        f"{BASE}/",
    ):
        attacks.append(
            Attack(
                f"token in the URL of {path}",
                "requests:token-in-url",
                lambda p=path: logs_in(hub, p, token),
            )
        )
    run(tally, attacks)


def logs_in(hub, path: str, token: str) -> bool:
    """Does ?token= get a page, or leave a login cookie that gets the page without it?"""
    s = requests.Session()
    r = s.get(f"{hub.url}{path}?token={token}", allow_redirects=False, timeout=60)
    kept = [
        c.name
        for c in s.cookies
        if LOGIN_COOKIES.match(c.name) and not c.name.endswith("-oauth-state")
    ]
    again = s.get(f"{hub.url}{path}", allow_redirects=False, timeout=60)
    return ok(r) or bool(kept) or ok(again)


# --- Voila: sources hidden, no path traversal ----------------------------------------

# What a leaked file would hold: the passwd file, a database, a notebook's JSON or code,
# the programme's settings.
LEAKS = ("root:x:", "SQLite format", '"nbformat"', "from praxishub", "unix_prefix:")


def test_voila_hides_sources_and_refuses_traversal(hub, cast, tally):
    """Does the shared dashboards service, and Voila in a person's own server, serve no
    notebook source and no file outside its dashboards, however the path is spelt?"""
    coordinator, t = cast["coordinator"], cast["trainee"]
    s = session(hub, coordinator)
    xsrf = {"X-XSRFToken": s.cookies.get("_xsrf", path="/hub/") or ""}
    attacks = [
        Attack(
            f"dashboards {method} {path}",
            "voila",
            lambda m=method, p=path: (
                (r := s.request(m, f"{hub.url}{BASE}{p}", headers=xsrf, timeout=60)).status_code
                < 400
                or any(leak in r.text for leak in LEAKS)
            ),
        )
        for method, path in UNREACHABLE
    ]
    spelt = [
        "/voila/static/../../../../../../etc/passwd",
        "/voila/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/static/..%2f..%2f..%2f..%2f..%2f..%2fetc/passwd",
        "/voila/templates/../../../../../../etc/passwd",
        "/static/../../../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/voila/files/%2e%2e/praxishub.yaml",
        "/voila/files/programme_overview.ipynb?download=1",
        "/files/programme_overview.ipynb",
        "/api/contents/programme_overview.ipynb?content=1",
        "/voila/render/programme_overview.ipynb?format=notebook",
        "/voila/render/%2e%2e/%2e%2e/praxishub.yaml",
    ]
    for path in spelt:
        attacks.append(
            Attack(
                f"dashboards raw GET {path}",
                "voila",
                lambda p=path: leaks(raw_get(s, f"{hub.url}{BASE}{p}")),
            )
        )
    for notebook in sorted((REPO / "dashboards").glob("*.ipynb")):
        code = "".join(
            "".join(c["source"])
            for c in json.loads(notebook.read_text("utf-8"))["cells"]
            if c["cell_type"] == "code"
        )
        source = max(code.splitlines(), key=len)
        attacks.append(
            Attack(
                f"source of {notebook.name} in its rendered page",
                "voila",
                lambda n=notebook.name, src=source: (
                    src in s.get(f"{hub.url}{BASE}/voila/render/{n}", timeout=120).text
                ),
            )
        )
    hub.start_server(t)
    own = session(hub, t)
    own.get(f"{hub.url}/user/{t}/lab", timeout=60)
    for path in (
        "voila/static/../../../../../../../etc/passwd",
        "voila/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "voila/templates/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "voila/files/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "voila/render/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    ):
        attacks.append(
            Attack(
                f"own server raw GET /user/{t}/{path}",
                "voila",
                lambda p=path: "root:x:" in raw_get(own, f"{hub.url}/user/{t}/{p}").text,
            )
        )
    run(tally, attacks)


def leaks(r: requests.Response) -> bool:
    return ok(r) and any(leak in r.text for leak in LEAKS)


# --- the exchange -----------------------------------------------------------------


@pytest.mark.root
@pytest.mark.timeout(900)
def test_exchange_privacy(hub, cast, tally):
    """The exchange kept by the programme API (the default): the victim submits and gets
    feedback through it; can another trainee, with their own hub token or as their own Unix
    user, see or change any of it, or break grading for everyone with hostile items? And
    does grading still work afterwards, with nothing of the exchange on disk?"""
    attacker, victim, sup = cast["trainee"], cast["victim"], cast["victims_supervisor"]
    assert hub.values.get("exchange", {}).get("mode", "api") == "api"
    loop.release(hub)
    exchange_attacks.submit_honestly(hub, attacker, "minutes = 5")
    earlier = exchange_attacks.submit_honestly(hub, victim, "minutes = 30")
    loop.wait_for_score(hub, victim, timeout=300, after=earlier)
    comment = "Safety first: good. Name the next step too."
    exchange_attacks.return_feedback(hub, sup, victim, comment)
    assert loop.assignment_action(hub, victim, "fetch_feedback").json()["success"]
    home = Path(pwd.getpwnam(unixusers.unix_name(TEST_PREFIX, victim)).pw_dir)
    pages = sorted(home.glob(f"{loop.COURSE}/{loop.ASSIGNMENT}/feedback/*/*.html"))
    assert pages and comment in pages[-1].read_text("utf-8")
    # the course is for the demo's two cohorts: the victim, in one of them, sees it;
    # taken out of every cohort by the coordinator's roster (after the attacker's flood,
    # so that no cap on submissions hides a refusal), they must not
    assert hub.values["courses"][0]["cohorts"]
    exchange = "/services/praxis/api/exchange"
    assert hub.api(victim, "GET", exchange).json()["courses"] == [loop.COURSE]
    try:
        run(tally, exchange_attacks.api_attacks(hub, TEST_PREFIX, attacker, victim, sup))
        with exchange_attacks.out_of_every_cohort(hub, cast["coordinator"], victim):
            run(tally, exchange_attacks.cohort_attacks(hub, victim))
        back = hub.api(victim, "GET", f"{exchange}/{loop.COURSE}/outbound")
        assert back.status_code == 200  # back in their cohort, the course is theirs again
    finally:
        # hostile items stored nothing that stops grading: a new submission is graded
        before = loop.score_of(hub, victim)
        exchange_attacks.submit_honestly(hub, victim, "minutes = 30")
        assert loop.wait_for_score(hub, victim, timeout=300, after=before)["auto_score"] == 1.0
        on_disk = Layout(hub.settings_path.parent).exchange_dir / loop.COURSE
        assert not on_disk.exists(), "the API exchange wrote an exchange folder"


@pytest.fixture(scope="module")
def filesystem_hub():
    """A hub of its own on the exchange folder of one machine (`exchange.mode:
    filesystem`); Unix prefix pa-, apart from the shared hub's people."""
    with own_hub("fs-exchange", FS_PREFIX, 2, exchange={"mode": "filesystem"}) as running:
        yield running


@pytest.mark.root
@pytest.mark.timeout(900)
def test_exchange_folder_privacy(filesystem_hub, tally):
    """The exchange folder, attacked as a trainee's own Unix user (see
    exchange_attacks.filesystem_attacks)."""
    attacker, victim = filesystem_hub.people("trainee")[:2]
    run(tally, exchange_attacks.filesystem_attacks(filesystem_hub, FS_PREFIX, attacker, victim))


@pytest.mark.timeout(900)
def test_hostile_submissions(hub, tally):
    """Does each hostile submission of the courses issue (read or write the gradebook, read
    the solution, reach the network, exhaust memory, loop, fork, patch the verdict) score 0,
    leave nothing running, and not stop an honest submission made just before them?"""
    loop.release(hub)
    people = hub.people("trainee")[16:26]
    honest = people[-1]
    hub.start_server(honest)
    earlier = loop.score_of(hub, honest)
    loop.assignment_action(hub, honest, "fetch")
    loop.answer(hub, honest, {1: "minutes = 30"})
    assert loop.assignment_action(hub, honest, "submit").json()["success"]
    worked = hostile_round(hub, people[:-1])
    try:
        run(
            tally,
            [Attack(name, "hostile-submissions", lambda n=name: worked[n]) for name in worked],
        )
    finally:
        assert loop.wait_for_score(hub, honest, timeout=300, after=earlier)["auto_score"] == 1.0
        left = subprocess.run(
            ["pgrep", "-u", f"sandbox-{loop.COURSE}"], capture_output=True, text=True
        )
        assert left.stdout == "", "processes of the sandbox user outlived grading"
