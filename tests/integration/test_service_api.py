"""Does the programme service show each role exactly what it may see?"""

from __future__ import annotations

import contextlib
import subprocess
import time

import psutil
import pytest
import requests

from harness import BIN, read_only
from praxishub.layout import Layout
from praxishub.service import servers

pytestmark = pytest.mark.integration


def test_me_describes_the_caller(hub):
    """Does /api/me give the caller's own roster record and role?"""
    sup = hub.people("supervisor")[0]
    me = hub.api(sup, "GET", "/services/praxis/api/me").json()
    assert me["username"] == sup
    assert me["roles"] == ["supervisor"]
    assert "custom:praxis:supervise" in me["scopes"]


def test_trainee_cannot_list_people(hub):
    """Does a trainee get 403 from /api/people?"""
    r = hub.api(hub.people("trainee")[0], "GET", "/services/praxis/api/people")
    assert r.status_code == 403


def test_supervisor_sees_exactly_their_supervisees(hub):
    """Does each supervisor get exactly the trainees assigned to them, nobody else?"""
    roster = hub.values["people"]
    for sup in hub.people("supervisor"):
        expected = {p["username"] for p in roster if p.get("supervisor") == sup}
        assert expected, "the demo gives every supervisor supervisees"
        got = hub.api(sup, "GET", "/services/praxis/api/people").json()["people"]
        assert {p["username"] for p in got} == expected


def test_coordinator_sees_everyone(hub):
    """Does the coordinator get the whole roster?"""
    coord = hub.people("coordinator")[0]
    got = hub.api(coord, "GET", "/services/praxis/api/people").json()["people"]
    assert {p["username"] for p in got} == hub.roster()
    assert {p["username"] for p in hub.values["people"]} <= hub.roster()


def test_hub_endpoints_refuse_user_tokens(hub):
    """Can a person call the hub-only login check with their own token? (No.)"""
    a = hub.people("trainee")[0]
    for auth in (f"Bearer {hub.token(a)}", "Bearer ", ""):
        r = requests.post(
            f"{hub.url}/services/praxis/api/hub/lookup",
            json={"username": a},
            headers={"Authorization": auth},
            timeout=10,
        )
        assert r.status_code == 403


def test_browser_login_reaches_the_service_by_oauth(hub):
    """Does a logged-in browser session reach /api/me through hub OAuth?"""
    a = hub.people("trainee")[1]
    session = hub.login(a)
    r = session.get(f"{hub.url}/services/praxis/api/me", timeout=30)
    # The first visit needs the OAuth dance, which the index page starts.
    if r.status_code == 403:
        session.get(f"{hub.url}/services/praxis/", timeout=30)
        r = session.get(f"{hub.url}/services/praxis/api/me", timeout=30)
    assert r.status_code == 200
    assert r.json()["username"] == a


def _server_running(hub, username: str) -> bool:
    """Does the hub's own database say the person's server runs (or is starting)?"""
    rows = read_only(
        Layout(hub.settings_path.parent).hub_db,
        "SELECT s.server_id FROM spawners s JOIN users u ON s.user_id = u.id "
        "WHERE u.name = ? AND s.name = ''",
        username,
    )
    return any(server_id is not None for (server_id,) in rows)


def _singleuser(hub, username: str) -> list:
    """The person's jupyterhub-singleuser processes under this hub."""
    found = []
    for proc in hub.descendants():
        with contextlib.suppress(psutil.Error):
            if "singleuser" in " ".join(proc.cmdline()) and (
                proc.environ().get("JUPYTERHUB_USER") == username
            ):
                found.append(proc)
    return found


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return condition()


def test_deactivation_stops_the_person_s_server(hub):
    """Does deactivating someone stop the Jupyter server they left running: at once when a
    coordinator does it through the service (the People app), within the sweep's period when
    it is done with `praxishub people deactivate` (the database alone), and does the hub then
    refuse to start it again? Reactivated afterwards, they can start it."""
    coordinator = hub.people("coordinator")[0]
    by_app, by_cli = hub.people("trainee")[7:9]
    for trainee in (by_app, by_cli):
        hub.token(trainee)  # made while active: the hub must refuse it a start later
        hub.start_server(trainee)
        assert _server_running(hub, trainee) and _singleuser(hub, trainee)
    cli = [BIN / "praxishub", "people", "deactivate", "-c", hub.settings_path]
    try:
        r = hub.api(
            coordinator,
            "POST",
            "/services/praxis/api/people/active",
            json={"usernames": [by_app], "active": False},
        )
        assert r.status_code == 200, r.text
        assert r.json()["servers_stopped"] == [by_app], r.json()
        assert r.json()["servers_not_stopped"] == []
        assert _wait(lambda: not _singleuser(hub, by_app), 30), hub.log_tail()
        assert not _server_running(hub, by_app)
        assert _server_running(hub, by_cli), "only the deactivated person's server stops"

        subprocess.run([*cli, by_cli], check=True, capture_output=True)
        assert _wait(lambda: not _server_running(hub, by_cli), 3 * servers.SWEEP_SECONDS), (
            hub.log_tail()
        )
        assert _wait(lambda: not _singleuser(hub, by_cli), 30)

        again = hub.api(by_app, "POST", f"/hub/api/users/{by_app}/server")
        assert again.status_code == 403, again.text
        assert not _server_running(hub, by_app)
    finally:
        subprocess.run([*cli, "--undo", by_app, by_cli], capture_output=True)
    hub.start_server(by_app)
    assert _singleuser(hub, by_app)
